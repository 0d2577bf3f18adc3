import { NextRequest } from "next/server";
import { handlers, v4RequestOf } from "@/auth";
import { isValidCallbackUrl } from "@/lib/callbackUrl";

// Auth.js v5 has no Pages API handler: its endpoints live here; everything else stays in pages/.
const maxAuthErrorLength = 1_000;

// [action, provider], e.g. /api/auth/callback/credentials -> ["callback", "credentials"].
const getNextAuthSegments = (req: ReturnType<typeof v4RequestOf>): [string | undefined, string | undefined] => {
  const nextauth = req.query.nextauth;
  return Array.isArray(nextauth) ? [nextauth[0], nextauth[1]] : [nextauth, undefined];
};

const encodeAuthError = (error: unknown) =>
  typeof error === "string" && error.length <= maxAuthErrorLength ? encodeURIComponent(error) : "Configuration";

// The v4 route's own code around NextAuth: its answers, the headers it set, the request it passed on.
async function route(req: NextRequest, handler: (req: NextRequest) => Promise<Response>): Promise<Response> {
  const v4Req = v4RequestOf(req);
  // v4's query.nextauth: the path segments under /api/auth
  v4Req.query.nextauth = req.nextUrl.pathname.split("/").slice(3).map(decodeURIComponent);
  const headers = new Headers();
  const [nextAuthAction, nextAuthProvider] = getNextAuthSegments(v4Req);
  if (req.method === "HEAD") {
    return new Response(null, { status: 200, headers });
  }
  const isCredentialsCallback = nextAuthAction === "callback" && nextAuthProvider === "credentials";
  if (isCredentialsCallback && req.method !== "POST") {
    console.warn(`Rejected ${req.method} to the credentials callback`);
    headers.set("Allow", "POST");
    return Response.json({ message: "Method Not Allowed" }, { status: 405, headers });
  }
  const callbackUrlParam = v4Req.query.callbackUrl;
  if (callbackUrlParam && !isValidCallbackUrl(callbackUrlParam)) {
    console.warn("Rejected an invalid callback URL", { path: v4Req.url?.split("?")[0] });
    return Response.json({ message: "Invalid callback URL" }, { status: 400, headers });
  }
  if (nextAuthAction === "callback" && typeof v4Req.query.error_description === "string") {
    const description = v4Req.query.error_description;
    headers.set("Location", `/auth/sign-in?error_description=${encodeURIComponent(description)}`);
    return new Response(null, { status: 307, headers });
  }
  headers.set("Cache-Control", "no-store, no-cache, must-revalidate, proxy-revalidate");
  if (nextAuthAction === "error") {
    const error = v4Req.query.error ?? nextAuthProvider;
    if (error !== undefined) v4Req.query.error = encodeAuthError(error);
  }
  // The query as the route left it, for Auth.js to read
  const url = new URL(req.url);
  url.search = "";
  for (const [name, value] of Object.entries(v4Req.query))
    if (name !== "nextauth") for (const one of [value ?? []].flat()) url.searchParams.append(name, one);
  const response = await handler(new NextRequest(url, req));
  // The headers the route set before NextAuth, where NextAuth sets none of its own (as v4 sent them)
  const answer = new Response(response.body, response);
  headers.forEach((value, name) => {
    if (!answer.headers.has(name)) answer.headers.set(name, value);
  });
  return answer;
}

export const GET = (req: NextRequest) => route(req, handlers.GET);
export const POST = (req: NextRequest) => route(req, handlers.POST);
