import "@testing-library/jest-dom";
import { server } from "./msw-browser-server";

// The session reaches components over the network, answered by msw; any other request fails the test.
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());
