import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * What the flows need to know about the installed next-auth: they run on this v4 app and on the v5
 * build `npm run migration:verify` makes. Only wire formats and request counts differ; each flow
 * asserts the same behaviour on both.
 */
export const NEXT_AUTH_MAJOR = Number(
  (JSON.parse(readFileSync(path.resolve(__dirname, "..", "..", "node_modules/next-auth/package.json"), "utf8")) as { version: string }).version.split(".")[0],
);

/** `/api/auth/session` for a signed-out browser: v4 answers `{}`, v5 `null`. */
export const SIGNED_OUT_SESSION = NEXT_AUTH_MAJOR >= 5 ? null : {};

/**
 * `/api/auth/session` requests one client refetch makes. v5's getSession announces each fetch on a
 * new BroadcastChannel, which the page's own SessionProvider hears and answers with a second fetch
 * (MIGRATION.md, step 6 pitfalls).
 */
export const REQUESTS_PER_REFETCH = NEXT_AUTH_MAJOR >= 5 ? 2 : 1;
