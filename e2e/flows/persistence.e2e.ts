import { mkdtempSync, rmSync } from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";
import { decode, encode } from "next-auth/jwt";
import { sessionCookieName } from "@/lib/auth/cookies";
import { SESSION_MAX_AGE_SECONDS } from "@/lib/auth/options";
import { DEMO_USERS } from "@/lib/users/seed";
import { CHROMIUM_ARGS, findChromium } from "@/tooling/chromium";
import { appUrl, expect, signIn, test } from "../support/fixtures";
import { SIGNED_OUT_SESSION } from "@/tooling/next-auth-version";

const { admin } = DEMO_USERS;

test("keeps a session through a reload and a browser restart, with a cookie that lasts maxAge", async () => {
  const profile = mkdtempSync(path.join(process.env.E2E_SCRATCH_DIR ?? "/tmp", "profile-"));
  const launch = () =>
    chromium.launchPersistentContext(profile, {
      executablePath: findChromium(),
      args: CHROMIUM_ARGS,
      baseURL: appUrl(),
      viewport: { width: 1100, height: 640 },
    });
  try {
    let context = await launch();
    let page = context.pages()[0] ?? (await context.newPage());
    const signedInAt = Date.now() / 1000;
    await signIn(page, admin);
    await expect(page.getByRole("heading", { name: `Welcome, ${admin.name}` })).toBeVisible();

    await page.reload();
    await expect(page.getByRole("heading", { name: `Welcome, ${admin.name}` })).toBeVisible();

    // A persistent cookie (Expires = sign-in + maxAge), HttpOnly, SameSite=Lax.
    const cookie = (await context.cookies()).find((c) => c.name === sessionCookieName(appUrl()));
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });
    expect(cookie!.expires).toBeGreaterThan(signedInAt + SESSION_MAX_AGE_SECONDS - 60);
    expect(cookie!.expires).toBeLessThan(Date.now() / 1000 + SESSION_MAX_AGE_SECONDS + 60);
    const storageState = await context.storageState();

    // Quit the browser and start it again on the same profile.
    await context.close();
    context = await launch();
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto("/dashboard");
    await expect(page).toHaveURL(appUrl("/dashboard"));
    await expect(page.getByRole("heading", { name: `Welcome, ${admin.name}` })).toBeVisible();
    await context.close();

    // The same through Playwright's saved storage state, in a brand-new browser.
    const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
    try {
      const restored = await browser.newContext({ storageState, baseURL: appUrl() });
      const restoredPage = await restored.newPage();
      await restoredPage.goto("/dashboard");
      await expect(restoredPage.getByRole("heading", { name: `Welcome, ${admin.name}` })).toBeVisible();
    } finally {
      await browser.close();
    }
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});

test("ends the session once maxAge has passed", async ({ context }) => {
  // Each page is closed before the cookies change. Auth.js v5 re-issues the session cookie on every
  // middleware pass, also for the Link prefetches (`/_next/data/…`) a page fires after it loads:
  // a late answer would write a fresh cookie over the resealed one. Closing the page cancels them.
  const signInPage = await context.newPage();
  await signIn(signInPage, admin);
  await signInPage.close();
  const name = sessionCookieName(appUrl());
  const cookie = (await context.cookies()).find((c) => c.name === name)!;
  const secret = process.env.E2E_NEXTAUTH_SECRET!;
  const payload = await decode({ token: cookie.value, secret });
  expect(payload).not.toBeNull();

  // The same session, sealed again as if it were issued maxAge + 1 minute ago (past the 15 s
  // clock tolerance), and, as a control, as if it were issued just now.
  const reseal = async (ageSeconds: number) => {
    await context.clearCookies();
    const value = await encode({ token: payload!, secret, maxAge: SESSION_MAX_AGE_SECONDS - ageSeconds });
    await context.addCookies([{ ...cookie, value }]);
  };

  await reseal(0);
  const control = await context.newPage();
  await control.goto("/dashboard");
  await expect(control.getByRole("heading", { name: `Welcome, ${admin.name}` })).toBeVisible();
  await control.close();

  await reseal(SESSION_MAX_AGE_SECONDS + 60);
  const page = await context.newPage();
  await page.goto("/dashboard");
  await expect(page).toHaveURL(appUrl(`/login?callbackUrl=${encodeURIComponent("/dashboard")}`));
  expect(await (await page.request.get("/api/auth/session")).json()).toEqual(SIGNED_OUT_SESSION);
});
