import type { GetServerSidePropsContext, NextApiRequest, NextApiResponse } from "next";
import type { NextAuthOptions } from "next-auth";
import { getServerSession } from "next-auth";
import GitHub from "next-auth/providers/github";

export const config = {
  providers: [GitHub({ clientId: process.env.GITHUB_ID!, clientSecret: process.env.GITHUB_SECRET! })],
  callbacks: {
    jwt({ token }) {
      return token;
    },
  },
} satisfies NextAuthOptions;

// Helper function to get session without passing config every time
export function auth(...args: [GetServerSidePropsContext["req"], GetServerSidePropsContext["res"]] | [NextApiRequest, NextApiResponse] | []) {
  return getServerSession(...args, config);
}

export function sessionOf(req: NextApiRequest, res: NextApiResponse) {
  return getServerSession(req, res, config);
}
