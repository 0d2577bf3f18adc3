import type { NextAuthOptions } from "next-auth";
import { PrismaAdapter } from "@next-auth/prisma-adapter";
import { prisma } from "./db";

// The one configuration.
export const authOptions: NextAuthOptions = {
  adapter: PrismaAdapter(prisma),
  providers: [],
};

export function withDefaults(extra: Partial<NextAuthOptions>): NextAuthOptions {
  return { ...authOptions, ...extra };
}
