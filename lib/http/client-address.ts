import type { IncomingMessage } from "node:http";

/**
 * The client's address for rate limiting. X-Forwarded-For is client-controlled, so it is used
 * only behind a trusted proxy (TRUST_PROXY=true), and then only its last entry: the one that
 * proxy appended.
 */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = req.headers["x-forwarded-for"];
    const last = (Array.isArray(forwarded) ? forwarded.join(",") : (forwarded ?? "")).split(",").pop()?.trim();
    if (last) return last;
  }
  return req.socket?.remoteAddress ?? "unknown";
}

/**
 * The header through which the auth route hands the address to `authorize` (v4 passes it only
 * the request headers). The route always overwrites it, so a client cannot choose its value.
 */
export const CLIENT_ADDRESS_HEADER = "x-authref-client-address";

export function clientAddressFromHeaders(headers: Record<string, unknown> | undefined): string {
  const value = headers?.[CLIENT_ADDRESS_HEADER];
  return typeof value === "string" && value ? value : "unknown";
}
