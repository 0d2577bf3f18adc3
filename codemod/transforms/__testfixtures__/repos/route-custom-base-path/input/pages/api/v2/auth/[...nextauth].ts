import type { NextApiRequest, NextApiResponse } from "next";
import NextAuth from "next-auth/next";
import DiscordProvider from "next-auth/providers/discord";

// The API is versioned, next-auth with it: NEXTAUTH_URL ends in /api/v2/auth.
export default async function auth(req: NextApiRequest, res: NextApiResponse) {
  return await NextAuth(req, res, {
    providers: [
      DiscordProvider({
        clientId: process.env.DISCORD_CLIENT_ID!,
        clientSecret: process.env.DISCORD_CLIENT_SECRET!,
      }),
    ],
    pages: { signIn: "/login" },
  });
}
