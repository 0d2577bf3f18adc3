import { env } from "@/lib/env";
import { callAuth, cookieHeader, CookieJar, FORM, form, getCsrf, type HandlerResponse } from "./http";
import { sessionCookieName } from "./session";

export interface PasswordSignIn {
  response: HandlerResponse;
  /** The session cookie's value: undefined when none was set, "" when next-auth cleared it. */
  sessionToken: string | undefined;
  /** The browser's cookies after the attempt, to follow next-auth's redirects with. */
  jar: CookieJar;
}

/**
 * Signs in as the login form does, through the real next-auth handler: a CSRF token and its
 * cookie from /api/auth/csrf, then the credentials form posted to /api/auth/callback/credentials.
 * `fields` go into the form as they are (a `csrfToken` among them replaces the fetched one; an
 * array sends the field once per value). `withCsrf: false` posts with no CSRF token or cookie.
 */
export async function signInWithPassword(
  fields: Record<string, string | string[]>,
  options: { headers?: Record<string, string>; withCsrf?: boolean } = {},
): Promise<PasswordSignIn> {
  const csrf = options.withCsrf === false ? undefined : await getCsrf();
  const body = new URLSearchParams(csrf ? { csrfToken: csrf.csrfToken } : {});
  for (const [name, value] of Object.entries(fields)) {
    body.delete(name);
    for (const each of ([] as string[]).concat(value)) body.append(name, each);
  }
  const response = await callAuth({
    url: "/api/auth/callback/credentials",
    method: "POST",
    headers: { ...FORM, ...options.headers },
    cookie: csrf?.cookie,
    body: body.toString(),
  });
  return {
    response,
    sessionToken: response.cookies[sessionCookieName(env().baseUrl)],
    jar: new CookieJar(csrf?.cookie).store(response),
  };
}

/** Signs out as next-auth/react's `signOut()` does: a CSRF-checked form POST to /api/auth/signout. */
export async function signOut(sessionCookie: string, callbackUrl: string): Promise<HandlerResponse> {
  const csrf = await getCsrf();
  return callAuth({
    url: "/api/auth/signout",
    method: "POST",
    headers: FORM,
    cookie: cookieHeader(csrf.cookie, sessionCookie),
    body: form({ csrfToken: csrf.csrfToken, callbackUrl }),
  });
}
