import type { NextApiRequest, NextApiResponse } from "next";
import NextAuth from "next-auth";
import { getOptions } from "@/lib/auth/options";
import { isSafeCallbackUrl } from "@/lib/auth/redirects";

export default async function auth(req: NextApiRequest, res: NextApiResponse) {
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
  const options = await getOptions({ cookies: req.cookies, host: req.headers.host, tenant: req.query.tenant });
  return await NextAuth(req, res, options);
}
