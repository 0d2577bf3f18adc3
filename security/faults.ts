/**
 * Fault scenarios: the database goes away and comes back, the secret changes, two instances share
 * one database, failed sign-ins are limited across instances, and the cookie under https.
 * Each scenario is one result; its problems say which step broke.
 */
import { sessionCookieName } from "@/lib/auth/cookies";
import { sessionCookieAttributeProblems } from "./corpus";
import { DEMO_USERS } from "@/lib/users/seed";
import { EVERYWHERE, LIMITED, PROMOTED } from "./support/accounts";
import type { RunningApp } from "../tooling/app-server";
import { postCredentials, signIn, type Session } from "../tooling/raw-http-auth";
import { baseProblems, expectDecision, leaks } from "./support/checks";
import { send, setCookieLine, type Probe, type Reply } from "../tooling/raw-http";
import type { CheckResult } from "./support/results";
import type { TcpProxy } from "./support/tcp-proxy";

/** Polls `probe` until `done(reply)`, at most `timeoutMs`. No fixed sleeps. */
async function poll(app: RunningApp, probe: Probe, done: (reply: Reply) => boolean, timeoutMs: number) {
  const started = Date.now();
  let last: Reply | undefined;
  let error: Error | undefined;
  while (Date.now() - started < timeoutMs) {
    try {
      last = await send(app, probe);
      error = undefined;
      if (done(last)) return { ok: true, ms: Date.now() - started, last };
    } catch (caught) {
      error = caught as Error;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { ok: false, ms: Date.now() - started, last, error };
}

const describe = (reply: Reply | undefined) =>
  reply ? `${reply.status}${reply.location ? ` → ${reply.location}` : ""} ${reply.body.slice(0, 100)}` : "no answer";

/** Where a sign-in answer ends up: next-auth goes through /api/auth/error to pages.error. */
async function landing(app: RunningApp, reply: Reply): Promise<{ page: Reply; url: URL | undefined }> {
  let url: URL | undefined;
  let current = reply;
  for (let hop = 0; hop < 3 && current.location; hop += 1) {
    url = new URL(current.location, app.url);
    if (url.origin !== new URL(app.url).origin) break;
    current = await send(app, { path: `${url.pathname}${url.search}` });
  }
  return { page: current, url };
}

/** A short text of the login page's alert, if any. */
const loginAlert = (html: string) => html.match(/role="alert"[^>]*>([^<]*)</)?.[1]?.trim();

export async function databaseUnreachable(
  app: RunningApp,
  proxy: TcpProxy,
  user: Session,
  admin: Session,
): Promise<CheckResult> {
  const problems: string[] = [];
  const check = (label: string, reply: Reply, rules: string[]) =>
    problems.push(...rules.map((rule) => `${label}: ${rule}`));
  await proxy.cut();
  try {
    const down = await poll(
      app,
      { path: "/api/me", headers: { cookie: user.cookie } },
      (reply) => reply.status === 503,
      15_000,
    );
    if (!down.ok)
      problems.push(`wrong decision: /api/me never answered 503 with the database gone (last: ${describe(down.last)})`);

    const api = await send(app, { path: "/api/me", headers: { cookie: user.cookie } });
    check("GET /api/me", api, [
      ...expectDecision.status(api, 503),
      ...leaks(api),
      ...(/"error"/.test(api.body) ? [] : ["wrong decision: no JSON error"]),
    ]);
    const adminApi = await send(app, { path: "/api/admin/users", headers: { cookie: admin.cookie } });
    check("GET /api/admin/users", adminApi, [...expectDecision.status(adminApi, 503), ...leaks(adminApi)]);
    for (const [path, session] of [
      ["/dashboard", user],
      ["/admin", admin],
      ["/admin/users", admin],
    ] as const) {
      const page = await send(app, { path, headers: { cookie: session.cookie } });
      const says = /temporarily unavailable/i.test(page.body)
        ? []
        : ["wrong decision: the page does not say the service is temporarily unavailable"];
      check(`GET ${path}`, page, [...expectDecision.status(page, 503), ...leaks(page), ...says]);
    }
    for (const path of ["/", "/login"]) {
      const page = await send(app, { path });
      check(`GET ${path} (public)`, page, [...baseProblems(page, app.url), ...expectDecision.status(page, 200)]);
    }
    const signInReply = await postCredentials(app, DEMO_USERS.user.email, DEMO_USERS.user.password, {
      callbackUrl: "/dashboard",
    });
    check("sign-in", signInReply, baseProblems(signInReply, app.url));
    const { page, url } = await landing(app, signInReply);
    if (!url || url.pathname !== "/login" || !/^ServiceUnavailable/.test(url.searchParams.get("error") ?? "")) {
      problems.push(
        `sign-in: wrong decision: expected to land on /login?error=ServiceUnavailable, got ${describe(signInReply)} ending at ${url?.href}`,
      );
    } else {
      const alert = loginAlert(page.body);
      check("the login page after sign-in", page, [
        ...baseProblems(page, app.url),
        ...expectDecision.status(page, 200),
        ...(alert && /unavailable/i.test(alert)
          ? []
          : [`wrong decision: no readable error (alert: ${JSON.stringify(alert)})`]),
      ]);
    }
  } finally {
    await proxy.restore();
  }
  const back = await poll(
    app,
    { path: "/api/me", headers: { cookie: user.cookie } },
    (reply) => reply.status === 200,
    30_000,
  );
  if (!back.ok)
    problems.push(`wrong decision: no recovery within 30 s of the database coming back (last: ${describe(back.last)})`);
  const dashboard = await send(app, { path: "/dashboard", headers: { cookie: user.cookie } });
  if (dashboard.status !== 200) problems.push(`wrong decision: /dashboard after recovery answered ${dashboard.status}`);
  return {
    section: "faults",
    name: "database unreachable: 503 on protected pages and APIs, public pages 200, readable sign-in error, recovery by itself",
    detail: back.ok ? `recovered ${back.ms} ms after the database came back` : undefined,
    problems,
  };
}

export async function sessionAcrossInstances(a: RunningApp, b: RunningApp): Promise<CheckResult> {
  const problems: string[] = [];
  const session = await signIn(a, DEMO_USERS.user.email, DEMO_USERS.user.password);
  const me = await send(b, { path: "/api/me", headers: { cookie: session.cookie } });
  if (me.status !== 200 || !me.body.includes(DEMO_USERS.user.email))
    problems.push(`wrong decision: a session from ${a.name} on ${b.name}: ${describe(me)}`);
  return { section: "faults", name: `two instances: a session started on ${a.name} works on ${b.name}`, problems };
}

/** The slack on top of the recheck window: a poll interval, a request, a busy machine. */
const SLACK_MS = 3_000;

export async function roleChangeAcrossInstances(
  a: RunningApp,
  b: RunningApp,
  promotedId: string,
  recheckSeconds: number,
): Promise<CheckResult> {
  const problems: string[] = [];
  const within = recheckSeconds * 1000 + SLACK_MS;
  const promoted = await signIn(a, PROMOTED.email, PROMOTED.password);
  const asPromoted = { path: "/api/admin/users", headers: { cookie: promoted.cookie } };
  const before = await send(b, asPromoted);
  if (before.status !== 403) problems.push(`wrong decision: before the promotion ${b.name} answered ${before.status}`);

  const change = async (via: RunningApp, role: string) => {
    const admin = await signIn(via, DEMO_USERS.admin.email, DEMO_USERS.admin.password);
    return send(via, {
      method: "PATCH",
      path: `/api/admin/users/${promotedId}`,
      headers: { cookie: admin.cookie, origin: via.url, "content-type": "application/json" },
      body: JSON.stringify({ role }),
    });
  };
  const promote = await change(a, "admin");
  if (promote.status !== 200)
    problems.push(`wrong decision: promotion through ${a.name} answered ${describe(promote)}`);
  const up = await poll(b, asPromoted, (reply) => reply.status === 200, within + 5_000);
  if (!up.ok || up.ms > within)
    problems.push(
      `wrong decision: the promotion reached ${b.name} ${up.ok ? `after ${up.ms} ms` : "never"} (allowed ${within} ms)`,
    );

  const demote = await change(b, "user");
  if (demote.status !== 200) problems.push(`wrong decision: demotion through ${b.name} answered ${describe(demote)}`);
  const down = await poll(a, asPromoted, (reply) => reply.status === 403, within + 5_000);
  if (!down.ok || down.ms > within)
    problems.push(
      `wrong decision: the demotion reached ${a.name} ${down.ok ? `after ${down.ms} ms` : "never"} (allowed ${within} ms)`,
    );
  return {
    section: "faults",
    name: `two instances: a role change through one takes effect on the other within ROLE_RECHECK_SECONDS=${recheckSeconds}`,
    detail: `promotion seen after ${up.ms} ms, demotion after ${down.ms} ms`,
    problems,
  };
}

export async function signOutEverywhereAcrossInstances(
  a: RunningApp,
  b: RunningApp,
  recheckSeconds: number,
): Promise<CheckResult> {
  const problems: string[] = [];
  const within = recheckSeconds * 1000 + SLACK_MS;
  const onA = await signIn(a, EVERYWHERE.email, EVERYWHERE.password);
  const onB = await signIn(b, EVERYWHERE.email, EVERYWHERE.password);
  const meOnB = { path: "/api/me", headers: { cookie: onB.cookie } };
  const before = await send(b, meOnB);
  if (before.status !== 200)
    problems.push(`wrong decision: the second session answered ${before.status} before signing out everywhere`);

  const reply = await send(a, {
    method: "POST",
    path: "/api/me/sign-out-everywhere",
    headers: { cookie: onA.cookie, origin: a.url, "content-type": "application/json" },
    body: "{}",
  });
  if (reply.status < 200 || reply.status >= 400)
    problems.push(`wrong decision: POST /api/me/sign-out-everywhere on ${a.name} answered ${describe(reply)}`);
  problems.push(...baseProblems(reply, a.url));

  const gone = await poll(b, meOnB, (r) => r.status === 401, within + 5_000);
  if (!gone.ok || gone.ms > within)
    problems.push(
      `wrong decision: the other session on ${b.name} still worked ${gone.ok ? `for ${gone.ms} ms` : "at the end"} (allowed ${within} ms; last ${describe(gone.last)})`,
    );
  const own = await poll(
    a,
    { path: "/api/me", headers: { cookie: onA.cookie } },
    (r) => r.status === 401,
    within + 5_000,
  );
  if (!own.ok) problems.push(`wrong decision: the session that signed out everywhere still works on ${a.name}`);
  const dashboard = await send(b, { path: "/dashboard", headers: { cookie: onB.cookie } });
  problems.push(...expectDecision.toLogin(dashboard, b.url).map((p) => `old token on ${b.name} /dashboard: ${p}`));
  const again = await signIn(b, EVERYWHERE.email, EVERYWHERE.password).catch((error: Error) => error);
  if (again instanceof Error) problems.push(`wrong decision: signing in again failed: ${again.message}`);
  return {
    section: "faults",
    name: `two instances: "sign out everywhere" through one ends the sessions on the other within ROLE_RECHECK_SECONDS=${recheckSeconds}`,
    detail: gone.ok ? `old session refused after ${gone.ms} ms` : undefined,
    problems,
  };
}

export async function rateLimitAcrossInstances(a: RunningApp, b: RunningApp): Promise<CheckResult> {
  const problems: string[] = [];
  const attempts: Reply[] = [];
  const order = [a, a, a, b, b];
  for (const app of order)
    attempts.push(await postCredentials(app, LIMITED.email, "a-wrong-password", { callbackUrl: "/dashboard" }));
  const errorOf = (reply: Reply) =>
    reply.location ? (new URL(reply.location, a.url).searchParams.get("error") ?? "") : "";
  attempts.forEach((reply, i) =>
    problems.push(...baseProblems(reply, order[i].url).map((p) => `failed attempt ${i + 1} on ${order[i].name}: ${p}`)),
  );
  if (errorOf(attempts[0]) !== "CredentialsSignin")
    problems.push(`wrong decision: the first failed attempt answered ${describe(attempts[0])}`);

  const limited = await postCredentials(a, LIMITED.email, LIMITED.password, { callbackUrl: "/dashboard" });
  problems.push(...baseProblems(limited, a.url));
  if (setCookieLine(limited.setCookies, sessionCookieName(a.url))?.split(";")[0].split("=")[1])
    problems.push("wrong decision: the right password still signed in after 5 failures");
  if (!errorOf(limited).startsWith("TooManyAttempts")) {
    problems.push(
      `wrong decision: the 6th attempt (3 on ${a.name}, 2 on ${b.name} before it) was not limited: ${describe(limited)}`,
    );
  } else {
    const { page, url } = await landing(a, limited);
    if (url?.pathname !== "/login")
      problems.push(`wrong decision: the limited answer ends at ${url?.href}, not /login`);
    const alert = loginAlert(page.body) ?? "";
    if (!/Too many attempts\. Try again in \d+ minutes?\./.test(alert))
      problems.push(`wrong decision: the login page says ${JSON.stringify(alert)}`);
  }
  return {
    section: "faults",
    name: "failed sign-ins are limited per account across instances (shared store), with a readable answer",
    problems,
  };
}

export async function secretChange(restarted: RunningApp, oldUser: Session, oldAdmin: Session): Promise<CheckResult> {
  const problems: string[] = [];
  const probes: [string, Session, (reply: Reply) => string[]][] = [
    ["/dashboard", oldUser, (r) => expectDecision.toLogin(r, restarted.url)],
    ["/admin", oldAdmin, (r) => expectDecision.toLogin(r, restarted.url)],
    ["/api/me", oldUser, (r) => expectDecision.status(r, 401)],
    ["/api/admin/users", oldAdmin, (r) => expectDecision.status(r, 401)],
    [
      "/api/auth/session",
      oldUser,
      (r) => (r.status === 200 && r.body.trim() === "{}" ? [] : [`wrong decision: session answered ${describe(r)}`]),
    ],
    ["/", oldUser, (r) => [...expectDecision.status(r, 200), ...expectDecision.noSignedInContent(r)]],
  ];
  for (const [path, session, expect] of probes) {
    const reply = await send(restarted, { path, headers: { cookie: session.cookie } });
    problems.push(
      ...[...baseProblems(reply, restarted.url), ...expect(reply)].map((p) => `old cookie on ${path}: ${p}`),
    );
  }
  const fresh = await signIn(restarted, DEMO_USERS.user.email, DEMO_USERS.user.password).catch((error: Error) => error);
  if (fresh instanceof Error) problems.push(`wrong decision: signing in under the new secret failed: ${fresh.message}`);
  return {
    section: "faults",
    name: "secret change: after a restart with a new NEXTAUTH_SECRET old cookies read as signed out, no 500",
    problems,
  };
}

export async function httpsCookie(app: RunningApp): Promise<CheckResult> {
  const reply = await postCredentials(app, DEMO_USERS.user.email, DEMO_USERS.user.password, {
    callbackUrl: "/dashboard",
  });
  const name = sessionCookieName(app.url);
  const line = setCookieLine(reply.setCookies, name);
  const problems = [...baseProblems(reply, app.url)];
  if (!line)
    problems.push(
      `wrong decision: no ${name} cookie after signing in (${describe(reply)}; cookies: ${reply.setCookies.map((c) => c.split("=")[0]).join(", ")})`,
    );
  else problems.push(...sessionCookieAttributeProblems(line, true));
  return {
    section: "faults",
    name: "https NEXTAUTH_URL: __Secure- session cookie, Secure, HttpOnly, SameSite=Lax, no Domain",
    detail: line?.replace(/=[^;]+/, "=…"),
    problems,
  };
}
