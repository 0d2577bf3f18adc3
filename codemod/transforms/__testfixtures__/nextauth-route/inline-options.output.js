// ==> auth.js
import NextAuth from "next-auth";
import GitHubProvider from "next-auth/providers/github";
import { PrismaAdapter } from "@auth/prisma-adapter";
import { prisma } from "./lib/prisma";
import { withLegacyV4 } from "./legacy-v4-session";

export const authOptions = {
  adapter: PrismaAdapter(prisma),
  // GitHub only, for now
  providers: [GitHubProvider({ clientId: process.env.GITHUB_ID, clientSecret: process.env.GITHUB_SECRET })],
};

export const { handlers, auth, signIn, signOut } = withLegacyV4(NextAuth)(authOptions);

// ==> app/api/auth/[...nextauth]/route.js
import { handlers } from "@/auth";

// Auth.js v5 has no Pages API handler: its endpoints live here; everything else stays in pages/.
export const { GET, POST } = handlers;

// ==> legacy-v4-session.js (codemod/templates/legacy-v4-session.ts)
// ==> pages/api/auth/[...nextauth].js deleted
