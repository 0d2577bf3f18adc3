import NextAuth from "next-auth";
import GitHubProvider from "next-auth/providers/github";
import { findMemberByLogin, welcomeMember } from "./pages/api/members/members";
import { withLegacyV4 } from "./legacy-v4-session";

export const authOptions = {
  providers: [
    GitHubProvider({
      clientId: process.env.GITHUB_ID,
      clientSecret: process.env.GITHUB_SECRET,
    }),
  ],
  callbacks: {
    async signIn({ profile }) {
      return Boolean(await findMemberByLogin(profile.login));
    },
  },
  events: {
    async signIn({ user, isNewUser }) {
      if (isNewUser) await welcomeMember(user);
    },
  },
};

export const { handlers, auth, signIn, signOut } = withLegacyV4(NextAuth)(authOptions);
