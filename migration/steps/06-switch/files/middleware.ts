import NextAuth from "next-auth";
import type { NextFetchEvent, NextRequest } from "next/server";
import { authConfig, runtimeOptions } from "@/auth.config";
import { withLegacyV4 } from "@/lib/auth/legacy-v4-session";
import { withReadsWithoutReissue } from "@/lib/auth/session-read";
import { env } from "@/lib/env";

/**
 * First line of defence only: the Edge-safe config skips the jwt callback's database re-check, so the role it sees can be stale; the server guards decide.
 * The rule is `callbacks.authorized` (auth.config.ts): without it, v5 middleware protects nothing.
 * Redirects need no helper: v5 rebuilds the request URL on AUTH_URL's (or NEXTAUTH_URL's) origin.
 * @see https://authjs.dev/getting-started/session-management/protecting#nextjs-middleware
 */
const { auth } = withReadsWithoutReissue(withLegacyV4(NextAuth))(() => ({ ...authConfig, ...runtimeOptions(env()) }));

export default function middleware(request: NextRequest, event: NextFetchEvent): Promise<Response> {
  return (auth as unknown as (request: NextRequest, event: NextFetchEvent) => Promise<Response>)(request, event);
}

export const config = {
  // Faster than the Edge sandbox under next start (README: Performance); Next ≥ 15.5 only.
  runtime: "nodejs",
  matcher: ["/((?!api|_next/static|_next/image|favicon.ico).*)"],
};
