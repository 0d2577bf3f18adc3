import type { CallbacksOptions, Session } from "next-auth";
import type { JWT } from "next-auth/jwt";
import { z } from "zod";
import { safeRedirect } from "@/lib/auth/redirect";
import { isRole } from "@/lib/auth/roles";
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

/** Re-reads role and disabled from the database when the token's copy is older than the window. */
async function refreshAccess(token: JWT, recheckSeconds: number): Promise<JWT> {
  if (!token.id || !isRole(token.role)) throw new SessionRevokedError("token without id or role");
  const now = nowInSeconds();
  if (token.roleCheckedAt !== undefined && now - token.roleCheckedAt < recheckSeconds) return token;

  const access = await findAccessById(token.id);
  if (!access) throw new SessionRevokedError("user no longer exists");
  if (access.disabled) throw new SessionRevokedError("user is disabled");
  if (!isRole(access.role)) throw new SessionRevokedError("unknown role in database");
  return { ...token, role: access.role, roleCheckedAt: now };
}

export function buildCallbacks(config: Env): Partial<CallbacksOptions> {
  return {
    async signIn({ user, account }) {
      if (account?.type !== "oauth") return true; // Credentials: authorize() already decided
      const result = await findOrCreateOAuthUser({
        provider: account.provider,
        providerAccountId: account.providerAccountId,
        email: user.email ?? null,
        name: user.name ?? null,
        image: user.image ?? null,
        adminEmails: config.adminEmails,
      });
      if ("error" in result) return "/login?error=OAuthAccountNotLinked";
      if (result.user.disabled) return false;
      // v4 hands this same object to the jwt callback: our id replaces the provider's profile id.
      user.id = result.user.id;
      user.role = isRole(result.user.role) ? result.user.role : "user";
      return true;
    },

    async jwt({ token, user, trigger, session }) {
      if (user) {
        return { ...token, id: user.id, role: user.role ?? "user", roleCheckedAt: nowInSeconds() };
      }
      let next = token;
      if (trigger === "update") {
        const update = sessionUpdateSchema.safeParse(session);
        if (update.success && token.id) {
          await updateDisplayName(token.id, update.data.name);
          next = { ...token, name: update.data.name };
        }
      }
      return refreshAccess(next, config.roleRecheckSeconds);
    },

    async session({ session, token }): Promise<Session> {
      // v4 builds `session.user` from the token as it was before `jwt` ran: read the new one.
      return {
        ...session,
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
