/**
 * Sessions the way a browser gets them: the CSRF round trip and a credentials sign-in through
 * next-auth's real endpoints; plus minted tokens for the hostile variants (foreign secret,
 * expired) that a real sign-in cannot produce.
 */
import { encode, type JWT } from "next-auth/jwt";
import { sessionCookieName } from "@/lib/auth/cookies";
import type { RunningApp } from "./app-server";
import { fetchCsrf, form } from "./csrf-form";
import { cookiePairs, cookieValue, send, type Reply } from "./raw-http";

/** The CSRF round trip against a served app, sending `extraCookie` along. */
export function getCsrf(app: RunningApp, extraCookie = ""): Promise<{ csrfToken: string; cookie: string }> {
  return fetchCsrf(async (cookie) => {
    const reply = await send(app, { path: "/api/auth/csrf", headers: cookie ? { cookie } : {} });
    if (reply.status !== 200) throw new Error(`${app.name}: GET /api/auth/csrf answered ${reply.status}`);
    return { body: reply.body, cookies: cookiePairs(reply.setCookies) };
  }, extraCookie);
}

interface SignInOptions {
  callbackUrl?: string | string[];
  headers?: Record<string, string>;
  cookie?: string;
}

/** POST /api/auth/callback/credentials with a fresh CSRF token, as the login form does. */
export async function postCredentials(
  app: RunningApp,
  email: string,
  password: string,
  options: SignInOptions = {},
): Promise<Reply> {
  const csrf = await getCsrf(app, options.cookie);
  const fields: Record<string, string | string[]> = { csrfToken: csrf.csrfToken, email, password };
  if (options.callbackUrl !== undefined) fields.callbackUrl = options.callbackUrl;
  return send(app, {
    method: "POST",
    path: "/api/auth/callback/credentials",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrf.cookie, ...options.headers },
    body: form(fields),
  });
}

export interface Session {
  email: string;
  /** `<session cookie name>=<token>` */
  cookie: string;
  token: string;
}

/** A real sign-in; throws when no session cookie comes back. */
export async function signIn(app: RunningApp, email: string, password: string): Promise<Session> {
  const reply = await postCredentials(app, email, password, { callbackUrl: "/dashboard" });
  const name = sessionCookieName(app.url);
  const token = cookieValue(reply.setCookies, name);
  if (!token) {
    throw new Error(
      `${app.name}: signing in as ${email} gave no session cookie (status ${reply.status}, Location ${reply.location})`,
    );
  }
  return { email, token, cookie: `${name}=${token}` };
}

/** A token encrypted the way next-auth v4 encrypts session cookies (salt "": v4's default). */
export function mintToken(claims: JWT, secret: string, maxAgeSeconds = 60 * 60): Promise<string> {
  return encode({ token: claims, secret, maxAge: maxAgeSeconds });
}
