import NextAuth from "next-auth";
import { NEXT_AUTH_OPTIONS } from "@acme/lib/next-auth/auth-options";
import { extractNextApiRequestMetadata } from "@acme/lib/universal/extract-request-metadata";
import { withLegacyV4 } from "./legacy-v4-session";

export const { handlers, auth, signIn, signOut } = withLegacyV4(NextAuth)(async (req) => {
  const v4Req = v4RequestOf(req);
  const { ipAddress, userAgent } = extractNextApiRequestMetadata(v4Req as unknown as Parameters<typeof extractNextApiRequestMetadata>[0]);
  return {
    ...NEXT_AUTH_OPTIONS,
    events: {
      signIn: ({ user }) => console.info("sign-in", user.id, ipAddress, userAgent),
    },
  };
});

/**
 * v4's `req.headers`, `req.cookies` and `req.query`, from what v5 hands the config: the route's
 * NextRequest, the Pages request of `auth(ctx)` and `auth(req, res)`, or nothing (`auth()` in a
 * server component, `signIn()`, `signOut()`), when all three are empty.
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
  for (const [name, value] of new URL(url ?? "/", "http://localhost").searchParams) {
    const seen = query[name];
    query[name] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
  }
  // v5's request has no socket: the peer's address is unknown here
  return { headers, cookies, query, socket: { remoteAddress: undefined as string | undefined } };
}
