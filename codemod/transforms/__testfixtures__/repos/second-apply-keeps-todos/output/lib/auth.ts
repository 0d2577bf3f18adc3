import { PrismaAdapter } from "@auth/prisma-adapter";
import type { NextAuthConfig } from "next-auth";
import GitHubProvider from "next-auth/providers/github";
import { prisma } from "./prisma";

export const authOptions: NextAuthConfig = {
  adapter: PrismaAdapter(prisma),
  session: { strategy: "jwt" },
  providers: [GitHubProvider({ clientId: (process.env.AUTH_GITHUB_ID ?? process.env.GITHUB_ID)!, clientSecret: (process.env.AUTH_GITHUB_SECRET ?? process.env.GITHUB_SECRET)! })],
  callbacks: {
    jwt({ token, user }) {
      if (user) token.role = "member";
      return token;
    },
  },
};
