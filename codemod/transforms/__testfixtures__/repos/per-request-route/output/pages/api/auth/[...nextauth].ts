import type { NextApiRequest, NextApiResponse } from "next";
import NextAuth from "next-auth";
import { optionsFor } from "@/lib/auth";

export default async function auth(req: NextApiRequest, res: NextApiResponse) {
  return await NextAuth(req, res, optionsFor(req));
}
