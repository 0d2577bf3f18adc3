import NextAuth from "next-auth";
import { createAuthOptions } from "@/lib/auth-options";
import { withLegacyV4 } from "./legacy-v4-session";

export const { handlers, auth, signIn, signOut } = withLegacyV4(NextAuth)(async (req) => {
  const v4Req = v4RequestOf(req);
  const options = createAuthOptions(v4Req as unknown as Parameters<typeof createAuthOptions>[0]);
  if (v4Req.url?.startsWith("/api/auth/callback/")) options.pages = { ...options.pages, error: "/login?step=callback" };

  options.events ??= {};
  options.events.signIn = async ({ user }) => {
    console.info("sign-in", user.id, v4Req.cookies["ref_source"]);
  };
  return options;
});

/**
 * v4's `req.headers`, `req.cookies`, `req.query` and `req.url`, from what v5 hands the config: the route's
 * NextRequest, the Pages request of `auth(ctx)` and `auth(req, res)`, or nothing (`auth()` in a
 * server component, `signIn()`, `signOut()`), when they are empty (and url undefined).
 */
function v4RequestOf(req: unknown) {
  const { headers: raw, url } = (req ?? {}) as { headers?: Headers | Record<string, string | string[] | undefined>; url?: string };
  const headers: Record<string, string | undefined> = {};
  if (raw instanceof Headers) raw.forEach((value, name) => (headers[name] = value));
  else for (const [name, value] of Object.entries(raw ?? {})) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
  const cookies: Partial<Record<string, string>> = {};
  for (const pair of headers.cookie?.split(";") ?? []) {
    const at = pair.indexOf("=");
    const name = pair.slice(0, at).trim();
    if (at < 1 || name in cookies) continue;
    try {
      cookies[name] = decodeURIComponent(pair.slice(at + 1).trim());
    } catch {
      cookies[name] = pair.slice(at + 1).trim();
    }
  }
  const query: Partial<Record<string, string | string[]>> = {};
  const target = new URL(url ?? "/", "http://localhost");
  for (const [name, value] of target.searchParams) {
    const seen = query[name];
    query[name] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
  }
  // v4's req.url: the path and query (a Pages request's url is them already)
  return { headers, cookies, query, url: url === undefined ? undefined : target.pathname + target.search };
}
