import { FaunaAdapter } from "@auth/fauna-adapter";
import type { NextAuthConfig } from "next-auth";
import GitHubProvider from "next-auth/providers/github";
import { fauna } from "./fauna";

export const authOptions: NextAuthConfig = {
  adapter: FaunaAdapter(fauna),
  session: { strategy: "jwt" },
  providers: [GitHubProvider({ clientId: process.env.GITHUB_ID!, clientSecret: process.env.GITHUB_SECRET! })],
  callbacks: {
    jwt({ token, user }) {
      if (user) token.role = "member";
      return token;
    },
  },
};
