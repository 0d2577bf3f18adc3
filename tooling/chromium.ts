import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

/**
 * Which Chromium the browser tests drive, and how. Nothing downloads a browser: Debian's package
 * (`/usr/bin/chromium`) is the default, CHROME_PATH overrides, and a browser installed with
 * `npx playwright install chromium` is used when neither is there.
 */

/** Headless on a closed network: without the background-networking flags Chromium keeps dialling out. */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const SYSTEM_CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

class ChromiumMissingError extends Error {
  constructor(detail: string) {
    super(
      `${detail}\n` +
        "The browser tests need Chromium. Install one:\n" +
        "  - Debian/Ubuntu: apt-get install -y chromium   (gives /usr/bin/chromium)\n" +
        "  - elsewhere:     npx playwright install chromium\n" +
        "or point CHROME_PATH at a Chromium or Chrome binary.",
    );
    this.name = "ChromiumMissingError";
  }
}

/** The Chromium binary to launch; throws a ChromiumMissingError that says how to get one. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  if (env.CHROME_PATH) {
    if (existsSync(env.CHROME_PATH)) return env.CHROME_PATH;
    throw new ChromiumMissingError(`CHROME_PATH is set to ${env.CHROME_PATH}, but no file is there.`);
  }
  const system = SYSTEM_CHROMIUM.find((path) => existsSync(path));
  if (system) return system;
  let bundled: string | undefined;
  try {
    bundled = chromium.executablePath();
  } catch {
    bundled = undefined;
  }
  if (bundled && existsSync(bundled)) return bundled;
  throw new ChromiumMissingError(
    `No Chromium found (looked at CHROME_PATH, ${SYSTEM_CHROMIUM.join(", ")} and Playwright's own).`,
  );
}
