import NextAuth, { type NextAuthConfig } from "next-auth";
import GitLabProvider from "next-auth/providers/gitlab";
import { withLegacyV4 } from "./legacy-v4-session";

// Shelves belong to a reader: the session carries the reader's id.
export const sessionOptions: NextAuthConfig = {
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

export const { handlers, auth, signIn, signOut } = withLegacyV4(NextAuth)(sessionOptions);

export const currentReader = () => auth();
