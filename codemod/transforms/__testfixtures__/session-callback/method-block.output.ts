import { PrismaAdapter } from "@next-auth/prisma-adapter";
import NextAuth from "next-auth";
import { prisma } from "../../../lib/prisma";

export default NextAuth({
  adapter: PrismaAdapter(prisma),
  session: { strategy: "database", maxAge: 7 * 24 * 60 * 60 },
  providers: [],
  callbacks: {
    async session({ session, user }) {
      // the role comes from the users table
      session.user.id = user.id;
      return {
        user: session.user,
        expires: session.expires,
        role: (user as { role?: string }).role ?? "user",
      };
    },
  },
});
