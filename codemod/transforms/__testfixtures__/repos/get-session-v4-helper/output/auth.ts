// Written by next-auth-v5-codemod (step 2): v5's auth() signatures on next-auth v4, so that call sites move
// before the package does. Step 6 replaces this file with NextAuth(config).
import type { GetServerSidePropsContext, NextApiRequest, NextApiResponse } from "next";
import { getServerSession } from "next-auth";
import { authOptions } from "@/pages/api/auth/[...nextauth]";

type Context = Pick<GetServerSidePropsContext, "req" | "res">;

/** auth(ctx) in getServerSideProps, auth(req, res) in API routes, auth() in the App Router. */
export function auth(...args: [] | [Context] | [Context["req"] | NextApiRequest, Context["res"] | NextApiResponse]) {
  if (args.length === 0) return getServerSession(authOptions);
  const [req, res] = args.length === 1 ? [args[0].req, args[0].res] : args;
  return getServerSession(req, res, authOptions);
}
