import NextAuth, { type NextAuthOptions } from "next-auth";
export const authOptions: NextAuthOptions = {
  providers: [],
  callbacks: {
    async session({ session, token }) {
      session.userRole = token.role as string;
      return session;
    },
  },
};
export default NextAuth(authOptions);
