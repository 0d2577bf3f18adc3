import type { NextAuthConfig, NextAuthResult, Session } from "next-auth";
import type NextAuth from "next-auth";
import { decode, type JWT } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";

/**
 * Optional speed-up, as on v4 (ARCHITECTURE.md, section 1).
 *
 * Auth.js v5 (5.0.0-beta.32) runs its whole session action on every `auth()` call, every
 * middleware pass and every `useSession()` fetch: it re-encrypts the token and sends `Set-Cookie`, ignoring `updateAge` for JWT
 * sessions. That costs a third to a half of a request (bench/ATTEMPTS.md, attempt 5), and a
 * response that carries a `Set-Cookie` is one a shared cache must not keep.
 *
 * This answers a read from the cookie when v5 would only re-issue it unchanged:
 * one unchunked v5 session cookie, a token that decodes and is younger than `updateAge`, and a
 * `jwt` callback that hands back the very same token. The session is then what v5 would return,
 * with `expires` the token's own expiry (the cookie is not extended). Everything else (no cookie,
 * chunked, tampered, foreign, expired, revoked, changed, due for renewal, `trigger: "update"`,
 * a v4 cookie for the bridge, database sessions, an `events.session` listener) goes through v5.
 * Middleware takes this path only when `authorized` returns `true` (on the request as Next gave
 * it; v5 first moves it to AUTH_URL's origin, which a rule that returns `true` must not depend on);
 * a redirect or a refusal goes through v5.
 * Web Crypto only (Edge middleware); `next/headers` is imported only when a server component calls.
 */

type Config = NextAuthConfig | ((request: unknown) => NextAuthConfig | Promise<NextAuthConfig>);
type Callbacks = NonNullable<NextAuthConfig["callbacks"]>;
type JwtParams = Parameters<NonNullable<Callbacks["jwt"]>>[0];
type SessionParams = Parameters<NonNullable<Callbacks["session"]>>[0];
type PagesRequest = { headers: Record<string, string | string[] | undefined> | Headers };

const DEFAULT_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;
const DEFAULT_UPDATE_AGE_SECONDS = 24 * 60 * 60;

function cookieHeaderOf(headers: PagesRequest["headers"]): string {
  if (headers instanceof Headers) return headers.get("cookie") ?? "";
  const value = headers.cookie;
  return Array.isArray(value) ? value.join("; ") : (value ?? "");
}

/** The session cookie's name as v5 picks it: `__Secure-` when cookies are secure (https). */
function sessionCookieNameFor(config: NextAuthConfig): string {
  const url = process.env.AUTH_URL ?? process.env.NEXTAUTH_URL ?? "";
  const secure = config.useSecureCookies ?? url.startsWith("https://");
  return config.cookies?.sessionToken?.name ?? `${secure ? "__Secure-" : ""}authjs.session-token`;
}

/** The value of exactly one cookie named `name`; null when absent or chunked (`name.0`, …). */
function singleCookie(cookieHeader: string, name: string): string | null {
  let value: string | null = null;
  for (const pair of cookieHeader.split(/;\s*/)) {
    const at = pair.indexOf("=");
    const key = at < 0 ? pair : pair.slice(0, at);
    if (key === name) {
      if (value !== null) return null;
      value = pair.slice(at + 1);
    } else if (key.startsWith(`${name}.`)) return null;
  }
  return value || null;
}

/** The session callback's answer for this Cookie header, as v5's session route would send it, and its token; null: ask v5. */
async function unchangedSession(
  cookieHeader: string,
  config: NextAuthConfig,
): Promise<{ session: object; token: JWT } | null> {
  const strategy = config.session?.strategy ?? (config.adapter ? "database" : "jwt");
  const secret = config.secret ?? process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET;
  if (strategy !== "jwt" || !secret || config.events?.session) return null;
  if (!cookieHeader.includes("authjs.session-token") && !config.cookies?.sessionToken?.name) return null;
  const name = sessionCookieNameFor(config);
  const value = singleCookie(cookieHeader, name);
  if (!value) return null;

  let token: JWT | null;
  try {
    token = await (config.jwt?.decode ?? decode)({ token: value, secret, salt: name });
  } catch {
    return null; // tampered or foreign: v5 logs it and clears the cookie
  }
  const now = Math.floor(Date.now() / 1000);
  if (!token || typeof token.iat !== "number" || typeof token.exp !== "number" || token.exp <= now) return null;
  if (now - token.iat >= (config.session?.updateAge ?? DEFAULT_UPDATE_AGE_SECONDS)) return null;
  if ((config.session?.maxAge ?? DEFAULT_MAX_AGE_SECONDS) < token.exp - token.iat) return null;

  let checked: JWT | null;
  try {
    checked = config.callbacks?.jwt ? await config.callbacks.jwt({ token, session: undefined } as JwtParams) : token;
  } catch {
    return null; // revoked: v5 runs it again, logs it and clears the cookie
  }
  if (checked !== token) return null; // changed: v5 re-issues it

  // As v5's session action builds it (@auth/core lib/actions/session.js).
  const session = {
    user: { name: token.name, email: token.email, image: token.picture },
    expires: new Date(token.exp * 1000).toISOString(),
  };
  const shaped = (await config.callbacks?.session?.({ session, token } as SessionParams)) ?? session;
  return { session: shaped, token };
}

/** The session `auth()` would return for this Cookie header without re-issuing it; null: ask v5. */
export async function sessionWithoutReissue(cookieHeader: string, config: NextAuthConfig): Promise<Session | null> {
  const read = await unchangedSession(cookieHeader, config);
  // v5's server-side wrapper (next-auth/lib/index.js getSession) puts the token under `user` first.
  return read && ({ user: read.token, ...read.session } as unknown as Session);
}

/** v5's session route sends these on a read (@auth/core lib/actions/session.js). */
const SESSION_READ_HEADERS = { "Cache-Control": "private, no-cache, no-store", Expires: "0", Pragma: "no-cache" };

/**
 * `NextAuth` whose `auth`, and the GET of its session route (what `useSession()` fetches), read
 * an unchanged session without re-issuing it: `withReadsWithoutReissue(withLegacyV4(NextAuth))(config)`.
 * Every other `/api/auth/*` request, `update()` (a POST) included, is v5's own.
 */
export function withReadsWithoutReissue(nextAuth: typeof NextAuth): typeof NextAuth {
  return ((config: Config) => {
    const result = nextAuth(config as Parameters<typeof NextAuth>[0]);
    const v5auth = result.auth as (...args: unknown[]) => unknown;
    const resolve = async (request: unknown) => (typeof config === "function" ? await config(request) : config);

    // Most anonymous requests carry no cookie at all: they go to v5 before the config is built.
    const readWithoutReissue = async (cookieHeader: string, request: unknown) =>
      cookieHeader ? sessionWithoutReissue(cookieHeader, await resolve(request)) : null;

    const wrappedAuth = (...args: unknown[]): unknown => {
      if (typeof args[0] === "function") return v5auth(...args); // `auth((req) => …)`: v5's own
      return (async () => {
        if (args.length === 0) {
          // Server component: it cannot set cookies anyway; v5 decides whenever this cannot.
          const { headers } = await import("next/headers");
          return (await readWithoutReissue((await headers()).get("cookie") ?? "", undefined)) ?? v5auth();
        }
        if (args[0] instanceof Request) {
          // Middleware: `export default auth`, or `auth(request, event)`.
          const request = args[0] as NextRequest;
          const cookieHeader = request.headers.get("cookie") ?? "";
          if (cookieHeader) {
            const config = await resolve(request);
            const session = await sessionWithoutReissue(cookieHeader, config);
            const rule = config.callbacks?.authorized;
            const authorized = session && (rule ? await rule({ request, auth: session }) : true);
            if (authorized === true) return NextResponse.next();
          }
          return v5auth(...args);
        }
        // getServerSideProps `auth(ctx)` or API route `auth(req, res)`
        const first = args[0] as { req?: PagesRequest } & PagesRequest;
        const request = first.req ?? first;
        return (await readWithoutReissue(cookieHeaderOf(request.headers), request)) ?? v5auth(...args);
      })();
    };

    const v5GET = result.handlers.GET;
    const GET = async (request: NextRequest): Promise<Response> => {
      const cookieHeader = request.headers.get("cookie") ?? "";
      if (cookieHeader) {
        const config = await resolve(request);
        if (new URL(request.url).pathname === `${config.basePath ?? "/api/auth"}/session`) {
          // The CSRF and callback-url cookies v5 would also set here are set by the routes that use them.
          const read = await unchangedSession(cookieHeader, config);
          if (read) return Response.json(read.session, { headers: SESSION_READ_HEADERS });
        }
      }
      return v5GET(request);
    };

    return {
      ...result,
      auth: wrappedAuth as unknown as NextAuthResult["auth"],
      handlers: { ...result.handlers, GET },
    };
  }) as typeof NextAuth;
}
