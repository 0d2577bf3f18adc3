import type { IncomingMessage, ServerResponse } from "node:http";
import type { GetServerSidePropsContext, NextApiRequest, NextApiResponse } from "next";
import { getServerSession, type Session } from "next-auth";
import { getAuthOptions } from "@/lib/auth/options";
import { readSessionCookie } from "@/lib/auth/session-read";

type Request = (IncomingMessage & { cookies: Partial<Record<string, string>> }) | NextApiRequest;
type Response = ServerResponse | NextApiResponse;

/**
 * The one way server code reads the session, with Auth.js v5's signatures so that no call site
 * changes at the upgrade: `auth(ctx)` in getServerSideProps, `auth(req, res)` in API routes.
 * On v4 the `jwt` callback runs on every read (role, disabled, session version, lifetime cap).
 * When it hands the token back unchanged and the cookie is younger than `updateAge`, nothing
 * needs re-issuing (lib/auth/session-read.ts); every other case goes through
 * getServerSession, which refuses, clears or re-issues the cookie.
 * @see https://authjs.dev/reference/nextjs#in-api-routes
 */
export function auth(
  ctx: Pick<GetServerSidePropsContext, "req" | "res"> | { req: Request; res: Response },
): Promise<Session | null>;
export function auth(req: Request, res: Response): Promise<Session | null>;
export async function auth(...args: [{ req: Request; res: Response }] | [Request, Response]): Promise<Session | null> {
  const [req, res] = args.length === 2 ? args : [args[0].req, args[0].res];
  const { session, options } = await readSessionCookie(req, getAuthOptions());
  return session ?? getServerSession(req, res, options);
}
