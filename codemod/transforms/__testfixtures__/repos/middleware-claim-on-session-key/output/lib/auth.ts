import type { NextAuthConfig } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitLabProvider from "next-auth/providers/gitlab";

// One option set per way the app is deployed, as self-hosted apps often do.
const selfHostedOptions: NextAuthConfig = {
  providers: [
    CredentialsProvider({
      credentials: { login: { label: "Login" } },
      async authorize(v5Credentials) {
        // v5 types these as unknown: the cast keeps v4's types.
        const credentials = v5Credentials as Record<"login", string>;
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

const cloudOptions: NextAuthConfig = {
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
