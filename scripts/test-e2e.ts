/**
 * `npm run test:e2e`: the browser tests against the production build, all on loopback.
 *   chromium → build (when stale) → fresh embedded database + seed → local GitHub provider →
 *   `next start` on a free port → Playwright flows → stop everything → `N passed, N failed`.
 * Extra arguments go to Playwright (`npm run test:e2e -- --grep admin`).
 * `--update-docs` copies the run's screenshots into docs/screenshots/ when every flow passed.
 */
import { randomBytes } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { E2E_ROLE_RECHECK_SECONDS } from "../e2e/support/role-recheck";
import { findChromium } from "../tooling/chromium";
import { localGithubSettings, OAUTH_CLIENT } from "../tooling/github-accounts";
import { startGithubProvider, type RunningProvider } from "../tooling/github-provider";
import { ARTIFACTS_DIR, SCREENSHOTS_DIR, SUMMARY_FILE } from "../e2e/support/paths";
import {
  buildWhenStale,
  freePort,
  ROOT,
  runCommand,
  seedDatabase,
  startApp,
  stopAllChildren,
  type RunningApp,
} from "../tooling/app-server";
import { childAppEnv, toolEnv } from "../tooling/child-app-env";
import { commandLine, onInterrupt, progress } from "../tooling/cli";

const PLAYWRIGHT_TIMEOUT_MS = 15 * 60_000;

const { step, elapsed } = progress("e2e");

function readSummary(): { passed: number; failed: number } | null {
  if (!existsSync(SUMMARY_FILE)) return null;
  return JSON.parse(readFileSync(SUMMARY_FILE, "utf8")) as { passed: number; failed: number };
}

async function main(): Promise<number> {
  const { args, flag } = commandLine();
  const updateDocs = flag("--update-docs");
  const playwrightArgs = args.filter((arg) => arg !== "--update-docs");

  const chromium = findChromium();
  step(`browser: ${chromium}`);

  rmSync(ARTIFACTS_DIR, { recursive: true, force: true });
  mkdirSync(ARTIFACTS_DIR, { recursive: true });

  await buildWhenStale(path.join(ARTIFACTS_DIR, "build.log"), step);

  const scratch = mkdtempSync(path.join(tmpdir(), "auth-e2e-"));
  let provider: RunningProvider | undefined;
  let app: RunningApp | undefined;
  try {
    const port = await freePort();
    // The server listens on 127.0.0.1 only; the browser calls it `localhost` because Next rewrites
    // 127.0.0.1 to localhost in every middleware URL (NextURL), so its redirects would change host.
    const appUrl = `http://localhost:${port}`;
    provider = await startGithubProvider({
      clientId: OAUTH_CLIENT.id,
      clientSecret: OAUTH_CLIENT.secret,
      redirectUri: `${appUrl}/api/auth/callback/github`,
    });
    step(`local GitHub provider on ${provider.url}`);

    const appEnv = childAppEnv({
      url: appUrl,
      values: {
        NEXTAUTH_SECRET: randomBytes(32).toString("base64"),
        PGLITE_DATA_DIR: path.join(scratch, "pglite"),
        ROLE_RECHECK_SECONDS: String(E2E_ROLE_RECHECK_SECONDS),
        ...localGithubSettings(provider.url),
      },
    });

    step("migrating and seeding a fresh embedded database…");
    await seedDatabase(appEnv, path.join(ARTIFACTS_DIR, "seed.log"));
    step("seeded");

    const serverLog = path.join(ARTIFACTS_DIR, "server.log");
    app = await startApp({ name: "app", port, url: appUrl, env: appEnv, logFile: serverLog });
    step(`app on ${appUrl} (log: ${path.relative(ROOT, serverLog)})`);

    step("running the flows in Chromium…");
    const cli = require.resolve("@playwright/test/cli");
    const code = await runCommand(
      process.execPath,
      [cli, "test", "-c", path.join("e2e", "playwright.config.ts"), ...playwrightArgs],
      {
        ...toolEnv(),
        CHROME_PATH: chromium,
        E2E_BASE_URL: appUrl,
        E2E_PROVIDER_URL: provider.url,
        E2E_SCRATCH_DIR: scratch,
        // The run's own throwaway secret, so a flow can re-seal a session cookie with another expiry.
        E2E_NEXTAUTH_SECRET: appEnv.NEXTAUTH_SECRET,
      },
      PLAYWRIGHT_TIMEOUT_MS,
    );
    step(`flows finished (playwright exit ${code})`);
    return code;
  } finally {
    await app?.stop();
    await provider?.close();
    rmSync(scratch, { recursive: true, force: true });
    step("stopped the app and the provider, removed the scratch directory");
    const summary = readSummary();
    if (updateDocs && summary && summary.failed === 0 && existsSync(SCREENSHOTS_DIR)) {
      const docs = path.join(ROOT, "docs", "screenshots");
      mkdirSync(docs, { recursive: true });
      for (const file of readdirSync(SCREENSHOTS_DIR))
        copyFileSync(path.join(SCREENSHOTS_DIR, file), path.join(docs, file));
      step(`copied the screenshots to ${path.relative(ROOT, docs)}/`);
    }
  }
}

onInterrupt(stopAllChildren);

main()
  .catch((error: Error) => {
    console.error(`[e2e] ${error.message}`);
    return 1;
  })
  .then((code) => {
    const summary = readSummary();
    const line = summary ? `${summary.passed} passed, ${summary.failed} failed` : "0 passed, 1 failed";
    step(`done in ${elapsed()}`);
    console.log(line);
    process.exit(summary && summary.failed === 0 && code === 0 ? 0 : 1);
  });
