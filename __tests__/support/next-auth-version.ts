import { readFileSync } from "node:fs";
import path from "node:path";
import type { NextApiHandler, PageConfig } from "next";

/**
 * What the test support needs to know about the installed next-auth, so that the same tests run
 * before and after the v5 switch (`npm run migration:verify`). Behaviour tests never branch on it.
 */
export const NEXT_AUTH_VERSION: string = JSON.parse(
  readFileSync(path.join(process.cwd(), "node_modules/next-auth/package.json"), "utf8"),
).version;
export const NEXT_AUTH_MAJOR = Number(NEXT_AUTH_VERSION.split(".")[0]);

/** The salt session tokens are keyed with: none in v4, the cookie name in v5. */
export function sessionTokenSalt(cookieName: string): string {
  return NEXT_AUTH_MAJOR >= 5 ? cookieName : "";
}

type AppRouteModule = { GET: (request: Request) => Promise<Response>; POST: (request: Request) => Promise<Response> };

/** next-auth's own endpoints: v4's Pages API route, or v5's App Router route handlers. */
export type AuthRoute = { pagesHandler: { default: NextApiHandler; config?: PageConfig } } | { appHandler: AppRouteModule };

export function authRoute(): AuthRoute {
  // Loaded by path at run time: only one of the two files exists in a given version of the app.
  if (NEXT_AUTH_MAJOR >= 5) return { appHandler: require("@/app/api/auth/[...nextauth]/route") as AppRouteModule };
  return { pagesHandler: require("@/pages/api/auth/[...nextauth]") as { default: NextApiHandler; config?: PageConfig } };
}
