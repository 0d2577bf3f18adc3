import { callAuth, getCsrf } from "../support/http";
import { getServerSideProps as adminPage } from "@/pages/admin/index";
import { getServerSideProps as dashboardPage } from "@/pages/dashboard";
import { env } from "@/lib/env";
import { changeUser, findUserById } from "@/lib/users/repository";
import { createTestUser, useTestDatabase } from "../support/database";
import { propsOf, runGetServerSideProps } from "../support/pages";
import { decode, sessionCookie, sessionCookieName } from "../support/session";

useTestDatabase();

const longAgo = () => Math.floor(Date.now() / 1000) - 10 * 60; // older than the 60 s re-check window

beforeAll(async () => {
  await createTestUser({ role: "admin" }); // an admin who stays, so others can be demoted
});

describe("roles stay fresh", () => {
  it("takes admin away from a demoted user once the re-check window has passed", async () => {
    const admin = await createTestUser({ role: "admin" });
    const cookie = await sessionCookie(admin, { claims: { roleCheckedAt: longAgo() } });
    await changeUser(admin.id, { role: "user" });

    const { result, status, cookies } = await runGetServerSideProps(adminPage, { path: "/admin", cookie });
    expect(status).toBe(403);
    expect(await propsOf(result)).toMatchObject({ forbidden: true, session: { user: { role: "user" } } });
    // The re-issued cookie carries the new role, so middleware sees it too.
    const reissued = await decode({ token: cookies[sessionCookieName(env().baseUrl)], secret: env().secret });
    expect(reissued?.role).toBe("user");
  });

  it("keeps the role from the token inside the re-check window, without a database read", async () => {
    const admin = await createTestUser({ role: "admin" });
    const cookie = await sessionCookie(admin); // checked just now
    await changeUser(admin.id, { role: "user" });
    const { status } = await runGetServerSideProps(adminPage, { path: "/admin", cookie });
    expect(status).toBe(200); // stale for at most ROLE_RECHECK_SECONDS: the documented window
  });

  it("signs a disabled user out and clears their cookie", async () => {
    const user = await createTestUser();
    const cookie = await sessionCookie(user, { claims: { roleCheckedAt: longAgo() } });
    await changeUser(user.id, { disabled: true });

    const { result, cookies } = await runGetServerSideProps(dashboardPage, { path: "/dashboard", cookie });
    expect(result).toHaveProperty("redirect.destination", "/login?callbackUrl=%2Fdashboard");
    expect(cookies[sessionCookieName(env().baseUrl)]).toBe("");
  });

  it("signs out a session whose user no longer exists", async () => {
    const cookie = await sessionCookie(
      { id: "00000000-0000-4000-8000-000000000000", role: "admin" },
      { claims: { roleCheckedAt: longAgo() } },
    );
    const { result } = await runGetServerSideProps(dashboardPage, { path: "/dashboard", cookie });
    expect(result).toHaveProperty("redirect");
  });

  it("promotes a user on their next request after the window, without signing in again", async () => {
    const user = await createTestUser();
    const cookie = await sessionCookie(user, { claims: { roleCheckedAt: longAgo() } });
    await changeUser(user.id, { role: "admin" });
    const { status } = await runGetServerSideProps(adminPage, { path: "/admin", cookie });
    expect(status).toBe(200);
  });
});

describe("useSession().update(data) is untrusted input", () => {
  async function postSessionUpdate(cookie: string, data: unknown) {
    const csrf = await getCsrf();
    return callAuth({
      url: "/api/auth/session",
      method: "POST",
      headers: { "content-type": "application/json" },
      cookie: `${cookie}; ${csrf.cookie}`,
      body: JSON.stringify({ csrfToken: csrf.csrfToken, data }),
    });
  }

  it("refuses to raise a user's role or change their id, but lets them change their display name", async () => {
    const user = await createTestUser({ name: "Before" });
    const response = await postSessionUpdate(await sessionCookie(user), {
      role: "admin",
      id: "someone-else",
      name: "After",
    });

    expect(response.status).toBe(200);
    const session = response.json() as { user: { id: string; role: string; name: string } };
    expect(session.user).toMatchObject({ id: user.id, role: "user", name: "After" });
    const token = await decode({ token: response.cookies[sessionCookieName(env().baseUrl)], secret: env().secret });
    expect(token).toMatchObject({ id: user.id, role: "user", name: "After" });
    expect((await findUserById(user.id))?.role).toBe("user");
    expect((await findUserById(user.id))?.name).toBe("After");
  });

  it("ignores an update whose display name is not a short string", async () => {
    const user = await createTestUser({ name: "Kept" });
    const response = await postSessionUpdate(await sessionCookie(user), { name: "x".repeat(500) });
    expect((response.json() as { user: { name: string } }).user.name).toBe("Kept");
    expect((await findUserById(user.id))?.name).toBe("Kept");
  });

  it("needs the CSRF token: a cross-site form cannot update the session", async () => {
    const user = await createTestUser({ name: "Kept" });
    const response = await callAuth({
      url: "/api/auth/session",
      method: "POST",
      headers: { "content-type": "application/json" },
      cookie: await sessionCookie(user),
      body: JSON.stringify({ data: { name: "Hacked" } }),
    });
    expect(JSON.stringify(response.json())).not.toContain("Hacked");
    expect((await findUserById(user.id))?.name).toBe("Kept");
  });
});
