import type { NextApiRequest, NextApiResponse } from "next";
import NextAuth from "next-auth";
import { authOptionsFor } from "~/lib/auth";

export default async function auth(req: NextApiRequest, res: NextApiResponse) {
  return NextAuth(req, res, authOptionsFor(req));
}
