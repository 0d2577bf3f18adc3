import NextAuth from "next-auth";
import type { NextFetchEvent, NextRequest } from "next/server";
import { authConfig, runtimeOptions } from "@/auth.config";
import { withLegacyV4 } from "@/lib/auth/legacy-v4-session";
import { withReadsWithoutReissue } from "@/lib/auth/session-read";
import { env } from "@/lib/env";

/**
 * First line of defence only: the rule is `callbacks.authorized` in auth.config.ts (without it a
 * v5 middleware protects nothing). It runs on the Edge-safe config, so the jwt callback's
 * database re-check does not run here and the role it sees can be stale; the server guards decide.
 * Redirects land on AUTH_URL's (or NEXTAUTH_URL's) origin: v5 rebuilds the request URL on it.
 * @see https://authjs.dev/getting-started/session-management/protecting#nextjs-middleware
 */
const { auth } = withReadsWithoutReissue(withLegacyV4(NextAuth))(() => ({ ...authConfig, ...runtimeOptions(env()) }));

export default function middleware(request: NextRequest, event: NextFetchEvent): Promise<Response> {
  return (auth as unknown as (request: NextRequest, event: NextFetchEvent) => Promise<Response>)(request, event);
}

export const config = {
  matcher: ["/((?!api|_next/static|_next/image|favicon.ico).*)"],
};
