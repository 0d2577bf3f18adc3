import { DrizzleAdapter } from "@auth/drizzle-adapter";
import NextAuth, { type NextAuthOptions } from "next-auth";
import GitHub from "next-auth/providers/github";
import { db } from "~/server/db";
import { createTable } from "~/server/db/schema";

export const authOptions: NextAuthOptions = {
  adapter: DrizzleAdapter(db, createTable),
  providers: [GitHub({ clientId: process.env.GITHUB_ID!, clientSecret: process.env.GITHUB_SECRET! })],
};

export default NextAuth(authOptions);
