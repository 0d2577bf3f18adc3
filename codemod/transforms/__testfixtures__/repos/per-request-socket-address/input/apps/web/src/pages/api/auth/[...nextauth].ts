import type { NextApiRequest, NextApiResponse } from "next";
import NextAuth from "next-auth";
import { NEXT_AUTH_OPTIONS } from "@acme/lib/next-auth/auth-options";
import { extractNextApiRequestMetadata } from "@acme/lib/universal/extract-request-metadata";

export default async function auth(req: NextApiRequest, res: NextApiResponse) {
  const { ipAddress, userAgent } = extractNextApiRequestMetadata(req);

  return await NextAuth(req, res, {
    ...NEXT_AUTH_OPTIONS,
    events: {
      signIn: ({ user }) => console.info("sign-in", user.id, ipAddress, userAgent),
    },
  });
}
