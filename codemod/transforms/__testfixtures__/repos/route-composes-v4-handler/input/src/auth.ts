import type { NextApiRequest, NextApiResponse } from "next";
import type { NextAuthOptions } from "next-auth";
import NextAuth from "next-auth";
import GitHub from "next-auth/providers/github";

function optionsFor(req: NextApiRequest): NextAuthOptions {
  return {
    providers: [GitHub({ clientId: process.env.GITHUB_ID!, clientSecret: process.env.GITHUB_SECRET! })],
    pages: { signIn: req.query.embed ? "/embed/login" : "/login" },
  };
}

export async function authHandler(req: NextApiRequest, res: NextApiResponse) {
  return NextAuth(req, res, optionsFor(req));
}
