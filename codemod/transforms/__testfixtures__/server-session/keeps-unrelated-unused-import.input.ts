import type { NextApiRequest, NextApiResponse } from "next";
import { getServerSession } from "next-auth";
import { authOptions } from "@/lib/auth";
import { getAuthOptions } from "@/lib/auth-options";

// getAuthOptions is unused before the rewrite: only what the rewrite leaves unused goes.
export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const session = await getServerSession(req, res, authOptions);
  return res.json({ signedIn: Boolean(session) });
}
