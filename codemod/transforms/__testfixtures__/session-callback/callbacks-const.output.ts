import { PrismaAdapter } from "@next-auth/prisma-adapter";
import type { NextAuthOptions } from "next-auth";
import { prisma } from "./prisma";

const callbacks: NextAuthOptions["callbacks"] = {
  session: async ({ session, user }) => ({ expires: session.expires, user: { ...session.user, id: user.id } }),
};

export const authOptions: NextAuthOptions = { adapter: PrismaAdapter(prisma), providers: [], callbacks };
