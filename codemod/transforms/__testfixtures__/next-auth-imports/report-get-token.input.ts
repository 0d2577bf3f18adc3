import type { NextApiRequest, NextApiResponse } from "next";
import { getToken } from "next-auth/jwt";

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const token = await getToken({ req });
  if (!token) return res.status(401).json({ error: "signed out" });
  const again = await getToken({ req, raw: true });
  res.json({ sub: token.sub, raw: Boolean(again) });
}
