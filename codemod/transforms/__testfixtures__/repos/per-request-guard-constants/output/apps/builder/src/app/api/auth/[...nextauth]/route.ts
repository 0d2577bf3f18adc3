import type { NextRequest } from "next/server";
import { handlers } from "@/auth";
import { mockedUser } from "@acme/lib/mockedUser";

// Auth.js v5 has no Pages API handler: its endpoints live here; everything else stays in pages/.
// The v4 route's own answers, given before Auth.js sees the request.
function guard(req: NextRequest): Response | undefined {
  const isMockingSession =
    req.method === "GET" && (req.nextUrl.pathname + req.nextUrl.search) === "/api/auth/session" && process.env.NEXT_PUBLIC_E2E_TEST === "true";
  if (isMockingSession) return Response.json({ user: mockedUser });
  const requestIsFromCompanyFirewall = req.method === "HEAD";
  if (requestIsFromCompanyFirewall) return new Response(null, { status: 200 });
  return undefined;
}

export const GET = (req: NextRequest) => guard(req) ?? handlers.GET(req);
export const POST = (req: NextRequest) => guard(req) ?? handlers.POST(req);
