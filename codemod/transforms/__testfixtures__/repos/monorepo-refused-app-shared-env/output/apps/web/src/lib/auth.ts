import { PrismaAdapter } from "@next-auth/prisma-adapter";
import type { NextApiRequest } from "next";
import type { NextAuthOptions } from "next-auth";
import GoogleProvider from "next-auth/providers/google";
import { prisma } from "@fixture/db";

export function authOptionsFor(req: NextApiRequest): NextAuthOptions {
  return {
    adapter: PrismaAdapter(prisma),
    providers: [GoogleProvider({ clientId: process.env.GOOGLE_CLIENT_ID!, clientSecret: process.env.GOOGLE_CLIENT_SECRET! })],
    callbacks: {
      signIn: () => req.socket.remoteAddress === process.env.OFFICE_IP,
    },
  };
}
