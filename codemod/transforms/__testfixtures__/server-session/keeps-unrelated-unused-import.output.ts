import type { NextApiRequest, NextApiResponse } from "next";
import { auth } from "@/auth";
import { getAuthOptions } from "@/lib/auth-options";

// getAuthOptions is unused before the rewrite: only what the rewrite leaves unused goes.
export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const session = await auth(req, res);
  return res.json({ signedIn: Boolean(session) });
}
