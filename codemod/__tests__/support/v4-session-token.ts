import hkdf from "@panva/hkdf";
import { EncryptJWT } from "jose";

/**
 * next-auth v4's session JWT (next-auth 4.24 jwt/index.js), whatever next-auth is installed: the
 * codemod's tests also run in the migrated app, where next-auth/jwt is v5's. JWE `dir` + `A256GCM`,
 * key = HKDF-SHA256(secret, salt "", "NextAuth.js Generated Encryption Key", 32 bytes).
 */
export async function encodeV4SessionToken(params: {
  token: Record<string, unknown>;
  secret: string;
  maxAge?: number;
}): Promise<string> {
  const { token, secret, maxAge = 30 * 24 * 60 * 60 } = params;
  const key = await hkdf("sha256", secret, "", "NextAuth.js Generated Encryption Key", 32);
  return new EncryptJWT(token)
    .setProtectedHeader({ alg: "dir", enc: "A256GCM" })
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + maxAge)
    .setJti(crypto.randomUUID())
    .encrypt(key);
}
