// lib/auth/session-read.ts on Auth.js v5: `auth()` in pages, API routes and middleware, and the
// session route that useSession() fetches, answer an unchanged session from its cookie, and every
// other case still goes through v5's session action.
// First: next-test-api-route-handler must load before Next's own modules (Next 16 checks at load).
import { callAuth, callHandler } from "../support/http";
import type { Session } from "next-auth";
import { encode } from "next-auth/jwt";
import { headers } from "next/headers";
import { NextRequest, type NextFetchEvent } from "next/server";
import middleware from "@/middleware";
import * as meRoute from "@/pages/api/me";
import { getServerSideProps as dashboardPage } from "@/pages/dashboard";
import { auth } from "@/lib/auth/session";
import { SESSION_MAX_AGE_SECONDS, SESSION_UPDATE_AGE_SECONDS } from "@/lib/auth/options";
import { env } from "@/lib/env";
import { changeUser } from "@/lib/users/repository";
import { moveDateTo } from "../support/clock";
import { createTestUser, queriesDuring, useTestDatabase } from "../support/database";
import { propsOf, runGetServerSideProps } from "../support/pages";
import { decode, sessionClaims, sessionCookie, sessionCookieName } from "../support/session";
import { v4CookieHeader } from "@/tooling/v4-session-cookie";

// A server component reads its request through next/headers: here, the test's headers.
jest.mock("next/headers", () => ({ headers: jest.fn() }));

useTestDatabase();

const now = () => Math.floor(Date.now() / 1000);
const name = () => sessionCookieName(env().baseUrl);

/** A v5 token issued `age` seconds ago: v5's encode stamps iat and exp from the clock, so only `Date` is moved. */
async function cookieIssuedAgo(claims: Record<string, unknown>, age: number): Promise<string> {
  moveDateTo((now() - age) * 1000);
  try {
    return `${name()}=${await encode({ token: claims, secret: env().secret, salt: name(), maxAge: SESSION_MAX_AGE_SECONDS })}`;
  } finally {
    jest.useRealTimers();
  }
}

async function visit(path: string, cookie: string): Promise<Response> {
  return (await middleware(
    new NextRequest(`http://localhost:3000${path}`, { headers: { cookie } }),
    {} as NextFetchEvent,
  )) as Response;
}

describe("a read of an unchanged session on v5", () => {
  it("in getServerSideProps: no re-issued cookie, and the session ends when its token does", async () => {
    const user = await createTestUser();
    const cookie = await sessionCookie(user);
    const { result, status, cookies } = await runGetServerSideProps(dashboardPage, { path: "/dashboard", cookie });
    expect(status).toBe(200);
    expect(cookies).toEqual({});
    const token = await decode({ token: cookie.slice(cookie.indexOf("=") + 1), secret: env().secret });
    expect(await propsOf(result)).toMatchObject({
      session: { user: { id: user.id, role: "user" }, expires: new Date(Number(token?.exp) * 1000).toISOString() },
    });
  });

  it("in an API route: the answer carries no Set-Cookie", async () => {
    const user = await createTestUser();
    const response = await callHandler(meRoute, { url: "/api/me", cookie: await sessionCookie(user) });
    expect(response.status).toBe(200);
    expect(response.json()).toMatchObject({ id: user.id });
    expect(response.headers.getSetCookie()).toEqual([]);
  });

  it("in middleware: a signed-in visitor is let through without a Set-Cookie", async () => {
    const user = await createTestUser();
    const response = await visit("/dashboard", await sessionCookie(user));
    expect(response.headers.get("location")).toBeNull();
    expect(response.headers.get("x-middleware-next")).toBe("1");
    expect(response.headers.getSetCookie()).toEqual([]);
  });

  it("in the session route useSession() fetches: v5's answer, without a Set-Cookie or a cache", async () => {
    const user = await createTestUser();
    const claims = sessionClaims(user);
    const ours = await callAuth({ url: "/api/auth/session", cookie: await cookieIssuedAgo(claims, 0) });
    expect(ours.status).toBe(200);
    expect(ours.headers.getSetCookie()).toEqual([]);
    expect(ours.headers.get("cache-control")).toBe("private, no-cache, no-store");

    // v5's own session action answers the same token once it is due for renewal.
    const v5 = await callAuth({
      url: "/api/auth/session",
      cookie: await cookieIssuedAgo(claims, SESSION_UPDATE_AGE_SECONDS + 60),
    });
    expect(v5.cookies[name()]).toBeTruthy();
    const withoutExpiry = ({ expires: _expires, ...session }: { expires: string }) => session;
    expect(withoutExpiry(ours.json() as { expires: string })).toEqual(withoutExpiry(v5.json() as { expires: string }));
    expect(ours.json()).toMatchObject({ user: { id: user.id, role: "user" } });
  });

  it("in middleware: a plain user on an admin page is still sent to the 403 page", async () => {
    const user = await createTestUser();
    expect((await visit("/admin", await sessionCookie(user))).headers.get("location")).toBe(
      "http://localhost:3000/403",
    );
  });
});

describe("what still goes through v5's session action", () => {
  it("re-issues a cookie older than updateAge, with a new expiry", async () => {
    const user = await createTestUser();
    const cookie = await cookieIssuedAgo(sessionClaims(user), SESSION_UPDATE_AGE_SECONDS + 60);
    const { status, cookies } = await runGetServerSideProps(dashboardPage, { path: "/dashboard", cookie });
    expect(status).toBe(200);
    const reissued = await decode({ token: cookies[name()], secret: env().secret });
    expect(reissued?.iat).toBeGreaterThan(now() - 60);
    expect(reissued?.exp).toBeGreaterThan(now() + SESSION_MAX_AGE_SECONDS - 60);
  });

  it("re-issues the cookie when the role re-check changed the token", async () => {
    const user = await createTestUser();
    const cookie = await sessionCookie(user, { claims: { roleCheckedAt: now() - 10 * 60 } });
    const { cookies } = await runGetServerSideProps(dashboardPage, { path: "/dashboard", cookie });
    const reissued = await decode({ token: cookies[name()], secret: env().secret });
    expect(reissued?.roleCheckedAt).toBeGreaterThan(now() - 60);
  });

  it("reads a chunked cookie", async () => {
    const user = await createTestUser();
    const token = (await sessionCookie(user)).split("=")[1];
    const cookie = v4CookieHeader(token, { chunkSize: Math.ceil(token.length / 2) }).replaceAll(
      "next-auth.session-token",
      name(),
    );
    expect(cookie).toContain(`${name()}.1=`);
    const { result, status } = await runGetServerSideProps(dashboardPage, { path: "/dashboard", cookie });
    expect(status).toBe(200);
    expect(await propsOf(result)).toMatchObject({ session: { user: { id: user.id } } });
  });

  it.each([
    ["a tampered cookie", async (token: string) => `${token.slice(0, -3)}${token.endsWith("AAA") ? "BBB" : "AAA"}`],
    [
      "a cookie under a foreign secret",
      async () =>
        (await sessionCookie({ id: "x", role: "admin" }, { secret: "some-other-secret-some-other-secret-42" })).split(
          "=",
        )[1],
    ],
    ["an expired cookie", async () => (await sessionCookie({ id: "x", role: "admin" }, { maxAge: -60 })).split("=")[1]],
  ])("refuses %s and clears it", async (_label, make) => {
    const user = await createTestUser();
    const value = await make((await sessionCookie(user)).split("=")[1]);
    const { result, cookies } = await runGetServerSideProps(dashboardPage, {
      path: "/dashboard",
      cookie: `${name()}=${value}`,
    });
    expect(result).toHaveProperty("redirect.destination", "/login?callbackUrl=%2Fdashboard");
    expect(cookies[name()]).toBe("");
  });

  it("answers a tampered cookie on the session route with no session, and clears it", async () => {
    const user = await createTestUser();
    const value = (await sessionCookie(user)).split("=")[1];
    const tampered = `${value.slice(0, -3)}${value.endsWith("AAA") ? "BBB" : "AAA"}`;
    const response = await callAuth({ url: "/api/auth/session", cookie: `${name()}=${tampered}` });
    expect(response.json()).toBeNull();
    expect(response.cookies[name()]).toBe("");
  });

  it("ends a session past the lifetime cap and clears it, without a re-check being due", async () => {
    const user = await createTestUser();
    const cookie = await sessionCookie(user, { claims: { authTime: now() - 31 * 24 * 60 * 60 } });
    const { result, cookies } = await runGetServerSideProps(dashboardPage, { path: "/dashboard", cookie });
    expect(result).toHaveProperty("redirect");
    expect(cookies[name()]).toBe("");
  });
});

describe("a server read that is due for a re-check", () => {
  const dueForRecheck = { roleCheckedAt: now() - 10 * 60 };

  it("reads the user once and re-issues the cookie with the role the database has", async () => {
    const user = await createTestUser();
    const cookie = await sessionCookie(user, { claims: dueForRecheck });
    await changeUser(user.id, { role: "admin" });
    let read: Awaited<ReturnType<typeof runGetServerSideProps>> | undefined;
    const queries = await queriesDuring(async () => {
      read = await runGetServerSideProps(dashboardPage, { path: "/dashboard", cookie });
    });
    expect(queries).toBe(1);
    expect(await propsOf(read!.result)).toMatchObject({ session: { user: { id: user.id, role: "admin" } } });
    const reissued = await decode({ token: read!.cookies[name()], secret: env().secret });
    expect(reissued).toMatchObject({ role: "admin", roleCheckedAt: expect.any(Number) });
    expect(reissued!.roleCheckedAt).toBeGreaterThan(now() - 60);
  });

  it("reads the user once to end the session of a disabled user, and clears the cookie", async () => {
    const user = await createTestUser();
    const cookie = await sessionCookie(user, { claims: dueForRecheck });
    await changeUser(user.id, { disabled: true });
    let read: Awaited<ReturnType<typeof runGetServerSideProps>> | undefined;
    const queries = await queriesDuring(async () => {
      read = await runGetServerSideProps(dashboardPage, { path: "/dashboard", cookie });
    });
    expect(queries).toBe(1);
    expect(read!.result).toHaveProperty("redirect.destination", "/login?callbackUrl=%2Fdashboard");
    expect(read!.cookies[name()]).toBe("");
  });

  it("in a server component: reads the user once and answers with the role the database has", async () => {
    const user = await createTestUser();
    const cookie = await sessionCookie(user, { claims: dueForRecheck });
    await changeUser(user.id, { role: "admin" });
    jest.mocked(headers).mockResolvedValue(new Headers({ host: "localhost:3000", cookie }) as never);
    let session: Session | null = null;
    expect(await queriesDuring(async () => (session = await auth()))).toBe(1);
    expect(session).toMatchObject({ user: { id: user.id, role: "admin" } });
  });

  it("in the session route useSession() fetches: reads the user once and ends a disabled user's session", async () => {
    const user = await createTestUser();
    const cookie = await sessionCookie(user, { claims: dueForRecheck });
    await changeUser(user.id, { disabled: true });
    let response: Awaited<ReturnType<typeof callAuth>> | undefined;
    expect(await queriesDuring(async () => (response = await callAuth({ url: "/api/auth/session", cookie })))).toBe(1);
    expect(response!.json()).toBeNull();
    expect(response!.cookies[name()]).toBe("");
  });
});
