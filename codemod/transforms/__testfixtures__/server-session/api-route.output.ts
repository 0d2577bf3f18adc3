import type { NextApiRequest, NextApiResponse } from "next";
import { auth } from "@/auth";

// Who am I? Answers 401 when signed out.
export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const session = await auth(req, res);
  if (!session) return res.status(401).end();
  return res.json(session.user);
}
