import { hashPassword, verifyAgainstDummyHash, verifyPassword } from "@/lib/users/password";
import { parseEnv, resetEnvForTests } from "@/lib/env";

const SECRET = "s".repeat(32);

/** Runs `use` with NODE_ENV=production and the test suite's PASSWORD_HASH_LOG2_N as given. */
async function inProduction<T>(log2N: string | undefined, use: () => Promise<T>): Promise<T> {
  const saved = { NODE_ENV: process.env.NODE_ENV, PASSWORD_HASH_LOG2_N: process.env.PASSWORD_HASH_LOG2_N };
  const environment = process.env as Record<string, string | undefined>;
  const setVariable = (name: keyof typeof saved, value: string | undefined) => {
    if (value === undefined) delete environment[name];
    else environment[name] = value;
  };
  setVariable("NODE_ENV", "production");
  setVariable("PASSWORD_HASH_LOG2_N", log2N);
  resetEnvForTests();
  try {
    return await use();
  } finally {
    setVariable("NODE_ENV", saved.NODE_ENV);
    setVariable("PASSWORD_HASH_LOG2_N", saved.PASSWORD_HASH_LOG2_N);
    resetEnvForTests();
  }
}

describe("password hashing (scrypt, OWASP parameters)", () => {
  let hash: string;
  beforeAll(async () => {
    hash = await hashPassword("correct horse");
  });

  it("stores the algorithm and parameters with a random salt (the test suite's lowered N=2^10)", async () => {
    expect(hash).toMatch(/^scrypt\$10\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
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

describe("password hashing cost in production", () => {
  // The one full-cost hash of the suite (about 0.3 s, longer on a loaded machine).
  let fullCostHash: string;
  beforeAll(async () => {
    fullCostHash = await inProduction(undefined, () => hashPassword("correct horse"));
  }, 30_000);

  it("hashes at the full cost, N=2^17, in production", () => {
    expect(fullCostHash).toMatch(/^scrypt\$17\$8\$1\$/);
  });

  it("refuses the tests' lowered cost in production, naming PASSWORD_HASH_LOG2_N", async () => {
    const env = { NODE_ENV: "production", NEXTAUTH_SECRET: SECRET, NEXTAUTH_URL: "https://app.example.com" };
    expect(parseEnv(env).passwordHashLog2N).toBe(17);
    expect(() => parseEnv({ ...env, PASSWORD_HASH_LOG2_N: "10" })).toThrow(/PASSWORD_HASH_LOG2_N: is for tests only/);
    await expect(inProduction("10", () => hashPassword("correct horse"))).rejects.toThrow(/PASSWORD_HASH_LOG2_N/);
  });

  it("verifies a full-cost hash under the tests' setting, and a lowered one in production", async () => {
    expect(await verifyPassword("correct horse", fullCostHash)).toBe(true);
    expect(await verifyPassword("wrong horse", fullCostHash)).toBe(false);
    const loweredCostHash = await hashPassword("correct horse");
    expect(loweredCostHash).toMatch(/^scrypt\$10\$/);
    expect(await inProduction(undefined, () => verifyPassword("correct horse", loweredCostHash))).toBe(true);
    expect(await inProduction(undefined, () => verifyPassword("wrong horse", loweredCostHash))).toBe(false);
  }, 30_000);

  it("refuses a cost outside 2^10…2^17 in any environment", () => {
    for (const value of ["9", "18", "fast"]) {
      expect(() => parseEnv({ NEXTAUTH_SECRET: SECRET, PASSWORD_HASH_LOG2_N: value })).toThrow(/PASSWORD_HASH_LOG2_N/);
    }
  });
});
