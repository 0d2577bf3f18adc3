import type { NextAuthOptions as NextAuthConfig } from "next-auth";

export const config = { providers: [] } satisfies NextAuthConfig;
