/**
 * The served deployment matrix of `npm run test:upgrade`: one fixture app, its v4 and v5 builds,
 * run as real deployments run them. Each row signs in on the v4 build served under the row's
 * settings (a real v4 cookie), then serves the v5 build under the row's v5 settings and replays
 * that browser: the protected page, the API route and /api/auth/session must be signed in as the
 * same user, the session re-issued under the v5 cookie the row expects, and a v4 session cookie
 * deleted only by a response that sets the v5 one. No response body may carry a session token.
 *
 *   const matrix = new DeploymentMatrix(options, DEPLOYMENTS);
 *   await matrix.signInOnV4(v4App, { basePath: false });   // before the codemod
 *   await matrix.checkOnV5(v5App, { basePath: false, v4App: rollbackCopy });
 *   matrix.results();                                       // one DeploymentResult per row
 *
 * Rows with a basePath need builds made with BASE_PATH set (the fixtures read it in next.config.js);
 * the caller builds them and calls both methods again with `basePath: true`.
 */
import path from "node:path";
import { startApp } from "./app-server";
import type { Check } from "./continuity";
import { CookieClient, type Answer, type StoredCookie } from "./cookie-client";
import type { TlsProxy } from "./tls-proxy";

export type Env = Record<string, string | undefined>;

/** Where a row's browser reaches the app: `base` is the origin plus the basePath. */
export interface Place {
  origin: string;
  base: string;
  /** AUTH_URL / NEXTAUTH_URL for this place: the origin, or with a basePath its full auth path. */
  authUrl: string;
}

export interface Deployment {
  id: string;
  /** What the row sets, as the summary and MIGRATION.md say it. */
  sets: string;
  /** Served through the local TLS-terminating proxy (tooling/tls-proxy.ts). */
  https?: boolean;
  basePath?: string;
  /** The settings of each build, on top of the fixture's own (secrets, provider, database). */
  v4(place: Place): Env;
  v5(place: Place): Env;
  /** The session cookie v4 writes on this row, and the one v5 must write. */
  cookies: { v4: string; v5: string };
  /** Attributes the v5 session cookie must carry (the app's own cookie options). */
  cookieAttributes?: RegExp;
  /** A broken v5 configuration served first (the v4 cookie must survive it); then `v5` (the fix) and v4 again. */
  broken?(place: Place): Env;
}

const DEFAULT_V4 = "next-auth.session-token";
const DEFAULT_V5 = "authjs.session-token";
const secure = (name: string) => `__Secure-${name}`;
/** A product's own session cookie name (the fixtures read SESSION_COOKIE_NAME). */
const CUSTOM_COOKIE = "acme-session";

export const DEPLOYMENTS: Deployment[] = [
  {
    id: "http-auth-url",
    sets: "http; v4 NEXTAUTH_URL; v5 AUTH_URL (and NEXTAUTH_URL)",
    v4: (p) => ({ NEXTAUTH_URL: p.authUrl }),
    v5: (p) => ({ AUTH_URL: p.authUrl, NEXTAUTH_URL: p.authUrl }),
    cookies: { v4: DEFAULT_V4, v5: DEFAULT_V5 },
  },
  {
    id: "https-trust-host",
    sets: "https proxy (X-Forwarded-Proto/Host); v4 NEXTAUTH_URL=https://…; v5 AUTH_TRUST_HOST=true, no URL",
    https: true,
    v4: (p) => ({ NEXTAUTH_URL: p.authUrl }),
    v5: () => ({ AUTH_TRUST_HOST: "true" }),
    cookies: { v4: secure(DEFAULT_V4), v5: secure(DEFAULT_V5) },
  },
  {
    id: "https-vercel",
    sets: "https proxy; VERCEL=1 on both, no URL",
    https: true,
    v4: () => ({ VERCEL: "1" }),
    v5: () => ({ VERCEL: "1" }),
    cookies: { v4: secure(DEFAULT_V4), v5: secure(DEFAULT_V5) },
  },
  {
    id: "custom-cookie",
    sets: `http + URL; cookies.sessionToken = { name: "${CUSTOM_COOKIE}", options: { sameSite: "strict", … } } on both`,
    v4: (p) => ({ NEXTAUTH_URL: p.authUrl, SESSION_COOKIE_NAME: CUSTOM_COOKIE }),
    v5: (p) => ({ AUTH_URL: p.authUrl, NEXTAUTH_URL: p.authUrl, SESSION_COOKIE_NAME: CUSTOM_COOKIE }),
    cookies: { v4: CUSTOM_COOKIE, v5: CUSTOM_COOKIE },
    cookieAttributes: /;\s*SameSite=Strict/i,
  },
  {
    id: "base-path",
    sets: "http; Next basePath /app; v4 NEXTAUTH_URL=…/app/api/auth; v5 AUTH_URL=the origin (v5 cannot take the path)",
    basePath: "/app",
    v4: (p) => ({ NEXTAUTH_URL: p.authUrl, BASE_PATH: "/app" }),
    // v5 takes AUTH_URL's path as its own basePath, but Next hands route handlers the path without
    // Next's basePath (UnknownAction): AUTH_URL is the origin. nextauthjs/next-auth#10797
    v5: (p) => ({ AUTH_URL: p.origin, NEXTAUTH_URL: p.authUrl, BASE_PATH: "/app" }),
    cookies: { v4: DEFAULT_V4, v5: DEFAULT_V5 },
  },
  {
    id: "secure-cookies-http",
    sets: "http + URL; useSecureCookies: true on both",
    v4: (p) => ({ NEXTAUTH_URL: p.authUrl, SECURE_COOKIES: "true" }),
    v5: (p) => ({ AUTH_URL: p.authUrl, NEXTAUTH_URL: p.authUrl, SECURE_COOKIES: "true" }),
    cookies: { v4: secure(DEFAULT_V4), v5: secure(DEFAULT_V5) },
  },
  {
    id: "broken-config",
    sets: "v5 first with only NEXTAUTH_URL (UntrustedHost), then fixed (AUTH_TRUST_HOST=true), then v4 again",
    v4: (p) => ({ NEXTAUTH_URL: p.authUrl }),
    broken: (p) => ({ NEXTAUTH_URL: p.authUrl }),
    v5: (p) => ({ NEXTAUTH_URL: p.authUrl, AUTH_TRUST_HOST: "true" }),
    cookies: { v4: DEFAULT_V4, v5: DEFAULT_V5 },
  },
];

export interface DeploymentResult {
  app: string;
  deployment: string;
  strategy: "jwt" | "database";
  /** Signed in on v5 (and, on the broken-configuration row, after the fix and after the rollback). */
  signedInAfter: boolean;
  /** Responses that deleted a v4 session cookie without setting the v5 one. */
  v4CookiesLost: number;
  /** Responses whose body carried a session cookie's value. */
  sessionTokenLeaks: number;
  seconds: number;
  passed: boolean;
  failed: string[];
}

export interface MatrixOptions {
  app: string;
  strategy: "jwt" | "database";
  /** A page only a signed-in user may open (it shows the user's email), and an API route answering the user's id. */
  protectedPage: string;
  api: string;
  /** The fixture's own environment (secrets, database, the provider at `providerUrl`). */
  env(providerUrl: string): NodeJS.ProcessEnv;
  port: number;
  logDir: string;
  /** The local GitHub-compatible provider registered with `redirectUri`; its URL. */
  provider(redirectUri: string): Promise<string>;
  /** The TLS proxy in front of `port`. */
  proxy(): Promise<TlsProxy>;
}

interface Kept {
  jar: Map<string, StoredCookie>;
  userId: string;
  email: string;
  /** The v4 session cookie's value (a JWE, or a database session token). */
  token: string;
}

interface RowState {
  checks: Check[];
  signedIn: boolean[];
  lost: number;
  leaks: number;
  ms: number;
  kept?: Kept;
  done: boolean;
}

/** The value of a cookie, joined from its chunks (`<name>.0`, `<name>.1`, …) when it was split. */
function cookieValue(jar: Map<string, StoredCookie>, name: string): string | undefined {
  if (jar.has(name)) return jar.get(name)!.value;
  const chunks = [...jar.keys()].filter((n) => n.startsWith(`${name}.`) && /^\d+$/.test(n.slice(name.length + 1)));
  if (!chunks.length) return undefined;
  return chunks
    .sort((a, b) => Number(a.slice(name.length + 1)) - Number(b.slice(name.length + 1)))
    .map((n) => jar.get(n)!.value)
    .join("");
}

const isNamed = (cookie: string, name: string) =>
  cookie === name || (cookie.startsWith(`${name}.`) && /^\d+$/.test(cookie.slice(name.length + 1)));

/** The JWE's content encryption: v4 seals with A256GCM, v5 with A256CBC-HS512. */
function jweEncryption(token: string): string | undefined {
  try {
    return (JSON.parse(Buffer.from(token.split(".")[0], "base64url").toString("utf8")) as { enc?: string }).enc;
  } catch {
    return undefined;
  }
}

interface SetCookie {
  name: string;
  value: string;
  /** An empty value, Max-Age ≤ 0 or an Expires in the past. */
  deletes: boolean;
  line: string;
}

function parseSetCookie(line: string): SetCookie {
  const [pair, ...attributes] = line.split(";").map((part) => part.trim());
  const at = pair.indexOf("=");
  const value = pair.slice(at + 1);
  const expired = attributes.some((attribute) => {
    const [key, ...rest] = attribute.split("=");
    if (/^max-age$/i.test(key)) return Number(rest.join("=")) <= 0;
    if (/^expires$/i.test(key)) return Date.parse(rest.join("=")) <= Date.now();
    return false;
  });
  return { name: pair.slice(0, at), value, deletes: value === "" || expired, line };
}

/**
 * The v4 session cookies (v4's default names and the row's own) that `answer` deletes without
 * setting the v5 session cookie in the same response: each is a session lost if v5 then fails.
 */
export function v4CookiesLostIn(answer: Pick<Answer, "setCookies">, cookies: Deployment["cookies"]): number {
  const lines = answer.setCookies.map(parseSetCookie);
  const v4Names = [DEFAULT_V4, secure(DEFAULT_V4), cookies.v4];
  const deleted = lines.filter((c) => c.deletes && v4Names.some((name) => isNamed(c.name, name)));
  const setsV5 = lines.some((c) => !c.deletes && isNamed(c.name, cookies.v5));
  return setsV5 ? 0 : deleted.length;
}

/** Whether the body of `answer` (JSON or a page's HTML) carries one of the session cookies' values. */
export const carriesToken = (answer: Pick<Answer, "body">, tokens: string[]) =>
  tokens.some((token) => token && answer.body.includes(token));

/** ` (sets a, deletes b)`: what an answer did to cookies, for a failure's detail. */
function setCookieNames(answer: Answer): string {
  const lines = answer.setCookies.map(parseSetCookie);
  if (!lines.length) return "";
  return ` (${lines.map((c) => `${c.deletes ? "deletes" : "sets"} ${c.name}`).join(", ")})`;
}

export class DeploymentMatrix {
  private state = new Map<string, RowState>();

  constructor(
    readonly options: MatrixOptions,
    readonly rows: Deployment[],
  ) {
    for (const row of rows) this.state.set(row.id, { checks: [], signedIn: [], lost: 0, leaks: 0, ms: 0, done: false });
  }

  /** Whether a row serves the v4 build again after v5 (the caller keeps a copy of it). */
  get needsRollback(): boolean {
    return this.rows.some((row) => row.broken);
  }

  private rowsFor(basePath: boolean): Deployment[] {
    return this.rows.filter((row) => Boolean(row.basePath) === basePath);
  }

  private async place(row: Deployment): Promise<Place & { tls?: { ca: string } }> {
    const proxy = row.https ? await this.options.proxy() : undefined;
    const origin = proxy?.url ?? `http://127.0.0.1:${this.options.port}`;
    const base = `${origin}${row.basePath ?? ""}`;
    return { origin, base, authUrl: row.basePath ? `${base}/api/auth` : origin, tls: proxy && { ca: proxy.ca } };
  }

  /** Serves the build in `cwd` with the row's `env` on the shared port; runs `body`; stops it. Timed into the row. */
  private async serve(
    cwd: string,
    row: Deployment,
    label: string,
    env: Env,
    body: (place: Place & { tls?: { ca: string } }) => Promise<void>,
    { anyStatus = false } = {},
  ): Promise<void> {
    const since = Date.now();
    const state = this.state.get(row.id)!;
    const place = await this.place(row);
    const providerUrl = await this.options.provider(`${place.base}/api/auth/callback/github`);
    const logFile = path.join(this.options.logDir, `deployment-${row.id}-${label}-server.log`);
    try {
      const app = await startApp({
        name: `${this.options.app} ${row.id} ${label}`,
        port: this.options.port,
        url: place.base,
        env: { ...this.options.env(providerUrl), ...env },
        logFile,
        cwd,
        ready: { path: `${row.basePath ?? ""}/api/auth/providers`, anyStatus },
      });
      try {
        await body(place);
      } finally {
        await app.stop();
      }
    } catch (error) {
      state.checks.push({
        name: `${label}: request`,
        ok: false,
        detail: `${(error as Error).message} (server log: ${logFile})`,
      });
    } finally {
      state.ms += Date.now() - since;
    }
  }

  /** Counts, over `answers`, v4 session cookies deleted without the v5 one set, and bodies carrying a token. */
  private audit(row: Deployment, answers: Answer[], tokens: string[]): void {
    const state = this.state.get(row.id)!;
    for (const answer of answers) {
      state.lost += v4CookiesLostIn(answer, row.cookies);
      if (carriesToken(answer, tokens)) state.leaks += 1;
    }
  }

  /** On the v4 build in `cwd`: signs in through GitHub under each row's v4 settings and keeps the browser. */
  async signInOnV4(cwd: string, { basePath }: { basePath: boolean }): Promise<void> {
    const { protectedPage } = this.options;
    for (const row of this.rowsFor(basePath)) {
      const state = this.state.get(row.id)!;
      await this.serve(cwd, row, "v4", row.v4(await this.place(row)), async (place) => {
        const client = new CookieClient(place.base, undefined, place.tls);
        const signIn = await client.signInWithGithub("octocat", `${row.basePath ?? ""}${protectedPage}`);
        const session = await client.session();
        const page = await client.request(protectedPage);
        const token = cookieValue(client.jar, row.cookies.v4); // as the browser keeps it: v4 re-issues it on each read
        const email = session?.user?.email ?? "";
        const ok = Boolean(token && session?.user?.id && email && page.status === 200 && page.body.includes(email));
        state.checks.push({
          name: `v4: signed in under ${row.id}, cookie ${row.cookies.v4}`,
          ok,
          detail: `sign-in ${signIn.status}; cookies ${[...client.jar.keys()].join(",")}; session ${session?.user?.id ?? "none"}; ${protectedPage} ${page.status}`,
        });
        if (ok) state.kept = { jar: new Map(client.jar), userId: session!.user!.id!, email, token: token! };
      });
    }
  }

  /**
   * On the v5 build in `cwd`: each row's kept v4 browser. The broken-configuration row is served
   * broken first, then fixed, then rolled back to the v4 build in `v4App`.
   */
  async checkOnV5(cwd: string, { basePath, v4App }: { basePath: boolean; v4App?: string }): Promise<void> {
    for (const row of this.rowsFor(basePath)) {
      const state = this.state.get(row.id)!;
      state.done = true;
      const kept = state.kept;
      if (!kept) {
        state.checks.push({ name: "v5: a v4 cookie to start from", ok: false, detail: "the v4 sign-in failed" });
        continue;
      }
      if (!row.broken) {
        await this.serve(cwd, row, "v5", row.v5(await this.place(row)), (place) =>
          this.checkSignedIn(row, place, kept.jar, "v5"),
        );
        continue;
      }
      let survived = kept.jar;
      await this.serve(
        cwd,
        row,
        "v5-broken",
        row.broken(await this.place(row)),
        async (place) => {
          const browser = new CookieClient(place.base, kept.jar, place.tls);
          const answers = [
            await browser.request(this.options.protectedPage),
            await browser.request(this.options.api),
            await browser.request("/api/auth/session"),
          ];
          this.audit(row, answers, [kept.token]);
          const left = cookieValue(browser.jar, row.cookies.v4);
          state.checks.push({
            name: "v5 broken: the configuration error is answered (5xx), the v4 cookie kept as it was",
            ok: answers[2].status >= 500 && left === kept.token,
            detail: `${answers.map((a) => `${a.status}${setCookieNames(a)}`).join(", ")}; v4 cookie ${left === kept.token ? "kept" : left ? "changed" : "gone"}`,
          });
          survived = new Map(browser.jar);
        },
        { anyStatus: true },
      );
      await this.serve(cwd, row, "v5-fixed", row.v5(await this.place(row)), (place) =>
        this.checkSignedIn(row, place, survived, "v5 fixed"),
      );
      if (!v4App) {
        state.checks.push({ name: "v4 again: the rollback", ok: false, detail: "no v4 build kept" });
        continue;
      }
      await this.serve(v4App, row, "v4-rollback", row.v4(await this.place(row)), async (place) => {
        const browser = new CookieClient(place.base, survived, place.tls);
        const session = await browser.request("/api/auth/session");
        const page = await browser.request(this.options.protectedPage);
        this.audit(row, [session, page], [kept.token]);
        const userId = (JSON.parse(session.body || "null") as { user?: { id?: string } } | null)?.user?.id;
        const ok = userId === kept.userId && page.status === 200 && page.body.includes(kept.email);
        state.signedIn.push(ok);
        state.checks.push({
          name: "v4 again (rollback): the same cookie is signed in",
          ok,
          detail: `/api/auth/session ${userId ?? "signed out"}, ${this.options.protectedPage} ${page.status}`,
        });
      });
    }
  }

  /** The browser `jar` on v5: signed in everywhere as the kept user, re-issued under the row's v5 cookie, the v4 one gone. */
  private async checkSignedIn(
    row: Deployment,
    place: Place & { tls?: { ca: string } },
    jar: Map<string, StoredCookie>,
    label: string,
  ) {
    const state = this.state.get(row.id)!;
    const kept = state.kept!;
    const { protectedPage, api } = this.options;
    const browser = new CookieClient(place.base, jar, place.tls);
    const page = await browser.request(protectedPage);
    const v5Token = cookieValue(browser.jar, row.cookies.v5);
    const v4Left = [...browser.jar.keys()].filter(
      (name) =>
        !isNamed(name, row.cookies.v5) &&
        [DEFAULT_V4, secure(DEFAULT_V4), row.cookies.v4].some((v4) => isNamed(name, v4)),
    );
    const v5Format =
      this.options.strategy === "jwt" ? jweEncryption(v5Token ?? "") === "A256CBC-HS512" : v5Token === kept.token;
    const again = await browser.request("/api/auth/session");
    const fromV4Api = await new CookieClient(place.base, jar, place.tls).request(api);
    const fromV4Session = await new CookieClient(place.base, jar, place.tls).request("/api/auth/session");
    const answers = [page, again, fromV4Api, fromV4Session];
    this.audit(row, answers, [kept.token, v5Token ?? ""]);
    const userOf = (answer: Answer) =>
      (JSON.parse(answer.body || "null") as { user?: { id?: string } } | null)?.user?.id;

    const pageOk = page.status === 200 && page.body.includes(kept.email);
    const reissued = Boolean(v5Token) && v5Format && v4Left.length === 0;
    const readOk =
      fromV4Api.status === 200 &&
      fromV4Api.body.includes(kept.userId) &&
      userOf(fromV4Session) === kept.userId &&
      userOf(again) === kept.userId;
    const v5Lines = answers
      .flatMap((a) => a.setCookies.map(parseSetCookie))
      .filter((c) => isNamed(c.name, row.cookies.v5) && !c.deletes);
    const attributesOk = !row.cookieAttributes || v5Lines.every((c) => row.cookieAttributes!.test(c.line));
    state.signedIn.push(pageOk && readOk);
    state.checks.push(
      {
        name: `${label}: ${protectedPage} signed in, re-issued as ${row.cookies.v5} in v5's format, no v4 session cookie left`,
        ok: pageOk && reissued,
        detail: `${protectedPage} ${page.status}${page.location ? ` → ${page.location}` : ""}${setCookieNames(page)}; ${row.cookies.v5} ${v5Token ? (v5Format ? "v5" : "not v5's format") : "missing"}; v4 left ${v4Left.join(",") || "none"}`,
      },
      {
        name: `${label}: ${api} and /api/auth/session (v4 cookie, then the re-issued one) read the same user`,
        ok: readOk,
        detail: `${api} ${fromV4Api.status}, /api/auth/session ${userOf(fromV4Session) ?? "signed out"}, then ${userOf(again) ?? "signed out"}`,
      },
    );
    if (row.cookieAttributes)
      state.checks.push({
        name: `${label}: the v5 cookie keeps the app's options (${row.cookieAttributes.source})`,
        ok: attributesOk,
        detail: v5Lines.map((c) => c.line.replace(/=[^;]+/, "=…")).join(" | ") || "no Set-Cookie for it",
      });
  }

  /** One result per row; a row that never reached v5 fails with `reason`. */
  results(reason = "the upgrade stopped before v5 was served"): DeploymentResult[] {
    return this.rows.map((row) => {
      const state = this.state.get(row.id)!;
      const failed = state.checks.filter((c) => !c.ok).map((c) => `${c.name}: ${c.detail}`);
      if (!state.done) failed.push(reason);
      if (state.lost)
        failed.push(`${state.lost} response(s) deleted a v4 session cookie without setting ${row.cookies.v5}`);
      if (state.leaks) failed.push(`${state.leaks} response body(ies) carried the session token`);
      const signedInAfter = state.signedIn.length > 0 && state.signedIn.every(Boolean);
      return {
        app: this.options.app,
        deployment: row.id,
        strategy: this.options.strategy,
        signedInAfter,
        v4CookiesLost: state.lost,
        sessionTokenLeaks: state.leaks,
        seconds: Math.round(state.ms / 1000),
        passed: failed.length === 0 && signedInAfter,
        failed,
      };
    });
  }

  /** Every check of every row, for the fixture's log folder. */
  checks(): Record<string, Check[]> {
    return Object.fromEntries([...this.state].map(([id, state]) => [id, state.checks]));
  }
}
