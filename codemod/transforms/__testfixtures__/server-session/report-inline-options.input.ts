import type { NextApiRequest, NextApiResponse } from "next";
import { getServerSession } from "next-auth";
import { authOptions } from "@/lib/auth";

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  // per-call options: v5's auth() cannot take them
  const session = await getServerSession(req, res, { ...authOptions, session: { maxAge: 60 } });
  res.json(session);
}
