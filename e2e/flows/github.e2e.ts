import type { Page } from "@playwright/test";
import { loginErrorMessage } from "@/lib/auth/login-errors";
import { DEMO_USERS } from "@/lib/users/seed";
import { GITHUB_ACCOUNTS, type GithubLogin } from "@/tooling/github-accounts";
import type { ProviderEvent } from "@/tooling/github-provider";
import { alert, appUrl, expect, header, signIn, test } from "../support/fixtures";
import { SIGNED_OUT_SESSION } from "@/tooling/next-auth-version";

/**
 * The GitHub sign-in, for real: the browser goes app → local provider (a GitHub Enterprise
 * Server lookalike, set as AUTH_GITHUB_ENTERPRISE_URL) → app callback, where next-auth checks
 * the state, exchanges the code and reads the profile. These flows build on each other.
 */
test.describe.configure({ mode: "serial" });

const providerUrl = () => process.env.E2E_PROVIDER_URL!;

async function providerEvents(page: Page): Promise<ProviderEvent[]> {
  return (await page.request.get(`${providerUrl()}/__e2e/events`)).json();
}

/** From /login to the provider's consent page. */
async function openConsent(page: Page, callbackUrl = "/dashboard") {
  await page.goto(`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await page.getByRole("button", { name: "Sign in with GitHub Enterprise" }).click();
  await page.waitForURL((url) => url.href.startsWith(`${providerUrl()}/login/oauth/authorize`));
  const authorize = new URL(page.url());
  expect(authorize.searchParams.get("state"), "next-auth sends a state").toMatch(/.{20,}/);
  expect(authorize.searchParams.get("redirect_uri")).toBe(appUrl("/api/auth/callback/github"));
  await expect(page.getByRole("heading", { name: "Authorize application" })).toBeVisible();
}

async function signInWithGithub(page: Page, login: GithubLogin) {
  await openConsent(page);
  await page.getByRole("button", { name: `Authorize as ${login}` }).click();
  await expect(page).toHaveURL(appUrl("/dashboard"));
}

/** The value shown next to a label on /dashboard. */
const fact = (page: Page, label: string) => page.locator(`dt:text-is("${label}") + dd`);

let octocatUserId = "";

test("signs a first-time GitHub user in through the provider and creates their account", async ({ page }) => {
  const before = (await providerEvents(page)).length;
  await signInWithGithub(page, "octocat");

  const account = GITHUB_ACCOUNTS.octocat;
  await expect(page.getByRole("heading", { name: `Welcome, ${account.name}` })).toBeVisible();
  await expect(fact(page, "Email")).toHaveText(account.publicEmail);
  await expect(fact(page, "Role")).toHaveText("user");
  octocatUserId = (await fact(page, "User id").textContent()) ?? "";
  expect(octocatUserId).toMatch(/^[0-9a-f-]{36}$/);
  await expect(header(page).getByRole("link", { name: "Admin" })).toHaveCount(0);

  // The code was exchanged exactly once, and the profile read with the token.
  const events = (await providerEvents(page)).slice(before).map((e) => `${e.type}:${e.login ?? ""}`);
  expect(events).toEqual(["authorize:", "consent:octocat", "token:octocat", "user:octocat"]);
});

test("signs a returning GitHub user into the same account, without a second user row", async ({ page, browser }) => {
  await signInWithGithub(page, "octocat");
  await expect(fact(page, "User id")).toHaveText(octocatUserId);

  const adminContext = await browser.newContext();
  try {
    const adminPage = await adminContext.newPage();
    await signIn(adminPage, DEMO_USERS.admin, "/admin/users");
    await expect(adminPage.getByRole("row", { name: new RegExp(GITHUB_ACCOUNTS.octocat.publicEmail) })).toHaveCount(1);
  } finally {
    await adminContext.close();
  }
});

test("reads a private email from /user/emails, and makes an ADMIN_EMAILS address an admin", async ({ page }) => {
  await signInWithGithub(page, "hubot");
  // No name on the profile: the login stands in. The email came from /user/emails.
  await expect(page.getByRole("heading", { name: "Welcome, hubot" })).toBeVisible();
  await expect(fact(page, "Email")).toHaveText("hubot@octo.example");
  await expect(fact(page, "Role")).toHaveText("admin");
  await expect(header(page).getByRole("link", { name: "Admin" })).toBeVisible();
});

test("brings a visitor who denies consent back to /login with a readable error", async ({ page }) => {
  await openConsent(page);
  await page.getByRole("button", { name: "Cancel" }).click();

  await expect(page).toHaveURL((url) => url.pathname === "/login" && url.searchParams.has("error"));
  const code = new URL(page.url()).searchParams.get("error");
  await expect(alert(page)).toHaveText(loginErrorMessage(code)!);
  expect(await (await page.request.get("/api/auth/session")).json()).toEqual(SIGNED_OUT_SESSION);
});

test("refuses a callback whose state was issued to another browser (login CSRF)", async ({ page, browser }) => {
  // The attacker starts a sign-in in their own browser and keeps the callback URL, code included.
  const attackerContext = await browser.newContext();
  let stolenCallback = "";
  try {
    const attacker = await attackerContext.newPage();
    // Playwright does not route redirects, so catch the consent POST and keep its Location.
    await attacker.route(
      (url) => url.href === `${providerUrl()}/login/oauth/authorize`,
      async (route) => {
        if (route.request().method() !== "POST") return route.continue();
        const response = await route.fetch({ maxRedirects: 0 });
        stolenCallback = response.headers()["location"] ?? "";
        await route.fulfill({ status: 200, contentType: "text/plain", body: "The attacker keeps this callback URL." });
      },
    );
    await openConsent(attacker);
    await attacker.getByRole("button", { name: "Authorize as octocat" }).click();
    await expect.poll(() => stolenCallback).toContain("code=");
  } finally {
    await attackerContext.close();
  }

  // The victim is lured to it. Without the state cookie that started the flow, it must fail.
  const before = (await providerEvents(page)).length;
  await page.goto(stolenCallback);
  await expect(page).toHaveURL((url) => url.pathname === "/login" && url.searchParams.has("error"));
  await expect(alert(page)).toBeVisible();
  expect(await (await page.request.get("/api/auth/session")).json()).toEqual(SIGNED_OUT_SESSION);
  // Refused before the code was exchanged.
  expect((await providerEvents(page)).slice(before).filter((e) => e.type === "token")).toEqual([]);
});
