/**
 * @jest-environment node
 */
import { decode, encode } from "next-auth/jwt";
import { decodeProtectedHeader } from "jose";
import { decodeSessionToken, encodeSessionToken } from "@/lib/auth/session-token";

const secret = "a-test-secret-that-is-long-enough-000000";
const claims = { id: "u1", role: "user" as const, email: "u@example.com", authTime: 1_700_000_000 };

describe("session tokens with a cached derived key", () => {
  it("writes tokens next-auth v4 reads, and reads tokens next-auth v4 writes", async () => {
    expect(await decode({ token: await encodeSessionToken({ token: claims, secret }), secret })).toMatchObject(claims);
    expect(await decodeSessionToken({ token: await encode({ token: claims, secret }), secret })).toMatchObject(claims);
  });

  it("keeps v4's format: the same JWE header and claims", async () => {
    const ours = await encodeSessionToken({ token: claims, secret, maxAge: 60 });
    const theirs = await encode({ token: claims, secret, maxAge: 60 });
    expect(decodeProtectedHeader(ours)).toEqual(decodeProtectedHeader(theirs));
    expect(ours.split(".").map((part) => part.length)).toEqual(theirs.split(".").map((part) => part.length));
    const decoded = await decodeSessionToken({ token: ours, secret });
    expect(Object.keys(decoded ?? {}).sort()).toEqual([...Object.keys(claims), "exp", "iat", "jti"].sort());
    expect(Number(decoded!.exp) - Number(decoded!.iat)).toBe(60);
  });

  it("derives a salted key the way v4 does for its state and PKCE cookies", async () => {
    const salt = "next-auth.state";
    expect(
      await decode({ token: await encodeSessionToken({ token: claims, secret, salt }), secret, salt }),
    ).toMatchObject(claims);
    await expect(
      decodeSessionToken({ token: await encode({ token: claims, secret, salt }), secret }),
    ).rejects.toThrow();
  });

  it("refuses a token sealed with another secret, a tampered one and an expired one", async () => {
    const foreign = await encode({ token: claims, secret: `${secret}-other` });
    await expect(decodeSessionToken({ token: foreign, secret })).rejects.toThrow();
    const token = await encodeSessionToken({ token: claims, secret });
    const parts = token.split(".");
    parts[3] = `${parts[3].slice(0, -2)}${parts[3].endsWith("AA") ? "BB" : "AA"}`;
    await expect(decodeSessionToken({ token: parts.join("."), secret })).rejects.toThrow();
    const expired = await encodeSessionToken({ token: claims, secret, maxAge: -60 });
    await expect(decodeSessionToken({ token: expired, secret })).rejects.toThrow();
  });

  it("returns null without a token", async () => {
    expect(await decodeSessionToken({ token: undefined, secret })).toBeNull();
  });
});
