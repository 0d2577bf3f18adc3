// ==> auth.js
import NextAuth from "next-auth";
import GitHubProvider from "next-auth/providers/github";
import { PrismaAdapter } from "@auth/prisma-adapter";
import { prisma } from "./lib/prisma";

export const authOptions = {
  adapter: PrismaAdapter(prisma),
  // GitHub only, for now
  providers: [GitHubProvider({ clientId: process.env.GITHUB_ID, clientSecret: process.env.GITHUB_SECRET })],
};

export const { handlers, auth, signIn, signOut } = NextAuth(authOptions);

// ==> app/api/auth/[...nextauth]/route.js
import { handlers } from "@/auth";

// Auth.js v5 has no Pages API handler: its endpoints live here; everything else stays in pages/.
export const { GET, POST } = handlers;
// ==> pages/api/auth/[...nextauth].js deleted
