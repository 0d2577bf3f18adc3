/**
 * Auth.js v5's session cookie name for a base URL: `__Secure-` under https (v4 used
 * `next-auth.session-token`). v5 also uses the name as the JWT key's salt.
 * Tests mint cookies with it; the security checks assert it.
 */
export function sessionCookieName(baseUrl: string): string {
  return `${baseUrl.startsWith("https://") ? "__Secure-" : ""}authjs.session-token`;
}
