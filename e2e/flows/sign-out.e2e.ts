import { E2E_USERS } from "../support/accounts";
import { appUrl, expect, header, signIn, test } from "../support/fixtures";

test("signs out from the header to /, and the back button shows no protected content", async ({ page }) => {
  await signIn(page, E2E_USERS.admin);
  await expect(page.getByRole("heading", { name: `Welcome, ${E2E_USERS.admin.name}` })).toBeVisible();

  await header(page).getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(appUrl("/"));
  await expect(header(page).getByRole("button", { name: "Sign in" })).toBeVisible();
  expect(await (await page.request.get("/api/auth/session")).json()).toEqual({});

  // Back to /dashboard: not restored from a cache, asked again, and refused.
  await page.goBack();
  await expect(page).toHaveURL(appUrl(`/login?callbackUrl=${encodeURIComponent("/dashboard")}`));
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await expect(page.getByText(`Welcome, ${E2E_USERS.admin.name}`)).toHaveCount(0);
});

// Issue 3 ("sign out everywhere") has not landed: there is no button and no server-side session
// revocation to drive yet. Remove the skip and write the flow when it does.
test.skip("signs out every other browser with 'Sign out everywhere'", async () => {});
