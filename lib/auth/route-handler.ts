import type { NextApiRequest, NextApiResponse } from "next";
import NextAuth from "next-auth";
import { answerWithoutBody, parseFormOrJson, takeBody } from "@/lib/http/body";
import { ApiError, sendError } from "@/lib/http/errors";
import { getAuthOptions } from "@/lib/auth/options";
import { env } from "@/lib/env";
import { CLIENT_ADDRESS_HEADER, clientAddress } from "@/lib/http/client-address";

/** next-auth's route, plus what v4 leaves to the app: GET and POST only, a bounded body, safe callbackUrls, the client's address. */

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
  // next-auth answers any other method with "Error: …" text.
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
  // next-auth 4.24.15 answers 500 on a non-http(s) callbackUrl: in a cookie, that breaks every /api/auth request.
  for (const source of [req.query, req.body] as Record<string, unknown>[]) {
    if (source && typeof source === "object" && "callbackUrl" in source && !isHttpUrl(source.callbackUrl, baseUrl)) {
      source.callbackUrl = baseUrl;
    }
  }
  for (const name of CALLBACK_URL_COOKIES) {
    if (name in req.cookies && !isHttpUrl(req.cookies[name], baseUrl)) delete req.cookies[name];
  }
  req.headers[CLIENT_ADDRESS_HEADER] = clientAddress(req, trustProxy);
  // Options are built on first use, so `next build` needs no secret and no database.
  return NextAuth(req, res, getAuthOptions());
}
