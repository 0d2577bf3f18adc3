/**
 * What MIGRATION.md says about each step in its generated parts, beside its heading (the step's
 * `title`, in its step.ts): the header line, the at-a-glance row, and which files it shows as key
 * changes. The prose around them (the checklist, pitfalls) is written in MIGRATION.md itself.
 */
export interface StepGuide {
  /** What the step ships on, e.g. "v4". */
  shipsOn: string;
  /** The change in the reader's app, in one line (the at-a-glance table). */
  change: string;
  /** What the codemod does for the step, short (the header line and the at-a-glance table; codemod/README.md has it in full). */
  codemod: string;
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
    shipsOn: "v4",
    change: "the options and the session helper in one module; no page imports the options",
    codemod: "reports it",
    time: "under an hour",
    rollback: "revert the commit",
    key: [],
  },
  "02-auth-helper": {
    shipsOn: "v4",
    change: "every `getServerSession` call becomes `auth(ctx)` or `auth(req, res)` from your helper",
    codemod: "does it",
    time: "under an hour",
    rollback: "revert the commit",
    key: ["lib/auth/session.ts"],
    notes: { "lib/auth/options.ts": "doc comment names auth()", "lib/api/route.ts": "getServerAuthSession → auth" },
  },
  "03-env-names": {
    shipsOn: "v4",
    change: "read `AUTH_SECRET` and `AUTH_URL` first, the `NEXTAUTH_` names as fallback",
    codemod: "partly",
    time: "under an hour",
    rollback: "revert; the old names still work",
    key: ["lib/env.ts", ".env.example"],
  },
  "04-types": {
    shipsOn: "v4",
    change: "the file that augments `next-auth/jwt` also imports it; no `any` in auth code",
    codemod: "does it",
    time: "minutes",
    rollback: "revert the commit",
    key: [],
  },
  "05-continuity-test": {
    shipsOn: "v4",
    change: "add a test that mints v4 session cookies and reads them through your `auth()`",
    codemod: "no",
    time: "under an hour",
    rollback: "delete the test",
    key: ["__tests__/server/session-continuity.test.ts"],
  },
  "06-switch": {
    shipsOn: "v5",
    change: "next-auth 5, `auth.ts`, an `app/` route, v5 middleware, the bridge",
    codemod: "partly",
    time: "an afternoon",
    rollback: "redeploy v4",
    key: ["package.json", "auth.ts", "pages/api/auth/[...nextauth].ts"],
    notes: {
      "app/api/auth/[...nextauth]/route.ts": "`export const { GET, POST } = handlers`, hardened",
      "lib/auth/session.ts": "re-exports `auth` from `auth.ts`",
      "middleware.ts": "`withAuth` → v5's `auth` with the bridge; the rule is `callbacks.authorized`",
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
        "**The deployments this is tested in.** `npm run test:upgrade -- --deployments-only` serves a JWT and a database-session app, " +
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
    shipsOn: "v5",
    change: "`signIn(provider, { redirectTo })`, `signOut({ redirectTo })`",
    codemod: "does it",
    time: "an hour",
    rollback: "revert the commit",
    key: ["components/AuthButtons.tsx", "components/SignOutEverywhereButton.tsx"],
  },
  "08-app-router-page": {
    shipsOn: "v5",
    change: "a server component calls `auth()` with no arguments",
    codemod: "no",
    time: "an hour",
    rollback: "revert the commit",
    key: ["app/layout.tsx", "app/server/page.tsx"],
  },
  "09-next16-proxy": {
    shipsOn: "v5, Next 16",
    change: "rename the file and its function to `proxy`",
    codemod: "Next's `middleware-to-proxy`",
    time: "minutes",
    rollback: "rename it back",
    key: ["middleware.ts", "proxy.ts"],
  },
  "10-clean-up": {
    shipsOn: "v5, a session `maxAge` after step 6",
    change: "delete the bridge, unwrap `withLegacyV4`",
    codemod: "no",
    time: "minutes",
    rollback: "restore the module",
    key: ["auth.ts", "lib/auth/legacy-v4-session.ts"],
  },
};
