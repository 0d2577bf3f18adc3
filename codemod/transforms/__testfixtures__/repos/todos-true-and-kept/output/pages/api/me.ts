import type { NextApiRequest, NextApiResponse } from "next";
import { type SessionUser } from "next-auth";
import { auth } from "~/auth";

export default async function me(req: NextApiRequest, res: NextApiResponse) {
  const user: SessionUser | undefined = (await auth(req, res))?.user;
  res.json(user ?? null);
}
