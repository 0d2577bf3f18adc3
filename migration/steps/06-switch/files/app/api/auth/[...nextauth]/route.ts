import { NextRequest } from "next/server";
import { handlers } from "@/auth";
import { env } from "@/lib/env";

/** Auth.js v5's endpoints (it has no Pages API handler), with the v4 route's hardening: safe callbackUrls, kept on a refused sign-in, a JSON 405. */

const CALLBACK_URL_COOKIES = ["authjs.callback-url", "__Secure-authjs.callback-url"];

function isHttpUrl(value: unknown, baseUrl: string): value is string {
  if (typeof value !== "string") return false;
  try {
    return /^https?:$/.test(new URL(value, baseUrl).protocol) && (value.startsWith("/") || /^https?:/i.test(value));
  } catch {
    return false;
  }
}

/** Replaces a repeated or non-http(s) `callbackUrl`; returns the one that stays. */
function sanitiseParams(params: URLSearchParams, baseUrl: string): string | null {
  const values = params.getAll("callbackUrl");
  if (values.length === 0) return null;
  if (values.length > 1 || !isHttpUrl(values[0], baseUrl)) params.set("callbackUrl", baseUrl);
  return params.get("callbackUrl");
}

async function sanitised(request: NextRequest): Promise<{ request: NextRequest; callbackUrl: string | null }> {
  const { baseUrl } = env();
  const url = new URL(request.url);
  let callbackUrl = sanitiseParams(url.searchParams, baseUrl);

  // From the raw header: a browser may send the callback-url cookie twice (one per path), and v5
  // reads the first, which a parsed map (request.cookies) would have merged away.
  const headers = new Headers(request.headers);
  const pairs = (request.headers.get("cookie") ?? "").split(/;\s*/).filter(Boolean);
  const kept = pairs.filter((pair) => {
    const at = pair.indexOf("=");
    if (!CALLBACK_URL_COOKIES.includes(at < 0 ? pair : pair.slice(0, at))) return true;
    try {
      return isHttpUrl(decodeURIComponent(pair.slice(at + 1)), baseUrl);
    } catch {
      return false;
    }
  });
  if (kept.length !== pairs.length) headers.set("cookie", kept.join("; "));

  let body: string | undefined;
  if (request.method === "POST") {
    body = await request.text();
    if (request.headers.get("content-type")?.includes("application/x-www-form-urlencoded")) {
      const fields = new URLSearchParams(body);
      callbackUrl = sanitiseParams(fields, baseUrl) ?? callbackUrl;
      body = fields.toString();
    }
  }
  return { request: new NextRequest(url, { method: request.method, headers, body }), callbackUrl };
}

/** Puts the callbackUrl back on a redirect to the sign-in page with an error (v5 drops it), so the retry lands on the page that asked. */
function keepCallbackUrl(response: Response, callbackUrl: string | null): Response {
  const location = response.headers.get("location");
  if (!callbackUrl || !location) return response;
  const target = new URL(location, env().baseUrl);
  if (target.pathname !== "/login" || !target.searchParams.has("error") || target.searchParams.has("callbackUrl"))
    return response;
  target.searchParams.set("callbackUrl", callbackUrl);
  const headers = new Headers(response.headers);
  headers.set("location", target.href);
  return new Response(response.body, { status: response.status, headers });
}

export async function GET(request: NextRequest): Promise<Response> {
  return handlers.GET((await sanitised(request)).request);
}

export async function POST(request: NextRequest): Promise<Response> {
  const { request: clean, callbackUrl } = await sanitised(request);
  return keepCallbackUrl(await handlers.POST(clean), callbackUrl);
}

function methodNotAllowed(request: Request): Response {
  return Response.json(
    { error: `Method ${request.method} is not allowed here. Use GET or POST.` },
    { status: 405, headers: { Allow: "GET, POST" } },
  );
}

export { methodNotAllowed as PUT, methodNotAllowed as DELETE, methodNotAllowed as PATCH, methodNotAllowed as OPTIONS };
