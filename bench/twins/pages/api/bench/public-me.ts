import type { NextApiRequest, NextApiResponse } from "next";
import { twinSession } from "@/bench/twins/twin-session";

/**
 * Benchmark twin of /api/me: the same JSON and headers for a fixed user, no auth. `npm run bench`
 * divides /api/me by it.
 */
export default function publicMe(req: NextApiRequest, res: NextApiResponse) {
  res.setHeader("Cache-Control", "private, no-store");
  const { id, email, name, role } = twinSession().user;
  res.status(200).json({ id, email, name, role });
}
