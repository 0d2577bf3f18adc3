/** A callbackUrl next-auth would accept: a path on this site. */
export function isValidCallbackUrl(value: string | string[]): boolean {
  return typeof value === "string" && value.startsWith("/") && !value.startsWith("//");
}
