import type { NextRequest } from "next/server";
import { handlers, v4RequestOf } from "@/src/server/auth";
import { isValidCallbackUrl } from "@/src/lib/callbackUrl";

// Auth.js v5 has no Pages API handler: its endpoints live here; everything else stays in pages/.
// The v4 route's own code around NextAuth: its answers, the headers it set, the request it passed on.
async function route(req: NextRequest, handler: (req: NextRequest) => Promise<Response>): Promise<Response> {
  const v4Req = v4RequestOf(req);
  const headers = new Headers();
  if (req.method === "HEAD") {
    return new Response(null, { status: 200, headers });
  }
  const callbackUrlParam = v4Req.query.callbackUrl;
  if (callbackUrlParam && !isValidCallbackUrl(callbackUrlParam)) {
    console.warn("Rejected an invalid callback URL", { path: v4Req.url?.split("?")[0] });
    return Response.json({ message: "Invalid callback URL" }, { status: 400, headers });
  }
  headers.set("Cache-Control", "no-store, no-cache, must-revalidate, proxy-revalidate");
  const response = await handler(req);
  // The headers the route set before NextAuth, where NextAuth sets none of its own (as v4 sent them)
  const answer = new Response(response.body, response);
  headers.forEach((value, name) => {
    if (!answer.headers.has(name)) answer.headers.set(name, value);
  });
  return answer;
}

export const GET = (req: NextRequest) => route(req, handlers.GET);
export const POST = (req: NextRequest) => route(req, handlers.POST);
