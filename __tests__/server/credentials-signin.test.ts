import { callAuth, CookieJar, FORM, form, getCsrf, landingPage } from "../support/http";
import { expectedAuthErrors } from "../support/next-auth-version";
import { propsOf, runGetServerSideProps } from "../support/pages";
import { getServerSideProps as loginPage } from "@/pages/login";
import { env } from "@/lib/env";
import { changeUser } from "@/lib/users/repository";
import { createTestUser, TEST_PASSWORD, useTestDatabase } from "../support/database";
import { decode, sessionCookieName } from "../support/session";

useTestDatabase();

async function signIn(fields: Record<string, string>, options: { withCsrf?: boolean } = {}) {
  const csrf = await getCsrf();
  return callAuth({
    url: "/api/auth/callback/credentials",
    method: "POST",
    headers: FORM,
    cookie: options.withCsrf === false ? undefined : csrf.cookie,
    body: form({ ...(options.withCsrf === false ? {} : { csrfToken: csrf.csrfToken }), callbackUrl: "/dashboard", ...fields }),
  });
}

const sessionCookieOf = (response: { cookies: Record<string, string> }) => response.cookies[sessionCookieName(env().baseUrl)];

describe("credentials sign-in through the real next-auth handler", () => {
  it("signs a user in and puts their id and role into the encrypted session cookie", async () => {
    const user = await createTestUser({ role: "admin" });
    const response = await signIn({ email: user.email!, password: TEST_PASSWORD });

    expect(response.status).toBe(302);
    expect(response.location).toBe("http://localhost:3000/dashboard");
    const token = await decode({ token: sessionCookieOf(response), secret: env().secret });
    expect(token).toMatchObject({ id: user.id, role: "admin", email: user.email });
  });

  it("accepts the email in any letter case and with spaces around it", async () => {
    const user = await createTestUser({ email: "mixed.case@example.com" });
    const response = await signIn({ email: "  Mixed.Case@Example.COM ", password: TEST_PASSWORD });
    expect(sessionCookieOf(response)).toBeTruthy();
    expect(await decode({ token: sessionCookieOf(response), secret: env().secret })).toMatchObject({ id: user.id });
  });

  it("answers a wrong password and an unknown email identically, without a session", async () => {
    const user = await createTestUser();
    const wrongPassword = await signIn({ email: user.email!, password: "not the password" });
    const unknownEmail = await signIn({ email: "nobody@example.com", password: "not the password" });

    for (const response of [wrongPassword, unknownEmail]) {
      expect(response.status).toBe(302);
      expect(sessionCookieOf(response)).toBeUndefined();
    }
    expect(wrongPassword.location).toBe(unknownEmail.location);
    expect(wrongPassword.location).toContain("error=CredentialsSignin");
    expect(wrongPassword.location).not.toContain("nobody");
  });

  it("refuses a sign-in without the CSRF token", async () => {
    const user = await createTestUser();
    const response = await signIn({ email: user.email!, password: TEST_PASSWORD }, { withCsrf: false });
    expect(response.status).toBe(302);
    expect(response.location).toContain(expectedAuthErrors.missingCsrf);
    expect(sessionCookieOf(response)).toBeUndefined();
  });

  it("refuses a CSRF token that does not match its cookie", async () => {
    const user = await createTestUser();
    const mine = await getCsrf();
    const theirs = await getCsrf();
    const response = await callAuth({
      url: "/api/auth/callback/credentials",
      method: "POST",
      headers: FORM,
      cookie: mine.cookie,
      body: form({ csrfToken: theirs.csrfToken, email: user.email!, password: TEST_PASSWORD }),
    });
    expect(sessionCookieOf(response)).toBeUndefined();
  });

  it.each([
    ["a missing password", { email: "someone@example.com" }],
    ["an email that is not an email", { email: "not-an-email", password: "x" }],
    ["an over-long password", { email: "someone@example.com", password: "x".repeat(10_000) }],
    ["an over-long email", { email: `${"a".repeat(300)}@example.com`, password: "x" }],
  ])("answers %s as a failed sign-in, not a server error", async (_case, fields) => {
    const response = await signIn(fields as Record<string, string>);
    expect(response.status).toBe(302);
    expect(sessionCookieOf(response)).toBeUndefined();
    expect(response.location).toContain("error=CredentialsSignin");
  });

  it("does not sign in a disabled user, even with the right password", async () => {
    await createTestUser({ role: "admin" }); // keeps an active admin so the target can be disabled
    const user = await createTestUser();
    await changeUser(user.id, { disabled: true });
    const response = await signIn({ email: user.email!, password: TEST_PASSWORD });
    expect(response.location).toContain("error=CredentialsSignin");
    expect(sessionCookieOf(response)).toBeUndefined();
  });

  it("keeps the callbackUrl through a failed attempt so the retry lands on the same page", async () => {
    const csrf = await getCsrf();
    const failed = await callAuth({
      url: "/api/auth/callback/credentials",
      method: "POST",
      headers: FORM,
      cookie: csrf.cookie,
      body: form({ csrfToken: csrf.csrfToken, email: "nobody@example.com", password: "x", callbackUrl: "/admin/users" }),
    });
    // v4 goes through its error and sign-in routes, which read the callback-url cookie; v5 goes straight to /login.
    const jar = new CookieJar(csrf.cookie);
    const landing = await landingPage(failed, jar);
    expect(landing).toBe(expectedAuthErrors.wrongCredentials("/admin/users"));
    expect(sessionCookieOf(failed)).toBeUndefined();
    // The login page it lands on posts the retry to the same page.
    const { result } = await runGetServerSideProps(loginPage, { path: landing! });
    expect(await propsOf(result)).toMatchObject({ callbackUrl: "/admin/users", error: "Wrong email or password." });
  });

  it.each(["https://evil.example/", "//evil.example/x", "/\\evil.example", "http://localhost:3000.evil.example/", "javascript:alert(1)"])(
    "lands on our own home page, not on %s, after signing in with it as callbackUrl",
    async (callbackUrl) => {
      const user = await createTestUser();
      const response = await signIn({ email: user.email!, password: TEST_PASSWORD, callbackUrl });
      expect(sessionCookieOf(response)).toBeTruthy();
      expect(response.location).toMatch(/^http:\/\/localhost:3000\/?$/);
    },
  );

  it("keeps a same-origin callbackUrl after signing out, and refuses another site's", async () => {
    for (const [callbackUrl, expected] of [
      ["/login", "http://localhost:3000/login"],
      ["https://evil.example/", "http://localhost:3000"],
    ]) {
      const csrf = await getCsrf();
      const response = await callAuth({
        url: "/api/auth/signout",
        method: "POST",
        headers: FORM,
        cookie: `${csrf.cookie}; ${sessionCookieName(env().baseUrl)}=${"x"}`,
        body: form({ csrfToken: csrf.csrfToken, callbackUrl }),
      });
      expect(response.location).toBe(expected);
      expect(sessionCookieOf(response)).toBe("");
    }
  });

  it.each([
    ["a malformed URL", "http://[::1"],
    ["an array", ["/a", "/b"]],
  ])("answers a POST body whose callbackUrl is %s with a safe redirect, not a 500", async (_case, callbackUrl) => {
    const user = await createTestUser();
    const csrf = await getCsrf();
    const fields = new URLSearchParams({ csrfToken: csrf.csrfToken, email: user.email!, password: TEST_PASSWORD });
    for (const value of ([] as string[]).concat(callbackUrl)) fields.append("callbackUrl", value);
    const response = await callAuth({
      url: "/api/auth/callback/credentials",
      method: "POST",
      headers: FORM,
      cookie: csrf.cookie,
      body: fields.toString(),
    });
    expect(response.status).toBe(302);
    expect(response.location).toMatch(/^http:\/\/localhost:3000\/?$/);
  });
});
