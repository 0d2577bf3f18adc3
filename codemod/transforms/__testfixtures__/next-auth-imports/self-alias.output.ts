import type { NextAuthConfig } from "next-auth";

export const config = { providers: [] } satisfies NextAuthConfig;
