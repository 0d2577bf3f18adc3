import type { NextAuthConfig } from "next-auth";
import NextAuth from "next-auth";
import { withLegacyV4 } from "./legacy-v4-session";

export const config = { providers: [] } satisfies NextAuthConfig;

export const { handlers, auth, signIn, signOut } = withLegacyV4(NextAuth)(config);

export async function currentUser() {
  const session = await auth();
  return session?.user ?? null;
}
