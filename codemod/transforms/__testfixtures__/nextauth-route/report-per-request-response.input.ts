import type { NextApiRequest, NextApiResponse } from "next";
import NextAuth from "next-auth";
import { createAuthOptions } from "@/lib/auth";
import { Tracker } from "@/lib/tracker";

export default async function auth(req: NextApiRequest, res: NextApiResponse) {
  const options = createAuthOptions();
  options.events ??= {};
  options.events.signIn = async ({ user, isNewUser }) => {
    const source = req.cookies["ref_source"];
    if (isNewUser) await new Tracker(req, res).registration({ userId: user.id, source });
  };
  return await NextAuth(req, res, options);
}
