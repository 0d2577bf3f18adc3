import NextAuth, { NextAuthConfig } from "next-auth";
import GithubProvider from "next-auth/providers/github";
import { withLegacyV4 } from "./legacy-v4-session";

const admins = (process.env.ADMIN_EMAILS || "").split(",");

export const authOptions: NextAuthConfig = {
  providers: [GithubProvider({ clientId: process.env.GITHUB_ID, clientSecret: process.env.GITHUB_SECRET })],
  callbacks: {
    async jwt({ token, user }) {
      // user.email is string | null: fine without strictNullChecks, which the App Router route must not turn on.
      if (user) token.role = admins.indexOf(user.email) !== -1 ? "admin" : "user";
      return token;
    },
  },
};

export const { handlers, auth, signIn, signOut } = withLegacyV4(NextAuth)(authOptions);
