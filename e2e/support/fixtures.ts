import { mkdirSync } from "node:fs";
import path from "node:path";
import { test as base, expect, type BrowserContext, type Page, type Request } from "@playwright/test";
import { SCREENSHOTS_DIR } from "./paths";

/**
 * What the flows share: a log of `/api/auth/session` requests per browser context, sign-in and
 * screenshot helpers, and a watcher that remembers whether a text ever reached the DOM.
 */

/** Every request the browser makes to `/api/auth/session`, counted per step of a flow. */
class SessionRequestLog {
  readonly urls: string[] = [];
  private mark = 0;

  watch(context: BrowserContext): this {
    context.on("request", (request) => {
      if (new URL(request.url()).pathname === "/api/auth/session")
        this.urls.push(`${request.method()} ${request.url()}`);
    });
    return this;
  }

  get total(): number {
    return this.urls.length;
  }

  /** Requests since the previous call: one step of a scripted visit. */
  sinceLastStep(): number {
    const count = this.urls.length - this.mark;
    this.mark = this.urls.length;
    return count;
  }
}

/**
 * Requests in flight in a browser context. `quiet()` is the condition `networkidle` checks, but it
 * can be awaited again after a client-side navigation, where no new load event comes.
 */
export class NetworkActivity {
  private inflight = new Set<Request>();
  private lastChange = Date.now();

  watch(context: BrowserContext): this {
    context.on("request", (request) => this.change(() => this.inflight.add(request)));
    context.on("requestfinished", (request) => this.change(() => this.inflight.delete(request)));
    context.on("requestfailed", (request) => this.change(() => this.inflight.delete(request)));
    return this;
  }

  private change(update: () => void) {
    update();
    this.lastChange = Date.now();
  }

  /** Resolves once nothing has been in flight for `quietMs`. */
  async quiet(quietMs = 500): Promise<void> {
    await expect
      .poll(() => this.inflight.size === 0 && Date.now() - this.lastChange >= quietMs, {
        intervals: [50],
        timeout: 15_000,
      })
      .toBe(true);
  }
}

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

export const test = base.extend<{ sessionRequests: SessionRequestLog; network: NetworkActivity }>({
  // Loopback only: a request anywhere else (a redirect gone wrong, a stray asset) fails fast.
  context: async ({ context }, use) => {
    await context.route(
      (url) => !LOOPBACK_HOSTS.has(url.hostname) && url.protocol.startsWith("http"),
      (route) => route.abort("blockedbyclient"),
    );
    await use(context);
  },
  sessionRequests: async ({ context }, use) => {
    await use(new SessionRequestLog().watch(context));
  },
  network: async ({ context }, use) => {
    await use(new NetworkActivity().watch(context));
  },
});

export { expect };

/** The app's address for this run; set by scripts/test-e2e.ts. */
export const appUrl = (pathname = "/") => new URL(pathname, process.env.E2E_BASE_URL).href;

export interface Credentials {
  email: string;
  password: string;
}

/** Fills and submits the /login form, as a person does. The page must be on /login. */
export async function submitLogin(page: Page, { email, password }: Credentials) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  // Enabled once the CSRF token has arrived; click() waits for that.
  await page.getByRole("button", { name: "Sign in with email" }).click();
}

/** Opens /login (optionally with a callbackUrl), signs in, and waits to leave /login. */
export async function signIn(page: Page, credentials: Credentials, callbackUrl = "/dashboard") {
  await page.goto(`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await submitLogin(page, credentials);
  await page.waitForURL((url) => url.pathname !== "/login" && !url.pathname.startsWith("/api/auth"));
}

/** The site header, where the Admin link and the Sign out button live. */
export const header = (page: Page) => page.getByRole("banner");

/** The page's own alert (Next adds an empty role=alert route announcer outside <main>). */
export const alert = (page: Page) => page.getByRole("main").getByRole("alert");

/** Saves a full-page screenshot to the run's git-ignored folder (copied to docs/ on request). */
export async function screenshot(page: Page, name: string) {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  await page.mouse.move(0, 0); // no hover or focus styles left over from the last click
  await page.screenshot({ path: path.join(SCREENSHOTS_DIR, `${name}.png`), fullPage: true });
}

/**
 * Watches the DOM from before the first byte is parsed and remembers whether any of `texts` ever
 * appeared in it, even if it was removed a frame later. Call before navigating.
 */
export async function watchForText(page: Page, texts: string[]) {
  await page.addInitScript((watched: string[]) => {
    const seen = new Set<string>();
    (window as unknown as { __seenTexts: Set<string> }).__seenTexts = seen;
    const check = () => {
      const text = document.documentElement?.textContent ?? "";
      for (const t of watched) if (text.includes(t)) seen.add(t);
    };
    new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true });
    check();
  }, texts);
}

/** The watched texts that appeared in the current document so far. */
export function textsSeen(page: Page): Promise<string[]> {
  return page.evaluate(() => [...((window as unknown as { __seenTexts?: Set<string> }).__seenTexts ?? [])]);
}
