import NextAuth, { getServerSession, type NextAuthOptions } from "next-auth";
import GitLabProvider from "next-auth/providers/gitlab";

// Shelves belong to a reader: the session carries the reader's id.
export const sessionOptions: NextAuthOptions = {
  session: { strategy: "jwt" },
  providers: [
    GitLabProvider({
      clientId: process.env.GITLAB_CLIENT_ID!,
      clientSecret: process.env.GITLAB_CLIENT_SECRET!,
    }),
  ],
  callbacks: {
    session({ session, token }) {
      return { ...session, readerId: token.sub };
    },
  },
};

export const sessionHandler = NextAuth(sessionOptions);

export const currentReader = () => getServerSession(sessionOptions);
