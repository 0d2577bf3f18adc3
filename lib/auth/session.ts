import type { IncomingMessage, ServerResponse } from "node:http";
import type { NextApiRequest, NextApiResponse } from "next";
import { getServerSession, type Session } from "next-auth";
import { getAuthOptions } from "@/lib/auth/options";
import { readSessionCookie } from "@/lib/auth/session-read";

type Request = (IncomingMessage & { cookies: Partial<Record<string, string>> }) | NextApiRequest;

/** A `getServerSideProps` context or an API route's `{ req, res }`. */
export interface RequestContext {
  req: Request;
  res: ServerResponse | NextApiResponse;
}

/**
 * The one way server code reads the session. The `jwt` callback runs on every read (role,
 * disabled, session version, lifetime cap). When it hands the token back unchanged and the
 * cookie is younger than `updateAge`, nothing needs re-issuing (lib/auth/session-read.ts);
 * every other case (no cookie, chunked, undecodable, expired, revoked, changed, due for
 * re-issue) goes through getServerSession, which refuses, clears or re-issues the cookie.
 * @see https://next-auth.js.org/configuration/nextjs#getserversession
 */
export async function getServerAuthSession({ req, res }: RequestContext): Promise<Session | null> {
  const { session, options } = await readSessionCookie(req, getAuthOptions());
  return session ?? getServerSession(req, res, options);
}
