import type { GetServerSidePropsContext, NextApiRequest, NextApiResponse } from "next";
import NextAuth from "next-auth";

import { authOptions } from "./auth-options";
import { withLegacyV4 } from "./legacy-v4-session";

export const { handlers, auth, signIn, signOut } = withLegacyV4(NextAuth)(authOptions);

type GetServerSessionContext =
  | { req: GetServerSidePropsContext["req"]; res: GetServerSidePropsContext["res"] }
  | { req: NextApiRequest; res: NextApiResponse };

export const getServerSession = (ctx: GetServerSessionContext) => {
  return auth(ctx as GetServerSidePropsContext);
};
