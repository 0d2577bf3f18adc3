import NextAuth from "next-auth";
import type { NextApiRequest, NextApiResponse } from "next";
import { getAuthOptions } from "@/lib/auth/options";

// Options are built on the first request, so `next build` needs no secret and no database.
export default function auth(req: NextApiRequest, res: NextApiResponse) {
  return NextAuth(req, res, getAuthOptions());
}
