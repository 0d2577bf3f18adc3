import type { NextAuthConfig, Session } from "next-auth";
import { NextResponse } from "next/server";
import { isPublicPath, requiredRole } from "@/lib/auth/access-rules";
import { isRole } from "@/lib/users/roles";
import { decodeSessionToken, encodeSessionToken } from "@/lib/auth/session-token";
import type { Env } from "@/lib/env";

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60; // 30 days
export const SESSION_UPDATE_AGE_SECONDS = 24 * 60 * 60; // re-issue the cookie at most daily

/**
 * The Edge-safe part of the Auth.js configuration: no providers, no database. Middleware runs
 * on it alone; auth.ts adds the providers and the database-backed callbacks.
 * @see https://authjs.dev/guides/edge-compatibility
 */
export const authConfig = {
  providers: [],
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: SESSION_UPDATE_AGE_SECONDS },
  // v5's token format with the derived key cached across requests (lib/auth/session-token.ts).
  jwt: { encode: encodeSessionToken, decode: decodeSessionToken },
  pages: { signIn: "/login", error: "/login" },
  callbacks: {
    /**
     * Middleware's rule. v5 middleware lets everyone through unless this says otherwise
     * (v4's withAuth redirected signed-out users by default). Returning a Response keeps v4's
     * redirects exactly: /login with a relative callbackUrl, and /403 for a missing role, on
     * AUTH_URL's origin (v5 rebuilds `request.nextUrl` on it).
     */
    authorized({ request, auth }) {
      const { pathname, search, origin } = request.nextUrl;
      if (isPublicPath(pathname)) return true;
      if (!auth) {
        const login = new URL("/login", origin);
        login.searchParams.set("callbackUrl", `${pathname}${search}`);
        return NextResponse.redirect(login);
      }
      const role = requiredRole(pathname);
      if (role && auth.user.role !== role) return NextResponse.redirect(new URL("/403", origin));
      return true;
    },

    /**
     * Exposes id, role, the sign-in time and an unverified re-check; builds `session.user` from
     * the token the jwt callback returned.
     */
    session({ session, token }): Session {
      return {
        expires: session.expires,
        authTime: token.authTime ?? 0,
        ...(token.accessUnverified ? { accessUnverified: true as const } : {}),
        user: {
          id: token.id ?? "",
          role: isRole(token.role) ? token.role : "user",
          name: token.name ?? null,
          email: token.email ?? null,
          image: token.picture ?? null,
        },
      } as Session;
    },
  },
} satisfies NextAuthConfig;

/**
 * What depends on the environment: the secret, and __Secure- cookies exactly when the URL is https.
 * `trustHost`: v5 refuses every request in production (UntrustedHost) unless AUTH_URL or
 * AUTH_TRUST_HOST is set, even when NEXTAUTH_URL is. lib/env.ts requires NEXTAUTH_URL in
 * production and v5 builds its URLs from it (AUTH_URL ?? NEXTAUTH_URL), never from the Host header.
 */
export function runtimeOptions(config: Env) {
  return {
    secret: config.secret,
    useSecureCookies: config.baseUrl.startsWith("https://"),
    trustHost: true,
  } satisfies Partial<NextAuthConfig>;
}
