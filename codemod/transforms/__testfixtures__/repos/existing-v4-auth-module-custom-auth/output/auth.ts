import type { NextAuthOptions } from "next-auth";
import { getServerSession } from "next-auth";

export const config = { providers: [] } satisfies NextAuthOptions;

/** The signed-in user, or null: not the session v5's auth() returns. */
export async function auth() {
  const session = await getServerSession(config);
  return session?.user ?? null;
}
