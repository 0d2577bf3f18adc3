/**
 * What every answer to hostile input must satisfy, and the decisions a request may get.
 * Each check returns the problems it found (empty: fine), phrased for the summary.
 */
import type { Reply } from "../../tooling/raw-http";

/** Stack frames, module paths and error class names: none may reach a visitor. */
const LEAK_PATTERNS: readonly [RegExp, string][] = [
  [/\bat [\w$.<>[\] ]+ \(?[^\s()]*:\d+:\d+\)?/, "stack frame"],
  [/node_modules/, "node_modules path"],
  [/\b\w*Error: /, "Error: text"],
  [/ERR_[A-Z_]{4,}/, "Node error code"],
];

export function leaks(reply: Reply): string[] {
  return LEAK_PATTERNS.filter(([pattern]) => pattern.test(reply.body)).map(([pattern, what]) => {
    const match = reply.body.match(pattern)?.[0] ?? "";
    return `${what} in body: ${JSON.stringify(match.slice(0, 80))}`;
  });
}

/** The resolved Location, when there is one and it stays on the app's origin; otherwise a problem. */
function unsafeLocation(reply: Reply, appUrl: string): string[] {
  if (reply.location === undefined) return [];
  let target: URL;
  try {
    target = new URL(reply.location, appUrl);
  } catch {
    return [`malformed Location ${JSON.stringify(reply.location)}`];
  }
  if (
    target.origin !== new URL(appUrl).origin ||
    /^\s*[/\\]{2}/.test(reply.location) ||
    target.username ||
    target.password
  ) {
    return [`Location leaves the site: ${JSON.stringify(reply.location)}`];
  }
  return [];
}

/** The generic rules: no 5xx, a safe Location, nothing internal in the body. */
export function baseProblems(reply: Reply, appUrl: string): string[] {
  const problems: string[] = [];
  if (reply.status >= 500) problems.push(`status ${reply.status}`);
  if (reply.status < 200 || reply.status >= 600) problems.push(`unexpected status ${reply.status}`);
  return [...problems, ...unsafeLocation(reply, appUrl), ...leaks(reply)];
}

const pathOf = (reply: Reply, appUrl: string) =>
  reply.location ? new URL(reply.location, appUrl).pathname : undefined;
const isRedirect = (status: number) => status >= 300 && status < 400;

/** Decisions, each returning problems ("wrong decision: …"). */
export const expectDecision = {
  /** A page refused to an anonymous visitor: a redirect to /login. */
  toLogin(reply: Reply, appUrl: string): string[] {
    if (isRedirect(reply.status) && pathOf(reply, appUrl) === "/login") return [];
    return [`wrong decision: expected a redirect to /login, got ${reply.status} ${reply.location ?? ""}`.trim()];
  },
  /** A page refused to a signed-in user without the role: 403, or a redirect to /403. */
  forbiddenPage(reply: Reply, appUrl: string): string[] {
    if (reply.status === 403 || (isRedirect(reply.status) && pathOf(reply, appUrl) === "/403")) return [];
    return [`wrong decision: expected 403 or a redirect to /403, got ${reply.status} ${reply.location ?? ""}`.trim()];
  },
  status(reply: Reply, ...expected: number[]): string[] {
    if (expected.includes(reply.status)) return [];
    return [
      `wrong decision: expected ${expected.join(" or ")}, got ${reply.status}${reply.location ? ` → ${reply.location}` : ""}`,
    ];
  },
  /** Anything but a 2xx carrying admin-only content. */
  noAdminContent(reply: Reply): string[] {
    if (reply.status >= 300) return [];
    const marker = ADMIN_MARKERS.find((text) => reply.body.includes(text));
    return marker ? [`wrong decision: admin content (${JSON.stringify(marker)}) served with ${reply.status}`] : [];
  },
  /** Anything but a 2xx carrying a signed-in user's content. */
  noSignedInContent(reply: Reply): string[] {
    if (reply.status >= 300) return [];
    const marker = [...ADMIN_MARKERS, ...SIGNED_IN_MARKERS].find((text) => reply.body.includes(text));
    return marker ? [`wrong decision: signed-in content (${JSON.stringify(marker)}) served with ${reply.status}`] : [];
  },
};

/** Text only an admin's answer contains (the admin page, the users table, the users API). */
const ADMIN_MARKERS = ["You are an admin, welcome!", "Manage users", "<th>Actions</th>", '"users":['];
/** Text only a signed-in answer contains (the dashboard, /api/me). */
const SIGNED_IN_MARKERS = ["This page was checked on the server", '"role":"'];

/** Security headers every page must carry. */
export function missingSecurityHeaders(reply: Reply): string[] {
  const problems: string[] = [];
  const csp = String(reply.headers["content-security-policy"] ?? "");
  if (!/frame-ancestors 'none'/.test(csp)) problems.push("no CSP with frame-ancestors 'none'");
  if (String(reply.headers["x-content-type-options"] ?? "").toLowerCase() !== "nosniff")
    problems.push("no X-Content-Type-Options: nosniff");
  if (!reply.headers["referrer-policy"]) problems.push("no Referrer-Policy");
  return problems;
}

export function notPrivateNoStore(reply: Reply): string[] {
  const cache = String(reply.headers["cache-control"] ?? "");
  return /private/.test(cache) && /no-store/.test(cache)
    ? []
    : [`Cache-Control is ${JSON.stringify(cache)}, not private, no-store`];
}
