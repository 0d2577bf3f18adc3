import type { IncomingMessage } from "node:http";
import type { NextApiRequest } from "next";
import type { NextAuthOptions, Session } from "next-auth";
import type { JWT } from "next-auth/jwt";
import { sessionCookieName } from "@/lib/auth/cookies";
import { env } from "@/lib/env";

/**
 * Optional speed-up (ARCHITECTURE.md, section 1), with session-token.ts and decoded-token-cache.ts.
 * Leave it out and getServerAuthSession (session.ts) is `getServerSession(req, res, getAuthOptions())`.
 *
 * next-auth 4.24.15's session action re-encrypts the token and sets the cookie on every read,
 * ignoring `updateAge` for JWT sessions (`npm run bench`, bench/ATTEMPTS.md). This is that
 * action's success path minus the re-issue. The jwt callback runs once per read: when it changes
 * or refuses the token, getServerSession finishes with the returned options, whose jwt callback
 * hands back that answer instead of reading the database again.
 */

type Request = (IncomingMessage & { cookies: Partial<Record<string, string>> }) | NextApiRequest;

export interface CookieRead {
  /** The session, when the cookie needs no re-issue; null: ask getServerSession, with `options`. */
  session: Session | null;
  options: NextAuthOptions;
}

/** `options` whose jwt callback gives `answer` for `token` (the one this read decoded) rather than run again. */
function withJwtAnswer(options: NextAuthOptions, token: JWT, answer: () => Promise<JWT> | JWT): NextAuthOptions {
  const jwt = options.callbacks!.jwt!;
  // Anything but a plain read of this very token (a sign-in, an update) runs the callback itself.
  const sameRead = ({ token: other, user, trigger }: Parameters<typeof jwt>[0]) =>
    !user && !trigger && token.jti !== undefined && other.jti === token.jti;
  return {
    ...options,
    callbacks: { ...options.callbacks, jwt: async (params) => (sameRead(params) ? answer() : jwt(params)) },
  };
}

export async function readSessionCookie(req: Request, options: NextAuthOptions): Promise<CookieRead> {
  const askNextAuth = { session: null, options };
  const { jwt, callbacks, session: settings, secret } = options;
  if (!jwt?.decode || !callbacks?.jwt || !callbacks.session || !secret || !settings?.maxAge || !settings.updateAge)
    return askNextAuth;
  // Same name as next-auth's (`__Secure-` under an https NEXTAUTH_URL); exactly one cookie
  // starting with it, so chunked cookies (`.0`, `.1`, …) take next-auth's path.
  const name = sessionCookieName(env().baseUrl);
  const names = Object.keys(req.cookies).filter((cookie) => cookie.startsWith(name));
  const value = req.cookies[name];
  if (names.length !== 1 || !value) return askNextAuth;

  let token: JWT | null;
  try {
    token = await jwt.decode({ token: value, secret });
  } catch {
    return askNextAuth;
  }
  const issuedAt = token?.iat;
  const expiresAt = token?.exp;
  if (!token || typeof issuedAt !== "number" || typeof expiresAt !== "number") return askNextAuth;
  if (Math.floor(Date.now() / 1000) - issuedAt >= settings.updateAge) return askNextAuth;

  let checked: JWT;
  try {
    checked = await callbacks.jwt({ token, session: undefined } as Parameters<typeof callbacks.jwt>[0]);
  } catch (error) {
    // Revoked: next-auth logs it and clears the cookie.
    return { session: null, options: withJwtAnswer(options, token, () => Promise.reject(error)) };
  }
  // Changed (re-checked, unverified): next-auth re-issues it.
  if (checked !== token) return { session: null, options: withJwtAnswer(options, token, () => checked) };

  // Typed for any callbacks; ours (lib/auth/callbacks.ts) returns this app's Session.
  const session = (await callbacks.session({
    // The cookie is not re-issued, so the session ends when the token does.
    session: {
      user: { name: token.name, email: token.email, image: token.picture },
      expires: new Date(expiresAt * 1000).toISOString(),
    },
    token,
  } as Parameters<typeof callbacks.session>[0])) as Session;
  return { session, options };
}
