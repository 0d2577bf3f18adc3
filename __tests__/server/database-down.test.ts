import { callHandler, landingPage } from "../support/http";
import * as usersRoute from "@/pages/api/admin/users/index";
import * as meRoute from "@/pages/api/me/index";
import { getServerSideProps as adminUsersPage } from "@/pages/admin/users";
import { getServerSideProps as dashboardPage } from "@/pages/dashboard";
import { getServerSideProps as homePage } from "@/pages/index";
import { closeDb } from "@/lib/db/client";
import { isDatabaseUnavailable } from "@/lib/db/errors";
import { resetEnvForTests } from "@/lib/env";
import { loginErrorMessage } from "@/lib/auth/login-errors";
import { expectedAuthErrors } from "@/tooling/next-auth-version";
import { propsOf, runGetServerSideProps } from "../support/pages";
import { sessionCookie } from "../support/session";
import { signInWithPassword } from "../support/sign-in";

// A PostgreSQL URL where nothing listens: every query fails with ECONNREFUSED.
beforeAll(() => {
  process.env.DATABASE_URL = "postgres://postgres@127.0.0.1:1/unreachable";
  resetEnvForTests();
});
afterAll(async () => {
  await closeDb();
  delete process.env.DATABASE_URL;
});

const ADMIN = { id: "22222222-2222-4222-8222-222222222222", role: "admin" };
const dueForRecheck = { roleCheckedAt: Math.floor(Date.now() / 1000) - 10 * 60 };

describe("when the database is unreachable", () => {
  it("answers a protected page that must re-check the session with a 503 page", async () => {
    const cookie = await sessionCookie(ADMIN, { claims: dueForRecheck });
    const { status, result } = await runGetServerSideProps(dashboardPage, { path: "/dashboard", cookie });
    expect(status).toBe(503);
    expect(await propsOf(result)).toEqual({ session: null, unavailable: true });
  });

  it("answers a page that reads the database with a 503 page, not a 500", async () => {
    const { status } = await runGetServerSideProps(adminUsersPage, {
      path: "/admin/users",
      cookie: await sessionCookie(ADMIN),
    });
    expect(status).toBe(503);
  });

  it("answers APIs with 503 JSON that says so", async () => {
    const me = await callHandler(meRoute, {
      url: "/api/me",
      cookie: await sessionCookie(ADMIN, { claims: dueForRecheck }),
    });
    expect(me.status).toBe(503);
    expect(me.json()).toEqual({ error: expect.stringContaining("temporarily unavailable") });
    const users = await callHandler(usersRoute, { url: "/api/admin/users", cookie: await sessionCookie(ADMIN) });
    expect(users.status).toBe(503);
  });

  it("still serves public pages", async () => {
    const { status, result } = await runGetServerSideProps(homePage, {
      path: "/",
      cookie: await sessionCookie(ADMIN, { claims: dueForRecheck }),
    });
    expect(status).toBe(200);
    expect((await propsOf(result)).session).toBeNull();
  });

  it("sends a sign-in attempt back to /login with a readable error", async () => {
    const { response, jar } = await signInWithPassword({ email: "admin@example.com", password: "whatever" });
    const page = await landingPage(response, jar);
    expect(page).toBe(expectedAuthErrors.refusedWithCode("ServiceUnavailable"));
    expect(loginErrorMessage("ServiceUnavailable")).toMatch(/unavailable right now/);
  });

  it("recognises connection failures, and only those, as the database being down", () => {
    expect(
      isDatabaseUnavailable(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED" })),
    ).toBe(true);
    expect(
      isDatabaseUnavailable(new Error("wrapped", { cause: new Error("Connection terminated unexpectedly") })),
    ).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("duplicate key"), { code: "23505" }))).toBe(false);
    expect(isDatabaseUnavailable("ECONNREFUSED")).toBe(false);
  });
});
