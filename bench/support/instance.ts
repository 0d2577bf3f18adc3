/**
 * The benchmark's app instances: one embedded database seeded once and copied per instance, each
 * instance with a signed-in user and admin whose cookies are kept fresh the way a browser keeps them.
 */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { DEMO_USERS } from "@/lib/users/seed";
import { postCredentials } from "../../tooling/raw-http-auth";
import { send } from "../../tooling/raw-http";
import { freePort, seedDatabase, startApp, type RunningApp } from "../../tooling/app-server";
import { childAppEnv, type SeedAccounts } from "../../tooling/child-app-env";

/** The demo accounts with passwords of this run, and the run's secret. */
const accounts: SeedAccounts = {
  admin: { ...DEMO_USERS.admin, password: randomBytes(12).toString("hex") },
  user: { ...DEMO_USERS.user, password: randomBytes(12).toString("hex") },
};
const SECRET = randomBytes(32).toString("base64");

export function benchAppEnv(url: string, dataDir: string, overrides: Record<string, string> = {}): NodeJS.ProcessEnv {
  // Every request of the run comes from 127.0.0.1: a per-address limit would stop the load.
  return childAppEnv({
    url,
    accounts,
    values: { NEXTAUTH_SECRET: SECRET, PGLITE_DATA_DIR: dataDir, RATE_LIMIT_IP_ATTEMPTS: "100000", ...overrides },
  });
}

/** Migrates and seeds an embedded database in `dataDir`, to be copied for each instance. */
export function seedBenchDatabase(dataDir: string, logFile: string): Promise<void> {
  return seedDatabase(benchAppEnv("http://localhost:3000", dataDir), logFile);
}

export interface Instance {
  app: RunningApp;
  /** 127.0.0.1 rather than localhost: the load generator connects there directly. */
  origin: string;
  user: Visitor;
  admin: Visitor;
  nextAuthVersion: string;
}

/** `next start` of the app in `cwd` on its own copy of the database, with both accounts signed in. */
export async function startInstance(options: {
  name: string;
  cwd: string;
  dataDir: string;
  /** The folder of the app's log, `<name>.log`. */
  logDir: string;
  overrides?: Record<string, string>;
}): Promise<Instance> {
  const { name, cwd, dataDir, logDir, overrides } = options;
  const port = await freePort();
  const logFile = path.join(logDir, `${name}.log`);
  const url = `http://localhost:${port}`;
  const app = await startApp({ name, port, url, cwd, env: benchAppEnv(url, dataDir, overrides), logFile });
  const nextAuthVersion = (
    JSON.parse(readFileSync(path.join(cwd, "node_modules", "next-auth", "package.json"), "utf8")) as { version: string }
  ).version;
  return {
    app,
    origin: `http://127.0.0.1:${port}`,
    user: await Visitor.signIn(app, accounts.user),
    admin: await Visitor.signIn(app, accounts.admin),
    nextAuthVersion,
  };
}

/** A signed-in visitor whose cookie is refreshed the way a browser keeps it. */
class Visitor {
  constructor(
    private app: RunningApp,
    public cookie: string,
  ) {}

  static async signIn(app: RunningApp, account: { email: string; password: string }): Promise<Visitor> {
    const reply = await postCredentials(app, account.email, account.password, { callbackUrl: "/dashboard" });
    const line = reply.setCookies.find((cookie) => /session-token=[^;]/.test(cookie.split(";")[0]));
    if (!line)
      throw new Error(`${app.name}: signing in as ${account.email} gave no session cookie (status ${reply.status})`);
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
