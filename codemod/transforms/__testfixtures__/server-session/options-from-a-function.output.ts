import type { NextApiRequest, NextApiResponse } from "next";
import { auth } from "@/auth";

// Options built per call, as apps with per-tenant providers do.
export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const session = await auth(req, res);
  return res.json({ signedIn: Boolean(session) });
}
