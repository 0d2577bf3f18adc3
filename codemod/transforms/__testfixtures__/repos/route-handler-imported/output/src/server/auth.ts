import { type GetServerSidePropsContext } from "next";
import { getServerSession, type NextAuthOptions } from "next-auth";
import GitHubProvider from "next-auth/providers/github";

/** The options, per request: the route passes the sign-up attribution it read from the cookies. */
export async function getAuthOptions(attribution?: { adClickIds?: Record<string, string> }): Promise<NextAuthOptions> {
  const data: NextAuthOptions = {
    session: { strategy: "jwt" },
    providers: [GitHubProvider({ clientId: process.env.GITHUB_ID!, clientSecret: process.env.GITHUB_SECRET! })],
    events: {
      createUser: ({ user }) => console.info("sign-up", user.id, attribution?.adClickIds),
    },
  };
  return data;
}

/**
 * Wrapper for `getServerSession` so that you don't need to build the options in every file.
 */
export const getServerAuthSession = async (ctx: {
  req: GetServerSidePropsContext["req"];
  res: GetServerSidePropsContext["res"];
}) => {
  const authOptions = await getAuthOptions();
  ctx.res.setHeader("Cache-Control", "no-store");
  return getServerSession(ctx.req, ctx.res, authOptions);
};
