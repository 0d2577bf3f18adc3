import NextAuth from "next-auth";
import GithubProvider from "next-auth/providers/github";
import { PrismaAdapter } from "@next-auth/prisma-adapter";
import prismadb from "../../../lib/prismadb";

export default NextAuth({
  providers: [
    GithubProvider({
      clientId: process.env.GITHUB_ID || "",
      clientSecret: process.env.GITHUB_SECRET || "",
    }),
  ],
  pages: { signIn: "/auth" },
  adapter: PrismaAdapter(prismadb),
  session: { strategy: "jwt" },
  secret: process.env.NEXTAUTH_SECRET,
});
