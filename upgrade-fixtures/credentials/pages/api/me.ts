import type { NextApiRequest, NextApiResponse } from "next";
import { getSession } from "@/lib/auth";

export default async function me(req: NextApiRequest, res: NextApiResponse) {
  const session = await getSession(req, res);
  if (!session) return res.status(401).json({ error: "Sign in first" });
  res.setHeader("Cache-Control", "private, no-store");
  return res.status(200).json({ id: session.user.id, email: session.user.email });
}
