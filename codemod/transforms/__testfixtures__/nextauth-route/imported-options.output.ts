// ==> auth.ts
import NextAuth from "next-auth";
import { authOptions } from "./lib/auth";

// Mounts next-auth.
export const { handlers, auth, signIn, signOut } = NextAuth(authOptions);

// ==> app/api/auth/[...nextauth]/route.ts
import { handlers } from "@/auth";

// Auth.js v5 has no Pages API handler: its endpoints live here; everything else stays in pages/.
export const { GET, POST } = handlers;
// ==> pages/api/auth/[...nextauth].ts deleted
