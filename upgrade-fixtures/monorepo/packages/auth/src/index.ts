import type { GetServerSidePropsContext } from "next";
import { getServerSession } from "next-auth";
import { authOptions } from "./options";

export { authOptions };

/** The session on the server, so that no page imports authOptions. */
export const getServerAuthSession = (ctx: { req: GetServerSidePropsContext["req"]; res: GetServerSidePropsContext["res"] }) =>
  getServerSession(ctx.req, ctx.res, authOptions);
