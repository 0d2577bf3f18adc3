/**
 * `/api/auth/session` requests a real browser makes: the first load of a server-rendered
 * protected page, and a focus burst (the tab hidden and shown `FOCUS_BURST` times in a row, as
 * alt-tabbing does). Ours is /dashboard, where the guard hands SessionProvider the session and
 * focus refetches are throttled; the stock SessionProvider (no session prop, default refetch
 * settings) is the twin /bench/stock-provider, which renders /client under those defaults.
 * The e2e suite asserts the scripted visit's counts (tooling/session-request-counts.ts);
 * this adds the burst, which the targets need.
 */
import { chromium, type Page } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium } from "../../tooling/chromium";

export const FOCUS_BURST = 3;

interface PageCounts {
  firstLoad: number;
  focusBurst: number;
}

export interface BrowserCounts {
  ours: PageCounts;
  stock: PageCounts;
}

/** A string, not a function: tsx's transform would add helpers the page does not have. */
const setVisibility = (state: "hidden" | "visible") => `
  Object.defineProperty(document, "visibilityState", { configurable: true, get: () => "${state}" });
  Object.defineProperty(document, "hidden", { configurable: true, get: () => ${state === "hidden"} });
  document.dispatchEvent(new Event("visibilitychange"));
`;

/** Headless Chromium never hides a tab: set what a hidden tab has and fire the event SessionProvider listens to. */
async function hideAndShow(page: Page) {
  await page.evaluate(setVisibility("hidden"));
  await page.evaluate(setVisibility("visible"));
}

/** Counts on `path` of the app at `origin` (a `localhost` URL), signed in with `cookie` (`name=value`). */
async function countOn(page: Page, origin: string, path: string, counter: { n: number }): Promise<PageCounts> {
  counter.n = 0;
  await page.goto(`${origin}${path}`);
  await page.waitForFunction("Boolean(window.next && window.next.router)");
  await page.waitForLoadState("networkidle");
  const firstLoad = counter.n;
  counter.n = 0;
  for (let index = 0; index < FOCUS_BURST; index += 1) await hideAndShow(page);
  await page.waitForTimeout(300);
  await page.waitForLoadState("networkidle");
  return { firstLoad, focusBurst: counter.n };
}

export async function browserCounts(origin: string, cookie: string): Promise<BrowserCounts> {
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext();
    const [name, ...rest] = cookie.split("=");
    await context.addCookies([{ name, value: rest.join("="), url: origin, httpOnly: true, sameSite: "Lax" }]);
    const counter = { n: 0 };
    context.on("request", (request) => {
      if (new URL(request.url()).pathname === "/api/auth/session") counter.n += 1;
    });
    const page = await context.newPage();
    const ours = await countOn(page, origin, "/dashboard", counter);
    const stock = await countOn(page, origin, "/bench/stock-provider", counter);
    return { ours, stock };
  } finally {
    await browser.close();
  }
}
