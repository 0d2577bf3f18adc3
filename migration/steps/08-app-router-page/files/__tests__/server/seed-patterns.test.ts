import NextAuth, { type NextAuthConfig } from "next-auth";
import { NextRequest, type NextFetchEvent } from "next/server";
import { authConfig, runtimeOptions } from "@/auth.config";
import { env } from "@/lib/env";
import { sessionCookie } from "../support/session";

/**
 * The seed article's middleware patterns, on this app's Edge config (auth.config.ts) with real
 * v5 cookies. The app's own middleware.ts uses the `authorized` form with its roles
 * (__tests__/server/middleware.test.ts); these show the article's two shorter forms behave as it says.
 */
const USER = { id: "11111111-1111-4111-8111-111111111111", role: "user" };
const { authorized: _ours, ...seedCallbacks } = authConfig.callbacks;

type Middleware = (request: NextRequest, event: NextFetchEvent) => Promise<Response | undefined>;

function middlewareFrom(
  callbacks: NextAuthConfig["callbacks"],
  wrapper?: (req: NextRequest & { auth: unknown }) => Response | void,
): Middleware {
  const { auth } = NextAuth({ ...authConfig, ...runtimeOptions(env()), callbacks });
  return (wrapper ? (auth as unknown as (fn: typeof wrapper) => Middleware)(wrapper) : auth) as unknown as Middleware;
}

/** Where the middleware redirects the visit (null: it lets it through). */
async function visit(middleware: Middleware, path: string, cookie?: string): Promise<URL | null> {
  const request = new NextRequest(`http://localhost:3000${path}`, { headers: cookie ? { cookie } : {} });
  const location = (await middleware(request, {} as NextFetchEvent))?.headers.get("location");
  return location ? new URL(location) : null;
}

describe("the seed's middleware patterns on v5", () => {
  it("the wrapper auth((req) => …) sends a signed-out visitor to /login and lets a signed-in one through", async () => {
    const middleware = middlewareFrom(seedCallbacks, (req) => {
      if (!req.auth && req.nextUrl.pathname !== "/login") {
        return Response.redirect(new URL("/login", req.nextUrl.origin));
      }
    });
    expect((await visit(middleware, "/dashboard"))?.href).toBe("http://localhost:3000/login");
    expect(await visit(middleware, "/login")).toBeNull();
    expect(await visit(middleware, "/dashboard", await sessionCookie(USER))).toBeNull();
  });

  it("authorized: ({ auth }) => !!auth sends a signed-out visitor to the custom sign-in page with the page to return to", async () => {
    const middleware = middlewareFrom({ ...seedCallbacks, authorized: async ({ auth }) => !!auth });
    const login = await visit(middleware, "/dashboard?tab=1");
    expect(login?.pathname).toBe("/login");
    expect(login?.searchParams.get("callbackUrl")).toBe("http://localhost:3000/dashboard?tab=1");
    expect(await visit(middleware, "/dashboard", await sessionCookie(USER))).toBeNull();
  });

  it("a bare `export { auth as middleware }` without authorized protects nothing (why step 6 writes the callback)", async () => {
    const middleware = middlewareFrom(seedCallbacks);
    expect(await visit(middleware, "/dashboard")).toBeNull();
  });
});
