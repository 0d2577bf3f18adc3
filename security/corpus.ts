/**
 * The hostile-input corpus: callback URLs, cookies, headers, JSON bodies, methods and path
 * tricks against the production build. Every case must get a 2xx/3xx/4xx, a Location on our own
 * origin, no stack trace in the body, the right decision, and no change to the users table
 * unless it is a legitimate admin write.
 */
import type { Client } from "pg";
import { sessionCookieName } from "@/lib/auth/cookies";
import { DEMO_USERS } from "@/lib/users/seed";
import { TARGET } from "./support/accounts";
import type { RunningApp } from "../tooling/app-server";
import { form } from "../tooling/csrf-form";
import { getCsrf, mintToken, postCredentials, type Session } from "../tooling/raw-http-auth";
import { baseProblems, expectDecision, missingSecurityHeaders, notPrivateNoStore, leaks } from "./support/checks";
import { snapshotDiff, usersSnapshot } from "./support/database";
import { send, setCookieLine, type Reply } from "../tooling/raw-http";
import type { CheckResult } from "./support/results";

export interface CorpusContext {
  app: RunningApp;
  db: Client;
  secret: string;
  buildId: string;
  /** user id by email */
  ids: Map<string, string>;
  user: Session;
  admin: Session;
  /** The local stand-in for GitHub (never contacted: only the authorize URL is inspected). */
  githubUrl: string;
}

type Expect = (reply: Reply, ctx: CorpusContext) => string[];

interface Case {
  group: string;
  name: string;
  send: (ctx: CorpusContext) => Promise<Reply>;
  expect?: Expect;
  /** A legitimate admin write: the only row that may change, and the columns that must. */
  writes?: { email: string; columns: string[] };
  /** The Location may leave the site (the OAuth authorize URL); the case checks it itself. */
  externalLocation?: boolean;
  /** A 5xx that only the framework can fix: reported as a known exception, not hidden. */
  upstream?: string;
}

/**
 * Next.js builds a fetch Request for middleware and for App Router routes (v5's /api/auth/*), and
 * undici refuses TRACE ("'TRACE' HTTP method is unsupported"), so any TRACE on a path middleware
 * matches, or on an App Router route, answers 500 before our code runs.
 * A reverse proxy in front should refuse TRACE; the body still carries no stack trace.
 */
/** What /api/auth/session answers a visitor who is not signed in: `{}` on v4, `null` on v5. */
const SIGNED_OUT_BODIES = ["{}", "null"];

const TRACE_THROUGH_MIDDLEWARE =
  "Next.js cannot build a Request for TRACE in middleware or an App Router route (undici forbids the method)";

const EVIL = "evil.example";

/** Callback URLs that fool naive same-origin checks, or crash a naive parser. */
function hostileUrls(port: number): string[] {
  return [
    `//${EVIL}`,
    `/\\${EVIL}`,
    `https://localhost.${EVIL}`,
    "http://[::1",
    `https://${EVIL}/`,
    `http://localhost:${port}@${EVIL}/`,
    "javascript:alert(document.domain)",
    `///${EVIL}`,
    `/\t/${EVIL}`,
    `http://localhost:${port}.${EVIL}/`,
  ];
}

const get =
  (path: string, headers: Record<string, string> = {}) =>
  (ctx: CorpusContext) =>
    send(ctx.app, { path, headers });
const as = (session: Session | undefined, headers: Record<string, string> = {}) =>
  session ? { cookie: session.cookie, ...headers } : headers;

/** The hidden callbackUrl the login form would post: a local path, never another host. */
const formCallbackIsLocal: Expect = (reply) => {
  const input = reply.body.match(/<input[^>]*name="callbackUrl"[^>]*>/)?.[0] ?? "";
  const value = input.match(/value="([^"]*)"/)?.[1];
  if (reply.status !== 200) return [`wrong decision: expected the login page (200), got ${reply.status}`];
  if (value === undefined) return ["wrong decision: no callbackUrl field on the login page"];
  const decoded = value
    .replace(/&amp;/g, "&")
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"');
  return /^\/(?![/\\])/.test(decoded) && !decoded.includes(EVIL)
    ? []
    : [`wrong decision: login form posts callbackUrl ${JSON.stringify(decoded)}`];
};

const redirectsSomewhere: Expect = (reply) =>
  reply.status >= 300 && reply.status < 400 && reply.location
    ? []
    : [`wrong decision: expected a redirect, got ${reply.status}`];

function callbackUrlCases(port: number): Case[] {
  const cases: Case[] = [];
  for (const url of hostileUrls(port)) {
    const q = encodeURIComponent(url);
    const label = JSON.stringify(url);
    cases.push(
      {
        group: "callbackUrl",
        name: `query on /api/auth/signin ${label}`,
        send: get(`/api/auth/signin?callbackUrl=${q}`),
        expect: redirectsSomewhere,
      },
      {
        group: "callbackUrl",
        name: `query on /login ${label}`,
        send: get(`/login?callbackUrl=${q}`),
        expect: formCallbackIsLocal,
      },
      {
        group: "callbackUrl",
        name: `query on /api/auth/csrf ${label}`,
        send: get(`/api/auth/csrf?callbackUrl=${q}`),
        expect: (r) => expectDecision.status(r, 200, 400),
      },
      {
        group: "callbackUrl",
        name: `query on /api/auth/session, signed in ${label}`,
        send: (ctx) => send(ctx.app, { path: `/api/auth/session?callbackUrl=${q}`, headers: as(ctx.user) }),
        expect: (r) => expectDecision.status(r, 200, 400),
      },
      {
        group: "callbackUrl",
        name: `query on /login, signed in ${label}`,
        send: (ctx) => send(ctx.app, { path: `/login?callbackUrl=${q}`, headers: as(ctx.user) }),
        expect: redirectsSomewhere,
      },
      {
        group: "callbackUrl",
        name: `POST body of the credentials callback ${label}`,
        send: (ctx) => postCredentials(ctx.app, DEMO_USERS.user.email, DEMO_USERS.user.password, { callbackUrl: url }),
        expect: redirectsSomewhere,
      },
      {
        group: "callbackUrl",
        name: `callback-url cookie, then sign-in ${label}`,
        send: (ctx) =>
          postCredentials(ctx.app, DEMO_USERS.user.email, DEMO_USERS.user.password, {
            cookie: `next-auth.callback-url=${q}; authjs.callback-url=${q}`,
          }),
        expect: redirectsSomewhere,
      },
    );
  }
  cases.push(
    {
      group: "callbackUrl",
      name: "array in the query of /login",
      send: get(`/login?callbackUrl=%2Fdashboard&callbackUrl=${encodeURIComponent(`//${EVIL}`)}`),
      expect: formCallbackIsLocal,
    },
    {
      group: "callbackUrl",
      name: "array in the query of /api/auth/signin",
      send: get(`/api/auth/signin?callbackUrl=%2Fdashboard&callbackUrl=${encodeURIComponent(`//${EVIL}`)}`),
    },
    {
      group: "callbackUrl",
      name: "array in the POST body of the credentials callback",
      send: (ctx) =>
        postCredentials(ctx.app, DEMO_USERS.user.email, DEMO_USERS.user.password, {
          callbackUrl: ["/dashboard", `//${EVIL}`],
        }),
    },
    {
      group: "callbackUrl",
      name: "POST body of sign-out",
      send: async (ctx) => {
        const csrf = await getCsrf(ctx.app); // anonymous: the user's own session stays for later cases
        return send(ctx.app, {
          method: "POST",
          path: "/api/auth/signout",
          headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrf.cookie },
          body: form({ csrfToken: csrf.csrfToken, callbackUrl: `//${EVIL}` }),
        });
      },
      expect: redirectsSomewhere,
    },
  );
  return cases;
}

/** Session cookie values that must all read as signed out. */
async function hostileCookies(ctx: CorpusContext): Promise<[string, string][]> {
  const name = sessionCookieName(ctx.app.url);
  const token = ctx.user.token;
  const claims = {
    sub: ctx.ids.get(DEMO_USERS.admin.email),
    id: ctx.ids.get(DEMO_USERS.admin.email),
    role: "admin" as const,
    email: DEMO_USERS.admin.email,
    name: DEMO_USERS.admin.name,
  };
  const middle = Math.floor(token.length / 2);
  const flipped = `${token.slice(0, middle)}${token[middle] === "A" ? "B" : "A"}${token.slice(middle + 1)}`;
  const state = await oauthStateCookie(ctx);
  return [
    ["garbage", `${name}=not-a-token`],
    ["truncated real token", `${name}=${token.slice(0, middle)}`],
    ["one character flipped", `${name}=${flipped}`],
    [
      "admin claims under a foreign secret",
      `${name}=${await mintToken(claims, "a-foreign-secret-that-is-long-enough-000")}`,
    ],
    ["admin claims, expired", `${name}=${await mintToken({ ...claims, roleCheckedAt: 0 }, ctx.secret, -60)}`],
    ["unsigned alg:none JWT with role admin", `${name}=eyJhbGciOiJub25lIn0.eyJyb2xlIjoiYWRtaW4iLCJpZCI6IngifQ.`],
    ["oversized (~8 KB)", `${name}=${"A".repeat(8 * 1024)}`],
    ["oversized (~20 KB)", `${name}=${"A".repeat(20 * 1024)}`],
    ["OAuth state cookie pasted in", `${name}=${state}`],
    ["garbage chunks .0 .1", `${name}.0=${token.slice(0, 40)}; ${name}.1=garbage`],
    ["empty value", `${name}=`],
  ];
}

/** The state (or PKCE) cookie of a GitHub sign-in start, `next-auth.` on v4, `authjs.` on v5: encrypted with the same secret. */
async function oauthStateCookie(ctx: CorpusContext): Promise<string> {
  const reply = await startGithubSignIn(ctx, {});
  const line = reply.setCookies.find((cookie) => /^(next-auth|authjs)\.(state|pkce\.code_verifier)=/.test(cookie));
  const value = line?.split(";")[0].split("=").slice(1).join("=");
  if (!value) throw new Error(`no OAuth state cookie from POST /api/auth/signin/github (status ${reply.status})`);
  return value;
}

async function startGithubSignIn(ctx: CorpusContext, headers: Record<string, string>): Promise<Reply> {
  const csrf = await getCsrf(ctx.app);
  return send(ctx.app, {
    method: "POST",
    path: "/api/auth/signin/github",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrf.cookie, ...headers },
    body: form({ csrfToken: csrf.csrfToken, callbackUrl: "/dashboard" }),
  });
}

/** The authorize redirect goes to the provider, with our callback as redirect_uri whatever the headers say. */
const authorizeUrlIsOurs: Expect = (reply, ctx) => {
  if (!reply.location) return [`wrong decision: expected the authorize redirect, got ${reply.status}`];
  const target = new URL(reply.location, ctx.app.url);
  if (!target.href.startsWith(`${ctx.githubUrl}/login/oauth/authorize`))
    return [`Location leaves the site: ${reply.location}`];
  const redirectUri = target.searchParams.get("redirect_uri");
  const ours = `${ctx.app.url}/api/auth/callback/github`;
  return redirectUri === ours ? [] : [`redirect_uri steered to ${redirectUri} (expected ${ours})`];
};

async function cookieCases(ctx: CorpusContext): Promise<Case[]> {
  const cases: Case[] = [];
  const cookies = await hostileCookies(ctx);
  for (const [label, cookie] of cookies) {
    cases.push(
      {
        group: "cookie",
        name: `${label} on /dashboard`,
        send: get("/dashboard", { cookie }),
        // 431: Node refuses headers over 16 KB before the app sees them, which is as good as signed out.
        expect: (r, c) => (r.status === 431 ? [] : expectDecision.toLogin(r, c.app.url)),
      },
      {
        group: "cookie",
        name: `${label} on /api/me`,
        send: get("/api/me", { cookie }),
        expect: (r) => [...expectDecision.status(r, 401, 431), ...expectDecision.noSignedInContent(r)],
      },
    );
  }
  const [, state] = cookies.find(([label]) => label.startsWith("OAuth state")) ?? [];
  cases.push(
    {
      group: "cookie",
      name: "OAuth state cookie pasted in, on /admin",
      send: get("/admin", { cookie: state ?? "" }),
      expect: (r, c) => expectDecision.toLogin(r, c.app.url),
    },
    {
      group: "cookie",
      name: "OAuth state cookie pasted in, on /api/auth/session",
      send: get("/api/auth/session", { cookie: state ?? "" }),
      expect: (r) =>
        SIGNED_OUT_BODIES.includes(r.body.trim()) ? [] : [`wrong decision: session ${r.body.slice(0, 80)}`],
    },
  );
  return cases;
}

const SUBREQUEST_VARIANTS = [
  "middleware",
  "middleware:middleware:middleware:middleware:middleware",
  "src/middleware",
  "pages/_middleware",
];

/** Headers that try to pass for a signed-in or internal request, or to steer where the app thinks it is. */
function headerCases(): Case[] {
  return [...bearerCases(), ...subrequestCases(), ...forgedHostCases(), ...crossOriginWriteCases()];
}

/** A malformed Authorization header: the pages and the API ignore it. */
function bearerCases(): Case[] {
  const bearer = { authorization: "Bearer %" };
  return [
    {
      group: "header",
      name: "Authorization: Bearer % on /dashboard",
      send: get("/dashboard", bearer),
      expect: (r, c) => expectDecision.toLogin(r, c.app.url),
    },
    {
      group: "header",
      name: "Authorization: Bearer % on /admin",
      send: get("/admin", bearer),
      expect: (r, c) => expectDecision.toLogin(r, c.app.url),
    },
    {
      group: "header",
      name: "Authorization: Bearer % on /api/me",
      send: get("/api/me", bearer),
      expect: (r) => expectDecision.status(r, 401),
    },
    {
      group: "header",
      name: "Authorization: Bearer % on /",
      send: get("/", bearer),
      expect: (r) => expectDecision.status(r, 200),
    },
  ];
}

/** x-middleware-subrequest, which let old Next.js versions skip middleware: the server guards still decide. */
function subrequestCases(): Case[] {
  return SUBREQUEST_VARIANTS.flatMap((variant): Case[] => {
    const h = { "x-middleware-subrequest": variant };
    return [
      {
        group: "header",
        name: `x-middleware-subrequest: ${variant} on /admin, anonymous`,
        send: get("/admin", h),
        expect: (r, c) => [...expectDecision.toLogin(r, c.app.url), ...expectDecision.noAdminContent(r)],
      },
      {
        group: "header",
        name: `x-middleware-subrequest: ${variant} on /admin, user`,
        send: (c) => send(c.app, { path: "/admin", headers: as(c.user, h) }),
        expect: (r, c) => [...expectDecision.forbiddenPage(r, c.app.url), ...expectDecision.noAdminContent(r)],
      },
      {
        group: "header",
        name: `x-middleware-subrequest: ${variant} on /dashboard, anonymous`,
        send: get("/dashboard", h),
        expect: (r, c) => [...expectDecision.toLogin(r, c.app.url), ...expectDecision.noSignedInContent(r)],
      },
      {
        group: "header",
        name: `x-middleware-subrequest: ${variant} on /api/admin/users, user`,
        send: (c) => send(c.app, { path: "/api/admin/users", headers: as(c.user, h) }),
        expect: (r) => expectDecision.status(r, 403),
      },
    ];
  });
}

/** Forged Host and X-Forwarded-* headers: redirects and the OAuth redirect_uri stay on our origin. */
function forgedHostCases(): Case[] {
  const forged: [string, Record<string, string>][] = [
    ["X-Forwarded-Host", { "x-forwarded-host": EVIL }],
    ["X-Forwarded-Host + X-Forwarded-Proto: https", { "x-forwarded-host": EVIL, "x-forwarded-proto": "https" }],
    ["Host", { host: EVIL }],
    ["X-Forwarded-Proto: https", { "x-forwarded-proto": "https" }],
  ];
  return forged.flatMap(([label, h]): Case[] => [
    {
      group: "header",
      name: `forged ${label} on /dashboard`,
      send: get("/dashboard", h),
      expect: (r, c) => expectDecision.toLogin(r, c.app.url),
    },
    {
      group: "header",
      name: `forged ${label} on /api/auth/signin`,
      send: get("/api/auth/signin?callbackUrl=%2Fdashboard", h),
      expect: redirectsSomewhere,
    },
    {
      group: "header",
      name: `forged ${label} on the credentials sign-in`,
      send: (c) =>
        postCredentials(c.app, DEMO_USERS.user.email, DEMO_USERS.user.password, {
          callbackUrl: "/dashboard",
          headers: h,
        }),
      expect: redirectsSomewhere,
    },
    {
      group: "header",
      name: `forged ${label} on the GitHub sign-in start (redirect_uri)`,
      send: (c) => startGithubSignIn(c, h),
      expect: authorizeUrlIsOurs,
      externalLocation: true,
    },
  ]);
}

/** Writes with the session cookie but from another origin, or with none: refused. */
function crossOriginWriteCases(): Case[] {
  const badOrigins: [string, Record<string, string>][] = [
    ["Origin: another site", { origin: `https://${EVIL}` }],
    ["Origin: null", { origin: "null" }],
    ["no Origin", {}],
    ["Origin: our host as a subdomain of another", { origin: `http://localhost.${EVIL}` }],
    ["Origin: 127.0.0.1 instead of localhost", {}],
    ["Referer only", {}],
  ];
  return [
    ...badOrigins.map(([label, h]): Case => ({
      group: "header",
      name: `admin write with ${label}`,
      send: (c) => {
        const headers: Record<string, string> = { ...h, cookie: c.admin.cookie, "content-type": "application/json" };
        if (label.startsWith("Origin: 127")) headers.origin = `http://127.0.0.1:${c.app.port}`;
        if (label === "Referer only") headers.referer = `${c.app.url}/admin/users`;
        return send(c.app, {
          method: "PATCH",
          path: `/api/admin/users/${c.ids.get(TARGET.email)}`,
          headers,
          body: '{"disabled":true}',
        });
      },
      expect: (r) => expectDecision.status(r, 403),
    })),
    {
      group: "header",
      name: "sign out everywhere with Origin: another site",
      send: (c) =>
        send(c.app, {
          method: "POST",
          path: "/api/me/sign-out-everywhere",
          headers: { cookie: c.user.cookie, origin: `https://${EVIL}`, "content-type": "application/json" },
          body: "{}",
        }),
      expect: (r) => expectDecision.status(r, 403),
    },
  ];
}

/** A PATCH of the target user (or of `id`) by `who`, from our own origin. */
const patchUser =
  (
    body: string | Buffer,
    contentType = "application/json",
    who: "admin" | "user" | "anonymous" = "admin",
    id?: string,
  ) =>
  (c: CorpusContext) =>
    send(c.app, {
      method: "PATCH",
      path: `/api/admin/users/${id ?? c.ids.get(TARGET.email)}`,
      headers: {
        origin: c.app.url,
        "content-type": contentType,
        ...(who === "anonymous" ? {} : { cookie: c[who].cookie }),
      },
      body,
    });

/** Hostile JSON bodies: refused without a write, then the legitimate writes, then nothing polluted. */
function jsonCases(): Case[] {
  return [
    ...malformedBodyCases(),
    ...wrongTargetOrCallerCases(),
    ...authEndpointBodyCases(),
    ...legitimateWriteCases(),
    ...unpollutedCases(),
  ];
}

/** Bodies the admin API must refuse with the given statuses. */
function malformedBodyCases(): Case[] {
  const bad = (name: string, body: string | Buffer, expected: number[], contentType?: string): Case => ({
    group: "json",
    name,
    send: patchUser(body, contentType),
    expect: (r) => expectDecision.status(r, ...expected),
  });
  const deep = `${"[".repeat(5000)}${"]".repeat(5000)}`;
  return [
    bad("bad JSON", '{"role":', [400]),
    bad("empty body", "", [400]),
    bad("null", "null", [400]),
    bad("wrong type: role as number", '{"role":1}', [400]),
    bad("wrong type: disabled as string", '{"disabled":"true"}', [400]),
    bad("unknown role", '{"role":"superadmin"}', [400]),
    bad("unknown field next to a valid one", '{"disabled":true,"isAdmin":true}', [400]),
    bad("array body", '[{"role":"admin"}]', [400]),
    bad("__proto__ pollution", '{"__proto__":{"role":"admin"}}', [400]),
    bad("__proto__ next to a valid field", '{"disabled":true,"__proto__":{"role":"admin"}}', [400]),
    bad("constructor.prototype pollution", '{"constructor":{"prototype":{"role":"admin"}}}', [400]),
    bad("deeply nested arrays", deep, [400, 413]),
    bad("huge (20 KB)", JSON.stringify({ role: "user", pad: "x".repeat(20 * 1024) }), [413]),
    bad("huge (1 MB)", JSON.stringify({ role: "user", pad: "x".repeat(1024 * 1024) }), [413]),
    bad("text/plain body", '{"disabled":true}', [415], "text/plain"),
    bad("form body", "disabled=true", [415], "application/x-www-form-urlencoded"),
  ];
}

/** A valid body for a user that does not exist, or from a caller who may not write. */
function wrongTargetOrCallerCases(): Case[] {
  return [
    {
      group: "json",
      name: "not a uuid in the path",
      send: patchUser('{"disabled":true}', "application/json", "admin", "not-a-uuid"),
      expect: (r) => expectDecision.status(r, 404),
    },
    {
      group: "json",
      name: "unknown uuid in the path",
      send: patchUser('{"disabled":true}', "application/json", "admin", "00000000-0000-4000-8000-000000000000"),
      expect: (r) => expectDecision.status(r, 404),
    },
    {
      group: "json",
      name: "valid change sent by a user",
      send: patchUser('{"role":"admin"}', "application/json", "user"),
      expect: (r) => expectDecision.status(r, 403),
    },
    {
      group: "json",
      name: "valid change sent anonymously",
      send: patchUser('{"role":"admin"}', "application/json", "anonymous"),
      expect: (r) => expectDecision.status(r, 401),
    },
  ];
}

/** JSON with operators and prototype keys to next-auth's own endpoints: no sign-in, no raised role. */
function authEndpointBodyCases(): Case[] {
  return [
    {
      group: "json",
      name: "credentials sign-in as JSON",
      send: async (c) => {
        const csrf = await getCsrf(c.app);
        return send(c.app, {
          method: "POST",
          path: "/api/auth/callback/credentials",
          headers: { "content-type": "application/json", cookie: csrf.cookie },
          body: JSON.stringify({
            csrfToken: csrf.csrfToken,
            email: [DEMO_USERS.user.email],
            password: { $ne: "" },
            __proto__: { role: "admin" },
          }),
        });
      },
    },
    {
      group: "json",
      name: "session update() with role and id",
      send: async (c) => {
        const csrf = await getCsrf(c.app, c.user.cookie);
        return send(c.app, {
          method: "POST",
          path: "/api/auth/session",
          headers: { "content-type": "application/json", cookie: csrf.cookie },
          body: JSON.stringify({
            csrfToken: csrf.csrfToken,
            data: { role: "admin", id: c.ids.get(DEMO_USERS.admin.email), __proto__: { role: "admin" } },
          }),
        });
      },
      expect: (r) => (/"role":"admin"/.test(r.body) ? ["wrong decision: update() raised the role"] : []),
    },
  ];
}

/** The legitimate writes: exactly the named change, nothing else. */
function legitimateWriteCases(): Case[] {
  return (
    [
      ["disable", '{"disabled":true}', "disabled"],
      ["enable", '{"disabled":false}', "disabled"],
      ["promote", '{"role":"admin"}', "role"],
      ["demote", '{"role":"user"}', "role"],
    ] as const
  ).map(([change, body, column]): Case => ({
    group: "json",
    name: `legitimate: ${change} the target`,
    send: patchUser(body),
    expect: (r) => expectDecision.status(r, 200),
    writes: { email: TARGET.email, columns: [column] },
  }));
}

/** After all that, nothing was polluted: the user is still a user everywhere. */
function unpollutedCases(): Case[] {
  return [
    {
      group: "json",
      name: "afterwards /api/me still says user",
      send: (c) => send(c.app, { path: "/api/me", headers: as(c.user) }),
      expect: (r) => (/"role":"user"/.test(r.body) ? [] : [`wrong decision: /api/me says ${r.body.slice(0, 120)}`]),
    },
    {
      group: "json",
      name: "afterwards the admin API still refuses the user",
      send: (c) => send(c.app, { path: "/api/admin/users", headers: as(c.user) }),
      expect: (r) => expectDecision.status(r, 403),
    },
  ];
}

function methodCases(): Case[] {
  const cases: Case[] = [];
  const pages = ["/", "/dashboard", "/admin", "/admin/users"];
  const apis = ["/api/me", "/api/admin/users", "/api/admin/users/{target}"];
  for (const method of ["PUT", "DELETE", "OPTIONS", "TRACE"]) {
    for (const path of pages) {
      cases.push({
        group: "method",
        name: `${method} ${path} as user`,
        send: (c) => send(c.app, { method, path, headers: as(c.user, { origin: c.app.url }) }),
        expect: (r) => expectDecision.noAdminContent(r),
        ...(method === "TRACE" ? { upstream: TRACE_THROUGH_MIDDLEWARE } : {}),
      });
    }
    for (const path of apis) {
      cases.push({
        group: "method",
        name: `${method} ${path} as admin`,
        send: (c) =>
          send(c.app, {
            method,
            path: path.replace("{target}", c.ids.get(TARGET.email) ?? ""),
            headers: as(c.admin, { origin: c.app.url, "content-type": "application/json" }),
            body: method === "PUT" ? '{"role":"admin"}' : undefined,
          }),
        expect: (r) => expectDecision.status(r, 405),
      });
    }
    cases.push({
      group: "method",
      name: `${method} /api/auth/session anonymous`,
      send: (c) => send(c.app, { method, path: "/api/auth/session" }),
      expect: (r) => expectDecision.noSignedInContent(r),
      ...(method === "TRACE" ? { upstream: TRACE_THROUGH_MIDDLEWARE } : {}),
    });
  }
  return cases;
}

function pathCases(buildId: string): Case[] {
  const adminPaths = [
    "/admin/",
    "/ADMIN",
    "/Admin/Users",
    "/admin%2f",
    "/admin%2Fusers",
    "/%61dmin",
    "/%2561dmin",
    "/admin/..;/",
    "/admin;/users",
    "/admin/users/",
    "/admin//users",
    "//admin",
    "//admin/users",
    "/./admin",
    "/admin/./users",
    "/admin/%2e%2e/admin",
    "/admin%00",
    "/_next/../admin",
    "/admin.json",
    `/_next/data/${buildId}/admin.json`,
    `/_next/data/${buildId}/admin/users.json`,
    "/api/admin/users/..%2f",
    "/api/admin/users/",
    "/api//admin/users",
    "/api/admin/users%2f",
    "/api/admin/%75sers",
    "/API/admin/users",
    "/api/admin/users?x=../../",
  ];
  const signedInPaths = [
    "/dashboard/",
    "//dashboard",
    "/%64ashboard",
    "/DASHBOARD",
    `/_next/data/${buildId}/dashboard.json`,
    "/api/me/",
    "/api//me",
    "/api/%6de",
  ];
  const cases: Case[] = [];
  for (const path of adminPaths) {
    cases.push(
      { group: "path", name: `${path} anonymous`, send: get(path), expect: (r) => expectDecision.noSignedInContent(r) },
      {
        group: "path",
        name: `${path} as user`,
        send: (c) => send(c.app, { path, headers: as(c.user) }),
        expect: (r) => expectDecision.noAdminContent(r),
      },
    );
  }
  for (const path of signedInPaths) {
    cases.push({
      group: "path",
      name: `${path} anonymous`,
      send: get(path),
      expect: (r) => expectDecision.noSignedInContent(r),
    });
  }
  return cases;
}

/** Security headers on every page; private, no-store on whatever depends on the cookie. */
function headerPolicyCases(): Case[] {
  const pages: [string, "anonymous" | "user" | "admin"][] = [
    ["/", "anonymous"],
    ["/login", "anonymous"],
    ["/403", "anonymous"],
    ["/client", "anonymous"],
    ["/does-not-exist", "anonymous"],
    ["/", "user"],
    ["/dashboard", "user"],
    ["/admin", "admin"],
    ["/admin/users", "admin"],
    ["/admin", "user"],
  ];
  const privateOnes: [string, "user" | "admin"][] = [
    ["/dashboard", "user"],
    ["/admin", "admin"],
    ["/admin/users", "admin"],
    ["/api/me", "user"],
    ["/api/admin/users", "admin"],
    ["/api/auth/session", "user"],
  ];
  return [
    ...pages.map(([path, who]): Case => ({
      group: "headers",
      name: `security headers on ${path} (${who})`,
      send: (c) => send(c.app, { path, headers: who === "anonymous" ? {} : as(c[who]) }),
      expect: (r) => missingSecurityHeaders(r),
    })),
    ...privateOnes.map(([path, who]): Case => ({
      group: "headers",
      name: `Cache-Control: private, no-store on ${path} (${who})`,
      send: (c) => send(c.app, { path, headers: as(c[who]) }),
      expect: (r) => [...expectDecision.status(r, 200), ...notPrivateNoStore(r)],
    })),
    {
      group: "headers",
      name: "session cookie over http: HttpOnly, SameSite=Lax, Path=/, no Domain, and no token in the Location",
      send: (c) =>
        postCredentials(c.app, DEMO_USERS.user.email, DEMO_USERS.user.password, { callbackUrl: "/dashboard" }),
      expect: (r, c) => {
        const line = setCookieLine(r.setCookies, sessionCookieName(c.app.url));
        if (!line) return ["wrong decision: no session cookie"];
        return [
          ...sessionCookieAttributeProblems(line, false),
          ...(r.location && /token|password/i.test(r.location) ? [`secret in Location ${r.location}`] : []),
        ];
      },
    },
    {
      group: "headers",
      name: "failed sign-in: no password or email in the Location",
      send: (c) => postCredentials(c.app, DEMO_USERS.user.email, "wrong-password-123"),
      expect: (r) =>
        r.location && /wrong-password|user%40example|user@example/.test(r.location)
          ? [`credentials in Location ${r.location}`]
          : [],
    },
  ];
}

export function sessionCookieAttributeProblems(line: string, secure: boolean): string[] {
  const attributes = line
    .split(";")
    .slice(1)
    .map((part) => part.trim().toLowerCase());
  const problems: string[] = [];
  if (!attributes.includes("httponly")) problems.push("session cookie without HttpOnly");
  if (!attributes.includes("samesite=lax")) problems.push("session cookie without SameSite=Lax");
  if (!attributes.includes("path=/")) problems.push("session cookie without Path=/");
  if (attributes.some((attribute) => attribute.startsWith("domain="))) problems.push("session cookie with a Domain");
  if (secure && !attributes.includes("secure")) problems.push("session cookie without Secure under https");
  if (secure && !line.startsWith("__Secure-")) problems.push("session cookie without the __Secure- prefix under https");
  return problems;
}

/** Columns that may change along with a legitimate admin write. */
const INCIDENTAL_COLUMNS = /^(updated_at|.*version.*)$/;

function writeProblems(diff: string[], writes: Case["writes"]): string[] {
  if (!writes) return diff.map((change) => `row change: ${change}`);
  const problems = diff
    .filter((change) => {
      const [where] = change.split(":");
      const column = where.slice(writes.email.length + 1);
      return (
        !where.startsWith(`${writes.email}.`) || !(writes.columns.includes(column) || INCIDENTAL_COLUMNS.test(column))
      );
    })
    .map((change) => `row change: ${change}`);
  for (const column of writes.columns) {
    if (!diff.some((change) => change.startsWith(`${writes.email}.${column}:`)))
      problems.push(`wrong decision: the legitimate write did not change ${column}`);
  }
  return problems;
}

async function buildCorpus(ctx: CorpusContext): Promise<Case[]> {
  return [
    ...callbackUrlCases(ctx.app.port),
    ...(await cookieCases(ctx)),
    ...headerCases(),
    ...jsonCases(),
    ...methodCases(),
    ...pathCases(ctx.buildId),
    ...headerPolicyCases(),
  ];
}

/** Runs every case in order (they share one database) and reports one result per case. */
export async function runCorpus(ctx: CorpusContext, onResult: (result: CheckResult) => void): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  for (const item of await buildCorpus(ctx)) {
    const before = await usersSnapshot(ctx.db);
    let problems: string[];
    let detail: string | undefined;
    try {
      const reply = await item.send(ctx);
      detail = `${reply.status}${reply.location ? ` → ${reply.location.slice(0, 90)}` : ""}`;
      const generic = item.externalLocation
        ? [...(reply.status >= 500 ? [`status ${reply.status}`] : []), ...leaks(reply)]
        : baseProblems(reply, ctx.app.url);
      problems = [...generic, ...(item.expect?.(reply, ctx) ?? [])];
    } catch (error) {
      problems = [`request failed: ${(error as Error).message}`];
    }
    const after = await usersSnapshot(ctx.db);
    problems.push(...writeProblems(snapshotDiff(before, after), item.writes));
    let knownIssue: string | undefined;
    if (item.upstream && problems.length > 0 && problems.every((problem) => /^status 5\d\d/.test(problem))) {
      knownIssue = item.upstream;
      problems = [];
    }
    const result: CheckResult = { section: `corpus/${item.group}`, name: item.name, problems, detail, knownIssue };
    results.push(result);
    onResult(result);
  }
  return results;
}
