import type { NextAuthConfig } from "next-auth";
import GitHub from "next-auth/providers/github";

export const authOptions = (): NextAuthConfig => ({
  providers: [GitHub({ clientId: process.env.GITHUB_ID!, clientSecret: process.env.GITHUB_SECRET! })],
  session: { strategy: "jwt" },
});
