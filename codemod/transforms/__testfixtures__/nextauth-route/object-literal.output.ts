// ==> auth.ts
import NextAuth from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { withLegacyV4 } from "./legacy-v4-session";

export const { handlers, auth, signIn, signOut } = withLegacyV4(NextAuth)({
  providers: [CredentialsProvider({ credentials: {}, authorize: async () => null })],
  session: { strategy: "jwt" },
});

// ==> app/api/auth/[...nextauth]/route.ts
import { handlers } from "@/auth";

// Auth.js v5 has no Pages API handler: its endpoints live here; everything else stays in pages/.
export const { GET, POST } = handlers;

// ==> legacy-v4-session.ts (codemod/templates/legacy-v4-session.ts)
// ==> pages/api/auth/[...nextauth].ts deleted
