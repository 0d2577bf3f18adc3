import { DrizzleAdapter } from "@auth/drizzle-adapter";
import type { GetServerSidePropsContext } from "next";
import { getServerSession, type DefaultSession, type NextAuthOptions } from "next-auth";
import type { Adapter } from "next-auth/adapters";
import GithubProvider from "next-auth/providers/github";
import { env } from "~/env.mjs";
import { db } from "~/server/db";
import { createTable } from "~/server/db/schema";

/**
 * `session.user.id`, typed for every page.
 * @see https://next-auth.js.org/getting-started/typescript#module-augmentation
 */
declare module "next-auth" {
  interface Session extends DefaultSession {
    user: DefaultSession["user"] & { id: string };
  }
}

/** GitHub, or a GitHub-compatible server at GITHUB_URL (its API under /api/v3). */
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

/**
 * Options for NextAuth.js: database sessions in the app's own (prefixed) tables.
 * @see https://next-auth.js.org/configuration/options
 */
export const authOptions: NextAuthOptions = {
  callbacks: {
    session: ({ session, user }) => ({ ...session, user: { ...session.user, id: user.id } }),
  },
  adapter: DrizzleAdapter(db, createTable) as Adapter,
  providers: process.env.GITHUB_ID ? [github()] : [],
  // Where a deployment names the session cookie itself, or wants `__Secure-` names on any protocol.
  useSecureCookies: process.env.SECURE_COOKIES === "true" || undefined,
  cookies: process.env.SESSION_COOKIE_NAME ? { sessionToken: { name: process.env.SESSION_COOKIE_NAME, options: { httpOnly: true, sameSite: "strict", path: "/", secure: false } } } : undefined,
};

/**
 * The session on the server, so that no page imports authOptions.
 * @see https://next-auth.js.org/configuration/nextjs
 */
export const getServerAuthSession = (ctx: { req: GetServerSidePropsContext["req"]; res: GetServerSidePropsContext["res"] }) =>
  getServerSession(ctx.req, ctx.res, authOptions);
