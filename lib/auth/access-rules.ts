import type { Role } from "@/lib/users/roles";

/**
 * Which paths middleware lets through and which role a path needs. Edge-safe (no Node APIs).
 * Middleware is only the first line: every page and API checks again on the server.
 */

/** Open to everyone. `/client` is guarded on the client only, to show that pattern. */
export const PUBLIC_PATHS = ["/", "/login", "/403", "/client"] as const;

const ROLE_PREFIXES: readonly { prefix: string; role: Role }[] = [{ prefix: "/admin", role: "admin" }];

export function isPublicPath(pathname: string): boolean {
  return (PUBLIC_PATHS as readonly string[]).includes(pathname);
}

/** The role a page path needs, if any. */
export function requiredRole(pathname: string): Role | undefined {
  return ROLE_PREFIXES.find(({ prefix }) => pathname === prefix || pathname.startsWith(`${prefix}/`))?.role;
}
