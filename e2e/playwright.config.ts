import path from "node:path";
import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium } from "../tooling/chromium";
import { ARTIFACTS_DIR } from "./support/paths";

/**
 * Run through `npm run test:e2e` (scripts/test-e2e.ts), which starts the app, the database and
 * the local GitHub provider and passes their addresses in E2E_BASE_URL and E2E_PROVIDER_URL.
 * One worker: the flows share one database and some of them change roles.
 */
if (!process.env.E2E_BASE_URL) {
  throw new Error("E2E_BASE_URL is not set: run the browser tests with `npm run test:e2e`, which starts the app.");
}

export default defineConfig({
  testDir: "./flows",
  testMatch: "**/*.e2e.ts",
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  globalTimeout: 10 * 60_000,
  expect: { timeout: 10_000 },
  outputDir: path.join(ARTIFACTS_DIR, "test-results"),
  reporter: [["list"], [path.join(__dirname, "support", "summary-reporter.ts")]],
  use: {
    baseURL: process.env.E2E_BASE_URL,
    viewport: { width: 1100, height: 640 },
    actionTimeout: 10_000,
    navigationTimeout: 20_000,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS },
  },
});
