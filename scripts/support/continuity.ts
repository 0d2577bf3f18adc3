/**
 * Session continuity on served apps, across an upgrade: sign in on the v4 build and keep the
 * browser's cookies; start each later build on the same database and secret; check that the same
 * cookies are still signed in (re-issued in v5's format, ending no earlier and no later than they
 * would have), that a tampered or expired v4 cookie is refused, and, once the bridge is gone, that
 * a v4 cookie reads as signed out.
 *
 *   const run = new SessionContinuity({ dataDir, secret, port, provider });
 *   await run.serve(v4App, "05", (base) => run.signInOnV4(base));
 *   await run.serve(v5App, "06", (base) => run.checkAfterSwitch(base));
 *   await run.serve(cleanedApp, "10", (base) => run.checkAfterCleanUp(base));
 *
 * Used by `npm run migration:verify` (steps 5 → 6, 7, 8 and 10); any app that keeps this app's
 * session JSON (`user.id`, `authTime`) and pages (`/dashboard`, `/api/me`) can reuse it.
 */
import path from "node:path";
import { mintV4SessionToken } from "../../__tests__/support/v4-session-cookie";
import { GITHUB_ADMIN_EMAILS, OAUTH_CLIENT } from "../../e2e/support/github-accounts";
import { CookieClient, pathOf, type StoredCookie } from "./cookie-client";
import { runCommand, startApp, tail, type RunningApp } from "./app-server";

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

export interface ServedAppOptions {
  /** Where the embedded database lives (PGLITE_DATA_DIR): the same for every build. */
  dataDir: string;
  secret: string;
  port: number;
  /** The local GitHub-compatible provider's URL (e2e/support/github-provider.ts). */
  providerUrl: string;
  /** Where each server's log goes: `<logDir>/<label>-server.log`. */
  logDir: string;
}

const V4_SESSION_COOKIE = /^(__Secure-)?next-auth\.session-token(\.\d+)?$/;
const V5_SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;
/** Seconds a re-issued expiry may differ by the time the checks themselves take. */
const EXPIRY_SLACK_SECONDS = 120;
const SEED_TIMEOUT_MS = 3 * 60_000;

/** The environment of a served build: exactly these settings, nothing from .env.local. */
export function servedAppEnv(options: Pick<ServedAppOptions, "dataDir" | "secret" | "providerUrl">, url: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    NEXTAUTH_SECRET: options.secret,
    AUTH_SECRET: "",
    NEXTAUTH_URL: url,
    AUTH_URL: url,
    DATABASE_URL: "",
    PGLITE_DATA_DIR: options.dataDir,
    AUTH_GITHUB_ID: OAUTH_CLIENT.id,
    AUTH_GITHUB_SECRET: OAUTH_CLIENT.secret,
    GITHUB_ID: "",
    GITHUB_SECRET: "",
    AUTH_GITHUB_ENTERPRISE_URL: options.providerUrl,
    ADMIN_EMAILS: GITHUB_ADMIN_EMAILS.join(","),
  };
}

/**
 * Migrates and seeds (the demo accounts) the database of `env` with the app in `cwd`, then serves
 * its build on 127.0.0.1. PGlite allows one process per data directory: seed first, then start.
 */
export async function serveBuild(cwd: string, env: NodeJS.ProcessEnv, port: number, logPrefix: string): Promise<RunningApp> {
  const seedLog = `${logPrefix}-seed.log`;
  const seeded = await runCommand("npm", ["run", "--silent", "db:seed"], { ...env, NODE_ENV: "development" }, SEED_TIMEOUT_MS, seedLog, cwd);
  if (seeded !== 0) throw new Error(`npm run db:seed failed (exit ${seeded}):\n${tail(seedLog)}`);
  return startApp({ name: path.basename(logPrefix), port, url: env.NEXTAUTH_URL!, env, logFile: `${logPrefix}-server.log`, cwd });
}

interface KeptSession {
  label: string;
  email: string;
  userId: string;
  authTime: number;
  /** The v4 session cookie's expiry, unix seconds. */
  expires: number;
  /** A page the user may open, and a text it shows them (the admin: /admin). */
  page: { path: string; shows: string };
  /** The browser's cookies as they were on the v4 build. */
  v4Jar: Map<string, StoredCookie>;
  /** The same browser after its last visit: re-issued as v5 from the first build after the switch on. */
  carried?: Map<string, StoredCookie>;
}

export class SessionContinuity {
  private kept: KeptSession[] = [];
  private refused: { label: string; jar: Map<string, StoredCookie> }[] = [];
  readonly url: string;

  constructor(readonly options: ServedAppOptions) {
    this.url = `http://127.0.0.1:${options.port}`;
  }

  /** Serves the build in `cwd` on the shared data, secret and port; runs `body`; stops it. */
  async serve(cwd: string, label: string, body: (base: string) => Promise<Check[]>): Promise<Check[]> {
    const app = await serveBuild(cwd, servedAppEnv(this.options, this.url), this.options.port, path.join(this.options.logDir, `continuity-${label}`));
    try {
      return await body(this.url);
    } catch (error) {
      return [{ name: "request", ok: false, detail: `${(error as Error).message} (server log: ${app.logFile})` }];
    } finally {
      await app.stop();
    }
  }

  /** On the v4 build: signs in by credentials (the demo admin) and through GitHub (octocat); keeps the cookies. */
  async signInOnV4(base: string, accounts = { admin: { email: "admin@example.com", password: "admin-demo-password" }, githubLogin: "octocat" }): Promise<Check[]> {
    const checks: Check[] = [];
    const byCredentials = new CookieClient(base);
    const credentialsAnswer = await byCredentials.signInWithCredentials(accounts.admin, "/admin");
    checks.push(await this.keep(byCredentials, "credentials (admin)", { path: "/admin", shows: "You are an admin" }, `${credentialsAnswer.status} ${credentialsAnswer.location}`));
    const byGithub = new CookieClient(base);
    const githubAnswer = await byGithub.signInWithGithub(accounts.githubLogin);
    checks.push(await this.keep(byGithub, `GitHub (${accounts.githubLogin})`, { path: "/dashboard", shows: "" }, `${githubAnswer.status} ${githubAnswer.location}`));

    const first = this.kept[0];
    if (first) {
      // The same session with one character of its ciphertext changed, and sealed as v4 does but expired.
      const [name, cookie] = [...first.v4Jar].find(([n]) => V4_SESSION_COOKIE.test(n))!;
      const parts = cookie.value.split(".");
      parts[3] = `${parts[3][0] === "A" ? "B" : "A"}${parts[3].slice(1)}`;
      const expiredToken = await mintV4SessionToken(
        { sub: first.userId, id: first.userId, email: first.email, role: "admin", sessionVersion: 0, authTime: first.authTime, roleCheckedAt: first.authTime },
        this.options.secret,
        -60,
      );
      this.refused = [
        { label: "tampered with", jar: new Map([[name, { value: parts.join(".") }]]) },
        { label: "past its expiry", jar: new Map([[name, { value: expiredToken }]]) },
      ];
      checks.push(...(await this.checkRefused(base, "on v4")));
    }
    return checks;
  }

  private async keep(client: CookieClient, label: string, page: KeptSession["page"], signInDetail: string): Promise<Check> {
    const name = `v4: signed in by ${label}`;
    const cookieName = client.sessionCookieName();
    const session = cookieName ? await client.session() : null;
    const stored = cookieName ? client.jar.get(cookieName) : undefined;
    if (!cookieName || !V4_SESSION_COOKIE.test(cookieName) || !session?.user?.id || !session.user.email || typeof session.authTime !== "number" || !stored?.expires) {
      return { name, ok: false, detail: `sign-in ${signInDetail}; cookie ${cookieName ?? "missing"}; session ${JSON.stringify(session)}` };
    }
    const shows = page.shows || session.user.email;
    this.kept.push({ label, email: session.user.email, userId: session.user.id, authTime: session.authTime, expires: stored.expires, page: { ...page, shows }, v4Jar: new Map(client.jar) });
    return { name, ok: true, detail: `${cookieName}, expires ${new Date(stored.expires * 1000).toISOString()}` };
  }

  /** A tampered and an expired v4 cookie: /dashboard sends to /login and /api/me answers 401. */
  private async checkRefused(base: string, when: string): Promise<Check[]> {
    const checks: Check[] = [];
    for (const { label, jar } of this.refused) {
      const page = await new CookieClient(base, jar).request("/dashboard");
      const api = await new CookieClient(base, jar).request("/api/me");
      checks.push({
        name: `${when}: a v4 cookie ${label} is refused`,
        ok: [302, 307].includes(page.status) && pathOf(page.location) === "/login" && api.status === 401,
        detail: `/dashboard ${page.status} ${page.location}, /api/me ${api.status}`,
      });
    }
    return checks;
  }

  /**
   * On a build with the bridge: each kept v4 browser, as it was, is signed in on a server-rendered
   * page (middleware and getServerSideProps), an API route and /api/auth/session (the handlers),
   * and on /server when the build has that App Router page; the answer re-issues the session as
   * a v5 cookie and deletes the v4 one; the session keeps its user, its sign-in time (from which
   * the lifetime cap counts) and an expiry no earlier than the v4 cookie's. A browser carried from
   * the previous build (already on v5 cookies) is still signed in.
   */
  async checkAfterSwitch(base: string, label: string): Promise<Check[]> {
    const checks: Check[] = [];
    const now = Math.floor(Date.now() / 1000);
    for (const session of this.kept) {
      const name = `${label}: v4 cookies of ${session.label}`;
      const browser = new CookieClient(base, session.v4Jar);
      const page = await browser.request(session.page.path);
      const v5Name = [...browser.jar.keys()].find((n) => V5_SESSION_COOKIE.test(n));
      const v4Left = [...browser.jar.keys()].filter((n) => V4_SESSION_COOKIE.test(n));
      const expires = v5Name ? browser.jar.get(v5Name)!.expires ?? 0 : 0;
      const read = await browser.session();
      const pageOk = page.status === 200 && page.body.includes(session.page.shows);
      const reissued = Boolean(v5Name) && v4Left.length === 0;
      const sameUser = read?.user?.id === session.userId && read.authTime === session.authTime;
      const expiryKept = expires >= session.expires - 5 && expires <= now + (session.expires - session.authTime) + EXPIRY_SLACK_SECONDS;
      checks.push({
        name: `${name}: ${session.page.path} signed in, re-issued as v5, same user and sign-in time, expiry kept`,
        ok: pageOk && reissued && sameUser && expiryKept,
        detail: `${session.page.path} ${page.status}${pageOk ? "" : ` ${page.location}`}; v5 cookie ${v5Name ?? "missing"}, v4 left ${v4Left.join(",") || "none"}; user ${read?.user?.id ?? "none"} authTime ${read?.authTime}; expires ${new Date(expires * 1000).toISOString()} (v4: ${new Date(session.expires * 1000).toISOString()})`,
      });

      const api = await new CookieClient(base, session.v4Jar).request("/api/me");
      const handlers = await new CookieClient(base, session.v4Jar).session();
      const serverPage = await new CookieClient(base, session.v4Jar).request("/server");
      const component = serverPage.status === 404 ? "no App Router page in this build" : `/server ${serverPage.status}`;
      // React's server render puts `<!-- -->` between adjacent text parts of one element.
      const componentText = serverPage.body.replace(/<!-- -->/g, "");
      const componentOk = serverPage.status === 404 || (serverPage.status === 200 && componentText.includes(`Signed in as ${session.email}`));
      checks.push({
        name: `${name}: /api/me, /api/auth/session and a server component read the same user`,
        ok: api.status === 200 && api.body.includes(session.userId) && handlers?.user?.id === session.userId && componentOk,
        detail: `/api/me ${api.status}, /api/auth/session ${handlers?.user?.id ?? "signed out"}, ${component}`,
      });

      if (session.carried) {
        const carried = new CookieClient(base, session.carried);
        const again = await carried.session();
        checks.push({
          name: `${name}: the v5 cookies from the previous build are still signed in`,
          ok: again?.user?.id === session.userId && again.authTime === session.authTime,
          detail: `user ${again?.user?.id ?? "signed out"}`,
        });
        session.carried = new Map(carried.jar);
      } else {
        session.carried = new Map(browser.jar);
      }
    }
    checks.push(...(await this.checkRefused(base, label)));
    return checks;
  }

  /** After the clean-up (no bridge): a v4 cookie reads as signed out; the v5 cookies carried so far stay signed in. */
  async checkAfterCleanUp(base: string, label: string): Promise<Check[]> {
    const checks: Check[] = [];
    for (const session of this.kept) {
      const v4 = await new CookieClient(base, session.v4Jar).session();
      const page = await new CookieClient(base, session.v4Jar).request("/dashboard");
      checks.push({
        name: `${label}: v4 cookies of ${session.label} read as signed out`,
        ok: v4 === null && pathOf(page.location) === "/login",
        detail: `/api/auth/session ${v4?.user?.id ?? "signed out"}, /dashboard ${page.status} ${page.location}`,
      });
      if (session.carried) {
        const carried = await new CookieClient(base, session.carried).session();
        checks.push({
          name: `${label}: the v5 cookies of ${session.label} are still signed in`,
          ok: carried?.user?.id === session.userId,
          detail: `user ${carried?.user?.id ?? "signed out"}`,
        });
      }
    }
    return checks;
  }
}
