import { callAuth, callHandler } from "../support/http";
import { NextRequest, type NextFetchEvent } from "next/server";
import middleware from "@/middleware";
import * as meRoute from "@/pages/api/me";
import { getServerSideProps as dashboardPage } from "@/pages/dashboard";
import { env, resetEnvForTests } from "@/lib/env";
import { changeUser } from "@/lib/users/repository";
import { createTestUser, useTestDatabase } from "../support/database";
import { propsOf, runGetServerSideProps } from "../support/pages";
import { decode, sessionClaims, sessionCookieName } from "../support/session";
import { mintV4SessionToken, v4CookieHeader } from "@/tooling/v4-session-cookie";

/**
 * The upgrade must sign nobody out, across this app's pages, API routes and middleware. These run
 * unchanged before the v5 switch (where next-auth 4 itself reads the cookie) and after it (where
 * lib/auth/legacy-v4-session.ts does). session-continuity.test.ts is the part to copy.
 */
useTestDatabase();

type TestUser = Awaited<ReturnType<typeof createTestUser>>;
const v4Claims = (user: TestUser, roleCheckedAt?: number) =>
  sessionClaims(
    { id: user.id, role: user.role, email: user.email, name: user.name },
    roleCheckedAt === undefined ? {} : { roleCheckedAt },
  );

async function v4Cookie(
  user: TestUser,
  options: { secure?: boolean; chunkSize?: number; secret?: string; maxAge?: number; roleCheckedAt?: number } = {},
) {
  const token = await mintV4SessionToken(
    v4Claims(user, options.roleCheckedAt),
    options.secret ?? env().secret,
    options.maxAge,
  );
  return v4CookieHeader(token, options);
}

async function visitMiddleware(path: string, cookie: string) {
  const response = await middleware(
    new NextRequest(`${env().baseUrl}${path}`, { headers: { cookie } }) as never,
    {} as NextFetchEvent,
  );
  return { location: response?.headers.get("location") ?? null, cookies: response?.headers.getSetCookie() ?? [] };
}

describe("a user who signed in under next-auth v4, in this app", () => {
  let user: TestUser;
  beforeAll(async () => {
    user = await createTestUser({ name: "Vera Four" });
  });

  // roleCheckedAt 0: the re-check is due, so the token changes and v4 re-issues it too (v4's read
  // path skips the re-issue of an unchanged token; on v5 the bridge re-issues every v4 cookie).
  it("is still signed in on a server-rendered page, and gets the session re-issued in the installed format", async () => {
    const { result, cookies } = await runGetServerSideProps(dashboardPage, {
      path: "/dashboard",
      cookie: await v4Cookie(user, { roleCheckedAt: 0 }),
    });
    expect((await propsOf(result)).session?.user).toMatchObject({ id: user.id, name: "Vera Four" });

    const reissued = cookies[sessionCookieName(env().baseUrl)];
    expect(await decode({ token: reissued, secret: env().secret })).toMatchObject({ id: user.id, role: "user" });
    // When the installed version names its cookie differently (v5), the v4 one is deleted.
    if (sessionCookieName(env().baseUrl) !== "next-auth.session-token")
      expect(cookies["next-auth.session-token"]).toBe("");
  });

  it("is still signed in on an API route", async () => {
    const response = await callHandler(meRoute, { url: "/api/me", cookie: await v4Cookie(user) });
    expect(response.status).toBe(200);
    expect(response.json()).toMatchObject({ id: user.id, email: user.email });
  });

  it("is still signed in at /api/auth/session, which useSession() fetches", async () => {
    const response = await callAuth({ url: "/api/auth/session", cookie: await v4Cookie(user) });
    expect(response.json()).toMatchObject({ user: { id: user.id, role: "user" } });
    expect(
      await decode({ token: response.cookies[sessionCookieName(env().baseUrl)], secret: env().secret }),
    ).toMatchObject({ id: user.id });
  });

  it("passes the middleware", async () => {
    expect((await visitMiddleware("/dashboard", await v4Cookie(user))).location).toBeNull();
  });

  it("keeps a chunked v4 cookie (next-auth.session-token.0, .1, …)", async () => {
    const cookie = await v4Cookie(user, { chunkSize: 200 });
    expect(cookie).toContain("next-auth.session-token.1=");
    const { result } = await runGetServerSideProps(dashboardPage, { path: "/dashboard", cookie });
    expect((await propsOf(result)).session?.user.id).toBe(user.id);
    expect((await visitMiddleware("/dashboard", cookie)).location).toBeNull();
  });

  it("keeps a __Secure- v4 cookie when the site is served over https", async () => {
    const previous = process.env.NEXTAUTH_URL;
    process.env.NEXTAUTH_URL = "https://localhost:3000";
    resetEnvForTests();
    try {
      const cookie = await v4Cookie(user, { secure: true, roleCheckedAt: 0 });
      expect(cookie.startsWith("__Secure-next-auth.session-token=")).toBe(true);
      const { result, cookies } = await runGetServerSideProps(dashboardPage, { path: "/dashboard", cookie });
      expect((await propsOf(result)).session?.user.id).toBe(user.id);
      expect(sessionCookieName(env().baseUrl).startsWith("__Secure-")).toBe(true);
      expect(await decode({ token: cookies[sessionCookieName(env().baseUrl)], secret: env().secret })).toMatchObject({
        id: user.id,
      });
      expect((await visitMiddleware("/dashboard", cookie)).location).toBeNull();
    } finally {
      process.env.NEXTAUTH_URL = previous;
      resetEnvForTests();
    }
  });

  it("still goes through the jwt callback: a role changed in the database since shows up", async () => {
    const promoted = await createTestUser({ name: "Pro Moted" });
    await changeUser(promoted.id, { role: "admin" });
    const token = await mintV4SessionToken(v4Claims(promoted, 0), env().secret);
    const response = await callHandler(meRoute, { url: "/api/me", cookie: v4CookieHeader(token) });
    expect(response.json()).toMatchObject({ id: promoted.id, role: "admin" });
  });

  it.each([
    [
      "tampered with",
      async (user: TestUser) =>
        (await v4Cookie(user)).replace(
          /\.(.)([^.]*)$/,
          (_m, c: string, rest: string) => `.${c === "A" ? "B" : "A"}${rest}`,
        ),
    ],
    [
      "made with another secret",
      (user: TestUser) => v4Cookie(user, { secret: "another-secret-that-is-32-characters-long!" }),
    ],
    ["past its expiry", (user: TestUser) => v4Cookie(user, { maxAge: -60 })],
  ])("refuses a v4 cookie %s, everywhere", async (_case, makeCookie) => {
    const cookie = await makeCookie(user);
    const page = await runGetServerSideProps(dashboardPage, { path: "/dashboard", cookie });
    expect(page.result).toMatchObject({ redirect: { destination: "/login?callbackUrl=%2Fdashboard" } });
    expect((await callHandler(meRoute, { url: "/api/me", cookie })).status).toBe(401);
    expect((await visitMiddleware("/dashboard", cookie)).location).toContain("/login?callbackUrl=");
  });
});
