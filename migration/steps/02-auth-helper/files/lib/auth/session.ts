import type { IncomingMessage, ServerResponse } from "node:http";
import type { GetServerSidePropsContext, NextApiRequest, NextApiResponse } from "next";
import { getServerSession, type NextAuthOptions, type Session } from "next-auth";
import type { JWT } from "next-auth/jwt";
import { sessionCookieName } from "@/lib/auth/cookies";
import { getAuthOptions } from "@/lib/auth/options";
import { env } from "@/lib/env";

type Request = (IncomingMessage & { cookies: Partial<Record<string, string>> }) | NextApiRequest;
type Response = ServerResponse | NextApiResponse;

/**
 * The one way server code reads the session, with Auth.js v5's signatures so that no call site
 * changes at the upgrade: `auth(ctx)` in getServerSideProps, `auth(req, res)` in API routes.
 * On v4 the `jwt` callback runs on every read (role, disabled, session version, lifetime cap).
 * When it hands the token back unchanged and the cookie is younger than `updateAge`, nothing
 * needs re-issuing and the session is built here; every other case goes through
 * getServerSession, which refuses, clears or re-issues the cookie.
 * @see https://authjs.dev/reference/nextjs#in-api-routes
 */
export function auth(ctx: Pick<GetServerSidePropsContext, "req" | "res"> | { req: Request; res: Response }): Promise<Session | null>;
export function auth(req: Request, res: Response): Promise<Session | null>;
export async function auth(...args: [{ req: Request; res: Response }] | [Request, Response]): Promise<Session | null> {
  const [req, res] = args.length === 2 ? args : [args[0].req, args[0].res];
  const options = getAuthOptions();
  return (await unchangedSession(req, options)) ?? getServerSession(req, res, options);
}

/**
 * next-auth 4.24.15's session action re-encrypts the token and sets the cookie on every read,
 * ignoring `updateAge` for JWT sessions (`npm run bench`, bench/ATTEMPTS.md). This is that
 * action's success path minus the re-issue; null means "let next-auth decide".
 */
async function unchangedSession(req: Request, options: NextAuthOptions): Promise<Session | null> {
  const { jwt, callbacks, session: settings, secret } = options;
  if (!jwt?.decode || !callbacks?.jwt || !callbacks.session || !secret || !settings?.maxAge || !settings.updateAge) return null;
  // Same name as next-auth's (`__Secure-` under an https NEXTAUTH_URL); exactly one cookie
  // starting with it, so chunked cookies (`.0`, `.1`, …) take next-auth's path.
  const name = sessionCookieName(env().baseUrl);
  const names = Object.keys(req.cookies).filter((cookie) => cookie.startsWith(name));
  const value = req.cookies[name];
  if (names.length !== 1 || !value) return null;

  let token: JWT | null;
  try {
    token = await jwt.decode({ token: value, secret });
  } catch {
    return null;
  }
  const issuedAt = token?.iat;
  const expiresAt = token?.exp;
  if (!token || typeof issuedAt !== "number" || typeof expiresAt !== "number") return null;
  if (Math.floor(Date.now() / 1000) - issuedAt >= settings.updateAge) return null;

  let checked: JWT;
  try {
    checked = await callbacks.jwt({ token, session: undefined } as Parameters<typeof callbacks.jwt>[0]);
  } catch {
    return null; // revoked: next-auth runs it again, logs it and clears the cookie
  }
  if (checked !== token) return null; // changed (re-checked, unverified): next-auth re-issues it

  // Typed for any callbacks; ours (lib/auth/callbacks.ts) returns this app's Session.
  return (await callbacks.session({
    // The cookie is not re-issued, so the session ends when the token does.
    session: { user: { name: token.name, email: token.email, image: token.picture }, expires: new Date(expiresAt * 1000).toISOString() },
    token,
  } as Parameters<typeof callbacks.session>[0])) as Session;
}
