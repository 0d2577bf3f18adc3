import { LRUCache } from "lru-cache";
import type { JWT } from "next-auth/jwt";

/**
 * Optional speed-up (ARCHITECTURE.md, section 1), used by session-token.ts only: leave it out and
 * decodeSessionToken decrypts every time.
 *
 * The claims of session tokens decrypted before, per key. A browser sends the same cookie on every
 * request until it is re-issued, and middleware and the page's guard each decode it: decrypting
 * is most of what auth adds to a request (bench/ATTEMPTS.md, attempt 12). A token string only ever
 * decrypts to the same claims under the same key, so a hit is what decrypting would give, as long
 * as the token has not expired since: that is checked on every hit, with the decoder's clock
 * tolerance. Each caller gets its own copy, so a callback that edits its token edits nobody else's.
 * Bounded per key (a miss only costs a decrypt); plain JavaScript, so Edge middleware can use it.
 */

const TOKENS_PER_KEY = 5_000;
const caches = new Map<string, LRUCache<string, JWT>>();

/**
 * `decrypt()`'s claims for `token`, decrypting only on a miss. `keyId` names everything the result
 * depends on besides the token (salt and secrets); `clockToleranceSeconds` is the decoder's.
 */
export async function decodeOnce(
  keyId: string,
  token: string,
  clockToleranceSeconds: number,
  decrypt: () => Promise<JWT>,
): Promise<JWT> {
  let cache = caches.get(keyId);
  if (!cache) {
    cache = new LRUCache<string, JWT>({ max: TOKENS_PER_KEY });
    caches.set(keyId, cache);
  }
  const hit = cache.get(token);
  if (hit && typeof hit.exp === "number" && hit.exp > Math.floor(Date.now() / 1000) - clockToleranceSeconds)
    return structuredClone(hit);
  if (hit) cache.delete(token);

  const claims = await decrypt();
  cache.set(token, structuredClone(claims));
  return claims;
}
