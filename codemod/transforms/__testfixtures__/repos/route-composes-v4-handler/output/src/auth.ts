import type { GetServerSidePropsContext, NextApiRequest, NextApiResponse } from "next";
import type { NextAuthOptions } from "next-auth";
import NextAuth, { getServerSession as getSessionWithOptions } from "next-auth/next";
import GitHub from "next-auth/providers/github";

type SessionArgs =
  | [GetServerSidePropsContext["req"], GetServerSidePropsContext["res"]]
  | [NextApiRequest, NextApiResponse]
  | [];

// Built per request: a sign-in reads the session it replaces (a guest's) through the helper below.
const optionsFor = (...args: SessionArgs) =>
  ({
    providers: [GitHub({ clientId: process.env.GITHUB_ID!, clientSecret: process.env.GITHUB_SECRET! })],
    callbacks: {
      async signIn({ user }) {
        const previous = await getServerSession(...args);
        if (previous?.user?.email === null) console.info("guest signs in as", user.id);
        return true;
      },
    },
  }) satisfies NextAuthOptions;

export async function getServerSession(...args: SessionArgs) {
  return getSessionWithOptions(...args, optionsFor(...args));
}

export async function authHandler(req: NextApiRequest, res: NextApiResponse) {
  const authOptions = optionsFor(req, res);
  return NextAuth(req, res, authOptions);
}
