import type { NextApiRequest, NextApiResponse } from "next";
import NextAuth from "next-auth";
import { getAuthOptions } from "@/lib/auth";
import { getAdClickIdsFromRequest } from "@/lib/signupAttribution";

export default async function auth(req: NextApiRequest, res: NextApiResponse) {
  const authOptions = await getAuthOptions({
    adClickIds: getAdClickIdsFromRequest(req),
  });
  return await NextAuth(req, res, authOptions);
}
