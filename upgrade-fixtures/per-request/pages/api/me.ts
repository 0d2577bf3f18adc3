import type { NextApiRequest, NextApiResponse } from "next";
import { getServerSession } from "next-auth/next";
import { authOptionsFor } from "./auth/[...nextauth]";

export default async function me(req: NextApiRequest, res: NextApiResponse) {
  const session = await getServerSession(req, res, authOptionsFor(req));
  if (!session) return res.status(401).json({ error: "Sign in first" });
  res.setHeader("Cache-Control", "private, no-store");
  return res.status(200).json({ id: session.user.id, email: session.user.email, tenant: session.tenant });
}
