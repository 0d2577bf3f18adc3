import { getServerSession, type NextAuthOptions } from "next-auth";
import GitLabProvider from "next-auth/providers/gitlab";

/** The options; `offlineAccess` asks GitLab for a refresh token (the sign-in form's checkbox). */
export const buildAuthOptions: (choices?: { offlineAccess?: boolean }) => NextAuthOptions = (choices) => ({
  session: { strategy: "jwt" },
  providers: [
    GitLabProvider({
      clientId: process.env.GITLAB_CLIENT_ID!,
      clientSecret: process.env.GITLAB_CLIENT_SECRET!,
      authorization: { params: { scope: choices?.offlineAccess ? "read_user offline_access" : "read_user" } },
    }),
  ],
});

export const authOptions = buildAuthOptions();

/** The signed-in session, for server components and route handlers. */
export const getMailboxSession = () => getServerSession(authOptions);
