import type { GetServerSidePropsContext } from "next";
import { getServerSession } from "next-auth";
import { authOptions } from "./options";

export const pageSession = (ctx: GetServerSidePropsContext) => getServerSession(ctx.req, ctx.res, authOptions);
