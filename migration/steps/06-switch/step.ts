import { edit, fragmentsOf, removeLines } from "../../edit";
import type { Step } from "../../types";

const fragment = fragmentsOf(__dirname);

const step: Step = {
  id: "06-switch",
  title: "next-auth 5, `auth.ts`, the App Router route, the bridge (and middleware)",
  phase: "switch",
  // The codemod moves package.json to 5.0.0-beta.32, renames the provider types and
  // NextAuthOptions; the files below are what it leaves as to-dos, done by hand.
  codemod: 6,
  install: { "next-auth": "5.0.0-beta.32" },
  write: [
    "auth.ts",
    "auth.config.ts",
    "app/api/auth/[...nextauth]/route.ts",
    "lib/auth/session.ts",
    "lib/auth/session-read.ts",
    "lib/auth/session-token.ts",
    "lib/auth/options.ts",
    "lib/auth/cookies.ts",
    "lib/auth/logger.ts",
    "lib/http/client-address.ts",
    "middleware.ts",
    "__tests__/server/legacy-v4-session.test.ts",
    "__tests__/server/session-read.test.ts",
    "__tests__/lib/session-token.test.ts",
  ],
  // The bridge for v4 cookies: the module the codemod writes into any app, as it is.
  template: { "lib/auth/legacy-v4-session.ts": "legacy-v4-session.ts" },
  delete: [
    "pages/api/auth/[...nextauth].ts",
    // The Pages route's hardening moved into the App Router route.
    "lib/auth/route-handler.ts",
    "__tests__/server/auth-route-bodies.test.ts",
  ],
  transforms: [
    edit("lib/auth/callbacks.ts", "v5 types; session callback moves to auth.config.ts", [
      [
        'import type { CallbacksOptions, Session } from "next-auth";',
        'import type { NextAuthConfig } from "next-auth";',
      ],
      ["export function buildCallbacks(config: Env): Partial<CallbacksOptions> {", fragment("callbacks-signature")],
      removeLines(fragment("callbacks-session-v4")),
      [
        "// v4 hands this same object to the jwt callback: our id replaces the provider's profile id.",
        "// The same object reaches the jwt callback: our id replaces the provider's (a random UUID in v5).",
      ],
    ]),
    edit("lib/auth/github.ts", "fetch the profile (v5 passes no openid-client)", [
      [fragment("github-request.before"), fragment("github-request.after")],
      ["        return profile as unknown as Record<string, unknown>;", fragment("github-profile-copy")],
      ["    profile(profile) {", "    profile(profile: GitHubProfile) {"],
    ]),
    edit("lib/auth/credentials.ts", "refusals with a code: a CredentialsSignin subclass", [
      ['import type { User } from "next-auth";', 'import { CredentialsSignin, type User } from "next-auth";'],
      [
        "/** Error codes `authorize` throws on purpose; v4 passes the message to /login as `?error=`. */",
        "/** Error codes `authorize` throws on purpose; v5 passes them to /login as `?error=CredentialsSignin&code=`. */",
      ],
      [
        "async function checkPassword(email: string, password: string): Promise<User | null> {",
        fragment("credentials-sign-in-refused"),
      ],
      [
        "throw new Error(SIGN_IN_ERROR.tooManyAttempts(error.minutes))",
        "throw new SignInRefused(SIGN_IN_ERROR.tooManyAttempts(error.minutes))",
      ],
      [
        "throw new Error(SIGN_IN_ERROR.serviceUnavailable)",
        "throw new SignInRefused(SIGN_IN_ERROR.serviceUnavailable)",
      ],
      [
        "all return null, never a thrown message: v4 puts that message into the redirect URL",
        "all return null, never a thrown code: it goes into the redirect URL",
      ],
    ]),
    edit("pages/login.tsx", "read v5's ?code= after a refused credentials sign-in", [
      [
        '  const error = loginErrorMessage(reauthenticate && !ctx.query.error ? "Reauthenticate" : ctx.query.error);',
        fragment("login-error-code"),
      ],
    ]),
    edit("lib/auth/login-errors.ts", "v5's error codes, as readable as v4's", [
      ['  Callback: "Sign-in did not complete. Try again.",', fragment("login-errors-v5")],
    ]),
    edit("e2e/flows/persistence.e2e.ts", "next-auth/jwt needs the salt (the cookie name); maxAge from auth.config.ts", [
      ["decode({ token: cookie.value, secret })", "decode({ token: cookie.value, secret, salt: name })"],
      // Playwright loads tests through Node's ESM loader, where v5's ESM import of "next/server"
      // (no extension) fails: take the constant from the Edge config, which does not load next-auth.
      [
        'import { SESSION_MAX_AGE_SECONDS } from "@/lib/auth/options";',
        'import { SESSION_MAX_AGE_SECONDS } from "@/auth.config";',
      ],
      ["encode({ token: payload!, secret, maxAge:", "encode({ token: payload!, secret, salt: name, maxAge:"],
    ]),
    edit("tooling/raw-http-auth.ts", "minted tokens take the salt (the cookie name)", [
      [fragment("mint-token.before"), fragment("mint-token.after")],
    ]),
    edit("security/corpus.ts", "minted tokens under the cookie name's salt", [
      [
        'mintToken(claims, "a-foreign-secret-that-is-long-enough-000")',
        'mintToken(claims, "a-foreign-secret-that-is-long-enough-000", 60 * 60, name)',
      ],
      [
        "mintToken({ ...claims, roleCheckedAt: 0 }, ctx.secret, -60)",
        "mintToken({ ...claims, roleCheckedAt: 0 }, ctx.secret, -60, name)",
      ],
    ]),
    edit("next.config.js", "bundle next-auth 5; keep the rate limiter and drizzle external for the App Router route", [
      ['const externalPackages = ["@electric-sql/pglite", "pg"];', fragment("next-config-external-packages")],
      ["  poweredByHeader: false,", fragment("next-config-transpile-next-auth")],
    ]),
    edit("jest.config.ts", "transform v5's ESM-only packages", [
      [
        'const esmOnlyPackages = ["until-async", "rettime", "@open-draft/deferred-promise"];',
        fragment("jest-esm-only-packages"),
      ],
    ]),
  ],
};

export default step;
