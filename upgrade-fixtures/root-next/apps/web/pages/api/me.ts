import type { NextApiRequest, NextApiResponse } from "next";
import { getServerSession } from "next-auth/next";
import { authOptions } from "@/lib/auth";

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const session = await getServerSession(req, res, authOptions);
  if (!session) {
    res.status(401).json({ error: "Sign in first" });
    return;
  }
  res.setHeader("Cache-Control", "private, no-store");
  res.status(200).json({ id: session.user.id, email: session.user.email });
}
