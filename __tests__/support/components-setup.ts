import "@testing-library/jest-dom";
import { configure } from "@testing-library/react";
import { server } from "./msw-browser-server";

// findBy* waits for what the session fetch renders. Its 1 s default is a clock race on a loaded
// 2-core machine (the first render of a file missed it beside e2e runs); a found element ends the
// wait at once, so only a missing one waits this long. Jest's own bound stays above it.
configure({ asyncUtilTimeout: 20_000 });
jest.setTimeout(30_000);

// The session reaches components over the network, answered by msw; any other request fails the test.
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
// next-auth 5's client announces each session fetch on a BroadcastChannel, delivered a moment later:
// let it land in the test that caused it, not in the next one.
afterEach(() => new Promise((resolve) => setTimeout(resolve, 30)));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());
