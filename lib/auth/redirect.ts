/**
 * Where a sign-in or sign-out may send the browser: our own origin only.
 * Shapes that fool naive checks (`//evil.com`, `/\evil.com`, `https://app.evil.com`,
 * `https://app@evil.com`, `javascript:`) all fall back to the base URL.
 * @see https://next-auth.js.org/configuration/callbacks#redirect-callback
 */

// Control characters, and backslashes, which browsers read as `/`.
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f\\]/;

/** Resolves `url` against `baseUrl` and returns it only when it stays on the same origin. */
export function sameOriginUrl(url: string, baseUrl: string): string | null {
  if (typeof url !== "string" || url.length === 0 || url.length > 2048) return null;
  if (UNSAFE_CHARACTERS.test(url)) return null;
  if (url.startsWith("//")) return null; // protocol-relative: another host
  let base: URL;
  let target: URL;
  try {
    base = new URL(baseUrl);
    target = new URL(url, base);
  } catch {
    return null;
  }
  if (target.origin !== base.origin || target.username || target.password) return null;
  return target.href;
}

/** The next-auth `redirect` callback's rule: same origin, or the base URL. */
export function safeRedirect(url: string, baseUrl: string): string {
  return sameOriginUrl(url, baseUrl) ?? baseUrl;
}

/** A same-origin path (`/x?y#z`) for links and `callbackUrl`, or the fallback. */
export function safeLocalPath(url: unknown, baseUrl: string, fallback = "/"): string {
  if (typeof url !== "string") return fallback;
  const absolute = sameOriginUrl(url, baseUrl);
  if (!absolute) return fallback;
  const { pathname, search, hash } = new URL(absolute);
  return `${pathname}${search}${hash}`;
}
