import type { NextApiRequest, NextApiResponse } from "next";
import { benchTwinsEnabled, twinSession } from "@/bench/app/twins";

/**
 * Benchmark twin of /api/me: the same JSON and headers for a fixed user, no auth. `npm run bench`
 * divides /api/me by it.
 */
export default function publicMe(req: NextApiRequest, res: NextApiResponse) {
  if (!benchTwinsEnabled()) return res.status(404).json({ error: "Not found" });
  res.setHeader("Cache-Control", "private, no-store");
  const { id, email, name, role } = twinSession().user;
  res.status(200).json({ id, email, name, role });
}
