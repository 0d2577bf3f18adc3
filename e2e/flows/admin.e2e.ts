import { DEMO_USERS } from "@/lib/users/seed";
import { E2E_ROLE_RECHECK_SECONDS } from "../support/role-recheck";
import { appUrl, expect, header, screenshot, signIn, test, textsSeen, watchForText } from "../support/fixtures";

const WELCOME = "You are an admin, welcome!";
const FORBIDDEN = "403: not allowed";
const { admin, user } = DEMO_USERS;

test("shows an admin the Admin link, the admin page and the users table", async ({ page }) => {
  await signIn(page, admin);
  await expect(page).toHaveURL(appUrl("/dashboard"));
  await expect(page.getByRole("heading", { name: `Welcome, ${admin.name}` })).toBeVisible();
  await screenshot(page, "dashboard");

  await header(page).getByRole("link", { name: "Admin" }).click();
  await expect(page).toHaveURL(appUrl("/admin"));
  await expect(page.getByText(WELCOME)).toBeVisible();
  await screenshot(page, "admin");

  await page.getByRole("link", { name: "Manage users" }).click();
  await expect(page).toHaveURL(appUrl("/admin/users"));
  const table = page.getByRole("table");
  await expect(table.getByRole("row", { name: new RegExp(admin.email) })).toContainText("admin");
  await expect(table.getByRole("row", { name: new RegExp(user.email) })).toContainText("user");
  await expect(page.getByRole("button", { name: `Promote ${user.name}` })).toBeVisible();
  await screenshot(page, "admin-users");
});

test("takes admin access away from a demoted user, in their own browser, within the re-check window", async ({
  page,
  browser,
}) => {
  // The admin promotes the demo user, who then signs in elsewhere as an admin.
  await signIn(page, admin, "/admin/users");
  await page.getByRole("button", { name: `Promote ${user.name}` }).click();
  await expect(page.getByRole("status")).toHaveText(`${user.name} is now an admin.`);

  const userContext = await browser.newContext();
  try {
    const userPage = await userContext.newPage();
    await signIn(userPage, user, "/admin");
    await expect(userPage).toHaveURL(appUrl("/admin"));
    await expect(userPage.getByText(WELCOME)).toBeVisible();
    await expect(header(userPage).getByRole("link", { name: "Admin" })).toBeVisible();

    // The admin demotes them. Their cookie still says "admin", so middleware lets them through:
    // the server guard re-reads the role once the window has passed and answers 403 itself.
    await page.getByRole("button", { name: `Demote ${user.name}` }).click();
    await expect(page.getByRole("status")).toHaveText(`${user.name} is now a user.`);

    let lastStatus = 0;
    let lastHtml = "";
    await expect(async () => {
      const response = await userPage.goto("/admin");
      lastStatus = response?.status() ?? 0;
      lastHtml = (await response?.text()) ?? "";
      await expect(userPage.getByRole("heading", { name: FORBIDDEN })).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: (E2E_ROLE_RECHECK_SECONDS + 10) * 1_000 });

    expect(userPage.url(), "the server guard answered on /admin itself").toBe(appUrl("/admin"));
    expect(lastStatus).toBe(403);
    expect(lastHtml).toContain(FORBIDDEN);
    expect(lastHtml).not.toContain(WELCOME);
    await expect(userPage.getByText(WELCOME)).toHaveCount(0);
    await expect(header(userPage).getByRole("link", { name: "Admin" })).toHaveCount(0);

    // The refreshed cookie now says "user": from here on middleware sends them to /403.
    await userPage.goto("/admin/users");
    await expect(userPage).toHaveURL(appUrl("/403"));
    await expect(userPage.getByRole("heading", { name: FORBIDDEN })).toBeVisible();
  } finally {
    await userContext.close();
    // Leave the demo user as they were, even when a step above failed.
    await page.goto("/admin/users");
    const demote = page.getByRole("button", { name: `Demote ${user.name}` });
    if (await demote.isVisible()) await demote.click();
    await expect(page.getByRole("button", { name: `Promote ${user.name}` })).toBeVisible();
  }
});

test("shows a plain user the 403 page on /admin, and the admin content never reaches the page", async ({ page }) => {
  await signIn(page, user);

  // The HTML the server sends, redirects followed, with this browser's cookies.
  for (const path of ["/admin", "/admin/users"]) {
    const response = await page.request.get(path);
    const html = await response.text();
    expect(html, path).toContain(FORBIDDEN);
    expect(html, path).not.toContain(WELCOME);
    expect(html, path).not.toContain("Manage users");
  }

  // The hydrated page, watched from before the first byte for even a frame of admin content.
  await watchForText(page, [WELCOME, "Manage users"]);
  await page.goto("/admin");
  await expect(page).toHaveURL(appUrl("/403"));
  await expect(page.getByRole("heading", { name: FORBIDDEN })).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(await textsSeen(page)).toEqual([]);
  await expect(header(page).getByRole("link", { name: "Admin" })).toHaveCount(0);
  await screenshot(page, "forbidden");
});
