import hkdf from "@panva/hkdf";
import { base64url, calculateJwkThumbprint, EncryptJWT, jwtDecrypt } from "jose";
import type { JWT, JWTDecodeParams, JWTEncodeParams } from "next-auth/jwt";
import { decodeOnce } from "@/lib/auth/decoded-token-cache";

/**
 * Optional speed-up, as on v4 (ARCHITECTURE.md, section 1).
 *
 * Auth.js v5's session-token encode/decode, with two changes: the encryption key (and its
 * thumbprint, the token's `kid`) is derived once per secret and salt, not on every call, and a
 * token decrypted before is not decrypted again (lib/auth/decoded-token-cache.ts).
 * @auth/core 0.41.3 runs HKDF and a SHA-512 thumbprint on every encode and decode. The token is
 * v5's, byte for byte in format: JWE `dir` + `A256CBC-HS512`, `kid` = the key's JWK thumbprint,
 * key = HKDF-SHA256(secret, salt = cookie name, "Auth.js Generated Encryption Key (<salt>)", 64
 * bytes), claims iat, exp and jti; decode also takes `A256GCM`, any of several secrets (rotation),
 * and 15 s of clock skew. Tokens written by either one decode with the other
 * (__tests__/lib/session-token.test.ts). Edge-safe: auth.config.ts hands it to middleware too.
 * @see https://github.com/nextauthjs/next-auth/blob/main/packages/core/src/jwt.ts
 */

const DEFAULT_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;
const CLOCK_TOLERANCE_SECONDS = 15;
const ENCRYPTION = "A256CBC-HS512";
const KEY_BYTES: Record<string, number> = { "A256CBC-HS512": 64, A256GCM: 32 };

interface DerivedKey {
  key: Uint8Array;
  thumbprint: string;
}

/** Keyed by algorithm, salt and secret; all come from configuration, so the map stays short. */
const keys = new Map<string, Promise<DerivedKey>>();

function derivedKey(secret: string, salt: string, encryption: string): Promise<DerivedKey> {
  const length = KEY_BYTES[encryption];
  if (!length) return Promise.reject(new Error("Unsupported JWT Content Encryption Algorithm"));
  const id = `${encryption}\u0000${salt}\u0000${secret}`;
  let derived = keys.get(id);
  if (!derived) {
    derived = (async () => {
      const key = await hkdf("sha256", secret, salt, `Auth.js Generated Encryption Key (${salt})`, length);
      const thumbprint = await calculateJwkThumbprint(
        { kty: "oct", k: base64url.encode(key) },
        `sha${length << 3}` as "sha256",
      );
      return { key, thumbprint };
    })();
    derived.catch(() => keys.delete(id));
    keys.set(id, derived);
  }
  return derived;
}

const secretsOf = (secret: string | string[]) => (Array.isArray(secret) ? secret : [secret]);

export async function encodeSessionToken({
  token = {},
  secret,
  maxAge = DEFAULT_MAX_AGE_SECONDS,
  salt,
}: JWTEncodeParams): Promise<string> {
  const { key, thumbprint } = await derivedKey(secretsOf(secret)[0], salt, ENCRYPTION);
  return new EncryptJWT(token)
    .setProtectedHeader({ alg: "dir", enc: ENCRYPTION, kid: thumbprint })
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + maxAge)
    .setJti(crypto.randomUUID())
    .encrypt(key);
}

export async function decodeSessionToken({ token, secret, salt }: JWTDecodeParams): Promise<JWT | null> {
  if (!token) return null;
  const keyId = [salt, ...secretsOf(secret)].join("\u0000");
  return decodeOnce(keyId, token, CLOCK_TOLERANCE_SECONDS, async () => {
    const { payload } = await jwtDecrypt(
      token,
      async ({ kid, enc }) => {
        for (const candidate of secretsOf(secret)) {
          const { key, thumbprint } = await derivedKey(candidate, salt, enc ?? "");
          if (kid === undefined || kid === thumbprint) return key;
        }
        throw new Error("no matching decryption secret");
      },
      {
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        keyManagementAlgorithms: ["dir"],
        contentEncryptionAlgorithms: [ENCRYPTION, "A256GCM"],
      },
    );
    return payload as JWT;
  });
}
