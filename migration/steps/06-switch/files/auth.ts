import NextAuth from "next-auth";
import { buildAuthConfig } from "@/lib/auth/options";
import { withLegacyV4 } from "@/lib/auth/legacy-v4-session";
import { withReadsWithoutReissue } from "@/lib/auth/session-read";
import { env } from "@/lib/env";

/**
 * Auth.js v5. The configuration is built on the first request (a function, not an object), so
 * `next build` needs no secret and no database.
 * @see https://authjs.dev/reference/nextjs
 */
export const { handlers, auth, signIn, signOut } = withReadsWithoutReissue(withLegacyV4(NextAuth))(() =>
  buildAuthConfig(env()),
);
