import type { NextApiRequest, NextApiResponse } from "next";
import type { NextAuthConfig } from "next-auth";
import NextAuth from "next-auth";
import GitHub from "next-auth/providers/github";
import { withLegacyV4 } from "./legacy-v4-session";

export const config = {
  providers: [GitHub({ clientId: process.env.GITHUB_ID!, clientSecret: process.env.GITHUB_SECRET! })],
  callbacks: {
    jwt({ token }) {
      return token;
    },
  },
} satisfies NextAuthConfig;

// Helper function to get session without passing config every time
export const { handlers, auth, signIn, signOut } = withLegacyV4(NextAuth)(config);

export function sessionOf(req: NextApiRequest, res: NextApiResponse) {
  return auth(req, res);
}
