import { randomBytes } from "node:crypto";
import { postCredentials } from "../../security/support/auth";
import { send } from "../../security/support/http";
import type { RunningApp } from "../../scripts/support/app-server";

/** The benchmark's accounts and secret: random per run, seeded into the embedded database. */
export const ACCOUNTS = {
  admin: { email: "bench-admin@example.com", password: randomBytes(12).toString("hex"), name: "Bench Admin" },
  user: { email: "bench-user@example.com", password: randomBytes(12).toString("hex"), name: "Bench User" },
};
const SECRET = randomBytes(32).toString("base64");

/** Every variable the app reads, set here so that nothing leaks in from .env.local. */
export function appEnv(url: string, dataDir: string, overrides: Record<string, string> = {}): NodeJS.ProcessEnv {
  const inherited: NodeJS.ProcessEnv = { ...process.env };
  delete inherited.VERCEL;
  return {
    ...inherited,
    NEXTAUTH_SECRET: SECRET,
    AUTH_SECRET: "",
    NEXTAUTH_URL: url,
    // v5 trusts the Host header only with AUTH_URL (or AUTH_TRUST_HOST) set; v4 ignores it.
    AUTH_URL: url,
    AUTH_TRUST_HOST: "",
    DATABASE_URL: "",
    PGLITE_DATA_DIR: dataDir,
    AUTH_GITHUB_ID: "",
    AUTH_GITHUB_SECRET: "",
    GITHUB_ID: "",
    GITHUB_SECRET: "",
    AUTH_GITHUB_ENTERPRISE_URL: "",
    ADMIN_EMAILS: "",
    ROLE_RECHECK_SECONDS: "",
    SESSION_MAX_LIFETIME: "",
    REAUTH_WINDOW_SECONDS: "",
    RATE_LIMIT_ACCOUNT_ATTEMPTS: "",
    RATE_LIMIT_IP_ATTEMPTS: "100000",
    TRUST_PROXY: "false",
    PASSWORD_HASH_LOG2_N: "",
    SEED_ADMIN_EMAIL: ACCOUNTS.admin.email,
    SEED_ADMIN_PASSWORD: ACCOUNTS.admin.password,
    SEED_ADMIN_NAME: ACCOUNTS.admin.name,
    SEED_USER_EMAIL: ACCOUNTS.user.email,
    SEED_USER_PASSWORD: ACCOUNTS.user.password,
    SEED_USER_NAME: ACCOUNTS.user.name,
    ...overrides,
  };
}

/** A signed-in visitor whose cookie is refreshed the way a browser keeps it. */
export class Visitor {
  constructor(
    private app: RunningApp,
    public cookie: string,
  ) {}

  static async signIn(app: RunningApp, account: { email: string; password: string }): Promise<Visitor> {
    const reply = await postCredentials(app, account.email, account.password, { callbackUrl: "/dashboard" });
    const line = reply.setCookies.find((cookie) => /session-token=[^;]/.test(cookie.split(";")[0]));
    if (!line) throw new Error(`${app.name}: signing in as ${account.email} gave no session cookie (status ${reply.status})`);
    return new Visitor(app, line.split(";")[0]);
  }

  /** One GET /api/auth/session with the current cookie, keeping a re-issued one. */
  refresh = async (): Promise<string> => {
    const reply = await send(this.app, { path: "/api/auth/session", headers: { cookie: this.cookie } });
    const name = this.cookie.split("=")[0];
    const line = reply.setCookies.find((cookie) => cookie.startsWith(`${name}=`) && !cookie.startsWith(`${name}=;`));
    if (line) this.cookie = line.split(";")[0];
    return this.cookie;
  };
}
