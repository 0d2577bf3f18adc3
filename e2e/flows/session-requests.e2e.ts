import type { Page, Response } from "@playwright/test";
import { DEMO_USERS } from "@/lib/users/seed";
import { FIRST_LOAD_SESSION_REQUESTS, SCRIPTED_VISIT_SESSION_REQUESTS } from "@/tooling/session-request-counts";
import { appUrl, expect, header, type NetworkActivity, signIn, submitLogin, test } from "../support/fixtures";

/**
 * How often the browser asks `/api/auth/session`; the expected numbers, and why, are in
 * tooling/session-request-counts.ts, where the benchmark issue reuses them.
 */

/** Waits until the page is hydrated and the network is quiet, so any effect's fetch has been made. */
async function settle(page: Page, network: NetworkActivity) {
  await page.waitForFunction(() => Boolean((window as unknown as { next?: { router?: unknown } }).next?.router));
  await network.quiet();
}

const isSessionResponse = (response: Response) => new URL(response.url()).pathname === "/api/auth/session";

/**
 * Headless Chromium never hides a tab, so the flow sets what the browser sets when one is hidden
 * (document.visibilityState) and fires the same event, which is what SessionProvider listens to.
 * Returns once the refetch that becoming visible triggers has been answered, or, when `_app`'s
 * throttle allows none (a second switch within a minute), once the network is quiet.
 */
async function hideAndShowTab(page: Page, network: NetworkActivity, expectRefetch: boolean) {
  const refetched = expectRefetch ? page.waitForResponse(isSessionResponse) : Promise.resolve();
  for (const state of ["hidden", "visible"]) {
    await page.evaluate((value) => {
      Object.defineProperty(document, "visibilityState", { configurable: true, get: () => value });
      Object.defineProperty(document, "hidden", { configurable: true, get: () => value === "hidden" });
      document.dispatchEvent(new Event("visibilitychange"));
    }, state);
  }
  await refetched;
  await network.quiet();
}

test("counts the session requests of a scripted visit: home, login, dashboard, admin, users, back, tab hidden twice", async ({
  page,
  sessionRequests,
  network,
}) => {
  const steps: Record<string, number> = {};

  await page.goto("/");
  await settle(page, network);
  steps["home (signed out)"] = sessionRequests.sinceLastStep();

  await header(page).getByRole("link", { name: "Dashboard" }).click();
  await expect(page).toHaveURL(appUrl(`/login?callbackUrl=${encodeURIComponent("/dashboard")}`));
  await settle(page, network);
  steps["login"] = sessionRequests.sinceLastStep();

  await submitLogin(page, DEMO_USERS.admin);
  await expect(page).toHaveURL(appUrl("/dashboard"));
  await settle(page, network);
  steps["dashboard"] = sessionRequests.sinceLastStep();

  await header(page).getByRole("link", { name: "Admin" }).click();
  await expect(page.getByText("You are an admin, welcome!")).toBeVisible();
  await settle(page, network);
  steps["admin"] = sessionRequests.sinceLastStep();

  await page.getByRole("link", { name: "Manage users" }).click();
  await expect(page.getByRole("table")).toBeVisible();
  await settle(page, network);
  steps["users"] = sessionRequests.sinceLastStep();

  await page.goBack();
  await expect(page).toHaveURL(appUrl("/admin"));
  await expect(page.getByText("You are an admin, welcome!")).toBeVisible();
  await settle(page, network);
  steps["back"] = sessionRequests.sinceLastStep();

  await hideAndShowTab(page, network, SCRIPTED_VISIT_SESSION_REQUESTS["tab hidden and visible (1)"] > 0);
  steps["tab hidden and visible (1)"] = sessionRequests.sinceLastStep();
  await hideAndShowTab(page, network, SCRIPTED_VISIT_SESSION_REQUESTS["tab hidden and visible (2)"] > 0);
  steps["tab hidden and visible (2)"] = sessionRequests.sinceLastStep();

  expect(steps).toEqual(SCRIPTED_VISIT_SESSION_REQUESTS);
  expect(sessionRequests.total).toBe(
    Object.values(SCRIPTED_VISIT_SESSION_REQUESTS).reduce<number>((sum, n) => sum + n, 0),
  );
});

test("makes no session request on the first load of a server-rendered page, and one on /client", async ({
  page,
  sessionRequests,
  network,
}) => {
  await signIn(page, DEMO_USERS.admin);
  await settle(page, network);
  sessionRequests.sinceLastStep();

  const firstLoads: Record<string, number> = {};
  for (const path of Object.keys(FIRST_LOAD_SESSION_REQUESTS)) {
    await page.goto(path);
    await expect(page).toHaveURL(appUrl(path));
    await settle(page, network);
    firstLoads[path] = sessionRequests.sinceLastStep();
  }
  // /client is protected in the browser only: it must ask, once.
  expect(firstLoads).toEqual(FIRST_LOAD_SESSION_REQUESTS);
});
