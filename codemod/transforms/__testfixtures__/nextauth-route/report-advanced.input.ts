import type { NextApiRequest, NextApiResponse } from "next";
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth";

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  if (req.query.nextauth?.includes("callback")) console.log("callback from", req.socket.remoteAddress);
  return await NextAuth(req, res, authOptions);
}
