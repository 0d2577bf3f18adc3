/**
 * How a browser posts to next-auth: a CSRF token with the cookie it is checked against, and a
 * form-encoded body. Shared by the in-process tests (__tests__/support/http.ts) and the runs
 * against a served app (tooling/raw-http-auth.ts), which differ only in how they send a request.
 */

/** A form-encoded POST body; a list repeats its field. */
export function form(fields: Record<string, string | string[]>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) for (const item of [value].flat()) params.append(key, item);
  return params.toString();
}

/** Joins cookie header values, skipping empty ones. */
export function cookieHeader(...parts: (string | undefined)[]): string {
  return parts.filter(Boolean).join("; ");
}

/** GET /api/auth/csrf's answer: its JSON body, and the cookies it set as `name=value; …`. */
interface CsrfAnswer {
  body: string;
  cookies: string;
}

/** A CSRF token and the Cookie header it is checked against: `cookie` (sent along) and the answer's. */
export async function fetchCsrf(
  request: (cookie: string) => Promise<CsrfAnswer>,
  cookie = "",
): Promise<{ csrfToken: string; cookie: string }> {
  const answer = await request(cookie);
  const { csrfToken } = JSON.parse(answer.body) as { csrfToken: string };
  return { csrfToken, cookie: cookieHeader(cookie, answer.cookies) };
}
