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
 * Used by `npm run migration:verify` (steps 5 → 6, 7, 8 and 10) on this app, and by
 * `npm run test:upgrade` on the fixture apps (upgrade-fixtures/), each described by an AppShape.
 */
import path from "node:path";
import { mintV4SessionToken } from "./v4-session-cookie";
import { localGithubSettings } from "./github-accounts";
import { CookieClient, pathOf, type StoredCookie } from "./cookie-client";
import { seedDatabase, startApp, type RunningApp } from "./app-server";
import { childAppEnv } from "./child-app-env";

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

interface ServedAppOptions {
  /** Where the embedded database lives (PGLITE_DATA_DIR): the same for every build. */
  dataDir: string;
  secret: string;
  port: number;
  /** The local GitHub-compatible provider's URL (tooling/github-provider.ts). */
  providerUrl: string;
  /** Where each server's log goes: `<logDir>/<label>-server.log`. */
  logDir: string;
  /** The app's pages, environment and sessions; this app's by default (THIS_APP). */
  shape?: AppShape;
}

/** What the checks need to know about an app. */
export interface AppShape {
  /** A page only a signed-in user may open (server-rendered), and where it sends a signed-out visitor. */
  protectedPage: string;
  signInPage: string;
  /** An API route answering 200 with the user's id when signed in, 401 when not. */
  api: string;
  /** JWT sessions (the refused checks include an expired v4 token) or database sessions. */
  strategy: "jwt" | "database";
  /** Sign in by credentials as this account too (the page it may open, and a text it shows there). */
  credentials?: { email: string; password: string; page: { path: string; shows: string } };
  /** A page for admins only, which the GitHub user (octocat, not an admin) must be refused (403 or a redirect). */
  adminPage?: string;
  /** Whether the session JSON carries `authTime` (this app: the lifetime cap counts from it). */
  authTime: boolean;
  /** The environment of a served build. */
  env(options: Pick<ServedAppOptions, "dataDir" | "secret" | "providerUrl">, url: string): NodeJS.ProcessEnv;
  /** Run before each start, with the same environment (this app: `npm run db:seed`). */
  prepare?: (cwd: string, env: NodeJS.ProcessEnv, logPrefix: string) => Promise<void>;
}

const V4_SESSION_COOKIE = /^(__Secure-)?next-auth\.session-token(\.\d+)?$/;
const V5_SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;
/** Seconds a re-issued expiry may differ by the time the checks themselves take. */
const EXPIRY_SLACK_SECONDS = 120;

/** The environment of a served build: exactly these settings, nothing from .env.local. */
export function servedAppEnv(
  options: Pick<ServedAppOptions, "dataDir" | "secret" | "providerUrl">,
  url: string,
): NodeJS.ProcessEnv {
  return childAppEnv({
    url,
    values: {
      NEXTAUTH_SECRET: options.secret,
      PGLITE_DATA_DIR: options.dataDir,
      ...localGithubSettings(options.providerUrl),
    },
  });
}

/** Migrates and seeds (the demo accounts) the database of `env` with this app in `cwd`. */
async function seedThisApp(cwd: string, env: NodeJS.ProcessEnv, logPrefix: string): Promise<void> {
  await seedDatabase(env, `${logPrefix}-seed.log`, cwd);
}

/** This app: JWT sessions, credentials and GitHub, its demo accounts seeded before each start. */
const THIS_APP: AppShape = {
  protectedPage: "/dashboard",
  signInPage: "/login",
  api: "/api/me",
  strategy: "jwt",
  credentials: {
    email: "admin@example.com",
    password: "admin-demo-password",
    page: { path: "/admin", shows: "You are an admin" },
  },
  authTime: true,
  env: servedAppEnv,
  prepare: seedThisApp,
};

/**
 * Prepares the database of `env` with the app in `cwd` (this app: migrate and seed), then serves
 * its build on 127.0.0.1. PGlite allows one process per data directory: prepare first, then start.
 */
export async function serveBuild(
  cwd: string,
  env: NodeJS.ProcessEnv,
  port: number,
  logPrefix: string,
  shape: AppShape = THIS_APP,
): Promise<RunningApp> {
  await shape.prepare?.(cwd, env, logPrefix);
  return startApp({
    name: path.basename(logPrefix),
    port,
    url: env.NEXTAUTH_URL!,
    env,
    logFile: `${logPrefix}-server.log`,
    cwd,
  });
}

interface KeptSession {
  label: string;
  email: string;
  userId: string;
  /** The session's sign-in time: its authTime where the app has one, else when the check signed in. */
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
  /**
   * The most `Set-Cookie` headers one unchanged read answered with after the switch: the protected
   * page and the API route, read again with the v5 cookie the first read issued (0 when v5 answers
   * an unchanged session from its cookie). Undefined until checkAfterSwitch has run.
   */
  setCookieOnUnchangedRead: number | undefined;
  private refused: { label: string; jar: Map<string, StoredCookie> }[] = [];
  readonly url: string;
  readonly shape: AppShape;

  constructor(readonly options: ServedAppOptions) {
    this.url = `http://127.0.0.1:${options.port}`;
    this.shape = options.shape ?? THIS_APP;
  }

  /** Serves the build in `cwd` on the shared data, secret and port; runs `body`; stops it. */
  async serve(cwd: string, label: string, body: (base: string) => Promise<Check[]>): Promise<Check[]> {
    const app = await serveBuild(
      cwd,
      this.shape.env(this.options, this.url),
      this.options.port,
      path.join(this.options.logDir, `continuity-${label}`),
      this.shape,
    );
    try {
      return await body(this.url);
    } catch (error) {
      return [{ name: "request", ok: false, detail: `${(error as Error).message} (server log: ${app.logFile})` }];
    } finally {
      await app.stop();
    }
  }

  /** On the v4 build: signs in by credentials (where the app has them) and through GitHub (octocat); keeps the cookies. */
  async signInOnV4(base: string, githubLogin = "octocat"): Promise<Check[]> {
    const checks: Check[] = [];
    const { credentials } = this.shape;
    if (credentials) {
      const byCredentials = new CookieClient(base);
      const credentialsAnswer = await byCredentials.signInWithCredentials(credentials, credentials.page.path);
      checks.push(
        await this.keep(
          byCredentials,
          `credentials (${credentials.email})`,
          credentials.page,
          `${credentialsAnswer.status} ${credentialsAnswer.location}`,
        ),
      );
    }
    const byGithub = new CookieClient(base);
    const githubAnswer = await byGithub.signInWithGithub(githubLogin, this.shape.protectedPage);
    checks.push(
      await this.keep(
        byGithub,
        `GitHub (${githubLogin})`,
        { path: this.shape.protectedPage, shows: "" },
        `${githubAnswer.status} ${githubAnswer.location}`,
      ),
    );

    const first = this.kept[0];
    if (first) {
      // The same session with one character changed (of a JWT's ciphertext, or of a database session's token).
      const [name, cookie] = [...first.v4Jar].find(([n]) => V4_SESSION_COOKIE.test(n))!;
      const parts = cookie.value.split(".");
      const at = this.shape.strategy === "jwt" ? 3 : 0;
      parts[at] = `${parts[at][0] === "a" ? "b" : "a"}${parts[at].slice(1)}`;
      this.refused = [{ label: "tampered with", jar: new Map([[name, { value: parts.join(".") }]]) }];
      if (this.shape.strategy === "jwt") {
        // Sealed as v4 does, but expired.
        const expiredToken = await mintV4SessionToken(
          {
            sub: first.userId,
            id: first.userId,
            email: first.email,
            role: "admin",
            sessionVersion: 0,
            authTime: first.authTime,
            roleCheckedAt: first.authTime,
          },
          this.options.secret,
          -60,
        );
        this.refused.push({ label: "past its expiry", jar: new Map([[name, { value: expiredToken }]]) });
      }
      checks.push(...(await this.checkRefused(base, "on v4")));
    }
    return checks;
  }

  private async keep(
    client: CookieClient,
    label: string,
    page: KeptSession["page"],
    signInDetail: string,
  ): Promise<Check> {
    const name = `v4: signed in by ${label}`;
    const cookieName = client.sessionCookieName();
    const signedInAt = Math.floor(Date.now() / 1000);
    const session = cookieName ? await client.session() : null;
    const stored = cookieName ? client.jar.get(cookieName) : undefined;
    const authTime = this.shape.authTime ? session?.authTime : signedInAt;
    if (
      !cookieName ||
      !V4_SESSION_COOKIE.test(cookieName) ||
      !session?.user?.id ||
      !session.user.email ||
      typeof authTime !== "number" ||
      !stored?.expires
    ) {
      return {
        name,
        ok: false,
        detail: `sign-in ${signInDetail}; cookie ${cookieName ?? "missing"}; session ${JSON.stringify(session)}`,
      };
    }
    const shows = page.shows || session.user.email;
    this.kept.push({
      label,
      email: session.user.email,
      userId: session.user.id,
      authTime,
      expires: stored.expires,
      page: { ...page, shows },
      v4Jar: new Map(client.jar),
    });
    return { name, ok: true, detail: `${cookieName}, expires ${new Date(stored.expires * 1000).toISOString()}` };
  }

  /** An anonymous visitor, and a tampered (and, with JWTs, an expired) v4 cookie: the protected page sends to sign-in, the API answers 401. */
  private async checkRefused(base: string, when: string): Promise<Check[]> {
    const checks: Check[] = [];
    const { protectedPage, signInPage, api: apiPath } = this.shape;
    for (const { label, jar } of [{ label: "", jar: new Map<string, StoredCookie>() }, ...this.refused]) {
      const page = await new CookieClient(base, jar).request(protectedPage);
      const api = await new CookieClient(base, jar).request(apiPath);
      checks.push({
        name: label ? `${when}: a v4 cookie ${label} is refused` : `${when}: an anonymous visitor is refused`,
        ok: [302, 307].includes(page.status) && pathOf(page.location) === signInPage && api.status === 401,
        detail: `${protectedPage} ${page.status} ${page.location}, ${apiPath} ${api.status}`,
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
      const expires = v5Name ? (browser.jar.get(v5Name)!.expires ?? 0) : 0;
      const read = await browser.session();
      const pageOk = page.status === 200 && page.body.includes(session.page.shows);
      const reissued = Boolean(v5Name) && v4Left.length === 0;
      const sameUser =
        read?.user?.id === session.userId && (!this.shape.authTime || read.authTime === session.authTime);
      const expiryKept =
        expires >= session.expires - 5 && expires <= now + (session.expires - session.authTime) + EXPIRY_SLACK_SECONDS;
      checks.push({
        name: `${name}: ${session.page.path} signed in, re-issued as v5, same user and sign-in time, expiry kept`,
        ok: pageOk && reissued && sameUser && expiryKept,
        detail: `${session.page.path} ${page.status}${pageOk ? "" : ` ${page.location}`}; v5 cookie ${v5Name ?? "missing"}, v4 left ${v4Left.join(",") || "none"}; user ${read?.user?.id ?? "none"} authTime ${read?.authTime}; expires ${new Date(expires * 1000).toISOString()} (v4: ${new Date(session.expires * 1000).toISOString()})`,
      });

      if (reissued) {
        const again = [await browser.request(session.page.path), await browser.request(this.shape.api)];
        const most = Math.max(...again.map((answer) => answer.setCookies.length));
        this.setCookieOnUnchangedRead = Math.max(this.setCookieOnUnchangedRead ?? 0, most);
      }

      const api = await new CookieClient(base, session.v4Jar).request(this.shape.api);
      const handlers = await new CookieClient(base, session.v4Jar).session();
      const serverPage = await new CookieClient(base, session.v4Jar).request("/server");
      const component = serverPage.status === 404 ? "no App Router page in this build" : `/server ${serverPage.status}`;
      // React's server render puts `<!-- -->` between adjacent text parts of one element.
      const componentText = serverPage.body.replace(/<!-- -->/g, "");
      const componentOk =
        serverPage.status === 404 ||
        (serverPage.status === 200 && componentText.includes(`Signed in as ${session.email}`));
      checks.push({
        name: `${name}: ${this.shape.api}, /api/auth/session and a server component read the same user`,
        ok:
          api.status === 200 &&
          api.body.includes(session.userId) &&
          handlers?.user?.id === session.userId &&
          componentOk,
        detail: `${this.shape.api} ${api.status}, /api/auth/session ${handlers?.user?.id ?? "signed out"}, ${component}`,
      });

      const { adminPage } = this.shape;
      if (adminPage && session.label.startsWith("GitHub")) {
        const admin = await new CookieClient(base, session.v4Jar).request(adminPage);
        checks.push({
          name: `${name}: ${adminPage} still refuses a plain user`,
          ok: [302, 303, 307, 403].includes(admin.status),
          detail: `${adminPage} ${admin.status} ${admin.location}`,
        });
      }

      if (session.carried) {
        const carried = new CookieClient(base, session.carried);
        const again = await carried.session();
        checks.push({
          name: `${name}: the v5 cookies from the previous build are still signed in`,
          ok: again?.user?.id === session.userId && (!this.shape.authTime || again.authTime === session.authTime),
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
      const page = await new CookieClient(base, session.v4Jar).request(this.shape.protectedPage);
      checks.push({
        name: `${label}: v4 cookies of ${session.label} read as signed out`,
        ok: v4 === null && pathOf(page.location) === this.shape.signInPage,
        detail: `/api/auth/session ${v4?.user?.id ?? "signed out"}, ${this.shape.protectedPage} ${page.status} ${page.location}`,
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
