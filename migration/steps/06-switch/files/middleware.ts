import NextAuth from "next-auth";
import { authConfig, runtimeOptions } from "@/auth.config";
import { withLegacyV4Sessions } from "@/lib/auth/legacy-v4-session";
import { env } from "@/lib/env";

/**
 * First line of defence only: the rule is `callbacks.authorized` in auth.config.ts (without it a
 * v5 middleware protects nothing). It runs on the Edge-safe config, so the jwt callback's
 * database re-check does not run here and the role it sees can be stale; the server guards decide.
 * @see https://authjs.dev/getting-started/session-management/protecting#nextjs-middleware
 */
const { auth } = withLegacyV4Sessions(NextAuth(() => ({ ...authConfig, ...runtimeOptions(env()) })));

export default auth;

export const config = {
  matcher: ["/((?!api|_next/static|_next/image|favicon.ico).*)"],
};
