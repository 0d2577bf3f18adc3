import { decode as decodeJwt, encode, type JWT } from "next-auth/jwt";
import { sessionCookieName } from "@/lib/auth/cookies";
import { SESSION_MAX_AGE_SECONDS } from "@/lib/auth/options";
import type { Role } from "@/lib/users/roles";
import { env } from "@/lib/env";
import { sessionTokenSalt } from "@/tooling/next-auth-version";

interface SessionUser {
  id: string;
  role: Role | string;
  email?: string | null;
  name?: string | null;
}

/**
 * A real session token, encrypted the way next-auth's sign-in encrypts it.
 * `roleCheckedAt` defaults to now, as at sign-in.
 */
export async function mintSessionToken(
  user: SessionUser,
  options: { claims?: Partial<JWT>; secret?: string; maxAge?: number } = {},
): Promise<string> {
  const token = sessionClaims(user, options.claims);
  const salt = sessionTokenSalt(sessionCookieName(env().baseUrl));
  return encode({
    token,
    secret: options.secret ?? env().secret,
    maxAge: options.maxAge ?? SESSION_MAX_AGE_SECONDS,
    salt,
  });
}

/** The claims sign-in puts into a session token (also used to mint v4-format cookies). */
export function sessionClaims(user: SessionUser, claims: Partial<JWT> = {}): JWT {
  return {
    sub: user.id,
    id: user.id,
    role: user.role as Role,
    email: user.email ?? null,
    name: user.name ?? null,
    roleCheckedAt: Math.floor(Date.now() / 1000),
    authTime: Math.floor(Date.now() / 1000),
    sessionVersion: 0,
    ...claims,
  };
}

/** The `Cookie` header value a browser signed in as `user` would send. */
export async function sessionCookie(
  user: SessionUser,
  options?: Parameters<typeof mintSessionToken>[1],
): Promise<string> {
  return `${sessionCookieName(env().baseUrl)}=${await mintSessionToken(user, options)}`;
}

/** Decrypts a session cookie's value with the installed version's key (v5 salts it with the cookie name). */
export function decode({ token, secret }: { token: string | undefined; secret: string }): Promise<JWT | null> {
  return decodeJwt({ token, secret, salt: sessionTokenSalt(sessionCookieName(env().baseUrl)) });
}

export { sessionCookieName };
