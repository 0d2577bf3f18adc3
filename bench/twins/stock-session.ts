import type { IncomingMessage, ServerResponse } from "node:http";
import type { Session } from "next-auth";
import * as nextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { env } from "@/lib/env";

/**
 * The benchmark's anchor, not app code: the plain stock pattern a tutorial app uses,
 * `getServerSession(req, res, authOptions)` with next-auth's default settings (JWT sessions,
 * default callbacks, maxAge and updateAge), the same secret and a credentials provider. Only
 * the twin bench/twins/pages/bench/unmatched/stock-dashboard.tsx calls it.
 *
 * next-auth 4 only: v5 has no getServerSession (its stock pattern is `auth(ctx)`). The function
 * is looked up at run time so that this file still compiles in the bench's copy of the v5 end
 * state; there the page answers 404 ("v4 only").
 */
type GetServerSession = (req: IncomingMessage, res: ServerResponse, options: unknown) => Promise<Session | null>;

const getServerSession = Reflect.get(nextAuth, "getServerSession") as GetServerSession | undefined;

let stockOptions: unknown;

export const stockPatternAvailable = typeof getServerSession === "function";

export function stockSession(req: IncomingMessage, res: ServerResponse): Promise<Session | null> {
  if (!getServerSession) throw new Error("the stock getServerSession pattern exists in next-auth 4 only");
  stockOptions ??= {
    secret: env().secret,
    providers: [Credentials({ credentials: {}, authorize: async () => null })],
  };
  return getServerSession(req, res, stockOptions);
}
