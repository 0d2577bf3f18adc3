import { getServerSideProps as adminPage } from "@/pages/admin/index";
import { getServerSideProps as adminUsersPage } from "@/pages/admin/users";
import { getServerSideProps as dashboardPage } from "@/pages/dashboard";
import { getServerSideProps as homePage } from "@/pages/index";
import { getServerSideProps as loginPage } from "@/pages/login";
import { createTestUser, useTestDatabase } from "../support/database";
import { propsOf, runGetServerSideProps } from "../support/pages";
import { sessionCookie } from "../support/session";

useTestDatabase();

let userCookie: string;
let adminCookie: string;
let userId: string;

beforeAll(async () => {
  const user = await createTestUser({ role: "user", name: "Uma" });
  const admin = await createTestUser({ role: "admin", name: "Ada" });
  userId = user.id;
  userCookie = await sessionCookie(user);
  adminCookie = await sessionCookie(admin);
});

describe("server-side page guards", () => {
  it.each([
    ["/dashboard", dashboardPage],
    ["/admin", adminPage],
    ["/admin/users", adminUsersPage],
  ])("sends an anonymous visitor of %s to /login with the page as callbackUrl", async (path, page) => {
    const { result } = await runGetServerSideProps(page, { path: `${path}?tab=1` });
    expect(result).toEqual({
      redirect: { destination: `/login?callbackUrl=${encodeURIComponent(`${path}?tab=1`)}`, permanent: false },
    });
  });

  it("renders the dashboard for a signed-in user with their session as a prop", async () => {
    const { result, status } = await runGetServerSideProps(dashboardPage, { path: "/dashboard", cookie: userCookie });
    const props = await propsOf(result);
    expect(status).toBe(200);
    expect(props.session?.user).toMatchObject({ id: userId, role: "user", name: "Uma" });
  });

  it.each([
    ["/admin", adminPage],
    ["/admin/users", adminUsersPage],
  ])("answers a signed-in user without the admin role on %s with 403 and no admin data", async (path, page) => {
    const { result, status } = await runGetServerSideProps(page, { path, cookie: userCookie });
    const props = await propsOf(result);
    expect(status).toBe(403);
    expect(props).toMatchObject({ forbidden: true });
    expect(props).not.toHaveProperty("users");
  });

  it("lets an admin into /admin/users and loads the user list on the server", async () => {
    const { result, status } = await runGetServerSideProps(adminUsersPage, {
      path: "/admin/users",
      cookie: adminCookie,
    });
    const props = await propsOf(result);
    expect(status).toBe(200);
    expect(props).not.toHaveProperty("forbidden");
    expect("users" in props && props.users.map((user) => user.name)).toEqual(expect.arrayContaining(["Uma", "Ada"]));
    expect(JSON.stringify(props)).not.toContain("scrypt$"); // no password hashes leave the server
  });

  it.each([
    ["a cookie that is not a token", "next-auth.session-token=garbage"],
    ["a token cut short", async () => (await sessionCookie({ id: userId, role: "admin" })).slice(0, -12)],
    [
      "a token encrypted under another secret",
      () => sessionCookie({ id: userId, role: "admin" }, { secret: "another-secret-another-secret-123456" }),
    ],
    ["an expired token", () => sessionCookie({ id: userId, role: "admin" }, { maxAge: -60 })],
  ])("treats %s as signed out", async (_case, cookieOrFactory) => {
    const cookie = typeof cookieOrFactory === "string" ? cookieOrFactory : await cookieOrFactory();
    const { result } = await runGetServerSideProps(adminPage, { path: "/admin", cookie });
    expect(result).toHaveProperty("redirect.destination", "/login?callbackUrl=%2Fadmin");
  });

  it("shows the public home page to everyone, with the session when there is one", async () => {
    const anonymous = await propsOf((await runGetServerSideProps(homePage, { path: "/" })).result);
    const signedIn = await propsOf((await runGetServerSideProps(homePage, { path: "/", cookie: userCookie })).result);
    expect(anonymous.session).toBeNull();
    expect(signedIn.session?.user.id).toBe(userId);
  });

  it("lists only configured OAuth providers on the login page", async () => {
    const props = await propsOf((await runGetServerSideProps(loginPage, { path: "/login" })).result);
    expect(props.providers).toEqual([{ id: "github", name: "GitHub" }]);
  });

  it.each([
    ["https://evil.example/steal", "/dashboard"],
    ["//evil.example/steal", "/dashboard"],
    ["/admin/users?tab=2", "/admin/users?tab=2"],
    ["http://localhost:3000/admin", "/admin"],
  ])("keeps the login page's callbackUrl %s only when it stays on this site", async (callbackUrl, kept) => {
    const path = `/login?callbackUrl=${encodeURIComponent(callbackUrl)}`;
    const props = await propsOf((await runGetServerSideProps(loginPage, { path })).result);
    expect(props.callbackUrl).toBe(kept);
  });

  it("maps a next-auth error code on the login page to a sentence", async () => {
    const props = await propsOf(
      (await runGetServerSideProps(loginPage, { path: "/login?error=CredentialsSignin" })).result,
    );
    expect(props.error).toBe("Wrong email or password.");
  });

  it("sends a signed-in visitor of the login page on to the callbackUrl", async () => {
    const { result } = await runGetServerSideProps(loginPage, {
      path: "/login?callbackUrl=%2Fadmin",
      cookie: userCookie,
    });
    expect(result).toEqual({ redirect: { destination: "/admin", permanent: false } });
  });
});
