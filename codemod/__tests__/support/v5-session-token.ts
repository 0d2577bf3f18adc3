import hkdf from "@panva/hkdf";
import { base64url, calculateJwkThumbprint, EncryptJWT, jwtDecrypt, type JWTPayload } from "jose";

/**
 * Auth.js v5's session JWT (@auth/core 0.41.3 jwt.js), for tests that run with next-auth 4
 * installed: JWE `dir` + `A256CBC-HS512`, `kid` = the key's JWK thumbprint, key =
 * HKDF-SHA256(secret, salt = cookie name, "Auth.js Generated Encryption Key (<salt>)", 64 bytes).
 */
const ENCRYPTION = "A256CBC-HS512";

const v5Key = (secret: string, salt: string) =>
  hkdf("sha256", secret, salt, `Auth.js Generated Encryption Key (${salt})`, 64);

/** v5's `encode` from next-auth/jwt. */
export async function encodeV5SessionToken(params: {
  token?: Record<string, unknown>;
  secret: string | string[];
  salt: string;
  maxAge?: number;
}): Promise<string> {
  const { token = {}, secret, salt, maxAge = 30 * 24 * 60 * 60 } = params;
  const key = await v5Key([secret].flat()[0] ?? "", salt);
  const kid = await calculateJwkThumbprint({ kty: "oct", k: base64url.encode(key) }, "sha512");
  return new EncryptJWT(token)
    .setProtectedHeader({ alg: "dir", enc: ENCRYPTION, kid })
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + maxAge)
    .setJti(crypto.randomUUID())
    .encrypt(key);
}

/** v5's `decode`: the claims, or a rejection when `secret` did not seal the token. */
export async function decodeV5SessionToken(token: string, secret: string, salt: string): Promise<JWTPayload> {
  const { payload } = await jwtDecrypt(token, await v5Key(secret, salt), {
    clockTolerance: 15,
    keyManagementAlgorithms: ["dir"],
    contentEncryptionAlgorithms: [ENCRYPTION],
  });
  return payload;
}
