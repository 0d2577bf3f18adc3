import hkdf from "@panva/hkdf";
import { EncryptJWT, jwtDecrypt } from "jose";
import type { JWT } from "next-auth/jwt";
import { decodeOnce } from "@/lib/auth/decoded-token-cache";

/**
 * Optional speed-up (ARCHITECTURE.md, section 1). Leave it out and options.ts and middleware.ts
 * pass no `jwt` setting: next-auth's own encode/decode read and write the same tokens.
 *
 * next-auth v4's session-token encode/decode, with two changes: the encryption key is derived
 * once per secret and salt, not on every call, and a token decrypted before is not decrypted
 * again (lib/auth/decoded-token-cache.ts). next-auth 4.24.15 runs HKDF on every encode and
 * decode, twice per server read of the session (`npm run bench`: about 0.5 ms of a request).
 * The token is the same as v4's, byte for byte in format: JWE `dir` + `A256GCM`, key =
 * HKDF-SHA256(secret, salt, "NextAuth.js Generated Encryption Key[ (salt)]", 32 bytes), claims
 * iat, exp and jti; decode accepts 15 s of clock skew. Tokens written by either one decode
 * with the other (__tests__/lib/session-token.test.ts). Edge-safe: middleware uses it too.
 * @see https://github.com/nextauthjs/next-auth/blob/v4/packages/next-auth/src/jwt/index.ts
 */

const DEFAULT_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

export interface EncodeParams {
  token?: JWT;
  secret: string | Buffer;
  maxAge?: number;
  salt?: string;
}

export interface DecodeParams {
  token?: string;
  secret: string | Buffer;
  salt?: string;
}

const CLOCK_TOLERANCE_SECONDS = 15;

const keyIdOf = (secret: string | Buffer, salt: string) =>
  `${salt}\u0000${typeof secret === "string" ? secret : secret.toString("base64")}`;

/** Keyed by salt and secret; both come from configuration, so the map stays a few entries long. */
const keys = new Map<string, Promise<Uint8Array>>();

function encryptionKey(secret: string | Buffer, salt: string): Promise<Uint8Array> {
  const id = keyIdOf(secret, salt);
  let key = keys.get(id);
  if (!key) {
    key = hkdf("sha256", secret, salt, `NextAuth.js Generated Encryption Key${salt ? ` (${salt})` : ""}`, 32);
    key.catch(() => keys.delete(id));
    keys.set(id, key);
  }
  return key;
}

const nowInSeconds = () => Math.floor(Date.now() / 1000);

export async function encodeSessionToken({
  token = {},
  secret,
  maxAge = DEFAULT_MAX_AGE_SECONDS,
  salt = "",
}: EncodeParams): Promise<string> {
  return new EncryptJWT(token)
    .setProtectedHeader({ alg: "dir", enc: "A256GCM" })
    .setIssuedAt()
    .setExpirationTime(nowInSeconds() + maxAge)
    .setJti(crypto.randomUUID())
    .encrypt(await encryptionKey(secret, salt));
}

export async function decodeSessionToken({ token, secret, salt = "" }: DecodeParams): Promise<JWT | null> {
  if (!token) return null;
  return decodeOnce(keyIdOf(secret, salt), token, CLOCK_TOLERANCE_SECONDS, async () => {
    const key = await encryptionKey(secret, salt);
    return (await jwtDecrypt(token, key, { clockTolerance: CLOCK_TOLERANCE_SECONDS })).payload as JWT;
  });
}
