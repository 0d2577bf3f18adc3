import type { NextApiRequest, NextApiResponse } from "next";

import { authHandler } from "@/auth";
import { chain, recordVisit } from "@/lib/chain";

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  if (req.method === "HEAD") {
    res.status(200).end();
    return;
  }
  return chain(authHandler, recordVisit)(req, res);
}
