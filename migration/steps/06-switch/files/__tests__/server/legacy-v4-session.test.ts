import NextAuth from "next-auth";
import type { Adapter, AdapterSession, AdapterUser } from "next-auth/adapters";
import { decode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import {
  upgradeLegacySessionCookie,
  withLegacyV4Sessions,
  type LegacyV4SessionOptions,
} from "@/lib/auth/legacy-v4-session";
import { mintV4SessionToken, v4CookieHeader } from "../support/v4-session-cookie";

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
  ])("refuses a token %s, and still deletes the v4 cookie", async (_label, mint) => {
    const upgrade = await upgradeLegacySessionCookie(`next-auth.session-token=${await mint()}`, jwtOptions);
    expect(upgrade).toMatchObject({ valid: false, cookie: "" });
    expect(upgrade!.expire).toHaveLength(1);
  });

  it("leaves a request that already has a v5 cookie as it is", async () => {
    const token = await mintV4SessionToken(claims, SECRET);
    expect(
      await upgradeLegacySessionCookie(`authjs.session-token=v5; next-auth.session-token=${token}`, jwtOptions),
    ).toBeNull();
  });
});

/** A v5 app with database sessions, on an adapter that keeps its rows in memory. */
function databaseApp(secureCookies = false) {
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
  sessions.set("v4-session-token", { sessionToken: "v4-session-token", userId: user.id, expires });
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

  it("signs out a v4 cookie whose session is not in the database", async () => {
    const { app } = databaseApp();
    const response = await app.handlers.GET(
      new NextRequest(`${BASE}/api/auth/session`, { headers: { cookie: "next-auth.session-token=not-a-session" } }),
    );
    expect(await response.json()).toBeNull();
    expect(setCookies(response).get("next-auth.session-token")).toBe("");
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

  it("sends an expired v4 cookie to sign in", async () => {
    const response = await visit(`next-auth.session-token=${await mintV4SessionToken(claims, SECRET, -60)}`);
    expect(response.headers.get("location")).toMatch(/\/api\/auth\/signin/);
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
