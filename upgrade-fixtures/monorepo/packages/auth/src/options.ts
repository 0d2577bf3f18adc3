import { DrizzleAdapter } from "@auth/drizzle-adapter";
import type { NextAuthOptions } from "next-auth";
import type { Adapter } from "next-auth/adapters";
import GithubProvider from "next-auth/providers/github";
import { db } from "./db";
import { env } from "./env";

declare module "next-auth" {
  interface Session {
    user: { id: string; email?: string | null; name?: string | null; role: "admin" | "user" };
  }
}

function github() {
  const web = env().GITHUB_URL?.replace(/\/+$/, "");
  return GithubProvider({
    clientId: env().GITHUB_ID,
    clientSecret: env().GITHUB_SECRET,
    ...(web && {
      authorization: { url: `${web}/login/oauth/authorize`, params: { scope: "read:user user:email" } },
      token: `${web}/login/oauth/access_token`,
      userinfo: { url: `${web}/api/v3/user` },
    }),
  });
}

/** Users and accounts in the database, sessions in a JWT (middleware can read it without the database). */
export const authOptions: NextAuthOptions = {
  adapter: DrizzleAdapter(db) as Adapter,
  session: { strategy: "jwt" },
  providers: process.env.GITHUB_ID ? [github()] : [],
  callbacks: {
    jwt({ token, user }) {
      if (user) token.role = env().ADMIN_EMAILS.split(",").includes(user.email ?? "") ? "admin" : "user";
      return token;
    },
    session({ session, token }) {
      return { ...session, user: { ...session.user, id: token.sub!, role: token.role === "admin" ? "admin" : "user" } };
    },
  },
};
