import type { NextApiRequest, NextApiResponse } from "next";
import NextAuth from "next-auth";
import { getAuthOptions } from "@/lib/auth/options";
import { env } from "@/lib/env";
import { CLIENT_ADDRESS_HEADER, clientAddress } from "@/lib/http/client-address";

/**
 * next-auth's route, with two things v4 does not do itself:
 * - a `callbackUrl` that is not a parseable URL string is replaced by the base URL before
 *   next-auth sees it (4.24.15 still throws ERR_INVALID_URL, a 500, on one in a POST body);
 *   parseable ones are left to the redirect callback, which decides what is safe;
 * - the client's address is handed to `authorize` for rate limiting.
 * Options are built on the first request, so `next build` needs no secret and no database.
 */
function isParseableUrl(value: unknown, baseUrl: string): boolean {
  if (typeof value !== "string") return false;
  try {
    new URL(value, baseUrl);
    return true;
  } catch {
    return false;
  }
}

export default function nextAuthRoute(req: NextApiRequest, res: NextApiResponse) {
  const { baseUrl, trustProxy } = env();
  for (const source of [req.query, req.body] as Record<string, unknown>[]) {
    if (source && typeof source === "object" && "callbackUrl" in source) {
      const value = source.callbackUrl;
      if (!isParseableUrl(value, baseUrl)) source.callbackUrl = baseUrl;
    }
  }
  req.headers[CLIENT_ADDRESS_HEADER] = clientAddress(req, trustProxy);
  return NextAuth(req, res, getAuthOptions());
}
