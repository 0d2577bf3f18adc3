import { render } from "@testing-library/react";
import type { NextRouter } from "next/router";
import { RouterContext } from "next/dist/shared/lib/router-context.shared-runtime";
import type { Session } from "next-auth";
import { SessionProvider } from "next-auth/react";
import type { ReactElement } from "react";

/** A router for components that read it; navigation calls are recorded, not performed. */
export function testRouter(pathname = "/"): NextRouter & { replace: jest.Mock; push: jest.Mock } {
  return {
    pathname,
    asPath: pathname,
    route: pathname,
    query: {},
    basePath: "",
    isReady: true,
    isFallback: false,
    isPreview: false,
    isLocaleDomain: false,
    push: jest.fn(() => Promise.resolve(true)),
    replace: jest.fn(() => Promise.resolve(true)),
    reload: jest.fn(),
    back: jest.fn(),
    forward: jest.fn(),
    prefetch: jest.fn(() => Promise.resolve()),
    beforePopState: jest.fn(),
    events: { on: jest.fn(), off: jest.fn(), emit: jest.fn() },
  } as never;
}

/**
 * Renders `ui` inside SessionProvider as _app does. Without `session` the provider fetches
 * /api/auth/session (answered by msw); with it, the provider starts from the server's session.
 */
export function renderWithSession(
  ui: ReactElement,
  { session, router = testRouter() }: { session?: Session | null; router?: NextRouter } = {},
) {
  return render(
    <RouterContext.Provider value={router}>
      <SessionProvider session={session} refetchOnWindowFocus={false}>
        {ui}
      </SessionProvider>
    </RouterContext.Provider>,
  );
}
