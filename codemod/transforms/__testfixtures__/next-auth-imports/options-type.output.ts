import type { NextAuthConfig } from "next-auth";
import { PrismaAdapter } from "@auth/prisma-adapter";
import { prisma } from "./db";

// The one configuration.
export const authOptions: NextAuthConfig = {
  adapter: PrismaAdapter(prisma),
  providers: [],
};

export function withDefaults(extra: Partial<NextAuthConfig>): NextAuthConfig {
  return { ...authOptions, ...extra };
}
