import type { NextAuthConfig } from "next-auth";
import GitHub from "next-auth/providers/github";

declare module "next-auth" {
  interface Session {
    user: { id: string; email?: string | null; role: "admin" | "user" };
  }
}

export const authOptions: NextAuthConfig = {
  providers: [GitHub({ clientId: process.env.GITHUB_ID ?? "", clientSecret: process.env.GITHUB_SECRET ?? "" })],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.role = user.email === "admin@example.com" ? "admin" : "user";
        token.plan = "free";
      }
      return token;
    },
    async session({ session, token }) {
      session.user.id = token.sub ?? "";
      session.user.role = token.role === "admin" ? "admin" : "user";
      return session;
    },
  },
};
