import { getCsrf, landingPage } from "../support/http";
import { expectedAuthErrors } from "@/tooling/next-auth-version";
import { propsOf, runGetServerSideProps } from "../support/pages";
import { getServerSideProps as loginPage } from "@/pages/login";
import { env } from "@/lib/env";
import { changeUser } from "@/lib/users/repository";
import { createTestUser, TEST_PASSWORD, useTestDatabase } from "../support/database";
import { decode, sessionCookieName } from "../support/session";
import { signInWithPassword, signOut } from "../support/sign-in";

useTestDatabase();

const signInToDashboard = (fields: Record<string, string | string[]>, options?: { withCsrf?: boolean }) =>
  signInWithPassword({ callbackUrl: "/dashboard", ...fields }, options);

describe("credentials sign-in through the real next-auth handler", () => {
  it("signs a user in and puts their id and role into the encrypted session cookie", async () => {
    const user = await createTestUser({ role: "admin" });
    const { response, sessionToken } = await signInToDashboard({ email: user.email!, password: TEST_PASSWORD });

    expect(response.status).toBe(302);
    expect(response.location).toBe("http://localhost:3000/dashboard");
    const token = await decode({ token: sessionToken, secret: env().secret });
    expect(token).toMatchObject({ id: user.id, role: "admin", email: user.email });
  });

  it("accepts the email in any letter case and with spaces around it", async () => {
    const user = await createTestUser({ email: "mixed.case@example.com" });
    const { sessionToken } = await signInToDashboard({ email: "  Mixed.Case@Example.COM ", password: TEST_PASSWORD });
    expect(sessionToken).toBeTruthy();
    expect(await decode({ token: sessionToken, secret: env().secret })).toMatchObject({ id: user.id });
  });

  it("answers a wrong password and an unknown email identically, without a session", async () => {
    const user = await createTestUser();
    const wrongPassword = await signInToDashboard({ email: user.email!, password: "not the password" });
    const unknownEmail = await signInToDashboard({ email: "nobody@example.com", password: "not the password" });

    for (const { response, sessionToken } of [wrongPassword, unknownEmail]) {
      expect(response.status).toBe(302);
      expect(sessionToken).toBeUndefined();
    }
    expect(wrongPassword.response.location).toBe(unknownEmail.response.location);
    expect(wrongPassword.response.location).toContain("error=CredentialsSignin");
    expect(wrongPassword.response.location).not.toContain("nobody");
  });

  it("refuses a sign-in without the CSRF token", async () => {
    const user = await createTestUser();
    const { response, sessionToken } = await signInToDashboard(
      { email: user.email!, password: TEST_PASSWORD },
      { withCsrf: false },
    );
    expect(response.status).toBe(302);
    expect(response.location).toContain(expectedAuthErrors.missingCsrf);
    expect(sessionToken).toBeUndefined();
  });

  it("refuses a CSRF token that does not match its cookie", async () => {
    const user = await createTestUser();
    const theirs = await getCsrf();
    // Posts with a fresh CSRF cookie of its own, but another browser's token.
    const { sessionToken } = await signInWithPassword({
      csrfToken: theirs.csrfToken,
      email: user.email!,
      password: TEST_PASSWORD,
    });
    expect(sessionToken).toBeUndefined();
  });

  it.each([
    ["a missing password", { email: "someone@example.com" }],
    ["an email that is not an email", { email: "not-an-email", password: "x" }],
    ["an over-long password", { email: "someone@example.com", password: "x".repeat(10_000) }],
    ["an over-long email", { email: `${"a".repeat(300)}@example.com`, password: "x" }],
  ])("answers %s as a failed sign-in, not a server error", async (_case, fields) => {
    const { response, sessionToken } = await signInToDashboard(fields as Record<string, string>);
    expect(response.status).toBe(302);
    expect(sessionToken).toBeUndefined();
    expect(response.location).toContain("error=CredentialsSignin");
  });

  it("does not sign in a disabled user, even with the right password", async () => {
    await createTestUser({ role: "admin" }); // keeps an active admin so the target can be disabled
    const user = await createTestUser();
    await changeUser(user.id, { disabled: true });
    const { response, sessionToken } = await signInToDashboard({ email: user.email!, password: TEST_PASSWORD });
    expect(response.location).toContain("error=CredentialsSignin");
    expect(sessionToken).toBeUndefined();
  });

  it("keeps the callbackUrl through a failed attempt so the retry lands on the same page", async () => {
    const failed = await signInToDashboard({ email: "nobody@example.com", password: "x", callbackUrl: "/admin/users" });
    // v4 goes through its error and sign-in routes, which read the callback-url cookie; v5 goes straight to /login.
    const landing = await landingPage(failed.response, failed.jar);
    expect(landing).toBe(expectedAuthErrors.wrongCredentials("/admin/users"));
    expect(failed.sessionToken).toBeUndefined();
    // The login page it lands on posts the retry to the same page.
    const { result } = await runGetServerSideProps(loginPage, { path: landing! });
    expect(await propsOf(result)).toMatchObject({ callbackUrl: "/admin/users", error: "Wrong email or password." });
  });

  it.each([
    "https://evil.example/",
    "//evil.example/x",
    "/\\evil.example",
    "http://localhost:3000.evil.example/",
    "javascript:alert(1)",
  ])("lands on our own home page, not on %s, after signing in with it as callbackUrl", async (callbackUrl) => {
    const user = await createTestUser();
    const { response, sessionToken } = await signInToDashboard({
      email: user.email!,
      password: TEST_PASSWORD,
      callbackUrl,
    });
    expect(sessionToken).toBeTruthy();
    expect(response.location).toMatch(/^http:\/\/localhost:3000\/?$/);
  });

  it("keeps a same-origin callbackUrl after signing out, and refuses another site's", async () => {
    for (const [callbackUrl, expected] of [
      ["/login", "http://localhost:3000/login"],
      ["https://evil.example/", "http://localhost:3000"],
    ]) {
      const response = await signOut(`${sessionCookieName(env().baseUrl)}=x`, callbackUrl);
      expect(response.location).toBe(expected);
      expect(response.cookies[sessionCookieName(env().baseUrl)]).toBe("");
    }
  });

  it.each([
    ["a malformed URL", "http://[::1"],
    ["an array", ["/a", "/b"]],
  ])("answers a POST body whose callbackUrl is %s with a safe redirect, not a 500", async (_case, callbackUrl) => {
    const user = await createTestUser();
    const { response } = await signInWithPassword({ email: user.email!, password: TEST_PASSWORD, callbackUrl });
    expect(response.status).toBe(302);
    expect(response.location).toMatch(/^http:\/\/localhost:3000\/?$/);
  });
});
