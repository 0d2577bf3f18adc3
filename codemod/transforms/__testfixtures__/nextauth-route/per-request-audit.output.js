// ==> auth.js
import NextAuth from "next-auth";
import { authOptions } from "./lib/auth";
import { audit } from "./lib/audit";
import { withLegacyV4 } from "./legacy-v4-session";

/** Every sign-in is logged with the address it came from. */
export const { handlers, auth, signIn, signOut } = withLegacyV4(NextAuth)(async (req) => {
  const v4Req = v4RequestOf(req);
  const ip = v4Req.headers["x-forwarded-for"] ?? "unknown";
  return {
    ...authOptions,
    callbacks: {
      ...authOptions.callbacks,
      async signIn(params) {
        await audit("sign-in", { ip, method: req?.method, user: params.user.email });
        return authOptions.callbacks?.signIn?.(params) ?? true;
      },
    },
  };
});

/**
 * v4's `req.headers`, `req.cookies` and `req.query`, from what v5 hands the config: the route's
 * NextRequest, the Pages request of `auth(ctx)` and `auth(req, res)`, or nothing (`auth()` in a
 * server component, `signIn()`, `signOut()`), when all three are empty.
 */
function v4RequestOf(req) {
  const { headers: raw, url } = req ?? {};
  const headers = {};
  if (raw instanceof Headers) raw.forEach((value, name) => (headers[name] = value));
  else for (const [name, value] of Object.entries(raw ?? {})) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
  const cookies = {};
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
  const query = {};
  for (const [name, value] of new URL(url ?? "/", "http://localhost").searchParams) {
    const seen = query[name];
    query[name] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
  }
  return { headers, cookies, query };
}

// ==> app/api/auth/[...nextauth]/route.js
import { handlers } from "@/auth";

// Auth.js v5 has no Pages API handler: its endpoints live here; everything else stays in pages/.
export const { GET, POST } = handlers;

// ==> legacy-v4-session.js (codemod/templates/legacy-v4-session.ts)
// ==> pages/api/auth/[...nextauth].js deleted
