import type { NextApiRequest, NextApiResponse } from "next";
import { getServerSession } from "next-auth";
import { getAuthOptions } from "@/lib/auth-options";

// Options built per call, as apps with per-tenant providers do.
export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const session = await getServerSession(req, res, getAuthOptions());
  return res.json({ signedIn: Boolean(session) });
}
