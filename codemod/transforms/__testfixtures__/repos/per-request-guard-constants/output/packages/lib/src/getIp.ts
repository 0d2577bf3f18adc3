import type { NextApiRequest } from "next";

/** The client's address, as the proxy in front of the app reports it. */
export const getIp = (req: NextApiRequest): string | undefined => {
  const realIp = req.headers["x-real-ip"] as string | undefined;
  if (realIp) return realIp;
  const forwardedFor = req.headers["x-forwarded-for"];
  return Array.isArray(forwardedFor) ? forwardedFor[0] : forwardedFor?.split(",")[0];
};
