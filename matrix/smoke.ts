/**
 * The short HTTP check a production build gets, as a browser would do it (the matrix's rows and
 * every step of `npm run migration:verify`): signed out, middleware runs and /dashboard sends to
 * /login; a credentials sign-in as the seeded demo user; /dashboard and /api/me answer for that
 * user; /admin refuses them; sign-out ends the session; the demo admin opens /admin.
 * Works for v4 (`next-auth.*` cookies) and v5 (`authjs.*`).
 */
import { DEMO_USERS } from "../lib/users/seed";
import { CookieClient, pathOf } from "../tooling/cookie-client";

interface SmokeStep {
  name: string;
  ok: boolean;
  detail: string;
}

/** Runs the checks against http://127.0.0.1:<port>; stops at the first failure. */
export async function smokeTest(port: number): Promise<SmokeStep[]> {
  const steps: SmokeStep[] = [];
  const base = `http://127.0.0.1:${port}`;
  const browser = new CookieClient(base);
  const { user, admin: adminUser } = DEMO_USERS;
  const check = (name: string, ok: boolean, detail: string) => {
    steps.push({ name, ok, detail });
    if (!ok) throw new Error(`${name}: ${detail}`);
  };

  try {
    // A page that does not exist has no guard of its own: a redirect to /login instead of a 404
    // shows that middleware (proxy.ts on Next 16) ran. (Next 16 writes same-origin redirects as
    // relative Locations, 13–15 as absolute ones: only the path is compared.)
    const unguarded = await browser.request("/matrix-no-such-page");
    check(
      "signed out: middleware runs (a missing page → /login, not 404)",
      [302, 307].includes(unguarded.status) && pathOf(unguarded.location) === "/login",
      `${unguarded.status} ${unguarded.location}`,
    );

    const anonymous = await browser.request("/dashboard");
    check(
      "signed out: /dashboard → /login",
      [302, 307].includes(anonymous.status) && pathOf(anonymous.location) === "/login",
      `${anonymous.status} ${anonymous.location}`,
    );

    const signIn = await browser.signInWithCredentials(user);
    const cookie = browser.sessionCookieName();
    check(
      `sign in as ${user.email}`,
      [302, 303].includes(signIn.status) && Boolean(cookie) && !signIn.location.includes("error="),
      `${signIn.status} → ${signIn.location || "-"}, session cookie ${cookie ?? "missing"}`,
    );

    const dashboard = await browser.request("/dashboard");
    check(
      "signed in: /dashboard 200",
      dashboard.status === 200 && dashboard.body.includes(user.email),
      `${dashboard.status}`,
    );

    const me = await browser.request("/api/me");
    const role = me.status === 200 ? (JSON.parse(me.body) as { role?: string }).role : undefined;
    check("signed in: /api/me says role user", role === "user", `${me.status} ${me.body.slice(0, 120)}`);

    const admin = await browser.request("/admin");
    check(
      "signed in as user: /admin refused",
      admin.status === 403 || ([302, 307].includes(admin.status) && pathOf(admin.location) === "/403"),
      `${admin.status} ${admin.location}`,
    );

    const signOut = await browser.signOut();
    const after = await browser.request("/dashboard");
    check(
      "sign out: the session cookie is gone and /dashboard → /login",
      [302, 303].includes(signOut.status) && !browser.sessionCookieName() && pathOf(after.location) === "/login",
      `${signOut.status}, then /dashboard ${after.status} ${after.location}`,
    );

    const asAdmin = new CookieClient(base);
    const adminSignIn = await asAdmin.signInWithCredentials(adminUser, "/admin");
    check(
      `sign in as ${adminUser.email}`,
      [302, 303].includes(adminSignIn.status) && Boolean(asAdmin.sessionCookieName()),
      `${adminSignIn.status} → ${adminSignIn.location || "-"}`,
    );
    const adminPage = await asAdmin.request("/admin");
    check(
      "signed in as admin: /admin 200 with the admin content",
      adminPage.status === 200 && adminPage.body.includes("You are an admin"),
      `${adminPage.status} ${adminPage.location}`,
    );
  } catch (error) {
    if (steps.every((step) => step.ok)) steps.push({ name: "request", ok: false, detail: (error as Error).message });
  }
  return steps;
}
