import type { NextAuthConfig } from "next-auth";

// What pages need to read a session: the providers live in the route.
export const authOptions: NextAuthConfig = { providers: [] };
