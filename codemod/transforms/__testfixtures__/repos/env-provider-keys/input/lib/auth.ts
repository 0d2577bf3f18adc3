import type { NextAuthOptions } from "next-auth";
import GitHubProvider from "next-auth/providers/github";
import { env } from "./env.mjs";

// The provider is given its keys: v5 reads AUTH_GITHUB_ID only for a provider given none.
export const authOptions: NextAuthOptions = {
  providers: [
    GitHubProvider({
      clientId: env.GITHUB_ID,
      clientSecret: process.env.GITHUB_SECRET!,
    }),
  ],
};
