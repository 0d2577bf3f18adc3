import NextAuth, { type NextAuthConfig } from "next-auth";
import { withLegacyV4 } from "./legacy-v4-session";
export const authOptions: NextAuthConfig = {
  providers: [],
  callbacks: {
    async session({ session, token }) {
      session.userRole = token.role as string;
      return session;
    },
  },
};
export const { handlers, auth, signIn, signOut } = withLegacyV4(NextAuth)(authOptions);
