/**
 * A bounded load run on loopback: 100 connections for 20 s, shared evenly by the instances given,
 * anonymous, user and admin cookies mixed across pages and APIs. Every answer is checked as it arrives: no 5xx, the right decision
 * for its cookie, and (for /api/me, /dashboard and the session route) exactly the user of its own cookie.
 */
import autocannon, { type Request } from "autocannon";
import type { RunningApp } from "../tooling/app-server";
import type { Session } from "../tooling/raw-http-auth";
import type { CheckResult } from "./support/results";

export const LOAD = { connections: 100, durationSeconds: 20 };

export interface LoadIdentity {
  kind: "anonymous" | "user" | "admin";
  session?: Session;
  id?: string;
}

export interface LoadOutcome {
  result: CheckResult;
  requestsPerSecond: number;
  p99Ms: number;
  total: number;
  fiveXX: number;
  wrongDecisions: number;
  leaks: number;
}

const PAGES = ["/", "/dashboard", "/admin", "/admin/users"];
/** What useSession() fetches: v4's handler, or on v5 an answer read from the cookie (session-read.ts). */
const SESSION_ROUTE = "/api/auth/session";
const APIS = ["/api/me", "/api/admin/users", SESSION_ROUTE];

function header(headers: Record<string, unknown>, name: string): string {
  const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name);
  const value = key ? headers[key] : undefined;
  return Array.isArray(value) ? String(value[0]) : String(value ?? "");
}

/** What each identity must get on each path. Returns a problem, or null. */
function decision(identity: LoadIdentity, path: string, status: number, location: string): string | null {
  const to = (target: string) => status === 307 && new URL(location, "http://x").pathname === target;
  const isApi = path.startsWith("/api/");
  const needsAdmin = path.startsWith("/admin") || path.startsWith("/api/admin");
  if (path === "/" || path === SESSION_ROUTE) return status === 200 ? null : `expected 200`;
  if (identity.kind === "anonymous")
    return (isApi ? status === 401 : to("/login")) ? null : "expected 401 or a redirect to /login";
  if (identity.kind === "user" && needsAdmin)
    return (isApi ? status === 403 : status === 403 || to("/403")) ? null : "expected 403";
  return status === 200 ? null : "expected 200";
}

export async function runLoad(
  apps: RunningApp[],
  identities: LoadIdentity[],
  allEmails: string[],
): Promise<LoadOutcome> {
  let fiveXX = 0;
  let wrongDecisions = 0;
  let leaks = 0;
  let checked = 0;
  const examples: Record<"fiveXX" | "wrong" | "leak", string[]> = { fiveXX: [], wrong: [], leak: [] };
  const note = (kind: keyof typeof examples, problem: string) => {
    if (examples[kind].length < 3) examples[kind].push(problem);
  };

  const requests: Request[] = [];
  for (const identity of identities) {
    for (const path of [...PAGES, ...APIS]) {
      const email = identity.session?.email;
      requests.push({
        method: "GET",
        path,
        headers: identity.session ? { cookie: identity.session.cookie } : {},
        onResponse: (status: number, body: string, _context: unknown, headers: Record<string, unknown>) => {
          checked += 1;
          const label = `${identity.kind}${email ? ` ${email}` : ""} GET ${path}`;
          if (status >= 500) {
            fiveXX += 1;
            note("fiveXX", `${label}: status ${status}`);
            return;
          }
          const wrong = decision(identity, path, status, header(headers, "location"));
          if (wrong) {
            wrongDecisions += 1;
            note("wrong", `${label}: ${wrong}, got ${status} ${header(headers, "location")}`);
            return;
          }
          // Cross-user leaks: an answer about a user shows that user and nobody else.
          if (status !== 200 || !["/", "/dashboard", "/api/me", SESSION_ROUTE].includes(path)) return;
          const shown = allEmails.filter((candidate) => body.includes(candidate));
          const idShown = path !== "/api/me" || !identity.id || body.includes(`"id":"${identity.id}"`);
          const exact =
            path === "/" || !email
              ? shown.every((candidate) => candidate === email)
              : shown.length === 1 && shown[0] === email;
          if (!idShown || !exact) {
            leaks += 1;
            note(
              "leak",
              `${label}: shows ${JSON.stringify(shown)}${idShown ? "" : " and another id"} (cookie of ${email ?? "nobody"})`,
            );
          }
        },
      } as Request);
    }
  }
  // Spread the identities over time: each connection walks the list from the start.
  for (let i = requests.length - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    [requests[i], requests[j]] = [requests[j], requests[i]];
  }

  const results = await Promise.all(
    apps.map((app) =>
      autocannon({
        url: `http://127.0.0.1:${app.port}`,
        connections: Math.ceil(LOAD.connections / apps.length),
        duration: LOAD.durationSeconds,
        pipelining: 1,
        timeout: 10,
        requests,
      }),
    ),
  );
  const requestsPerSecond = results.reduce((sum, result) => sum + result.requests.average, 0);
  const p99Ms = Math.max(...results.map((result) => result.latency.p99));
  const errors = results.reduce((sum, result) => sum + result.errors, 0);
  const timeouts = results.reduce((sum, result) => sum + result.timeouts, 0);

  const problems: string[] = [];
  if (fiveXX) problems.push(`status 5xx: ${fiveXX} answers (${examples.fiveXX.join("; ")})`);
  if (wrongDecisions) problems.push(`wrong decision: ${wrongDecisions} answers (${examples.wrong.join("; ")})`);
  if (leaks) problems.push(`cross-user leak: ${leaks} answers (${examples.leak.join("; ")})`);
  if (errors || timeouts) problems.push(`${errors} connection errors, ${timeouts} timeouts`);
  if (checked === 0) problems.push("no answer was checked");

  return {
    requestsPerSecond,
    p99Ms,
    total: checked,
    fiveXX,
    wrongDecisions,
    leaks,
    result: {
      section: "load",
      name: `${LOAD.connections} connections for ${LOAD.durationSeconds} s over ${identities.length} identities × ${PAGES.length + APIS.length} paths on ${apps.map((app) => app.name).join(" and ")}`,
      detail: `${checked} answers checked, ${requestsPerSecond.toFixed(0)} req/s, p99 ${p99Ms} ms`,
      problems,
    },
  };
}
