import type { NextApiRequest, NextApiResponse } from "next";
import NextAuth, { type NextAuthOptions } from "next-auth";
import GithubProvider from "next-auth/providers/github";
import { tenantAdmins, tenantOf } from "@/lib/tenants";

/** GitHub, or a GitHub-compatible server at GITHUB_URL (its API under /api/v3). */
function github() {
  const web = process.env.GITHUB_URL?.replace(/\/+$/, "");
  return GithubProvider({
    clientId: process.env.GITHUB_ID!,
    clientSecret: process.env.GITHUB_SECRET!,
    ...(web && {
      authorization: { url: `${web}/login/oauth/authorize`, params: { scope: "read:user user:email" } },
      token: `${web}/login/oauth/access_token`,
      userinfo: { url: `${web}/api/v3/user` },
    }),
  });
}

/**
 * The options for the tenant this request is for (the proxy's `x-tenant` header): the tenant and
 * the user's role in it go into the JWT at sign-in.
 */
export function authOptionsFor(req: Pick<NextApiRequest, "headers">): NextAuthOptions {
  const tenant = tenantOf(req.headers["x-tenant"]);
  return {
    providers: [github()],
    session: { strategy: "jwt" },
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.tenant = tenant;
          token.role = user.email && tenantAdmins(tenant).includes(user.email) ? "admin" : "user";
        }
        return token;
      },
      session({ session, token }) {
        return {
          ...session,
          tenant: token.tenant ?? "default",
          user: { ...session.user, id: token.sub!, role: token.role ?? "user" },
        };
      },
    },
  };
}

export default async function auth(req: NextApiRequest, res: NextApiResponse) {
  // Load balancers probe the route with HEAD.
  if (req.method === "HEAD") return res.status(200).end();
  return await NextAuth(req, res, authOptionsFor(req));
}
