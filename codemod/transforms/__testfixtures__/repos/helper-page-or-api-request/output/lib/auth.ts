import type { GetServerSidePropsContext, NextApiRequest, NextApiResponse } from "next";
import NextAuth, { type NextAuthConfig } from "next-auth";
import GithubProvider from "next-auth/providers/github";
import { withLegacyV4 } from "./legacy-v4-session";

export const authOptions: NextAuthConfig = {
  providers: [GithubProvider({ clientId: process.env.GITHUB_ID!, clientSecret: process.env.GITHUB_SECRET! })],
};

export const { handlers, auth, signIn, signOut } = withLegacyV4(NextAuth)(authOptions);

/** The session in getServerSideProps and in API routes alike. */
export function getSession(
  req: GetServerSidePropsContext["req"] | NextApiRequest,
  res: GetServerSidePropsContext["res"] | NextApiResponse,
) {
  return auth({ req, res } as GetServerSidePropsContext);
}

/** API routes only: v5's auth(req, res) takes these as they are. */
export function getApiSession(req: NextApiRequest, res: NextApiResponse) {
  return auth(req, res);
}
