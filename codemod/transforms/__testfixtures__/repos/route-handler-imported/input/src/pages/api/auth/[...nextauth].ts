import type { NextApiRequest, NextApiResponse } from "next";
import NextAuth from "next-auth";
import { getAuthOptions } from "@/src/server/auth";
import { isValidCallbackUrl } from "@/src/lib/callbackUrl";
import { getAdClickIdsFromRequest } from "@/src/lib/signupAttribution";

export default async function auth(req: NextApiRequest, res: NextApiResponse) {
  if (req.method === "HEAD") {
    return res.status(200).end();
  }

  const callbackUrlParam = req.query.callbackUrl;
  if (callbackUrlParam && !isValidCallbackUrl(callbackUrlParam)) {
    console.warn("Rejected an invalid callback URL", { path: req.url?.split("?")[0] });
    return res.status(400).json({ message: "Invalid callback URL" });
  }

  const authOptions = await getAuthOptions({
    adClickIds: getAdClickIdsFromRequest(req),
  });
  res.setHeader("Cache-Control", "no-store, no-cache, must-revalidate, proxy-revalidate");

  return await NextAuth(req, res, authOptions);
}
