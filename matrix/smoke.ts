/**
 * The short HTTP check each combination's production build gets, as a browser would do it:
 * signed out, middleware runs and /dashboard sends to /login; the CSRF round trip and a credentials sign-in as the
 * seeded demo user; /dashboard and /api/me answer for that user; /admin refuses them.
 * Works for v4 (`next-auth.*` cookies) and v5 (`authjs.*`).
 */
import { DEMO_USERS } from "../lib/users/seed";

export interface SmokeStep {
  name: string;
  ok: boolean;
  detail: string;
}

const TIMEOUT_MS = 30_000;

class Browser {
  private readonly jar = new Map<string, string>();
  constructor(private readonly base: string) {}

  async request(path: string, init: { method?: string; form?: Record<string, string> } = {}) {
    const headers: Record<string, string> = {};
    if (this.jar.size) headers.cookie = [...this.jar].map(([name, value]) => `${name}=${value}`).join("; ");
    if (init.form) headers["content-type"] = "application/x-www-form-urlencoded";
    const response = await fetch(`${this.base}${path}`, {
      method: init.method ?? "GET",
      headers,
      body: init.form ? new URLSearchParams(init.form).toString() : undefined,
      redirect: "manual",
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const index = pair.indexOf("=");
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      if (value === "" || /max-age=0\b/i.test(line)) this.jar.delete(name);
      else this.jar.set(name, value);
    }
    return { status: response.status, location: response.headers.get("location") ?? "", body: await response.text() };
  }

  sessionCookie(): string | undefined {
    return [...this.jar.keys()].find((name) => /(^|\.)(next-auth|authjs)\.session-token(\.0)?$/.test(name));
  }
}

const pathOf = (location: string) => (location ? new URL(location, "http://x").pathname : "");

/** Runs the checks against http://127.0.0.1:<port>; stops at the first failure. */
export async function smokeTest(port: number): Promise<SmokeStep[]> {
  const steps: SmokeStep[] = [];
  const browser = new Browser(`http://127.0.0.1:${port}`);
  const user = DEMO_USERS.user;
  const check = (name: string, ok: boolean, detail: string) => {
    steps.push({ name, ok, detail });
    if (!ok) throw new Error(`${name}: ${detail}`);
  };

  try {
    // A page that does not exist has no guard of its own: a redirect to /login instead of a 404
    // shows that middleware (proxy.ts on Next 16) ran. (Next 16 writes same-origin redirects as
    // relative Locations, 13–15 as absolute ones: only the path is compared.)
    const unguarded = await browser.request("/matrix-no-such-page");
    check("signed out: middleware runs (a missing page → /login, not 404)", [302, 307].includes(unguarded.status) && pathOf(unguarded.location) === "/login", `${unguarded.status} ${unguarded.location}`);

    const anonymous = await browser.request("/dashboard");
    check("signed out: /dashboard → /login", [302, 307].includes(anonymous.status) && pathOf(anonymous.location) === "/login", `${anonymous.status} ${anonymous.location}`);

    const csrf = await browser.request("/api/auth/csrf");
    const csrfToken = csrf.status === 200 ? (JSON.parse(csrf.body) as { csrfToken?: string }).csrfToken : undefined;
    check("GET /api/auth/csrf", Boolean(csrfToken), `${csrf.status}`);

    const signIn = await browser.request("/api/auth/callback/credentials", {
      method: "POST",
      form: { csrfToken: csrfToken!, email: user.email, password: user.password, callbackUrl: "/dashboard" },
    });
    const cookie = browser.sessionCookie();
    check(
      `sign in as ${user.email}`,
      [302, 303].includes(signIn.status) && Boolean(cookie) && !signIn.location.includes("error="),
      `${signIn.status} → ${signIn.location || "-"}, session cookie ${cookie ?? "missing"}`,
    );

    const dashboard = await browser.request("/dashboard");
    check("signed in: /dashboard 200", dashboard.status === 200 && dashboard.body.includes(user.email), `${dashboard.status}`);

    const me = await browser.request("/api/me");
    const role = me.status === 200 ? (JSON.parse(me.body) as { role?: string }).role : undefined;
    check("signed in: /api/me says role user", role === "user", `${me.status} ${me.body.slice(0, 120)}`);

    const admin = await browser.request("/admin");
    check(
      "signed in as user: /admin refused",
      admin.status === 403 || ([302, 307].includes(admin.status) && pathOf(admin.location) === "/403"),
      `${admin.status} ${admin.location}`,
    );
  } catch (error) {
    if (steps.every((step) => step.ok)) steps.push({ name: "request", ok: false, detail: (error as Error).message });
  }
  return steps;
}
