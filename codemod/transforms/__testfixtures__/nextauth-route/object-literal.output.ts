// ==> auth.ts
import NextAuth from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";

export const { handlers, auth, signIn, signOut } = NextAuth({
  providers: [CredentialsProvider({ credentials: {}, authorize: async () => null })],
  session: { strategy: "jwt" },
});

// ==> app/api/auth/[...nextauth]/route.ts
import { handlers } from "@/auth";

// Auth.js v5 has no Pages API handler: its endpoints live here; everything else stays in pages/.
export const { GET, POST } = handlers;
// ==> pages/api/auth/[...nextauth].ts deleted
