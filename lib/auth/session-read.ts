import type { IncomingMessage } from "node:http";
import type { NextApiRequest } from "next";
import type { NextAuthOptions, Session } from "next-auth";
import type { JWT } from "next-auth/jwt";
import { sessionCookieName } from "@/lib/auth/cookies";
import { env } from "@/lib/env";

type Request = (IncomingMessage & { cookies: Partial<Record<string, string>> }) | NextApiRequest;

/**
 * next-auth 4.24.15's session action re-encrypts the token and sets the cookie on every read,
 * ignoring `updateAge` for JWT sessions (`npm run bench`, bench/ATTEMPTS.md). This is that
 * action's success path minus the re-issue; null means "let next-auth decide".
 */
export async function sessionWithoutReissue(req: Request, options: NextAuthOptions): Promise<Session | null> {
  const { jwt, callbacks, session: settings, secret } = options;
  if (!jwt?.decode || !callbacks?.jwt || !callbacks.session || !secret || !settings?.maxAge || !settings.updateAge)
    return null;
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
    session: {
      user: { name: token.name, email: token.email, image: token.picture },
      expires: new Date(expiresAt * 1000).toISOString(),
    },
    token,
  } as Parameters<typeof callbacks.session>[0])) as Session;
}
