import { landingPage } from "../support/http";
import { env } from "@/lib/env";
import { createTestUser, TEST_PASSWORD, useTestDatabase } from "../support/database";
import { expectedAuthErrors } from "@/tooling/next-auth-version";
import { signInWithPassword } from "../support/sign-in";

// Small limits keep the file fast; the defaults (5 and 20) are checked in the env tests.
process.env.RATE_LIMIT_ACCOUNT_ATTEMPTS = "3";
process.env.RATE_LIMIT_IP_ATTEMPTS = "6";
useTestDatabase();
// Each test makes four to seven real sign-ins (CSRF round trip, password hash): 5 s is too tight
// on a loaded 2-core machine.
jest.setTimeout(20_000);

const signInToDashboard = (email: string, password: string, headers?: Record<string, string>) =>
  signInWithPassword({ email, password, callbackUrl: "/dashboard" }, { headers });

describe("rate limiting of failed sign-ins (shared in the database)", () => {
  it("locks an account after RATE_LIMIT_ACCOUNT_ATTEMPTS failures, even for the right password, and says when to retry", async () => {
    const user = await createTestUser();
    for (let attempt = 0; attempt < env().rateLimit.accountAttempts; attempt += 1) {
      expect((await signInToDashboard(user.email!, "wrong password")).sessionToken).toBeFalsy();
    }
    const { response, sessionToken, jar } = await signInToDashboard(user.email!, TEST_PASSWORD);
    expect(sessionToken).toBeFalsy();
    const page = await landingPage(response, jar);
    expect(page).toBe(expectedAuthErrors.refusedWithCode("TooManyAttempts:15", "/dashboard"));
  });

  it("limits unknown emails the same way, so the limit reveals nothing about who has an account", async () => {
    for (let attempt = 0; attempt < env().rateLimit.accountAttempts; attempt += 1) {
      await signInToDashboard("ghost@example.com", "whatever");
    }
    const { response, jar } = await signInToDashboard("ghost@example.com", "whatever");
    expect(await landingPage(response, jar)).toBe(
      expectedAuthErrors.refusedWithCode("TooManyAttempts:15", "/dashboard"),
    );
  });

  it("does not let a forged X-Forwarded-For header dodge the per-address limit", async () => {
    // Each attempt uses a new email (so the account limit never trips) and a new forged address.
    for (let attempt = 0; attempt < env().rateLimit.ipAttempts; attempt += 1) {
      await signInToDashboard(`spray-${attempt}@example.com`, "guess", { "x-forwarded-for": `203.0.113.${attempt}` });
    }
    const user = await createTestUser();
    const { sessionToken, response, jar } = await signInToDashboard(user.email!, TEST_PASSWORD, {
      "x-forwarded-for": "198.51.100.7",
    });
    expect(sessionToken).toBeFalsy();
    expect(await landingPage(response, jar)).toMatch(/TooManyAttempts/);
  });
});
