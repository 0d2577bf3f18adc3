import NextAuth, { type NextAuthConfig } from "next-auth";
import type { Adapter, AdapterSession, AdapterUser } from "next-auth/adapters";
import { decode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import {
  upgradeLegacySessionCookie,
  withLegacyV4,
  withLegacyV4Sessions,
  type LegacyV4SessionOptions,
} from "@/lib/auth/legacy-v4-session";
import { mintV4SessionToken, v4CookieHeader } from "@/tooling/v4-session-cookie";

/**
 * The bridge as the codemod writes it into any app (codemod/templates/legacy-v4-session.ts),
 * given only its options: v4 cookies minted as v4 seals them, read through Auth.js v5's own
 * handlers and `auth()`, with real cookies. Our app's wiring is covered by session-continuity.test.ts.
 */
const SECRET = "a-bridge-test-secret-that-is-long-enough-0000";
const BASE = "http://localhost:3000";
const now = () => Math.floor(Date.now() / 1000);
const jwtOptions: LegacyV4SessionOptions = { secret: SECRET, strategy: "jwt", secureCookies: false };
const claims = { sub: "user-1", name: "Vera Four", email: "vera@example.com" };

/** A v5 JWT app with the bridge given its options as they are. */
const jwtApp = (options: LegacyV4SessionOptions = jwtOptions, trustHost = true) =>
  withLegacyV4Sessions(NextAuth({ providers: [], secret: SECRET, trustHost }), options);

function setCookies(response: Response): Map<string, string> {
  return new Map(
    response.headers
      .getSetCookie()
      .map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1).split(";")[0]]),
  );
}

describe("the bridge for a v4 JWT session cookie", () => {
  it("carries the claims to v5's cookie with the v4 token's own expiry, not a new one", async () => {
    const token = await mintV4SessionToken(claims, SECRET, 600);
    const exp = now() + 600;
    const upgrade = await upgradeLegacySessionCookie(`theme=dark; next-auth.session-token=${token}`, jwtOptions);
    expect(upgrade?.valid).toBe(true);
    const carried = upgrade!.cookie.match(/authjs\.session-token=([^;]+)/)![1];
    const payload = await decode({ token: carried, secret: SECRET, salt: "authjs.session-token" });
    expect(payload).toMatchObject(claims);
    expect(Math.abs((payload!.exp as number) - exp)).toBeLessThanOrEqual(2);
    expect(upgrade!.cookie).toContain("theme=dark");
    expect(upgrade!.expire).toEqual([expect.stringMatching(/^next-auth\.session-token=; .*Max-Age=0/)]);
  });

  it("never lets a carried token outlive the configured maxAge", async () => {
    const token = await mintV4SessionToken(claims, SECRET, 30 * 24 * 60 * 60);
    const upgrade = await upgradeLegacySessionCookie(`next-auth.session-token=${token}`, { ...jwtOptions, maxAge: 60 });
    const carried = upgrade!.cookie.match(/authjs\.session-token=([^;]+)/)![1];
    const payload = await decode({ token: carried, secret: SECRET, salt: "authjs.session-token" });
    expect(payload!.exp as number).toBeLessThanOrEqual(now() + 61);
  });

  it("reads a chunked __Secure- cookie and re-issues it under v5's __Secure- name", async () => {
    const token = await mintV4SessionToken(claims, SECRET);
    const header = v4CookieHeader(token, { secure: true, chunkSize: 100 });
    expect(header).toContain("__Secure-next-auth.session-token.2=");
    const upgrade = await upgradeLegacySessionCookie(header, { ...jwtOptions, secureCookies: true });
    const carried = upgrade!.cookie.match(/__Secure-authjs\.session-token=([^;]+)/)![1];
    expect(await decode({ token: carried, secret: SECRET, salt: "__Secure-authjs.session-token" })).toMatchObject(
      claims,
    );
    expect(upgrade!.expire.map((line) => line.split("=")[0]).sort()).toEqual(
      header
        .split("; ")
        .map((pair) => pair.split("=")[0])
        .sort(),
    );
  });

  it.each([
    ["expired", () => mintV4SessionToken(claims, SECRET, -60)],
    ["sealed with another secret", () => mintV4SessionToken(claims, "another-secret-that-is-also-long-enough-00")],
    [
      "tampered with",
      async () => {
        const token = await mintV4SessionToken(claims, SECRET);
        const at = token.length - 30;
        return `${token.slice(0, at)}${token[at] === "A" ? "B" : "A"}${token.slice(at + 1)}`;
      },
    ],
  ])("reads a token %s as signed out, and leaves the v4 cookie in the browser", async (_label, mint) => {
    const cookie = `next-auth.session-token=${await mint()}`;
    const upgrade = await upgradeLegacySessionCookie(cookie, jwtOptions);
    expect(upgrade).toMatchObject({ valid: false, cookie: "" });
    const response = await jwtApp().handlers.GET(new NextRequest(`${BASE}/api/auth/session`, { headers: { cookie } }));
    expect(await response.json()).toBeNull();
    expect(setCookies(response).has("next-auth.session-token")).toBe(false);
  });

  it("leaves a request that already has a v5 cookie as it is", async () => {
    const token = await mintV4SessionToken(claims, SECRET);
    expect(
      await upgradeLegacySessionCookie(`authjs.session-token=v5; next-auth.session-token=${token}`, jwtOptions),
    ).toBeNull();
  });
});

/** An adapter for database sessions that keeps its rows in memory, and records its updates. */
function databaseAdapter() {
  const user: AdapterUser = { id: "user-1", name: "Dana Base", email: "dana@example.com", emailVerified: null };
  const sessions = new Map<string, AdapterSession>();
  const updates: string[] = [];
  // Sign-in is not exercised: v5 only checks that an adapter for database sessions has these.
  const unused = async () => {
    throw new Error("not used by a session read");
  };
  const adapter = {
    ...Object.fromEntries(
      ["createUser", "getUser", "getUserByEmail", "getUserByAccount", "updateUser", "linkAccount", "createSession"].map(
        (name) => [name, unused],
      ),
    ),
    getSessionAndUser: async (sessionToken: string) => {
      const session = sessions.get(sessionToken);
      return session ? { session: { ...session }, user } : null;
    },
    updateSession: async (session: Partial<AdapterSession> & Pick<AdapterSession, "sessionToken">) => {
      updates.push(session.sessionToken);
      return null;
    },
    deleteSession: async (sessionToken: string) => {
      sessions.delete(sessionToken);
    },
  } as Adapter;
  return { adapter, sessions, updates };
}

/** A v5 app with database sessions on the in-memory adapter. */
function databaseApp(secureCookies = false) {
  const { adapter, sessions, updates } = databaseAdapter();
  const options = { secret: SECRET, strategy: "database", secureCookies } satisfies LegacyV4SessionOptions;
  const app = withLegacyV4Sessions(
    NextAuth({
      adapter,
      providers: [],
      secret: SECRET,
      trustHost: true,
      useSecureCookies: secureCookies,
      session: { strategy: "database", maxAge: 30 * 24 * 60 * 60 },
    }),
    () => options,
  );
  // A row written by v4 at sign-in an hour ago: not yet due for v5's daily update.
  const expires = new Date(Date.now() + (30 * 24 - 1) * 60 * 60 * 1000);
  sessions.set("v4-session-token", { sessionToken: "v4-session-token", userId: "user-1", expires });
  return { app, sessions, updates, expires };
}

describe("the bridge for a v4 database-session cookie", () => {
  it("carries the session token to v5's cookie name as it is, and leaves the session row untouched", async () => {
    const { app, sessions, updates, expires } = databaseApp();
    const response = await app.handlers.GET(
      new NextRequest(`${BASE}/api/auth/session`, { headers: { cookie: "next-auth.session-token=v4-session-token" } }),
    );
    expect(await response.json()).toMatchObject({ user: { email: "dana@example.com" } });
    const cookies = setCookies(response);
    expect(cookies.get("authjs.session-token")).toBe("v4-session-token");
    expect(cookies.get("next-auth.session-token")).toBe("");
    expect(updates).toEqual([]);
    expect(sessions.get("v4-session-token")).toEqual({ sessionToken: "v4-session-token", userId: "user-1", expires });
  });

  it("carries a __Secure- database cookie in getServerSideProps and API routes (auth(req, res))", async () => {
    const { app } = databaseApp(true);
    const written: string[] = [];
    const res = { appendHeader: (_name: string, value: string) => written.push(value) };
    const session = await (app.auth as unknown as (ctx: unknown) => Promise<{ user?: { email?: string } } | null>)({
      req: { headers: { cookie: "__Secure-next-auth.session-token=v4-session-token" } },
      res,
    });
    expect(session?.user?.email).toBe("dana@example.com");
    expect(written.some((line) => line.startsWith("__Secure-authjs.session-token=v4-session-token;"))).toBe(true);
    expect(written.some((line) => line.startsWith("__Secure-next-auth.session-token=;"))).toBe(true);
  });

  it("reads a v4 cookie whose session is not in the database as signed out, and leaves it for a v4 redeploy", async () => {
    const { app } = databaseApp();
    const response = await app.handlers.GET(
      new NextRequest(`${BASE}/api/auth/session`, { headers: { cookie: "next-auth.session-token=not-a-session" } }),
    );
    expect(await response.json()).toBeNull();
    expect(setCookies(response).has("next-auth.session-token")).toBe(false);
  });
});

describe("the bridge in middleware", () => {
  const middlewareApp = () =>
    withLegacyV4Sessions(
      NextAuth({
        providers: [],
        secret: SECRET,
        trustHost: true,
        callbacks: { authorized: ({ auth }) => Boolean(auth) },
      }),
      jwtOptions,
    );
  const visit = (cookie: string) =>
    (middlewareApp().auth as unknown as (request: NextRequest, event: unknown) => Promise<Response>)(
      new NextRequest(`${BASE}/dashboard`, { headers: { cookie } }),
      {},
    );

  it("lets a v4 JWT cookie through and re-issues it as v5", async () => {
    const response = await visit(`next-auth.session-token=${await mintV4SessionToken(claims, SECRET)}`);
    expect(response.headers.get("location")).toBeNull();
    const cookies = setCookies(response);
    expect(cookies.get("next-auth.session-token")).toBe("");
    expect(
      await decode({ token: cookies.get("authjs.session-token"), secret: SECRET, salt: "authjs.session-token" }),
    ).toMatchObject(claims);
  });

  it("sends an expired v4 cookie to sign in, without deleting it", async () => {
    const response = await visit(`next-auth.session-token=${await mintV4SessionToken(claims, SECRET, -60)}`);
    expect(response.headers.get("location")).toMatch(/\/api\/auth\/signin/);
    expect(setCookies(response).has("next-auth.session-token")).toBe(false);
  });

  it("wraps a middleware function, auth((req) => …), handing back a function (Next refuses a promise) that sees the v4 session, with a lazy config too", async () => {
    const seen: unknown[] = [];
    // v5 itself hands back a promise for a lazy config, NextAuth(() => config): the bridge must not.
    const lazyApp = withLegacyV4Sessions(
      NextAuth(() => ({ providers: [], secret: SECRET, trustHost: true })),
      jwtOptions,
    );
    const wrap = lazyApp.auth as unknown as (fn: (req: NextRequest & { auth: unknown }) => void) => unknown;
    const middleware = wrap((req) => {
      seen.push(req.auth);
    });
    expect(typeof middleware).toBe("function");
    const cookie = `next-auth.session-token=${await mintV4SessionToken(claims, SECRET)}`;
    const response = await (middleware as (request: NextRequest, event: unknown) => Promise<Response>)(
      new NextRequest(`${BASE}/dashboard`, { headers: { cookie } }),
      {},
    );
    expect(seen).toEqual([expect.objectContaining({ user: expect.objectContaining({ email: claims.email }) })]);
    expect(setCookies(response).get("next-auth.session-token")).toBe("");
  });
});

/** Puts environment variables back as they were (process.env turns an assigned undefined into "undefined"). */
function restoreEnv(saved: Record<string, string | undefined>): void {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
}

describe("the bridge names v5's cookie per request, as v5 does", () => {
  const saved = { AUTH_URL: process.env.AUTH_URL, NEXTAUTH_URL: process.env.NEXTAUTH_URL };
  beforeEach(() => {
    // A deployment that sets no URL: behind a TLS-terminating proxy with AUTH_TRUST_HOST, or on Vercel.
    delete process.env.AUTH_URL;
    delete process.env.NEXTAUTH_URL;
  });
  afterEach(() => restoreEnv(saved));
  const bridged = (config: Omit<NextAuthConfig, "providers"> = {}) =>
    withLegacyV4(NextAuth)({ providers: [], secret: SECRET, trustHost: true, ...config });

  it("behind an https proxy with no AUTH_URL, carries the __Secure- v4 cookie to the session route", async () => {
    const token = await mintV4SessionToken(claims, SECRET);
    // Next builds the route's request URL from X-Forwarded-Proto.
    const response = await bridged().handlers.GET(
      new NextRequest("https://app.example.com/api/auth/session", {
        headers: { cookie: v4CookieHeader(token, { secure: true }), "x-forwarded-proto": "https" },
      }),
    );
    expect(await response.json()).toMatchObject({ user: { email: claims.email } });
    const cookies = setCookies(response);
    expect(cookies.get("__Secure-authjs.session-token")).toBeTruthy();
    expect(cookies.get("__Secure-next-auth.session-token")).toBe("");
  });

  it("behind an https proxy with no AUTH_URL, carries it in getServerSideProps (auth(ctx)) from X-Forwarded-Proto", async () => {
    const token = await mintV4SessionToken(claims, SECRET);
    const written: string[] = [];
    const session = await (
      bridged().auth as unknown as (ctx: unknown) => Promise<{ user?: { email?: string } } | null>
    )({
      req: { headers: { cookie: v4CookieHeader(token, { secure: true }), "x-forwarded-proto": "https" } },
      res: { appendHeader: (_name: string, value: string) => written.push(value) },
    });
    expect(session?.user?.email).toBe(claims.email);
    expect(
      written.some(
        (line) =>
          line.startsWith("__Secure-authjs.session-token=") && !line.startsWith("__Secure-authjs.session-token=;"),
      ),
    ).toBe(true);
    expect(written.some((line) => line.startsWith("__Secure-next-auth.session-token=;"))).toBe(true);
  });

  it("over plain http with no AUTH_URL, uses the plain names", async () => {
    const token = await mintV4SessionToken(claims, SECRET);
    const response = await bridged().handlers.GET(
      new NextRequest("http://127.0.0.1:3000/api/auth/session", {
        headers: { cookie: v4CookieHeader(token), "x-forwarded-proto": "http" },
      }),
    );
    expect(await response.json()).toMatchObject({ user: { email: claims.email } });
    expect(setCookies(response).get("authjs.session-token")).toBeTruthy();
  });

  it("follows an https AUTH_URL over the request's own protocol", async () => {
    process.env.AUTH_URL = "https://app.example.com";
    const token = await mintV4SessionToken(claims, SECRET);
    const response = await bridged().handlers.GET(
      new NextRequest("http://127.0.0.1:3000/api/auth/session", {
        headers: { cookie: v4CookieHeader(token, { secure: true }) },
      }),
    );
    expect(await response.json()).toMatchObject({ user: { email: claims.email } });
    expect(setCookies(response).get("__Secure-authjs.session-token")).toBeTruthy();
  });

  it("follows the app's explicit useSecureCookies on plain http", async () => {
    const token = await mintV4SessionToken(claims, SECRET);
    const response = await bridged({ useSecureCookies: true }).handlers.GET(
      new NextRequest("http://127.0.0.1:3000/api/auth/session", {
        headers: { cookie: v4CookieHeader(token, { secure: true }) },
      }),
    );
    expect(await response.json()).toMatchObject({ user: { email: claims.email } });
    const cookies = setCookies(response);
    expect(cookies.get("__Secure-authjs.session-token")).toBeTruthy();
    expect(cookies.get("__Secure-next-auth.session-token")).toBe("");
  });
});

describe("the bridge with the app's own session cookie name and options", () => {
  const custom = {
    name: "app.session",
    options: { httpOnly: true, sameSite: "lax" as const, path: "/", secure: false, domain: "example.com" },
  };

  it("re-issues a v4 JWT written under the custom name (which v5 uses too) as v5, without deleting the new cookie", async () => {
    const token = await mintV4SessionToken(claims, SECRET);
    const app = withLegacyV4(NextAuth)({
      providers: [],
      secret: SECRET,
      trustHost: true,
      cookies: { sessionToken: custom },
    });
    const response = await app.handlers.GET(
      new NextRequest(`${BASE}/api/auth/session`, { headers: { cookie: `app.session=${token}` } }),
    );
    expect(await response.json()).toMatchObject({ user: { email: claims.email } });
    const lines = response.headers.getSetCookie().filter((line) => line.startsWith("app.session="));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/Domain=example\.com/i);
    const carried = setCookies(response).get("app.session")!;
    expect(await decode({ token: carried, secret: SECRET, salt: "app.session" })).toMatchObject(claims);
  });

  it("deletes the custom name's v4 chunks that the v5 cookie does not overwrite, on the app's domain", async () => {
    const token = await mintV4SessionToken(claims, SECRET);
    const half = Math.ceil(token.length / 2);
    const app = withLegacyV4(NextAuth)({
      providers: [],
      secret: SECRET,
      trustHost: true,
      cookies: { sessionToken: custom },
    });
    const response = await app.handlers.GET(
      new NextRequest(`${BASE}/api/auth/session`, {
        headers: { cookie: `app.session.0=${token.slice(0, half)}; app.session.1=${token.slice(half)}` },
      }),
    );
    expect(await response.json()).toMatchObject({ user: { email: claims.email } });
    const expired = response.headers.getSetCookie().filter((line) => /^app\.session\.\d=;/.test(line));
    expect(expired).toHaveLength(2);
    for (const line of expired) expect(line).toMatch(/Domain=example\.com/);
  });

  it("leaves a v5 token under the custom name alone", async () => {
    const token = await mintV4SessionToken(claims, SECRET);
    const app = withLegacyV4(NextAuth)({
      providers: [],
      secret: SECRET,
      trustHost: true,
      cookies: { sessionToken: custom },
    });
    const first = await app.handlers.GET(
      new NextRequest(`${BASE}/api/auth/session`, { headers: { cookie: `app.session=${token}` } }),
    );
    const v5 = setCookies(first).get("app.session")!;
    expect(
      await upgradeLegacySessionCookie(`app.session=${v5}`, { ...jwtOptions, sessionCookieName: "app.session" }),
    ).toBeNull();
  });
});

describe("the bridge when v5 fails: the v4 cookie survives for the fix, or a rollback", () => {
  let logged: jest.SpyInstance;
  beforeEach(() => {
    logged = jest.spyOn(console, "error").mockImplementation(() => undefined);
  });
  afterEach(() => logged.mockRestore());
  const saved = {
    AUTH_URL: process.env.AUTH_URL,
    NEXTAUTH_URL: process.env.NEXTAUTH_URL,
    NODE_ENV: process.env.NODE_ENV,
  };
  afterEach(() => restoreEnv(saved));

  it("keeps the v4 cookie through v5's 500 on an untrusted host, logs it once, and signs the same cookie in once the host is trusted", async () => {
    // Self-hosted production with only NEXTAUTH_URL: v5 refuses every request (UntrustedHost).
    Object.assign(process.env, { NODE_ENV: "production" });
    const token = await mintV4SessionToken(claims, SECRET);
    const cookie = `next-auth.session-token=${token}`;
    const broken = jwtApp(jwtOptions, false);
    for (let visit = 0; visit < 2; visit += 1) {
      const response = await broken.handlers.GET(new NextRequest(`${BASE}/api/auth/session`, { headers: { cookie } }));
      expect(response.status).toBe(500);
      expect(setCookies(response).has("next-auth.session-token")).toBe(false);
    }
    const written: string[] = [];
    const session = await (broken.auth as unknown as (ctx: unknown) => Promise<unknown>)({
      req: { headers: { cookie } },
      res: { appendHeader: (_name: string, value: string) => written.push(value) },
    });
    expect(session).toBeNull();
    expect(written.filter((line) => line.startsWith("next-auth.session-token="))).toEqual([]);
    const bridgeLines = logged.mock.calls.filter(([message]) => String(message).startsWith("[legacy-v4-session]"));
    expect(bridgeLines.length).toBeGreaterThanOrEqual(1);
    expect(new Set(bridgeLines.map(([message]) => message)).size).toBe(bridgeLines.length);

    const fixed = jwtApp(jwtOptions, true);
    const response = await fixed.handlers.GET(new NextRequest(`${BASE}/api/auth/session`, { headers: { cookie } }));
    expect(await response.json()).toMatchObject({ user: { email: claims.email } });
    expect(setCookies(response).get("next-auth.session-token")).toBe("");
  });

  it("keeps the v4 cookie when the config throws", async () => {
    const token = await mintV4SessionToken(claims, SECRET);
    const app = withLegacyV4(NextAuth)(() => {
      throw new Error("a provider without its issuer");
    });
    const written: string[] = [];
    await expect(
      (app.auth as unknown as (ctx: unknown) => Promise<unknown>)({
        req: { headers: { cookie: `next-auth.session-token=${token}` } },
        res: { appendHeader: (_name: string, value: string) => written.push(value) },
      }),
    ).rejects.toThrow();
    expect(written).toEqual([]);
  });
});

describe("sign-out with the bridge", () => {
  const signOut = async (app: ReturnType<typeof jwtApp>, cookie: string) => {
    const csrf = await app.handlers.GET(new NextRequest(`${BASE}/api/auth/csrf`, { headers: { cookie } }));
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const csrfCookie = csrf.headers
      .getSetCookie()
      .map((line) => line.split(";")[0])
      .find((pair) => pair?.startsWith("authjs.csrf-token="))!;
    return app.handlers.POST(
      new NextRequest(`${BASE}/api/auth/signout`, {
        method: "POST",
        headers: { cookie: `${cookie}; ${csrfCookie}`, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ csrfToken }).toString(),
      }),
    );
  };

  it("deletes the v4 cookie with the v5 one, so the bridge cannot sign the user in again", async () => {
    const token = await mintV4SessionToken(claims, SECRET);
    const response = await signOut(jwtApp(), `next-auth.session-token=${token}`);
    expect(response.status).toBeLessThan(400);
    expect(setCookies(response).get("next-auth.session-token")).toBe("");
  });

  it("deletes a v4 cookie left beside a v5 one", async () => {
    const app = jwtApp();
    const token = await mintV4SessionToken(claims, SECRET);
    const first = await app.handlers.GET(
      new NextRequest(`${BASE}/api/auth/session`, { headers: { cookie: `next-auth.session-token=${token}` } }),
    );
    const v5 = setCookies(first).get("authjs.session-token")!;
    const response = await signOut(app, `authjs.session-token=${v5}; next-auth.session-token=${token}`);
    const cookies = setCookies(response);
    expect(cookies.get("authjs.session-token")).toBe("");
    expect(cookies.get("next-auth.session-token")).toBe("");
  });
});

describe("database sessions: the session token never reaches the page", () => {
  it("drops sessionToken from create-t3-app's spread session callback, in the session route and in auth()", async () => {
    const { adapter, sessions } = databaseAdapter();
    sessions.set("v4-session-token", {
      sessionToken: "v4-session-token",
      userId: "user-1",
      expires: new Date(Date.now() + 24 * 60 * 60 * 1000),
    });
    const app = withLegacyV4(NextAuth)({
      adapter,
      providers: [],
      secret: SECRET,
      trustHost: true,
      callbacks: { session: ({ session, user }) => ({ ...session, user: { ...session.user, id: user.id } }) },
    });
    const cookie = "next-auth.session-token=v4-session-token";
    const response = await app.handlers.GET(new NextRequest(`${BASE}/api/auth/session`, { headers: { cookie } }));
    const body = await response.text();
    expect(JSON.parse(body)).toMatchObject({ user: { id: "user-1" } });
    expect(body).not.toContain("v4-session-token");
    const session = await (app.auth as unknown as (ctx: unknown) => Promise<unknown>)({
      req: { headers: { cookie } },
      res: { appendHeader: () => undefined },
    });
    expect(session).toMatchObject({ user: { id: "user-1" } });
    expect(JSON.stringify(session)).not.toContain("v4-session-token");
  });
});
