import type { NextApiRequest, NextApiResponse } from "next";
import NextAuth from "next-auth";
import { getOptions } from "@/lib/auth/options";

// The tenant and the referral cookie decide the options.
export default async function auth(req: NextApiRequest, res: NextApiResponse) {
  return await NextAuth(
    req,
    res,
    await getOptions({ cookies: req.cookies, host: req.headers.host, tenant: req.query.tenant }),
  );
}
