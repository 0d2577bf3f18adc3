import type { NextApiRequest, NextApiResponse } from "next";
import NextAuth from "next-auth";
import { createAuthOptions } from "@/lib/auth-options";

export default async function auth(req: NextApiRequest, res: NextApiResponse) {
  const options = createAuthOptions(req);
  if (req.url?.startsWith("/api/auth/callback/")) options.pages = { ...options.pages, error: "/login?step=callback" };

  options.events ??= {};
  options.events.signIn = async ({ user }) => {
    console.info("sign-in", user.id, req.cookies["ref_source"]);
  };

  return await NextAuth(req, res, options);
}
