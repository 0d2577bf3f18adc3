import type { NextApiRequest, NextApiResponse } from "next";
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth";
import { isSafeCallbackUrl } from "@/lib/auth/redirects";

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  // Health checks probe the route with HEAD.
  if (req.method === "HEAD") {
    return res.status(200).end();
  }
  if (req.method !== "GET" && req.method !== "POST") {
    res.setHeader("Allow", "GET, POST");
    return res.status(405).json({ error: "method not allowed" });
  }
  if (req.query.callbackUrl && !isSafeCallbackUrl(req.query.callbackUrl as string)) {
    return res.redirect(302, "/login?error=callback");
  }
  return await NextAuth(req, res, authOptions);
}
