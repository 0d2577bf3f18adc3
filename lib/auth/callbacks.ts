import type { CallbacksOptions, Session } from "next-auth";
import type { JWT } from "next-auth/jwt";
import { z } from "zod";
import { SIGN_IN_ERROR } from "@/lib/auth/credentials";
import { safeRedirect } from "@/lib/auth/redirect";
import { isRole } from "@/lib/users/roles";
import { isDatabaseUnavailable } from "@/lib/db/errors";
import type { Env } from "@/lib/env";
import { findAccessById, findOrCreateOAuthUser, updateDisplayName } from "@/lib/users/repository";

/** Thrown from `jwt` to end a session: v4 clears the cookie on a throw, but not on `return null`. */
export class SessionRevokedError extends Error {
  constructor(reason: string) {
    super(`session revoked: ${reason}`);
    this.name = "SessionRevokedError";
  }
}

/** The only fields `useSession().update(data)` may change. It is client input: never id or role. */
export const sessionUpdateSchema = z.object({ name: z.string().trim().min(1).max(80) });

const nowInSeconds = () => Math.floor(Date.now() / 1000);

/**
 * Checks a token on every server read: the absolute lifetime cap (no database), then, at most
 * every ROLE_RECHECK_SECONDS, role, disabled and the session version from the database.
 */
async function refreshAccess(token: JWT, config: Env): Promise<JWT> {
  if (!token.id || !isRole(token.role) || token.authTime === undefined) {
    throw new SessionRevokedError("token without id, role or sign-in time");
  }
  const now = nowInSeconds();
  if (now - token.authTime > config.sessionMaxLifetimeSeconds) throw new SessionRevokedError("lifetime cap reached");
  if (token.roleCheckedAt !== undefined && now - token.roleCheckedAt < config.roleRecheckSeconds) return token;

  let access: Awaited<ReturnType<typeof findAccessById>>;
  try {
    access = await findAccessById(token.id);
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    // Keep the session but let no guard trust it until a re-check succeeds: they answer 503.
    return { ...token, accessUnverified: true };
  }
  if (!access) throw new SessionRevokedError("user no longer exists");
  if (access.disabled) throw new SessionRevokedError("user is disabled");
  if (access.sessionVersion !== (token.sessionVersion ?? 0)) throw new SessionRevokedError("signed out everywhere");
  if (!isRole(access.role)) throw new SessionRevokedError("unknown role in database");
  const checked: JWT = { ...token, role: access.role, roleCheckedAt: now };
  delete checked.accessUnverified;
  return checked;
}

export function buildCallbacks(config: Env): Partial<CallbacksOptions> {
  return {
    async signIn({ user, account }) {
      if (account?.type !== "oauth") return true; // Credentials: authorize() already decided
      let result: Awaited<ReturnType<typeof findOrCreateOAuthUser>>;
      try {
        result = await findOrCreateOAuthUser({
          provider: account.provider,
          providerAccountId: account.providerAccountId,
          email: user.email ?? null,
          name: user.name ?? null,
          image: user.image ?? null,
          adminEmails: config.adminEmails,
        });
      } catch (error) {
        if (isDatabaseUnavailable(error)) return `/login?error=${SIGN_IN_ERROR.serviceUnavailable}`;
        throw error;
      }
      if ("error" in result) return "/login?error=OAuthAccountNotLinked";
      if (result.user.disabled) return false;
      // v4 hands this same object to the jwt callback: our id replaces the provider's profile id.
      user.id = result.user.id;
      user.role = isRole(result.user.role) ? result.user.role : "user";
      user.sessionVersion = result.user.sessionVersion;
      return true;
    },

    async jwt({ token, user, trigger, session }) {
      if (user) {
        const now = nowInSeconds();
        return {
          ...token,
          id: user.id,
          role: user.role ?? "user",
          sessionVersion: user.sessionVersion ?? 0,
          authTime: now,
          roleCheckedAt: now,
        };
      }
      let next = await refreshAccess(token, config);
      if (trigger === "update" && !next.accessUnverified) {
        const update = sessionUpdateSchema.safeParse(session);
        if (update.success) {
          await updateDisplayName(next.id!, update.data.name);
          next = { ...next, name: update.data.name };
        }
      }
      return next;
    },

    async session({ session, token }): Promise<Session> {
      // v4 builds `session.user` from the token as it was before `jwt` ran: read the new one.
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
      };
    },

    async redirect({ url, baseUrl }) {
      return safeRedirect(url, baseUrl);
    },
  };
}
