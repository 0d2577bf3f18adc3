import type { NextApiRequest, NextApiResponse } from "next";
import { getServerSession, type SessionUser } from "next-auth";
import { authOptions } from "./auth/[...nextauth]";

export default async function me(req: NextApiRequest, res: NextApiResponse) {
  const user: SessionUser | undefined = (await getServerSession(req, res, authOptions))?.user;
  res.json(user ?? null);
}
