import NextAuth, { type NextAuthConfig } from "next-auth";

export const authOptions: NextAuthConfig = { providers: [] };

export const { handlers, auth, signIn, signOut } = NextAuth(authOptions);
