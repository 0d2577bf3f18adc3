import type { IncomingMessage, ServerResponse } from "node:http";
import type { NextApiRequest, NextApiResponse } from "next";
import { getServerSession, type Session } from "next-auth";
import { getAuthOptions } from "@/lib/auth/options";

/** A `getServerSideProps` context or an API route's `{ req, res }`. */
export interface RequestContext {
  req: (IncomingMessage & { cookies: Partial<Record<string, string>> }) | NextApiRequest;
  res: ServerResponse | NextApiResponse;
}

/**
 * The one way server code reads the session. It runs next-auth's session action, so the `jwt`
 * callback re-checks role and disabled, and a refreshed cookie is written to `res`.
 * @see https://next-auth.js.org/configuration/nextjs#getserversession
 */
export function getServerAuthSession({ req, res }: RequestContext): Promise<Session | null> {
  return getServerSession(req, res, getAuthOptions());
}
