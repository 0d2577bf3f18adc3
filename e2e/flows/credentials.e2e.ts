import { loginErrorMessage } from "@/lib/auth/login-errors";
import { DEMO_USERS } from "@/lib/users/seed";
import { alert, appUrl, expect, screenshot, signIn, submitLogin, test } from "../support/fixtures";
import { SIGNED_OUT_SESSION } from "@/tooling/next-auth-version";

test("sends a signed-out visitor from /dashboard to /login, and back to /dashboard after signing in", async ({
  page,
}) => {
  await page.goto("/dashboard");

  await expect(page).toHaveURL(appUrl(`/login?callbackUrl=${encodeURIComponent("/dashboard")}`));
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();

  await submitLogin(page, DEMO_USERS.user);

  await expect(page).toHaveURL(appUrl("/dashboard"));
  await expect(page.getByRole("heading", { name: `Welcome, ${DEMO_USERS.user.name}` })).toBeVisible();
});

test("shows the same message for a wrong password and for an unknown email", async ({ page }) => {
  const expected = loginErrorMessage("CredentialsSignin");

  await page.goto("/login");
  await submitLogin(page, { email: DEMO_USERS.user.email, password: "not-the-password" });
  await expect(alert(page)).toHaveText(expected!);
  const afterWrongPassword = { url: page.url(), alert: await alert(page).textContent() };

  await page.goto("/login");
  await submitLogin(page, { email: "nobody@example.com", password: "not-the-password" });
  await expect(alert(page)).toHaveText(expected!);
  const afterUnknownEmail = { url: page.url(), alert: await alert(page).textContent() };

  expect(afterUnknownEmail).toEqual(afterWrongPassword);
  expect(new URL(page.url()).pathname).toBe("/login");
  // Still signed out: the session endpoint answers an empty object.
  expect(await (await page.request.get("/api/auth/session")).json()).toEqual(SIGNED_OUT_SESSION);
  await screenshot(page, "login-error");
});

test("keeps a sign-in on our own origin when the form's callbackUrl is tampered with", async ({ page }) => {
  // The login page only puts same-origin paths in the form; an attacker can still post anything.
  // next-auth passes it through the `redirect` callback, which must fall back to the base URL.
  const { origin, host } = new URL(appUrl());
  for (const target of [
    "https://evil.example/steal",
    "//evil.example/steal",
    `${origin}@evil.example/`,
    `http://${host}.evil.example/`,
  ]) {
    await page.context().clearCookies();
    await page.goto("/login");
    // Once the CSRF token is in, React renders the form no more, so the tampered value stays.
    await expect(page.getByRole("button", { name: "Sign in with email" })).toBeEnabled();
    await page
      .locator('input[name="callbackUrl"]')
      .evaluate((input: HTMLInputElement, value) => (input.value = value), target);
    const posted = page.waitForRequest(
      (request) => new URL(request.url()).pathname === "/api/auth/callback/credentials",
    );
    await submitLogin(page, DEMO_USERS.user);
    expect(new URLSearchParams((await posted).postData() ?? "").get("callbackUrl")).toBe(target);

    await page.waitForURL((url) => !url.pathname.startsWith("/api/auth") && url.pathname !== "/login");
    expect(new URL(page.url()).origin, `callbackUrl ${target}`).toBe(origin);
    await expect(page.getByText(`Signed in as ${DEMO_USERS.user.email}`)).toBeVisible();
    // A session request still in flight would set the cookie again after clearCookies() (v5's
    // client refetches right after a page load); let it land first.
    await page.waitForLoadState("networkidle");
  }
});

test("signs a returning user straight through /login to the callbackUrl", async ({ page }) => {
  await signIn(page, DEMO_USERS.user, "/client");
  await expect(page).toHaveURL(appUrl("/client"));
  // Signed in already: /login sends the visitor on instead of showing the form again.
  await page.goto(`/login?callbackUrl=${encodeURIComponent("/dashboard")}`);
  await expect(page).toHaveURL(appUrl("/dashboard"));
});
