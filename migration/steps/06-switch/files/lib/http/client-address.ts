/**
 * The client's address for rate limiting, from Auth.js v5's `authorize(credentials, request)`.
 * `request` is a Web Request: App Router route handlers do not expose the socket's address
 * (v4's Pages route read `req.socket.remoteAddress`). X-Forwarded-For is client-controlled, so it
 * is used only behind a trusted proxy (TRUST_PROXY=true), and then only its last entry: the one
 * that proxy appended. Without a trusted proxy every client shares the key "unknown": the
 * per-address limit then acts as one global limit, and the per-account limit still applies.
 */
export function clientAddressFromRequest(request: Request | undefined, trustProxy: boolean): string {
  if (trustProxy) {
    const last = request?.headers.get("x-forwarded-for")?.split(",").pop()?.trim();
    if (last) return last;
  }
  return "unknown";
}
