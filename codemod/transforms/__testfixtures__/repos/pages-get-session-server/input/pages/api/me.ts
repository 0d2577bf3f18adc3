import type { NextApiRequest, NextApiResponse } from "next";
import { currentUser } from "@/lib/current-user";

export default async function me(req: NextApiRequest, res: NextApiResponse) {
  const user = await currentUser(req);
  res.json({ user });
}
