// ==> auth.ts
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth";

export const { handlers, auth, signIn, signOut } = NextAuth(authOptions);

// ==> app/api/auth/[...nextauth]/route.ts
import { handlers } from "@/auth";

export const { GET, POST } = handlers;
