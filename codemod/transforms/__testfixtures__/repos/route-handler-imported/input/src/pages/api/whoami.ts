import type { NextApiRequest, NextApiResponse } from "next";
import { getServerAuthSession } from "@/src/server/auth";

export default async function whoami(req: NextApiRequest, res: NextApiResponse) {
  const session = await getServerAuthSession({ req, res });
  res.json({ user: session?.user ?? null });
}
