import type { NextAuthOptions } from "next-auth";
import { getServerSession } from "next-auth";

export const config = { providers: [] } satisfies NextAuthOptions;

// App Router only: v4's getServerSession(options) reads next/headers.
export function auth() {
  return getServerSession(config);
}
