import { PrismaAdapter } from "@next-auth/prisma-adapter";
import type { NextAuthOptions } from "next-auth";
import { prisma } from "./prisma";

// Already builds its result from user and expires: nothing of the session row reaches the page.
export const authOptions: NextAuthOptions = {
  adapter: PrismaAdapter(prisma),
  providers: [],
  callbacks: {
    session({ session, user }) {
      session.user.name ??= user.email;
      return { user: { ...session.user, id: user.id }, expires: session.expires };
    },
  },
};
