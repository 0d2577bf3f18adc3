// ==> auth.ts
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth";
import { withLegacyV4 } from "./legacy-v4-session";

export const { handlers, auth, signIn, signOut } = withLegacyV4(NextAuth)(authOptions);

// ==> app/api/auth/[...nextauth]/route.ts
import type { NextRequest } from "next/server";
import { handlers } from "@/auth";
import { isSafeCallbackUrl } from "@/lib/auth/redirects";

// Auth.js v5 has no Pages API handler: its endpoints live here; everything else stays in pages/.
// The v4 route's own answers, given before Auth.js sees the request.
function guard(req: NextRequest): Response | undefined {
  if (req.method === "HEAD") return new Response(null, { status: 200 });
  if (req.method !== "GET" && req.method !== "POST") return Response.json({ error: "method not allowed" }, { status: 405, headers: { Allow: "GET, POST" } });
  if ((req.nextUrl.searchParams.get("callbackUrl") ?? undefined) && !isSafeCallbackUrl((req.nextUrl.searchParams.get("callbackUrl") ?? undefined) as string)) return Response.redirect(new URL("/login?error=callback", req.url), 302);
  return undefined;
}

export const GET = (req: NextRequest) => guard(req) ?? handlers.GET(req);
export const POST = (req: NextRequest) => guard(req) ?? handlers.POST(req);

// ==> legacy-v4-session.ts (codemod/templates/legacy-v4-session.ts)
// ==> pages/api/auth/[...nextauth].ts deleted
