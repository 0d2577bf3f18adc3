import type { NextApiRequest } from "next";
import type { NextAuthOptions } from "next-auth";
import GitHubProvider from "next-auth/providers/github";

/** The options; a sign-in started from /api/auth/signin lands on the app's own page. */
export function createAuthOptions(req?: NextApiRequest): NextAuthOptions {
  const options: NextAuthOptions = {
    providers: [GitHubProvider({ clientId: process.env.GITHUB_ID!, clientSecret: process.env.GITHUB_SECRET! })],
  };
  if (!req) return options;
  if (req.url?.startsWith("/api/auth/signin")) options.pages = { signIn: "/login" };
  return options;
}
