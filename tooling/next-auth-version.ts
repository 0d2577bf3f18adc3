import { readFileSync } from "node:fs";
import path from "node:path";
import type { NextApiHandler, PageConfig } from "next";

/**
 * What the tests and the browser flows (e2e/) need to know about the installed next-auth, so that
 * the same tests run before and after the v5 switch (`npm run migration:verify`). Only wire formats
 * and request counts differ; behaviour tests never branch on it.
 */
export const NEXT_AUTH_VERSION: string = JSON.parse(
  readFileSync(path.join(process.cwd(), "node_modules/next-auth/package.json"), "utf8"),
).version;
export const NEXT_AUTH_MAJOR = Number(NEXT_AUTH_VERSION.split(".")[0]);

/** Cookie names start `next-auth.` in v4 and `authjs.` in v5 (after any `__Secure-`/`__Host-`). */
export const COOKIE_PREFIX = NEXT_AUTH_MAJOR >= 5 ? "authjs" : "next-auth";

/** `/api/auth/session` for a signed-out visitor: v4 answers `{}`, v5 `null`. */
export const SIGNED_OUT_SESSION = NEXT_AUTH_MAJOR >= 5 ? null : {};

/** The callback-url cookie's name over http. */
export const CALLBACK_URL_COOKIE = `${COOKIE_PREFIX}.callback-url`;

/** The salt session tokens are keyed with: none in v4, the cookie name in v5. */
export function sessionTokenSalt(cookieName: string): string {
  return NEXT_AUTH_MAJOR >= 5 ? cookieName : "";
}

type AppRouteModule = { GET: (request: Request) => Promise<Response>; POST: (request: Request) => Promise<Response> };

/** next-auth's own endpoints: v4's Pages API route, or v5's App Router route handlers. */
export type AuthRoute =
  { pagesHandler: { default: NextApiHandler; config?: PageConfig } } | { appHandler: AppRouteModule };

export function authRoute(): AuthRoute {
  // Loaded by path at run time: only one of the two files exists in a given version of the app.
  if (NEXT_AUTH_MAJOR >= 5) return { appHandler: require("@/app/api/auth/[...nextauth]/route") as AppRouteModule };
  return {
    pagesHandler: require("@/pages/api/auth/[...nextauth]") as { default: NextApiHandler; config?: PageConfig },
  };
}

/**
 * Where next-auth sends a refused sign-in, per version. The refusal is the same on both (no
 * session, back on /login with a readable error); the error code and the URL's shape are not, so
 * tests take only these from here and assert the behaviour themselves.
 * - v4: no CSRF token → `?csrf=true`; a failed OAuth state check → `error=OAuthCallback`; denied
 *   consent → `error=Callback`; a wrong password goes through /api/auth/error and /signin to
 *   `/login?callbackUrl=<absolute>&error=CredentialsSignin`; a code thrown in `authorize` → `?error=<code>`.
 * - v5: `error=MissingCSRF`; `error=Configuration` (InvalidCheck is not a client-safe error);
 *   `error=OAuthCallbackError`; straight to `/login?error=CredentialsSignin&code=<code>`, where
 *   the code is "credentials" or a CredentialsSignin subclass's; our route adds the callbackUrl back.
 */
export const expectedAuthErrors =
  NEXT_AUTH_MAJOR >= 5
    ? {
        missingCsrf: "error=MissingCSRF",
        oauthCheckFailed: /^\/login\?error=Configuration$/,
        consentDenied: "/login?error=OAuthCallbackError",
        wrongCredentials: (callbackUrl: string) =>
          `/login?${new URLSearchParams({ error: "CredentialsSignin", code: "credentials", callbackUrl })}`,
        refusedWithCode: (code: string, callbackUrl?: string) =>
          `/login?${new URLSearchParams({ error: "CredentialsSignin", code, ...(callbackUrl ? { callbackUrl } : {}) })}`,
      }
    : {
        missingCsrf: "csrf=true",
        oauthCheckFailed: /^\/login\?.*error=OAuthCallback/,
        consentDenied: "/login?callbackUrl=http%3A%2F%2Flocalhost%3A3000%2Fdashboard&error=Callback",
        wrongCredentials: (callbackUrl: string) =>
          `/login?${new URLSearchParams({ callbackUrl: new URL(callbackUrl, "http://localhost:3000").href, error: "CredentialsSignin" })}`,
        refusedWithCode: (code: string, _callbackUrl?: string) => `/login?error=${code}`,
      };

/**
 * Requests one client-side session refetch costs. v5's `getSession` announces every fetch on a new
 * BroadcastChannel("next-auth"); the same tab's SessionProvider hears it (browsers deliver to every
 * other channel object of that name, the sender's own document included) and fetches once more.
 * v4 announced through localStorage, whose `storage` event never reaches the tab that wrote it.
 */
export const SESSION_REQUESTS_PER_REFETCH = NEXT_AUTH_MAJOR >= 5 ? 2 : 1;
