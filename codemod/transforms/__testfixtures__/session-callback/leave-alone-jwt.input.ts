import { PrismaAdapter } from "@next-auth/prisma-adapter";
import type { NextAuthOptions } from "next-auth";
import { prisma } from "./prisma";

// Users in the database, sessions in a JWT: the session callback's session holds no row.
export const authOptions: NextAuthOptions = {
  adapter: PrismaAdapter(prisma),
  session: { strategy: "jwt" },
  providers: [],
  callbacks: {
    session: ({ session, token }) => ({ ...session, user: { ...session.user, id: token.sub! } }),
  },
};
