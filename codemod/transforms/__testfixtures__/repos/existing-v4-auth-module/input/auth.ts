import type { NextAuthOptions } from "next-auth";
import { getServerSession } from "next-auth";

export const config = { providers: [] } satisfies NextAuthOptions;

export function auth() {
  return getServerSession(config);
}

export async function currentUser() {
  const session = await getServerSession(config);
  return session?.user ?? null;
}
