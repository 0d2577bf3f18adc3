import { hashPassword, verifyAgainstDummyHash, verifyPassword } from "@/lib/auth/password";

describe("password hashing (scrypt, OWASP parameters)", () => {
  let hash: string;
  beforeAll(async () => {
    hash = await hashPassword("correct horse");
  });

  it("stores the algorithm and parameters with a random salt", async () => {
    expect(hash).toMatch(/^scrypt\$17\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(await hashPassword("correct horse")).not.toBe(hash);
  });

  it("verifies the right password and refuses a wrong one", async () => {
    expect(await verifyPassword("correct horse", hash)).toBe(true);
    expect(await verifyPassword("correct horsE", hash)).toBe(false);
  });

  it("refuses a stored value that is not a scrypt hash", async () => {
    expect(await verifyPassword("x", "plaintext")).toBe(false);
  });

  it("always refuses the dummy hash used for unknown emails", async () => {
    expect(await verifyAgainstDummyHash("correct horse")).toBe(false);
  });
});
