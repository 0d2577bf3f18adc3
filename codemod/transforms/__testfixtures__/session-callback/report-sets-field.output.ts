import { PrismaAdapter } from "@next-auth/prisma-adapter";
import type { NextAuthOptions, Session } from "next-auth";
import { prisma } from "./prisma";

export const authOptions: NextAuthOptions = {
  adapter: PrismaAdapter(prisma),
  providers: [],
  callbacks: {
    session({ session, user }) {
      (session as Session & { plan: string }).plan = "free";
      return { ...session, user: { ...session.user, id: user.id } };
    },
  },
};
