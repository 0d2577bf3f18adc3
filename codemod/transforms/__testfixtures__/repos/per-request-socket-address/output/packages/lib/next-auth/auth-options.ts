import type { NextAuthConfig } from "next-auth";
import GitHubProvider from "next-auth/providers/github";

export const NEXT_AUTH_OPTIONS: NextAuthConfig = {
  session: { strategy: "jwt" },
  providers: [GitHubProvider({ clientId: process.env.GITHUB_ID!, clientSecret: process.env.GITHUB_SECRET! })],
};
