/**
 * @jest-environment node
 */
import { decode, encode } from "next-auth/jwt";
import { decodeProtectedHeader } from "jose";
import { decodeSessionToken, encodeSessionToken } from "@/lib/auth/session-token";

const secret = "a-test-secret-that-is-long-enough-000000";
const salt = "authjs.session-token";
const claims = { id: "u1", role: "user" as const, email: "u@example.com", authTime: 1_700_000_000 };

describe("v5 session tokens with a cached derived key", () => {
  it("writes tokens Auth.js v5 reads, and reads tokens v5 writes", async () => {
    expect(
      await decode({ token: await encodeSessionToken({ token: claims, secret, salt }), secret, salt }),
    ).toMatchObject(claims);
    expect(
      await decodeSessionToken({ token: await encode({ token: claims, secret, salt }), secret, salt }),
    ).toMatchObject(claims);
  });

  it("keeps v5's format: the same JWE header (with the key's thumbprint as kid) and claims", async () => {
    const ours = await encodeSessionToken({ token: claims, secret, salt, maxAge: 60 });
    const theirs = await encode({ token: claims, secret, salt, maxAge: 60 });
    expect(decodeProtectedHeader(ours)).toEqual(decodeProtectedHeader(theirs));
    expect(ours.split(".").map((part) => part.length)).toEqual(theirs.split(".").map((part) => part.length));
    const decoded = await decodeSessionToken({ token: ours, secret, salt });
    expect(Object.keys(decoded ?? {}).sort()).toEqual([...Object.keys(claims), "exp", "iat", "jti"].sort());
    expect(Number(decoded!.exp) - Number(decoded!.iat)).toBe(60);
  });

  it("salts the key with the cookie name, so a token moved to another cookie does not decode", async () => {
    const token = await encodeSessionToken({ token: claims, secret, salt });
    await expect(decodeSessionToken({ token, secret, salt: `__Secure-${salt}` })).rejects.toThrow();
  });

  it("reads a token sealed with an older secret while the new one is first (rotation)", async () => {
    const old = await encode({ token: claims, secret: `${secret}-old`, salt });
    expect(await decodeSessionToken({ token: old, secret: [secret, `${secret}-old`], salt })).toMatchObject(claims);
    const fresh = await encodeSessionToken({ token: claims, secret: [secret, `${secret}-old`], salt });
    expect(await decode({ token: fresh, secret, salt })).toMatchObject(claims);
  });

  it("refuses a token sealed with another secret, a tampered one and an expired one", async () => {
    const foreign = await encode({ token: claims, secret: `${secret}-other`, salt });
    await expect(decodeSessionToken({ token: foreign, secret, salt })).rejects.toThrow();
    const token = await encodeSessionToken({ token: claims, secret, salt });
    const parts = token.split(".");
    parts[3] = `${parts[3].slice(0, -2)}${parts[3].endsWith("AA") ? "BB" : "AA"}`;
    await expect(decodeSessionToken({ token: parts.join("."), secret, salt })).rejects.toThrow();
    const expired = await encodeSessionToken({ token: claims, secret, salt, maxAge: -60 });
    await expect(decodeSessionToken({ token: expired, secret, salt })).rejects.toThrow();
  });

  it("returns null without a token", async () => {
    expect(await decodeSessionToken({ token: undefined, secret, salt })).toBeNull();
  });
});
