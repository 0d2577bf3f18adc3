import type { NextApiRequest, NextApiResponse } from "next";
import { auth } from "~/server/auth";

export default async function whoami(req: NextApiRequest, res: NextApiResponse) {
  const session = await auth(req, res);
  res.json({ id: session?.user.id ?? null });
}
