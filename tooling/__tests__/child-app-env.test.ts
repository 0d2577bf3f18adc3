import { ENV_VARIABLES, parseEnv } from "@/lib/env";
import { DEMO_USERS, seedAccounts } from "@/lib/users/seed";
import { childAppEnv, toolEnv } from "../child-app-env";

const URL = "http://localhost:4321";
const LEAKS = {
  DATABASE_URL: "postgres://parent@127.0.0.1:5432/leaked",
  ADMIN_EMAILS: "parent-admin@example.com",
  SEED_ADMIN_PASSWORD: "a-password-from-the-parent",
  AUTH_TRUST_HOST: "true",
  VERCEL: "1",
};

describe("the environment of a child app", () => {
  const saved = { ...process.env };
  beforeEach(() => Object.assign(process.env, LEAKS));
  afterEach(() => {
    for (const name of Object.keys(LEAKS)) delete process.env[name];
    Object.assign(process.env, saved);
  });

  it("sets every variable lib/env.ts's schema reads, so .env.local cannot fill one in", () => {
    const env = childAppEnv({ url: URL });
    expect(ENV_VARIABLES.length).toBeGreaterThan(10);
    for (const name of ENV_VARIABLES.filter((variable) => variable !== "NODE_ENV"))
      expect({ name, type: typeof env[name] }).toEqual({ name, type: "string" });
  });

  it("leaves NODE_ENV to the runner (next start, jest, the seed script)", () => {
    Object.assign(process.env, { NODE_ENV: "test" });
    expect(childAppEnv({ url: URL }).NODE_ENV).toBeUndefined();
    expect(childAppEnv({ url: URL, values: { NODE_ENV: "development" } }).NODE_ENV).toBe("development");
  });

  it("keeps nothing the app reads from the parent: the app sees its defaults", () => {
    const env = childAppEnv({ url: URL, values: { NEXTAUTH_SECRET: "a-run-secret-that-is-at-least-32-characters" } });
    expect(env).toMatchObject({ DATABASE_URL: "", ADMIN_EMAILS: "", AUTH_TRUST_HOST: "", VERCEL: "" });
    const parsed = parseEnv(env);
    expect(parsed).toMatchObject({
      databaseUrl: undefined,
      adminEmails: [],
      pgliteDataDir: ".data/pglite",
      baseUrl: URL,
      github: undefined,
    });
    expect(seedAccounts(env, false).map(({ email, password }) => ({ email, password }))).toEqual([
      { email: DEMO_USERS.admin.email, password: DEMO_USERS.admin.password },
      { email: DEMO_USERS.user.email, password: DEMO_USERS.user.password },
    ]);
  });

  it("lets the caller's url, accounts and values win", () => {
    const accounts = {
      admin: { ...DEMO_USERS.admin, password: "admin-password-of-this-run" },
      user: { ...DEMO_USERS.user, password: "user-password-of-this-run" },
    };
    const env = childAppEnv({
      url: URL,
      accounts,
      values: { ROLE_RECHECK_SECONDS: "2", DATABASE_URL: "postgres://run@127.0.0.1/run" },
    });
    expect(env).toMatchObject({
      NEXTAUTH_URL: URL,
      AUTH_URL: URL,
      ROLE_RECHECK_SECONDS: "2",
      DATABASE_URL: "postgres://run@127.0.0.1/run",
    });
    expect(
      seedAccounts(env, false).map(({ role, email, password, name }) => ({ role, email, password, name })),
    ).toEqual([
      { role: "admin", ...accounts.admin },
      { role: "user", ...accounts.user },
    ]);
  });

  it("gives tools the parent's environment without any of the app's settings", () => {
    const env = toolEnv({ CI: "1" });
    for (const name of [...ENV_VARIABLES, ...Object.keys(LEAKS)])
      expect({ name, value: env[name] }).toEqual({ name, value: undefined });
    expect(env).toMatchObject({ PATH: process.env.PATH, CI: "1", NEXT_TELEMETRY_DISABLED: "1" });
  });
});
