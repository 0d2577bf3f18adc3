import type { IncomingHttpHeaders } from "node:http";

/**
 * Cross-site request check for state-changing requests: the browser's `Origin` header must be
 * our own origin (from NEXTAUTH_URL, never from the Host header, which the client controls).
 */
export function isSameOriginRequest(headers: IncomingHttpHeaders, baseUrl: string): boolean {
  const origin = headers.origin;
  if (typeof origin !== "string") return false;
  try {
    return new URL(origin).origin === new URL(baseUrl).origin;
  } catch {
    return false;
  }
}
