import { parseEnv } from "@/lib/env";

const SECRET = "s".repeat(32);

describe("environment validation", () => {
  it("stops with a message naming NEXTAUTH_SECRET when no secret is set", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(/NEXTAUTH_SECRET: is required/);
  });

  it("refuses a secret shorter than 32 characters", () => {
    expect(() => parseEnv({ NEXTAUTH_SECRET: "short" })).toThrow(/NEXTAUTH_SECRET: must be at least 32 characters/);
  });

  it("accepts the v5 name AUTH_SECRET", () => {
    expect(parseEnv({ AUTH_SECRET: SECRET }).secret).toBe(SECRET);
  });

  it("names a malformed NEXTAUTH_URL", () => {
    expect(() => parseEnv({ NEXTAUTH_SECRET: SECRET, NEXTAUTH_URL: "not a url" })).toThrow(/NEXTAUTH_URL/);
  });

  it("names a DATABASE_URL that is not PostgreSQL", () => {
    expect(() => parseEnv({ NEXTAUTH_SECRET: SECRET, DATABASE_URL: "mysql://x" })).toThrow(
      /DATABASE_URL: must be a postgres/,
    );
  });

  it("names a ROLE_RECHECK_SECONDS that is not a whole number", () => {
    expect(() => parseEnv({ NEXTAUTH_SECRET: SECRET, ROLE_RECHECK_SECONDS: "soon" })).toThrow(/ROLE_RECHECK_SECONDS/);
  });

  it("enables GitHub only when both id and secret are set, and says which is missing", () => {
    expect(parseEnv({ NEXTAUTH_SECRET: SECRET }).github).toBeUndefined();
    expect(() => parseEnv({ NEXTAUTH_SECRET: SECRET, AUTH_GITHUB_ID: "id" })).toThrow(/AUTH_GITHUB_SECRET/);
    expect(parseEnv({ NEXTAUTH_SECRET: SECRET, AUTH_GITHUB_ID: "id", AUTH_GITHUB_SECRET: "s" }).github).toMatchObject({
      clientId: "id",
    });
  });

  it("accepts the v4-era GITHUB_ID and GITHUB_SECRET", () => {
    expect(parseEnv({ NEXTAUTH_SECRET: SECRET, GITHUB_ID: "old", GITHUB_SECRET: "s" }).github?.clientId).toBe("old");
  });

  it("has sensible defaults: localhost:3000, embedded database, 60 s re-check", () => {
    expect(parseEnv({ NEXTAUTH_SECRET: SECRET })).toMatchObject({
      baseUrl: "http://localhost:3000",
      databaseUrl: undefined,
      pgliteDataDir: ".data/pglite",
      roleRecheckSeconds: 60,
      sessionMaxLifetimeSeconds: 30 * 24 * 60 * 60,
      reauthWindowSeconds: 15 * 60,
      rateLimit: { accountAttempts: 5, ipAttempts: 20, windowSeconds: 15 * 60 },
      trustProxy: false,
      adminEmails: [],
    });
  });

  it("requires NEXTAUTH_URL in production, where next-auth would otherwise guess the origin", () => {
    expect(() => parseEnv({ NODE_ENV: "production", NEXTAUTH_SECRET: SECRET })).toThrow(
      /NEXTAUTH_URL: is required in production/,
    );
  });

  it("reads ADMIN_EMAILS as a lower-case list", () => {
    expect(parseEnv({ NEXTAUTH_SECRET: SECRET, ADMIN_EMAILS: " A@x.com, b@Y.com ,," }).adminEmails).toEqual([
      "a@x.com",
      "b@y.com",
    ]);
  });
});
