// v4 only: lib/auth/session-read.ts, the read path of lib/auth/session.ts (bench/ATTEMPTS.md,
// attempt 3). Step 06 deletes both with v4's session module, as it deletes the v4 token format's tests.
import hkdf from "@panva/hkdf";
import { EncryptJWT } from "jose";
import { getServerSideProps as dashboardPage } from "@/pages/dashboard";
import { SESSION_MAX_AGE_SECONDS, SESSION_UPDATE_AGE_SECONDS } from "@/lib/auth/options";
import { env } from "@/lib/env";
import { changeUser } from "@/lib/users/repository";
import { createTestUser, queriesDuring, useTestDatabase } from "../support/database";
import { propsOf, runGetServerSideProps } from "../support/pages";
import { decode, sessionClaims, sessionCookie, sessionCookieName } from "../support/session";
import { v4CookieHeader } from "@/tooling/v4-session-cookie";

useTestDatabase();

const now = () => Math.floor(Date.now() / 1000);

/** A v4 token issued `age` seconds ago (next-auth's encode always stamps iat with now). */
async function tokenIssuedAgo(claims: Record<string, unknown>, age: number): Promise<string> {
  const key = await hkdf("sha256", env().secret, "", "NextAuth.js Generated Encryption Key", 32);
  return new EncryptJWT(claims)
    .setProtectedHeader({ alg: "dir", enc: "A256GCM" })
    .setIssuedAt(now() - age)
    .setExpirationTime(now() - age + SESSION_MAX_AGE_SECONDS)
    .setJti(crypto.randomUUID())
    .encrypt(key);
}

describe("a server read of an unchanged session", () => {
  it("does not re-issue a fresh cookie whose token the jwt callback keeps, and says when it ends", async () => {
    const user = await createTestUser();
    const cookie = await sessionCookie(user);
    const { result, status, cookies } = await runGetServerSideProps(dashboardPage, { path: "/dashboard", cookie });
    expect(status).toBe(200);
    expect(cookies).toEqual({});
    const token = await decode({ token: cookie.split("=")[1], secret: env().secret });
    expect(await propsOf(result)).toMatchObject({
      session: { user: { id: user.id, role: "user" }, expires: new Date(Number(token?.exp) * 1000).toISOString() },
    });
  });

  it("re-issues a cookie older than updateAge", async () => {
    const user = await createTestUser();
    const cookie = `${sessionCookieName(env().baseUrl)}=${await tokenIssuedAgo(sessionClaims(user), SESSION_UPDATE_AGE_SECONDS + 60)}`;
    const { status, cookies } = await runGetServerSideProps(dashboardPage, { path: "/dashboard", cookie });
    expect(status).toBe(200);
    const reissued = await decode({ token: cookies[sessionCookieName(env().baseUrl)], secret: env().secret });
    expect(reissued?.iat).toBeGreaterThan(now() - 60);
  });

  it("re-issues the cookie when the re-check changed the token", async () => {
    const user = await createTestUser();
    const cookie = await sessionCookie(user, { claims: { roleCheckedAt: now() - 10 * 60 } });
    const { cookies } = await runGetServerSideProps(dashboardPage, { path: "/dashboard", cookie });
    const reissued = await decode({ token: cookies[sessionCookieName(env().baseUrl)], secret: env().secret });
    expect(reissued?.roleCheckedAt).toBeGreaterThan(now() - 60);
  });

  it("reads a chunked cookie through next-auth", async () => {
    const user = await createTestUser();
    const token = (await sessionCookie(user)).split("=")[1];
    const cookie = v4CookieHeader(token, { chunkSize: Math.ceil(token.length / 2) });
    const { status } = await runGetServerSideProps(dashboardPage, { path: "/dashboard", cookie });
    expect(status).toBe(200);
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
      cookie: `${sessionCookieName(env().baseUrl)}=${value}`,
    });
    expect(result).toHaveProperty("redirect.destination", "/login?callbackUrl=%2Fdashboard");
    expect(cookies[sessionCookieName(env().baseUrl)]).toBe("");
  });

  it("ends a session past the lifetime cap, without a re-check being due", async () => {
    const user = await createTestUser();
    const cookie = await sessionCookie(user, { claims: { authTime: now() - 31 * 24 * 60 * 60 } });
    const { result, cookies } = await runGetServerSideProps(dashboardPage, { path: "/dashboard", cookie });
    expect(result).toHaveProperty("redirect");
    expect(cookies[sessionCookieName(env().baseUrl)]).toBe("");
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
    const reissued = await decode({ token: read!.cookies[sessionCookieName(env().baseUrl)], secret: env().secret });
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
    expect(read!.cookies[sessionCookieName(env().baseUrl)]).toBe("");
  });
});
