import { DEMO_USERS } from "@/lib/users/seed";
import { E2E_ROLE_RECHECK_SECONDS } from "../support/role-recheck";
import { appUrl, expect, header, signIn, test } from "../support/fixtures";
import { SIGNED_OUT_SESSION } from "@/tooling/next-auth-version";

test("signs out from the header to /, and the back button shows no protected content", async ({ page }) => {
  await signIn(page, DEMO_USERS.admin);
  await expect(page.getByRole("heading", { name: `Welcome, ${DEMO_USERS.admin.name}` })).toBeVisible();

  await header(page).getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(appUrl("/"));
  await expect(header(page).getByRole("button", { name: "Sign in" })).toBeVisible();
  expect(await (await page.request.get("/api/auth/session")).json()).toEqual(SIGNED_OUT_SESSION);

  // Back to /dashboard: not restored from a cache, asked again, and refused.
  await page.goBack();
  await expect(page).toHaveURL(appUrl(`/login?callbackUrl=${encodeURIComponent("/dashboard")}`));
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await expect(page.getByText(`Welcome, ${DEMO_USERS.admin.name}`)).toHaveCount(0);
});

test("signs every other browser out with 'Sign out everywhere', within the re-check window", async ({
  page,
  browser,
}) => {
  const { user } = DEMO_USERS;
  const otherContext = await browser.newContext();
  try {
    const other = await otherContext.newPage();
    await signIn(other, user);
    await expect(other.getByRole("heading", { name: `Welcome, ${user.name}` })).toBeVisible();

    await signIn(page, user);
    await page.getByRole("button", { name: "Sign out everywhere" }).click();
    await expect(page).toHaveURL((url) => url.pathname === "/login");
    expect(await (await page.request.get("/api/auth/session")).json()).toEqual(SIGNED_OUT_SESSION);

    // The other browser still holds a cookie that decrypts; the server re-reads the session
    // version once the window has passed and ends the session.
    await expect(async () => {
      await other.goto("/dashboard");
      await expect(other).toHaveURL(appUrl(`/login?callbackUrl=${encodeURIComponent("/dashboard")}`), {
        timeout: 1_000,
      });
    }).toPass({ timeout: (E2E_ROLE_RECHECK_SECONDS + 10) * 1_000 });
    expect(await (await other.request.get("/api/auth/session")).json()).toEqual(SIGNED_OUT_SESSION);
  } finally {
    await otherContext.close();
  }
});
