import { PrismaAdapter } from "@next-auth/prisma-adapter";
import type { NextAuthOptions, Session } from "next-auth";
import { prisma } from "./prisma";

function withRole(session: Session, role: string) {
  return { ...session, role };
}

export const authOptions: NextAuthOptions = {
  adapter: PrismaAdapter(prisma),
  providers: [],
  callbacks: {
    session: ({ session }) => withRole(session, "user"),
  },
};
