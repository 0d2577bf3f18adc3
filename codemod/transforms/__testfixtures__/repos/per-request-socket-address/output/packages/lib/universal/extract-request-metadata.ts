import type { NextApiRequest } from "next";

export type RequestMetadata = { ipAddress?: string; userAgent?: string };

export const extractNextApiRequestMetadata = (req: NextApiRequest): RequestMetadata => ({
  ipAddress: (req.headers["x-forwarded-for"] as string | undefined) || req.socket.remoteAddress,
  userAgent: req.headers["user-agent"],
});
