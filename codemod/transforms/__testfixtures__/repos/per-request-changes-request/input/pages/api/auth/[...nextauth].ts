import type { NextApiRequest, NextApiResponse } from "next";
import NextAuth from "next-auth";
import { createAuthOptions } from "@/lib/auth-options";

export default async function auth(req: NextApiRequest, res: NextApiResponse) {
  const options = createAuthOptions(req);
  // Without this, you can't sign in to one account while signed in to another.
  if (req.url?.startsWith("/api/auth/callback/")) delete req.cookies["app-token"];

  return await NextAuth(req, res, options);
}
