import { replaceOnce, type Step } from "../types";

/**
 * The upgrade from next-auth 4.24.15 to Auth.js 5.0.0-beta.32, in order. Each prepare step ships
 * on v4 alone; the switch changes the package; the follow-ups land the v5 patterns.
 */
export const steps: Step[] = [
  {
    id: "01-one-auth-module",
    title: "One auth module",
    phase: "prepare",
    // Already true in this app (lib/auth/*): the verification runs the inventory and the checks.
  },
  {
    id: "02-auth-helper",
    title: "An auth() helper with v5's signatures, on v4",
    phase: "prepare",
    write: ["lib/auth/session.ts"],
    transforms: [
      ...["lib/auth/guards.ts", "lib/api/route.ts", "pages/login.tsx"].map((file) => ({
        file,
        description: "getServerAuthSession → auth",
        apply: (source: string) =>
          replaceOnce(
            file,
            source
              .replaceAll("getServerAuthSession({ req, res })", "auth(req, res)")
              .replaceAll("getServerAuthSession(ctx)", "auth(ctx)"),
            'import { getServerAuthSession } from "@/lib/auth/session";',
            'import { auth } from "@/lib/auth/session";',
          ),
      })),
      {
        file: "lib/auth/options.ts",
        description: "doc comment names auth()",
        apply: (source) => replaceOnce("lib/auth/options.ts", source, "getServerAuthSession() or the guards", "auth() or the guards"),
      },
    ],
  },
  {
    id: "03-env-names",
    title: "v5's environment variable names",
    phase: "prepare",
    transforms: [
      {
        file: "lib/env.ts",
        description: "AUTH_SECRET and AUTH_URL win, as in v5",
        apply: (source) => {
          let out = replaceOnce("lib/env.ts", source, "    NEXTAUTH_URL: optionalUrl,\n", "    NEXTAUTH_URL: optionalUrl,\n    AUTH_URL: optionalUrl,\n");
          out = replaceOnce("lib/env.ts", out, "const secret = raw.NEXTAUTH_SECRET ?? raw.AUTH_SECRET;", "// v5 reads AUTH_SECRET first: so does this, so that both agree when both are set.\n    const secret = raw.AUTH_SECRET ?? raw.NEXTAUTH_SECRET;");
          return replaceOnce("lib/env.ts", out, 'new URL(raw.NEXTAUTH_URL ?? "http://localhost:3000")', 'new URL(raw.AUTH_URL ?? raw.NEXTAUTH_URL ?? "http://localhost:3000")');
        },
      },
      {
        file: ".env.example",
        description: "document AUTH_URL and the v5 precedence",
        apply: (source) =>
          replaceOnce(
            ".env.example",
            source,
            "# AUTH_SECRET is accepted too (the v5 name).",
            "# AUTH_SECRET is the v5 name; when both are set, AUTH_SECRET wins (as in Auth.js v5).\n# AUTH_URL likewise wins over NEXTAUTH_URL. Self-hosted v5 needs one of them (or AUTH_TRUST_HOST).",
          ),
      },
    ],
  },
  {
    id: "04-types",
    title: "Types ready for v5",
    phase: "prepare",
    // Already true here: types/next-auth.d.ts imports "next-auth/jwt" (v5 needs it, TS2664 otherwise)
    // and no auth code uses `any`. The verification runs the inventory and the checks.
  },
  {
    id: "05-continuity-test",
    title: "Pin the session contract: a v4 cookie is a session",
    phase: "prepare",
    // The first is self-contained (copy it into your app); the second covers this app's pages and middleware.
    write: ["__tests__/server/session-continuity.test.ts", "__tests__/server/session-continuity-reference-app.test.ts"],
  },
  {
    id: "06-switch",
    title: "The switch: next-auth 5, auth.ts, the App Router route, the bridge for v4 cookies",
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
      {
        file: "lib/auth/callbacks.ts",
        description: "v5 types; session callback moves to auth.config.ts",
        apply: (source) => {
          const file = "lib/auth/callbacks.ts";
          let out = replaceOnce(file, source, 'import type { CallbacksOptions, Session } from "next-auth";', 'import type { NextAuthConfig } from "next-auth";');
          out = replaceOnce(
            file,
            out,
            "export function buildCallbacks(config: Env): Partial<CallbacksOptions> {",
            '/** The database-backed callbacks; `authorized` and `session` are Edge-safe and live in auth.config.ts. */\nexport function buildCallbacks(config: Env): NonNullable<NextAuthConfig["callbacks"]> {',
          );
          out = replaceOnce(file, out, /\n {4}async session\(\{ session, token \}\): Promise<Session> \{[\s\S]*?\n {4}\},\n/, "\n");
          return replaceOnce(
            file,
            out,
            "// v4 hands this same object to the jwt callback: our id replaces the provider's profile id.",
            "// The same object reaches the jwt callback: our id replaces the provider's (a random UUID in v5).",
          );
        },
      },
      {
        file: "lib/auth/github.ts",
        description: "fetch the profile (v5 passes no openid-client)",
        apply: (source) => {
          const file = "lib/auth/github.ts";
          let out = replaceOnce(
            file,
            source,
            "      async request({ client, tokens }) {\n        const profile = (await client.userinfo(tokens.access_token!)) as unknown as GitHubProfile;",
            "      // v5 passes no openid-client `client`: fetch the profile ourselves.\n      async request({ tokens }: { tokens: { access_token?: string } }) {\n        const profile = (await fetch(`${api}/user`, {\n          headers: { Authorization: `Bearer ${tokens.access_token}`, Accept: \"application/json\" },\n        }).then((response) => response.json())) as GitHubProfile;",
          );
          out = replaceOnce(
            file,
            out,
            "return profile as unknown as Record<string, unknown>;",
            "// A fresh object: @auth/core drops a profile that fails `instanceof Object`, which a parsed\n        // fetch body from another realm does (seen under Jest).\n        return { ...profile };",
          );
          return replaceOnce(file, out, "    profile(profile) {", "    profile(profile: GitHubProfile) {");
        },
      },
      {
        file: "lib/auth/credentials.ts",
        description: "refusals with a code: a CredentialsSignin subclass",
        apply: (source) => {
          const file = "lib/auth/credentials.ts";
          let out = replaceOnce(file, source, 'import type { User } from "next-auth";', 'import { CredentialsSignin, type User } from "next-auth";');
          out = replaceOnce(
            file,
            out,
            "/** Error codes `authorize` throws on purpose; v4 passes the message to /login as `?error=`. */",
            "/** Error codes `authorize` throws on purpose; v5 passes them to /login as `?error=CredentialsSignin&code=`. */",
          );
          out = replaceOnce(
            file,
            out,
            "async function checkPassword(",
            "/** v5 hands only a CredentialsSignin's `code` to the sign-in page; any other error becomes `?error=Configuration`. */\nclass SignInRefused extends CredentialsSignin {\n  constructor(code: string) {\n    super();\n    this.code = code;\n  }\n}\n\nasync function checkPassword(",
          );
          out = replaceOnce(file, out, "throw new Error(SIGN_IN_ERROR.tooManyAttempts(error.minutes))", "throw new SignInRefused(SIGN_IN_ERROR.tooManyAttempts(error.minutes))");
          out = replaceOnce(file, out, "throw new Error(SIGN_IN_ERROR.serviceUnavailable)", "throw new SignInRefused(SIGN_IN_ERROR.serviceUnavailable)");
          return replaceOnce(file, out, "all return null, never a thrown message: v4 puts that message into the redirect URL", "all return null, never a thrown code: it goes into the redirect URL");
        },
      },
      {
        file: "pages/login.tsx",
        description: "read v5's ?code= after a refused credentials sign-in",
        apply: (source) => {
          const file = "pages/login.tsx";
          return replaceOnce(
            file,
            source,
            '  const error = loginErrorMessage(reauthenticate && !ctx.query.error ? "Reauthenticate" : ctx.query.error);',
            '  // v5: `?error=CredentialsSignin&code=<ours>`; the code "credentials" is a plain wrong password.\n  const code = ctx.query.error === "CredentialsSignin" && ctx.query.code !== "credentials" ? ctx.query.code : undefined;\n  const error = loginErrorMessage(reauthenticate && !ctx.query.error ? "Reauthenticate" : (code ?? ctx.query.error));',
          );
        },
      },
      {
        file: "lib/auth/login-errors.ts",
        description: "v5's error codes, as readable as v4's",
        apply: (source) =>
          replaceOnce(
            "lib/auth/login-errors.ts",
            source,
            '  Callback: "Sign-in did not complete. Try again.",\n',
            '  Callback: "Sign-in did not complete. Try again.",\n  // v5 names: a failed OAuth callback (e.g. denied consent) and a missing CSRF token.\n  OAuthCallbackError: "GitHub sign-in did not complete. Try again, and allow access when GitHub asks.",\n  MissingCSRF: "The sign-in form expired. Reload the page and try again.",\n',
          ),
      },
      {
        file: "e2e/flows/persistence.e2e.ts",
        description: "next-auth/jwt needs the salt (the cookie name); maxAge from auth.config.ts",
        apply: (source) => {
          const file = "e2e/flows/persistence.e2e.ts";
          let out = replaceOnce(file, source, "decode({ token: cookie.value, secret })", "decode({ token: cookie.value, secret, salt: name })");
          // Playwright loads tests through Node's ESM loader, where v5's ESM import of "next/server"
          // (no extension) fails: take the constant from the Edge config, which does not load next-auth.
          out = replaceOnce(file, out, 'import { SESSION_MAX_AGE_SECONDS } from "@/lib/auth/options";', 'import { SESSION_MAX_AGE_SECONDS } from "@/auth.config";');
          return replaceOnce(file, out, "encode({ token: payload!, secret, maxAge:", "encode({ token: payload!, secret, salt: name, maxAge:");
        },
      },
      {
        file: "security/support/auth.ts",
        description: "minted tokens take the salt (the cookie name)",
        apply: (source) =>
          replaceOnce(
            "security/support/auth.ts",
            source,
            '/** A token encrypted the way next-auth v4 encrypts session cookies (salt "": v4\'s default). */\nexport function mintToken(claims: JWT, secret: string, maxAgeSeconds = 60 * 60): Promise<string> {\n  return encode({ token: claims, secret, maxAge: maxAgeSeconds });',
            "/** A token encrypted the way Auth.js v5 encrypts session cookies (salt: the cookie name). */\nexport function mintToken(claims: JWT, secret: string, maxAgeSeconds: number, salt: string): Promise<string> {\n  return encode({ token: claims, secret, maxAge: maxAgeSeconds, salt });",
          ),
      },
      {
        file: "security/corpus.ts",
        description: "minted tokens under the cookie name's salt",
        apply: (source) => {
          const file = "security/corpus.ts";
          const out = replaceOnce(file, source, 'mintToken(claims, "a-foreign-secret-that-is-long-enough-000")', 'mintToken(claims, "a-foreign-secret-that-is-long-enough-000", 60 * 60, name)');
          return replaceOnce(file, out, "mintToken({ ...claims, roleCheckedAt: 0 }, ctx.secret, -60)", "mintToken({ ...claims, roleCheckedAt: 0 }, ctx.secret, -60, name)");
        },
      },
      {
        file: "next.config.js",
        description: "bundle next-auth 5; keep the rate limiter and drizzle external for the App Router route",
        apply: (source) =>
          replaceOnce(
            "next.config.js",
            replaceOnce(
              "next.config.js",
              source,
              'const externalPackages = ["@electric-sql/pglite", "pg"];',
              '// The App Router auth route bundles node_modules (pages did not): rate-limiter-flexible\n// require()s drizzle-orm at run time, which a bundle cannot resolve.\nconst externalPackages = ["@electric-sql/pglite", "pg", "rate-limiter-flexible", "drizzle-orm"];',
            ),
            "  poweredByHeader: false,\n",
            '  poweredByHeader: false,\n  // next-auth 5 is ESM and imports "next/server" without an extension, which Node\'s ESM loader\n  // cannot resolve when a Pages Router page loads it as an external package: bundle it instead.\n  transpilePackages: ["next-auth"],\n',
          ),
      },
      {
        file: "jest.config.ts",
        description: "transform v5's ESM-only packages",
        apply: (source) =>
          replaceOnce(
            "jest.config.ts",
            source,
            /const esmOnlyPackages = \[([^\]]*)\];/,
            '// next-auth 5 and its dependencies are ESM-only too.\nconst esmOnlyPackages = [$1, "next-auth", "@auth/core", "jose", "oauth4webapi", "preact-render-to-string", "preact"];',
          ),
      },
    ],
  },
  {
    id: "07-redirect-to",
    title: "callbackUrl → redirectTo in the client",
    phase: "follow-up",
    // The codemod rewrites every signIn/signOut call; by hand: the comment that explains it.
    codemod: 7,
    transforms: [
      {
        file: "components/AuthButtons.tsx",
        description: "the comment names redirectTo",
        apply: (source) =>
          replaceOnce("components/AuthButtons.tsx", source, "v4 calls the destination `callbackUrl` (v5: `redirectTo`)", "v5 calls the destination `redirectTo` (v4: `callbackUrl`)"),
      },
    ],
  },
  {
    id: "08-app-router-page",
    title: "One App Router page with auth() in a server component",
    phase: "follow-up",
    write: ["app/layout.tsx", "app/server/page.tsx", "__tests__/server/app-router-page.test.ts", "__tests__/server/seed-patterns.test.ts"],
  },
  {
    id: "09-next16-proxy",
    title: "Optional, on Next 16: middleware.ts → proxy.ts",
    phase: "follow-up",
    optional: true,
    // Before or after step 10 alike: the file moves as it is (what
    // `npx @next/codemod@latest middleware-to-proxy .` does), bridge or no bridge.
    rename: { "middleware.ts": "proxy.ts" },
    transforms: [
      {
        file: "proxy.ts",
        description: "the export is named proxy",
        apply: (source) =>
          replaceOnce(
            "proxy.ts",
            source,
            "export default function middleware(",
            "// Next 16 calls middleware a proxy: same file, same matcher, the function named `proxy`.\nexport function proxy(",
          ),
      },
      {
        file: "__tests__/server/middleware.test.ts",
        description: "the tests import the proxy",
        apply: (source) =>
          replaceOnce(
            "__tests__/server/middleware.test.ts",
            source,
            'import middleware, { config } from "@/middleware";',
            'import { proxy as middleware, config } from "@/proxy";',
          ),
      },
      {
        file: "__tests__/server/session-read.test.ts",
        description: "the tests import the proxy",
        apply: (source) =>
          replaceOnce("__tests__/server/session-read.test.ts", source, 'import middleware from "@/middleware";', 'import { proxy as middleware } from "@/proxy";'),
      },
    ],
  },
  {
    id: "10-clean-up",
    title: "Clean-up, once every v4 cookie has expired",
    phase: "follow-up",
    delete: [
      "lib/auth/legacy-v4-session.ts",
      "__tests__/server/legacy-v4-session.test.ts",
      "__tests__/server/session-continuity.test.ts",
      "__tests__/server/session-continuity-reference-app.test.ts",
    ],
    transforms: [
      ...["auth.ts", "middleware.ts"].map((file) => ({
        file,
        fallback: file === "middleware.ts" ? "proxy.ts" : undefined,
        description: "unwrap withLegacyV4",
        apply: (source: string) => {
          const out = replaceOnce(file, source, 'import { withLegacyV4 } from "@/lib/auth/legacy-v4-session";\n', "");
          return replaceOnce(file, out, "withLegacyV4(NextAuth)", "NextAuth");
        },
      })),
      {
        file: "__tests__/server/app-router-page.test.ts",
        description: "drop the v4-cookie case",
        apply: (source) => {
          const file = "__tests__/server/app-router-page.test.ts";
          let out = replaceOnce(file, source, /\n {2}it\("reads a v4 session cookie too[\s\S]*?\n {2}\}\);\n/, "\n");
          out = replaceOnce(file, out, 'import { mintV4SessionToken, v4CookieHeader } from "../support/v4-session-cookie";\n', "");
          out = replaceOnce(file, out, 'import { sessionClaims, sessionCookie } from "../support/session";', 'import { sessionCookie } from "../support/session";');
          return replaceOnce(file, out, 'import { env } from "@/lib/env";\n', "");
        },
      },
    ],
  },
];
