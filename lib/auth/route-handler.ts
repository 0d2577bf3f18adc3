import type { NextApiRequest, NextApiResponse } from "next";
import NextAuth from "next-auth";
import { answerWithoutBody, parseFormOrJson, takeBody } from "@/lib/api/body";
import { ApiError, sendError } from "@/lib/api/errors";
import { getAuthOptions } from "@/lib/auth/options";
import { env } from "@/lib/env";
import { CLIENT_ADDRESS_HEADER, clientAddress } from "@/lib/http/client-address";

/**
 * next-auth's route, with what v4 does not do itself:
 * - only GET and POST reach next-auth (it answers other methods with "Error: …" text);
 * - the body is read by lib/api/body.ts (the route file turns Next's parser off): a form or JSON
 *   of at most 16 KB, else a JSON 413/415/400 and a connection that stays sound;
 * - a `callbackUrl` (query, body or cookie) that is not an http(s) URL is dropped before
 *   next-auth sees it: 4.24.15 answers 500 on one (ERR_INVALID_URL from a POST body,
 *   INVALID_CALLBACK_URL_ERROR from the query or cookie, where a poisoned cookie breaks every
 *   /api/auth request of that browser). Foreign http(s) URLs are left to the redirect callback;
 * - the client's address is handed to `authorize` for rate limiting.
 * Options are built on the first request, so `next build` needs no secret and no database.
 */

const CALLBACK_URL_COOKIES = ["next-auth.callback-url", "__Secure-next-auth.callback-url"];

/** The rule next-auth applies before the redirect callback: an http(s) URL, or a path. */
function isHttpUrl(value: unknown, baseUrl: string): value is string {
  if (typeof value !== "string") return false;
  try {
    return /^https?:$/.test(new URL(value, baseUrl).protocol) && (value.startsWith("/") || /^https?:/i.test(value));
  } catch {
    return false;
  }
}

export default async function nextAuthRoute(req: NextApiRequest, res: NextApiResponse) {
  if (req.method !== "GET" && req.method !== "POST") {
    res.setHeader("Allow", "GET, POST");
    return answerWithoutBody(req, res, 405, `Method ${req.method} is not allowed here. Use GET or POST.`);
  }
  if (!(await takeBody(req, res))) return;
  try {
    req.body = parseFormOrJson(req);
  } catch (error) {
    if (error instanceof ApiError) return sendError(res, error.status, error.message);
    throw error;
  }
  const { baseUrl, trustProxy } = env();
  for (const source of [req.query, req.body] as Record<string, unknown>[]) {
    if (source && typeof source === "object" && "callbackUrl" in source && !isHttpUrl(source.callbackUrl, baseUrl)) {
      source.callbackUrl = baseUrl;
    }
  }
  for (const name of CALLBACK_URL_COOKIES) {
    if (name in req.cookies && !isHttpUrl(req.cookies[name], baseUrl)) delete req.cookies[name];
  }
  req.headers[CLIENT_ADDRESS_HEADER] = clientAddress(req, trustProxy);
  return NextAuth(req, res, getAuthOptions());
}
