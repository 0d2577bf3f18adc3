export const mockedUser = { id: "user-e2e", name: "E2E user", email: "e2e@example.com" };
