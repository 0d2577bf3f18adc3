import { type GetServerSidePropsContext } from "next";
import NextAuth, { type NextAuthConfig } from "next-auth";
import GitHubProvider from "next-auth/providers/github";
import { getAdClickIdsFromRequest } from "@/src/lib/signupAttribution";
import { withLegacyV4 } from "./legacy-v4-session";

/** The options, per request: the route passes the sign-up attribution it read from the cookies. */
export async function getAuthOptions(attribution?: { adClickIds?: Record<string, string> }): Promise<NextAuthConfig> {
  const data: NextAuthConfig = {
    session: { strategy: "jwt" },
    providers: [GitHubProvider({ clientId: process.env.GITHUB_ID!, clientSecret: process.env.GITHUB_SECRET! })],
    events: {
      createUser: ({ user }) => console.info("sign-up", user.id, attribution?.adClickIds),
    },
  };
  return data;
}

export const { handlers, auth, signIn, signOut } = withLegacyV4(NextAuth)(async (req) => {
  const v4Req = v4RequestOf(req);
  const authOptions = await getAuthOptions({
    adClickIds: getAdClickIdsFromRequest(v4Req as unknown as Parameters<typeof getAdClickIdsFromRequest>[0]),
  });
  return authOptions;
});

/**
 * v4's `req.headers`, `req.cookies`, `req.query` and `req.url`, from what v5 hands the config: the route's
 * NextRequest, the Pages request of `auth(ctx)` and `auth(req, res)`, or nothing (`auth()` in a
 * server component, `signIn()`, `signOut()`), when they are empty (and url undefined).
 */
export function v4RequestOf(req: unknown) {
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

/**
 * Wrapper for `getServerSession` so that you don't need to build the options in every file.
 */
export const getServerAuthSession = async (ctx: {
  req: GetServerSidePropsContext["req"];
  res: GetServerSidePropsContext["res"];
}) => {
  const authOptions = await getAuthOptions();
  ctx.res.setHeader("Cache-Control", "no-store");
  return auth(ctx as GetServerSidePropsContext);
};

/** The session for an App Router request, through the Pages form of getServerSession. */
export const getServerAuthSessionForRequest = async (request: Request) => {
  const authOptions = await getAuthOptions();
  const req = { headers: Object.fromEntries(request.headers.entries()) } as GetServerSidePropsContext["req"];
  const res = {
    getHeader: () => undefined,
    setHeader: () => undefined,
  } as unknown as GetServerSidePropsContext["res"];
  return auth(req, res);
};
