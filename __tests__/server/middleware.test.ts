import { NextRequest, type NextFetchEvent } from "next/server";
import middleware, { config } from "@/middleware";
import { sessionCookie } from "../support/session";

const USER = { id: "11111111-1111-4111-8111-111111111111", role: "user" };
const ADMIN = { id: "22222222-2222-4222-8222-222222222222", role: "admin" };

async function visit(path: string, cookie?: string): Promise<{ status: number; location: string | null }> {
  const request = new NextRequest(`http://localhost:3000${path}`, { headers: cookie ? { cookie } : {} });
  const response = await middleware(request as never, {} as NextFetchEvent);
  if (!response) return { status: 200, location: null };
  return { status: response.status, location: response.headers.get("location") };
}

/** Whether Next would run the middleware for a path, using the exported matcher. */
function matched(path: string): boolean {
  return config.matcher.some((pattern) => new RegExp(`^${pattern}$`).test(path));
}

describe("withAuth middleware (first line of defence)", () => {
  it.each(["/", "/login", "/403", "/client"])("lets anyone open the public page %s", async (path) => {
    expect((await visit(path)).location).toBeNull();
  });

  it.each(["/dashboard", "/admin", "/admin/users"])(
    "sends a signed-out visitor of %s to /login with the page as callbackUrl",
    async (path) => {
      const { status, location } = await visit(`${path}?x=1`);
      expect(status).toBe(307);
      expect(location).toBe(`http://localhost:3000/login?callbackUrl=${encodeURIComponent(`${path}?x=1`)}`);
    },
  );

  it("lets a signed-in user into /dashboard", async () => {
    expect((await visit("/dashboard", await sessionCookie(USER))).location).toBeNull();
  });

  it.each(["/admin", "/admin/users"])(
    "sends a signed-in user without the admin role on %s to the 403 page",
    async (path) => {
      const { location } = await visit(path, await sessionCookie(USER));
      expect(location).toBe("http://localhost:3000/403");
    },
  );

  it("lets an admin into /admin", async () => {
    expect((await visit("/admin", await sessionCookie(ADMIN))).location).toBeNull();
  });

  it("does not mistake /administrator for an admin path", async () => {
    expect((await visit("/administrator", await sessionCookie(USER))).location).toBeNull();
  });

  it.each([
    ["garbage", () => Promise.resolve("next-auth.session-token=not-a-token")],
    ["a foreign secret", () => sessionCookie(ADMIN, { secret: "some-other-secret-some-other-secret-42" })],
    [
      "a token expired a minute ago (past next-auth's 15 s clock tolerance)",
      () => sessionCookie(ADMIN, { maxAge: -60 }),
    ],
  ])("treats a session cookie with %s as signed out", async (_case, cookie) => {
    expect((await visit("/admin", await cookie())).location).toContain("/login?callbackUrl=");
  });

  it("leaves API routes, static assets and the favicon to their own guards (the seed's matcher)", () => {
    expect(matched("/api/me")).toBe(false);
    expect(matched("/api/auth/session")).toBe(false);
    expect(matched("/_next/static/chunk.js")).toBe(false);
    expect(matched("/favicon.ico")).toBe(false);
    expect(matched("/admin")).toBe(true);
    expect(matched("/dashboard")).toBe(true);
  });
});
