import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitLabProvider from "next-auth/providers/gitlab";

// One option set per way the app is deployed, as self-hosted apps often do.
const selfHostedOptions: NextAuthOptions = {
  providers: [
    CredentialsProvider({
      credentials: { login: { label: "Login" } },
      async authorize(credentials) {
        return credentials?.login ? { id: credentials.login, name: credentials.login } : null;
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) token.role = (user as { role?: string }).role;
      return token;
    },
    async session({ session, token }) {
      session.accountRole = token.role as string;
      return session;
    },
  },
};

const cloudOptions: NextAuthOptions = {
  providers: [GitLabProvider({ clientId: process.env.GITLAB_ID!, clientSecret: process.env.GITLAB_SECRET! })],
  callbacks: {
    jwt: async ({ token, profile }) => {
      if (profile) token.role = "viewer";
      return token;
    },
    session: async ({ session, token }) => {
      session.user.id = token.sub!;
      session.accountRole = token.role as string;
      return session;
    },
  },
};

export const authOptions = process.env.CLOUD === "1" ? cloudOptions : selfHostedOptions;
