/**
 * What MIGRATION.md says about each step in its generated parts: the heading, the header line, the
 * at-a-glance row, and which files it shows as key changes. The prose around them (the checklist,
 * pitfalls) is written in MIGRATION.md itself.
 */
export interface StepGuide {
  /** The heading after "Step N: ". */
  heading: string;
  /** What the step ships on, e.g. "v4". */
  shipsOn: string;
  /** The change in the reader's app, in one line (the at-a-glance table). */
  change: string;
  /** What the codemod does for the step, short (the header line). */
  codemod: string;
  /** The same, in full, for the at-a-glance table; `codemod` when absent. */
  codemodDetail?: string;
  time: string;
  rollback: string;
  /** Files every app has, shown as diffs in this order (a deleted file as one line). */
  key: string[];
  /** One-line notes for files in "Everything else", where the step's own description is missing. */
  notes?: Record<string, string>;
  /** The deployments the step is proven in, as `npm run test:upgrade` serves them (`<!-- generated: deployments <id> -->`). */
  deployments?: { intro: string; rows: { row: string; v4: string; v5: string }[]; checked: string };
}

export const stepGuides: Record<string, StepGuide> = {
  "01-one-auth-module": {
    heading: "One auth module",
    shipsOn: "v4",
    change: "the options and the one session read live in one server module; no page imports the options",
    codemod: "reports it",
    codemodDetail: "leaves it to you; `scan` reports pages that import the options from the route file",
    time: "under an hour",
    rollback: "revert the commit",
    key: [],
  },
  "02-auth-helper": {
    heading: "An `auth()` helper with v5's signatures, on v4",
    shipsOn: "v4",
    change: "every `getServerSession` call becomes `auth(ctx)` or `auth(req, res)` from your helper",
    codemod: "does it",
    codemodDetail:
      "does it: `getServerSession` / `unstable_getServerSession` in all three forms become `auth(ctx)`, `auth(req, res)`, `auth()`; per-call inline options become to-dos",
    time: "under an hour",
    rollback: "revert the commit",
    key: ["lib/auth/session.ts", "lib/api/route.ts"],
    notes: { "lib/auth/options.ts": "doc comment names auth()" },
  },
  "03-env-names": {
    heading: "v5's environment variable names",
    shipsOn: "v4",
    change: "read `AUTH_SECRET` and `AUTH_URL` first, the `NEXTAUTH_` names as fallback",
    codemod: "partly",
    codemodDetail:
      "partly: `.env*` files and `process.env.X` reads (`AUTH_X ?? X`); to-dos for deployment settings, env schema keys and writes to `process.env`",
    time: "under an hour",
    rollback: "revert; the old names still work",
    key: ["lib/env.ts", ".env.example"],
  },
  "04-types": {
    heading: "Types ready for v5",
    shipsOn: "v4",
    change: "the file that augments `next-auth/jwt` also imports it; no `any` in auth code",
    codemod: "does it",
    codemodDetail: "does it: adds the `next-auth/jwt` import that makes the augmentation merge",
    time: "minutes",
    rollback: "revert the commit",
    key: [],
  },
  "05-continuity-test": {
    heading: "Pin the session contract: a v4 cookie is a session",
    shipsOn: "v4",
    change: "add a test that mints v4 session cookies and reads them through your `auth()`",
    codemod: "no",
    codemodDetail: "leaves it to you (copy the test)",
    time: "under an hour",
    rollback: "delete the test",
    key: ["__tests__/server/session-continuity.test.ts"],
  },
  "06-switch": {
    heading: "The switch: next-auth 5, `auth.ts`, the App Router route, the bridge",
    shipsOn: "v5",
    change:
      "install v5; `auth.ts`; the route under `app/`; middleware with an explicit `authorized`; the bridge for v4 cookies",
    codemod: "partly (package, types, `auth.ts`, route, middleware)",
    codemodDetail:
      "partly: package version, `@next-auth/*-adapter` → `@auth/*-adapter`, `NextAuthOptions` → `NextAuthConfig`, root `auth.ts` + App Router route, `withAuth` → `auth()` middleware with an explicit `authorized` rule; to-dos for the bridge, Edge runtime, `getToken`'s secret and the quiet behaviour changes; a v4 App Router route is converted too, a route that does more than `NextAuth(options)` leaves the step to you (next-auth not moved)",
    time: "an afternoon",
    rollback: "redeploy v4 (visitors since sign in again)",
    key: ["package.json", "auth.ts", "lib/auth/session.ts", "middleware.ts", "pages/api/auth/[...nextauth].ts"],
    notes: {
      "app/api/auth/[...nextauth]/route.ts":
        "`export const { GET, POST } = handlers`, plus this app's hardening of the Pages route it replaces",
      "auth.config.ts":
        "the Edge-safe half of the config (pages, session, `authorized` and `session` callbacks) for middleware",
      "lib/auth/legacy-v4-session.ts": "**the bridge**: reads a v4 cookie, re-issues it as a v5 one",
      "lib/auth/options.ts": "the full config for `NextAuth()` (providers, database-backed `jwt` callback)",
      "lib/auth/session-read.ts":
        "v4's read path carried to v5: `auth()` answers an unchanged session without a `Set-Cookie`",
      "lib/auth/session-token.ts": "v5's token format, the derived key cached across requests",
      "lib/auth/cookies.ts": "cookie names move to `authjs.`",
      "lib/auth/logger.ts": "v5's logger signature",
      "lib/http/client-address.ts":
        "a Web `Request` has no socket address: `X-Forwarded-For` only with `TRUST_PROXY=true`",
    },
    deployments: {
      intro:
        "**Deployments it is tested in.** `npm run test:upgrade -- --deployments-only` serves a JWT and a database-session app, " +
        "v4 then v5, in each, from a cookie the v4 build issued:",
      rows: [
        { row: "`http-auth-url`", v4: "http, `NEXTAUTH_URL`", v5: "`AUTH_URL`" },
        {
          row: "`https-trust-host`, `https-vercel`",
          v4: "https through a TLS proxy (`X-Forwarded-Proto`); `NEXTAUTH_URL=https://…`, or `VERCEL=1`",
          v5: "the same proxy, `AUTH_TRUST_HOST=true` or `VERCEL=1`, no URL",
        },
        {
          row: "`custom-cookie`",
          v4: '`cookies.sessionToken`: its own name, `sameSite: "strict"`',
          v5: "the same config; the cookie keeps its name and options",
        },
        {
          row: "`base-path`",
          v4: 'Next `basePath: "/app"`, `NEXTAUTH_URL=…/app/api/auth`',
          v5: "`AUTH_URL` = the origin only (with the path, v5 takes it as its `basePath`: `UnknownAction`)",
        },
        { row: "`secure-cookies-http`", v4: "`useSecureCookies: true` on http", v5: "the same" },
        {
          row: "`broken-config`",
          v4: "http, `NEXTAUTH_URL`",
          v5: "only `NEXTAUTH_URL` (`UntrustedHost`, 500); then `AUTH_TRUST_HOST=true`; then v4 again",
        },
      ],
      checked:
        "Each: page, API route and `/api/auth/session` read the same user, re-issued as v5; a v4 cookie is deleted only " +
        "with the v5 one set (none on the broken config); no body carries the token.",
    },
  },
  "07-redirect-to": {
    heading: "`callbackUrl` → `redirectTo` in the client",
    shipsOn: "v5",
    change: "`signIn(provider, { redirectTo })`, `signOut({ redirectTo })`",
    codemod: "does it",
    codemodDetail: "does it: `signIn(..., { callbackUrl })` → `redirectTo`",
    time: "an hour",
    rollback: "revert the commit",
    key: ["components/AuthButtons.tsx", "components/SignOutEverywhereButton.tsx"],
  },
  "08-app-router-page": {
    heading: "One App Router page with `auth()` in a server component",
    shipsOn: "v5",
    change: "a server component calls `auth()` with no arguments",
    codemod: "no",
    time: "an hour",
    rollback: "revert the commit",
    key: ["app/layout.tsx", "app/server/page.tsx"],
  },
  "09-next16-proxy": {
    heading: "Optional, on Next 16: `middleware.ts` → `proxy.ts`",
    shipsOn: "v5, Next 16",
    change: "rename the file and its function to `proxy`",
    codemod: "Next's: `npx @next/codemod@latest middleware-to-proxy .`",
    time: "minutes",
    rollback: "rename it back",
    key: ["middleware.ts", "proxy.ts"],
  },
  "10-clean-up": {
    heading: "Clean-up, once every v4 cookie has expired",
    shipsOn: "v5, a session `maxAge` after step 6",
    change: "delete the bridge and unwrap its one call in `auth.ts` and middleware",
    codemod: "no",
    time: "minutes",
    rollback: "restore the module",
    key: ["auth.ts", "lib/auth/legacy-v4-session.ts"],
  },
};
