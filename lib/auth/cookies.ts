/**
 * next-auth v4's session cookie name for a base URL: `__Secure-` under https.
 * Tests mint cookies with it; the security checks assert it.
 */
export function sessionCookieName(baseUrl: string): string {
  return `${baseUrl.startsWith("https://") ? "__Secure-" : ""}next-auth.session-token`;
}
