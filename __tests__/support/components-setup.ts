import "@testing-library/jest-dom";
import { server } from "./msw-browser-server";

// The session reaches components over the network, answered by msw; any other request fails the test.
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
// next-auth 5's client announces each session fetch on a BroadcastChannel, delivered a moment later:
// let it land in the test that caused it, not in the next one.
afterEach(() => new Promise((resolve) => setTimeout(resolve, 30)));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());
