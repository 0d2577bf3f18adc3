// A session token decoded before is answered from lib/auth/decoded-token-cache.ts. Through the
// app's own decoder, so the same test runs on v4's token format and, after step 06, on v5's.
import { decodeSessionToken, encodeSessionToken } from "@/lib/auth/session-token";
import { moveDateTo } from "../support/clock";

const secret = "a-test-secret-that-is-long-enough-000000";
const salt = "authjs.session-token";
const claims = { sub: "u1", id: "u1", role: "user" as const, email: "u@example.com" };

afterEach(() => jest.useRealTimers());

describe("a session token decoded a second time", () => {
  it("gives the same claims, and each caller its own copy", async () => {
    const token = await encodeSessionToken({ token: claims, secret, salt, maxAge: 60 });
    const first = await decodeSessionToken({ token, secret, salt });
    first!.role = "admin";
    const second = await decodeSessionToken({ token, secret, salt });
    expect(second).toMatchObject(claims);
    expect(second).not.toBe(first);
  });

  it("is refused once it has expired, past the 15 s clock tolerance", async () => {
    const token = await encodeSessionToken({ token: claims, secret, salt, maxAge: 60 });
    expect(await decodeSessionToken({ token, secret, salt })).toMatchObject(claims);
    moveDateTo(Date.now() + 70_000);
    expect(await decodeSessionToken({ token, secret, salt })).toMatchObject(claims);
    moveDateTo(Date.now() + 10_000);
    await expect(decodeSessionToken({ token, secret, salt })).rejects.toThrow();
  });

  it("is refused under another secret or salt after decoding under the right one", async () => {
    const token = await encodeSessionToken({ token: claims, secret, salt, maxAge: 60 });
    expect(await decodeSessionToken({ token, secret, salt })).toMatchObject(claims);
    await expect(decodeSessionToken({ token, secret: `${secret}-rotated`, salt })).rejects.toThrow();
    await expect(decodeSessionToken({ token, secret, salt: "another-cookie" })).rejects.toThrow();
  });
});
