import { callHandler, SAME_ORIGIN_JSON } from "../support/http";
import * as signOutEverywhereRoute from "@/pages/api/me/sign-out-everywhere";
import * as userRoute from "@/pages/api/admin/users/[id]";
import * as meRoute from "@/pages/api/me/index";
import { getServerSideProps as dashboardPage } from "@/pages/dashboard";
import { getServerSideProps as loginPage } from "@/pages/login";
import { findUserById } from "@/lib/users/repository";
import { createTestUser, useTestDatabase } from "../support/database";
import { propsOf, runGetServerSideProps } from "../support/pages";
import { sessionCookie, sessionCookieName } from "../support/session";
import { signOut } from "../support/sign-in";
import { env } from "@/lib/env";

useTestDatabase();

const now = () => Math.floor(Date.now() / 1000);
const DAY = 24 * 60 * 60;
const dueForRecheck = () => ({ roleCheckedAt: now() - 10 * 60 });

describe("sign out everywhere", () => {
  it("makes every older token useless at its next re-check, while a new sign-in works", async () => {
    const user = await createTestUser();
    const laptop = await sessionCookie(user, { claims: dueForRecheck() });
    const phone = await sessionCookie(user);

    const response = await callHandler(signOutEverywhereRoute, {
      url: "/api/me/sign-out-everywhere",
      method: "POST",
      cookie: phone,
      headers: SAME_ORIGIN_JSON,
      body: "{}",
    });
    expect(response.status).toBe(200);
    expect((await findUserById(user.id))?.sessionVersion).toBe(1);

    const { result, cookies } = await runGetServerSideProps(dashboardPage, { path: "/dashboard", cookie: laptop });
    expect(result).toHaveProperty("redirect.destination", "/login?callbackUrl=%2Fdashboard");
    expect(cookies[sessionCookieName(env().baseUrl)]).toBe("");

    const fresh = await sessionCookie(user, { claims: { ...dueForRecheck(), sessionVersion: 1 } });
    expect((await runGetServerSideProps(dashboardPage, { path: "/dashboard", cookie: fresh })).status).toBe(200);
  });

  it("is refused without a same-origin Origin header, and changes nothing", async () => {
    const user = await createTestUser();
    const response = await callHandler(signOutEverywhereRoute, {
      url: "/api/me/sign-out-everywhere",
      method: "POST",
      cookie: await sessionCookie(user),
      headers: { "content-type": "application/json", origin: "https://evil.example" },
      body: "{}",
    });
    expect(response.status).toBe(403);
    expect((await findUserById(user.id))?.sessionVersion).toBe(0);
  });

  it("needs a signed-in caller", async () => {
    const response = await callHandler(signOutEverywhereRoute, {
      url: "/api/me/sign-out-everywhere",
      method: "POST",
      headers: SAME_ORIGIN_JSON,
      body: "{}",
    });
    expect(response.status).toBe(401);
  });
});

describe("plain sign-out", () => {
  it("clears the session cookie", async () => {
    const user = await createTestUser();
    const response = await signOut(await sessionCookie(user), "/");
    const cleared = response.headers.getSetCookie().find((c) => c.startsWith(`${sessionCookieName(env().baseUrl)}=;`));
    expect(cleared).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/i);
  });
});

describe("absolute session lifetime", () => {
  it("ends a session signed in longer ago than SESSION_MAX_LIFETIME, even one that keeps sliding", async () => {
    const user = await createTestUser();
    // Re-issued yesterday (so its cookie expiry is fresh), but signed in 31 days ago.
    const cookie = await sessionCookie(user, { claims: { authTime: now() - 31 * DAY } });
    const { result } = await runGetServerSideProps(dashboardPage, { path: "/dashboard", cookie });
    expect(result).toHaveProperty("redirect");
  });

  it("keeps a session inside the cap", async () => {
    const user = await createTestUser();
    const cookie = await sessionCookie(user, { claims: { authTime: now() - 29 * DAY } });
    expect((await runGetServerSideProps(dashboardPage, { path: "/dashboard", cookie })).status).toBe(200);
  });

  it("refuses a token without a sign-in time", async () => {
    const user = await createTestUser();
    const cookie = await sessionCookie(user, { claims: { authTime: undefined } });
    expect((await runGetServerSideProps(dashboardPage, { path: "/dashboard", cookie })).result).toHaveProperty(
      "redirect",
    );
  });
});

describe("re-authentication before admin changes", () => {
  it("asks an admin whose sign-in is older than the window to sign in again, and changes nothing", async () => {
    const admin = await createTestUser({ role: "admin" });
    const target = await createTestUser();
    const stale = await sessionCookie(admin, { claims: { authTime: now() - 60 * 60 } });
    const response = await callHandler(userRoute, {
      url: `/api/admin/users/${target.id}`,
      params: { id: target.id },
      method: "PATCH",
      cookie: stale,
      headers: SAME_ORIGIN_JSON,
      body: JSON.stringify({ role: "admin" }),
    });
    expect(response.status).toBe(403);
    expect(response.json()).toMatchObject({ reauthenticate: true });
    expect((await findUserById(target.id))?.role).toBe("user");
  });

  it("lets the same admin read without signing in again", async () => {
    const admin = await createTestUser({ role: "admin" });
    const stale = await sessionCookie(admin, { claims: { authTime: now() - 60 * 60 } });
    const response = await callHandler(meRoute, { url: "/api/me", cookie: stale });
    expect(response.status).toBe(200);
  });

  it("shows the login form to a signed-in user sent to sign in again", async () => {
    const admin = await createTestUser({ role: "admin" });
    const { result } = await runGetServerSideProps(loginPage, {
      path: "/login?reauth=1&callbackUrl=%2Fadmin%2Fusers",
      cookie: await sessionCookie(admin),
    });
    const props = await propsOf(result);
    expect(props).toMatchObject({ callbackUrl: "/admin/users", error: expect.stringContaining("sign in again") });
  });
});
