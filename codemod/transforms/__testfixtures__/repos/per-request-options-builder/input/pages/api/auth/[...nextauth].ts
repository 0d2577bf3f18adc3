import type { NextApiRequest, NextApiResponse } from "next";
import NextAuth, { type NextAuthOptions } from "next-auth";
import GoogleProvider from "next-auth/providers/google";
import { creditReferral, firstForwardedIp } from "@/lib/referrals";

const buildAuthOptions = (req: NextApiRequest): NextAuthOptions => ({
  providers: [
    GoogleProvider({
      clientId: process.env.GOOGLE_CLIENT_ID!,
      clientSecret: process.env.GOOGLE_CLIENT_SECRET!,
    }),
  ],
  events: {
    async createUser({ user }) {
      const { referral } = req.cookies;
      if (!referral) return;
      const clientIp = req ? firstForwardedIp(req.headers["x-forwarded-for"]) : undefined;
      await creditReferral(referral, user.id, clientIp);
    },
  },
});

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  return NextAuth(req, res, buildAuthOptions(req));
}
