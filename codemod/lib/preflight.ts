import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * `preflight <app-dir>`: what must hold before the v5 switch is deployed (MIGRATION.md, "Deploy the
 * switch"). Every check here is one that v4 tolerated and v5 does not: the app answers 500 on every
 * auth request, or signs everyone out, from the first request. Read-only; values are never printed.
 */

export type Verdict = "ok" | "warn" | "fail";

export interface Check {
  check: "next-auth" | "bridge" | "secret" | "host" | "provider" | "transpile";
  verdict: Verdict;
  message: string;
}

interface Output {
  out: (text: string) => void;
  err: (text: string) => void;
}

const USAGE = `Usage:
  next-auth-v5-codemod preflight <app-dir> [--env-file <file>]... [--json]

Checks an app after the switch (MIGRATION.md step 6), before it is deployed: next-auth 5.0.0-beta.32
or later, the session bridge wired in, AUTH_SECRET, AUTH_URL or a trusted host, every provider's
settings v5 checks on each request, and transpilePackages for a Pages Router build.
  --env-file <file>  the deployment's environment (KEY=value lines); repeat for several files.
                     Without it, this process's environment is checked: run it where you deploy.
  --json             the checks as JSON
Exit codes: 0 nothing fails; 1 a check fails; 2 bad usage.`;

/**
 * Built-in v5 providers (@auth/core 0.41.3) that have neither a default `issuer` nor all three
 * endpoints: without `issuer` (or AUTH_<ID>_ISSUER) v5's config check fails every request with
 * InvalidEndpoints, where v4 failed only a sign-in with that provider.
 */
export const ISSUER_REQUIRED: ReadonlySet<string> = new Set([
  "asgardeo",
  "auth0",
  "authentik",
  "azure-ad-b2c",
  "battlenet",
  "beyondidentity",
  "cognito",
  "duende-identity-server6",
  "fusionauth",
  "identity-server4",
  "keycloak",
  "kinde",
  "logto",
  "netsuite",
  "okta",
  "onelogin",
  "ory-hydra",
  "passage",
  "ping-id",
  "todoist",
  "united-effects",
  "zitadel",
]);

/** Providers that take no OAuth client (no clientId/clientSecret to look for). */
const NO_CLIENT = new Set([
  "credentials",
  "email",
  "nodemailer",
  "resend",
  "sendgrid",
  "postmark",
  "passkey",
  "webauthn",
]);

const SKIP_DIRS = new Set(["node_modules", ".next", ".git", "dist", "build", "out", "coverage", ".turbo", ".vercel"]);
const SOURCE = /\.(?:[cm]?[jt]sx?)$/;

function sourceFiles(root: string, dir = ""): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) found.push(...sourceFiles(root, rel));
    } else if (SOURCE.test(entry.name) && !/\.d\.[cm]?ts$/.test(entry.name)) found.push(rel);
  }
  return found;
}

/**
 * Source files of the workspace packages the app depends on (transitively), keyed by their path
 * from `root`: a shared package may hold NextAuth and the bridge (create-t3-turbo's packages/auth).
 */
function workspaceSources(root: string): string[] {
  let workspace: string | undefined;
  for (let dir = path.dirname(path.resolve(root)), i = 0; i < 4; dir = path.dirname(dir), i++) {
    const json = readJson(path.join(dir, "package.json"));
    if (existsSync(path.join(dir, "pnpm-workspace.yaml")) || json?.workspaces) {
      workspace = dir;
      break;
    }
    if (path.dirname(dir) === dir) break;
  }
  if (!workspace) return [];
  // Packages one or two folders down (packages/auth, packages/@scope/x), by name.
  const byName = new Map<string, string>();
  const visit = (dir: string, depth: number) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory() || SKIP_DIRS.has(entry.name) || entry.name.startsWith(".")) continue;
      const child = path.join(dir, entry.name);
      const name = readJson(path.join(child, "package.json"))?.name;
      if (typeof name === "string") byName.set(name, child);
      else if (depth < 2) visit(child, depth + 1);
    }
  };
  visit(workspace, 0);
  const dependencies = (dir: string) => {
    const json = readJson(path.join(dir, "package.json")) ?? {};
    return ["dependencies", "devDependencies"].flatMap((field) => Object.keys(json[field] ?? {}));
  };
  const seen = new Set<string>([path.resolve(root)]);
  const queue = dependencies(root);
  const files: string[] = [];
  for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
    const dir = byName.get(name);
    if (!dir || seen.has(dir)) continue;
    seen.add(dir);
    files.push(...sourceFiles(dir).map((f) => path.relative(root, path.join(dir, f)).split(path.sep).join("/")));
    queue.push(...dependencies(dir));
  }
  return files;
}

function readJson(file: string): Record<string, Record<string, unknown> | undefined> | undefined {
  try {
    return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : undefined;
  } catch {
    return undefined;
  }
}

/** KEY=value lines, as dotenv reads them (comments, `export `, quotes). */
export function parseEnvFile(text: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const m = line.match(/^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/);
    if (!m) continue;
    let value = m[2];
    if (/^(["']).*\1$/.test(value)) value = value.slice(1, -1);
    else value = value.replace(/\s+#.*$/, "");
    env[m[1]] = value;
  }
  return env;
}

const set = (env: Record<string, string | undefined>, key: string) => (env[key] ?? "") !== "";
const lineAt = (text: string, index: number) => text.slice(0, index).split("\n").length;

/** The text of a call's arguments, from the `(` at `open` to its matching `)`. */
function callArguments(text: string, open: number): string {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === "(") depth++;
    else if (text[i] === ")" && --depth === 0) return text.slice(open + 1, i);
  }
  return text.slice(open + 1);
}

function versionCheck(root: string): Check {
  const pkg = existsSync(path.join(root, "package.json"))
    ? (JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as Record<string, Record<string, string>>)
    : {};
  const version = pkg.dependencies?.["next-auth"] ?? pkg.devDependencies?.["next-auth"];
  if (!version) return { check: "next-auth", verdict: "fail", message: "package.json does not depend on next-auth" };
  const beta = version.match(/^\D*5\.0\.0-beta\.(\d+)$/);
  if ((beta && Number(beta[1]) >= 32) || /^\D*5\.(?:\d+)\.(?:\d+)$/.test(version))
    return { check: "next-auth", verdict: "ok", message: `next-auth ${version}` };
  return {
    check: "next-auth",
    verdict: "fail",
    message: beta
      ? `next-auth ${version}: betas before 5.0.0-beta.32 return a truthy auth object on a configuration error (GHSA-8fpg-xm3f-6cx3); pin 5.0.0-beta.32`
      : `next-auth ${version} is not v5: run the codemod's apply --all (MIGRATION.md step 6) first`,
  };
}

function bridgeCheck(sources: Map<string, string>): Check {
  const wired = [...sources].find(([, text]) => /\bwithLegacyV4\s*\(/.test(text) && /legacy-v4-session/.test(text));
  return wired
    ? { check: "bridge", verdict: "ok", message: `the session bridge is wired in ${wired[0]}` }
    : {
        check: "bridge",
        verdict: "fail",
        message:
          "no withLegacyV4(NextAuth) in the app: without the session bridge every user signed in on v4 is signed out at deploy (MIGRATION.md step 6)",
      };
}

function secretCheck(env: Record<string, string | undefined>, sources: Map<string, string>): Check {
  const v5 = env.AUTH_SECRET;
  const v4 = env.NEXTAUTH_SECRET;
  if (set(env, "AUTH_SECRET") && set(env, "NEXTAUTH_SECRET") && v5 !== v4)
    return {
      check: "secret",
      verdict: "fail",
      message:
        "AUTH_SECRET and NEXTAUTH_SECRET differ: v5 uses AUTH_SECRET, so every v4 cookie (sealed with NEXTAUTH_SECRET) fails to decrypt; give AUTH_SECRET the same value",
    };
  if (set(env, "AUTH_SECRET")) return { check: "secret", verdict: "ok", message: "AUTH_SECRET is set" };
  if (set(env, "NEXTAUTH_SECRET"))
    return {
      check: "secret",
      verdict: "warn",
      message: "only NEXTAUTH_SECRET is set: v5 reads it as a fallback; add AUTH_SECRET with the same value",
    };
  const inConfig = [...sources].find(([, text]) => /\bNextAuth\s*\(/.test(text) && /\bsecret\s*:/.test(text));
  if (inConfig)
    return {
      check: "secret",
      verdict: "warn",
      message: `no AUTH_SECRET in the environment; ${inConfig[0]} sets \`secret\` itself: it must be the v4 secret`,
    };
  return {
    check: "secret",
    verdict: "fail",
    message: "neither AUTH_SECRET nor NEXTAUTH_SECRET is set: v5 fails every request with MissingSecret",
  };
}

function hostCheck(root: string, env: Record<string, string | undefined>, sources: Map<string, string>): Check {
  const nextConfig = ["next.config.js", "next.config.mjs", "next.config.ts", "next.config.cjs"]
    .map((f) => (existsSync(path.join(root, f)) ? readFileSync(path.join(root, f), "utf8") : ""))
    .join("\n");
  if (set(env, "AUTH_URL")) {
    let pathname = "/";
    try {
      pathname = new URL(env.AUTH_URL!).pathname;
    } catch {
      return { check: "host", verdict: "fail", message: "AUTH_URL is not a URL" };
    }
    if (/\bbasePath\s*:/.test(nextConfig) && pathname !== "/")
      return {
        check: "host",
        verdict: "fail",
        message: `AUTH_URL has a path (${pathname}) and next.config sets basePath: v5 takes the path as its own basePath and answers UnknownAction; set AUTH_URL to the origin only`,
      };
    return { check: "host", verdict: "ok", message: "AUTH_URL is set" };
  }
  const trusted = ["AUTH_TRUST_HOST", "VERCEL", "CF_PAGES"].find((key) => set(env, key));
  if (trusted)
    return {
      check: "host",
      verdict: "ok",
      message: `${trusted} is set: v5 trusts the request's host (and X-Forwarded-Host): only behind a proxy you control`,
    };
  const inConfig = [...sources].find(([, text]) => /\btrustHost\s*:\s*true\b/.test(text));
  if (inConfig) return { check: "host", verdict: "ok", message: `trustHost: true in ${inConfig[0]}` };
  return {
    check: "host",
    verdict: "fail",
    message: `${set(env, "NEXTAUTH_URL") ? "only NEXTAUTH_URL is set" : "no AUTH_URL"}: in production v5 answers every auth request 500 (UntrustedHost); set AUTH_URL to the public URL, or AUTH_TRUST_HOST=true behind a proxy you trust`,
  };
}

function providerChecks(env: Record<string, string | undefined>, sources: Map<string, string>): Check[] {
  const checks: Check[] = [];
  const importLine =
    /import\s+(?:\*\s+as\s+)?(\w+)(?:\s*,\s*\{[^}]*\})?\s+from\s+["'](?:next-auth|@auth\/core)\/providers\/([\w-]+)["']/g;
  for (const [file, text] of sources) {
    for (const [, local, id] of text.matchAll(importLine)) {
      const ID = id.toUpperCase().replace(/-/g, "_");
      const calls = [...text.matchAll(new RegExp(`\\b${local}(?:\\.default)?\\s*\\(`, "g"))];
      for (const call of calls) {
        const args = callArguments(text, call.index! + call[0].length - 1);
        const where = `${file}:${lineAt(text, call.index!)}`;
        const opaque = !/^\s*\{/.test(args) || /\.\.\./.test(args);
        if (ISSUER_REQUIRED.has(id) && !/\bissuer\b/.test(args) && !set(env, `AUTH_${ID}_ISSUER`)) {
          checks.push({
            check: "provider",
            verdict: opaque ? "warn" : "fail",
            message: opaque
              ? `${id} at ${where}: its options are built elsewhere; v5 needs \`issuer\` (or AUTH_${ID}_ISSUER), or every request fails (InvalidEndpoints)`
              : `${id} at ${where} has no \`issuer\`: v5 checks every provider on every request and answers 500 (InvalidEndpoints); pass issuer, or set AUTH_${ID}_ISSUER`,
          });
          continue;
        }
        if (!NO_CLIENT.has(id) && !opaque && !/\bclientId\b/.test(args) && !set(env, `AUTH_${ID}_ID`)) {
          checks.push({
            check: "provider",
            verdict: "warn",
            message: `${id} at ${where}: no clientId, and AUTH_${ID}_ID is not set: sign-in with it fails`,
          });
          continue;
        }
        checks.push({ check: "provider", verdict: "ok", message: `${id} at ${where}` });
      }
    }
  }
  return checks;
}

function transpileCheck(root: string): Check | undefined {
  const pagesRouter = ["pages", "src/pages"].some((d) => existsSync(path.join(root, d)));
  if (!pagesRouter) return undefined;
  const config = ["next.config.js", "next.config.mjs", "next.config.ts", "next.config.cjs"].find((f) =>
    existsSync(path.join(root, f)),
  );
  const text = config ? readFileSync(path.join(root, config), "utf8") : "";
  return /transpilePackages\s*:\s*\[[^\]]*["']next-auth["']/.test(text)
    ? { check: "transpile", verdict: "ok", message: `transpilePackages includes next-auth (${config})` }
    : {
        check: "transpile",
        verdict: "fail",
        message: `${config ?? "no next.config.*"}: a Pages Router app needs transpilePackages: ["next-auth"], or next build fails ("Cannot find module '…/next/server'")`,
      };
}

/** Every check for the app in `root`, against `env` (the deployment's environment). */
export function preflightChecks(root: string, env: Record<string, string | undefined>): Check[] {
  const sources = new Map(
    [...sourceFiles(root), ...workspaceSources(root)].map((f) => [f, readFileSync(path.join(root, f), "utf8")]),
  );
  return [
    versionCheck(root),
    bridgeCheck(sources),
    secretCheck(env, sources),
    hostCheck(root, env, sources),
    ...providerChecks(env, sources),
    transpileCheck(root),
  ].filter((c): c is Check => c !== undefined);
}

/** The CLI's `preflight` command: prints each check; exit 1 when one fails. */
export function preflight(argv: string[], io: Output): number {
  let dir: string | undefined;
  const envFiles: string[] = [];
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--help" || a === "-h") {
      io.out(USAGE);
      return 0;
    } else if (a === "--json") json = true;
    else if (a === "--env-file" || a.startsWith("--env-file=")) {
      const value = a.includes("=") ? a.slice(a.indexOf("=") + 1) : argv[++i];
      if (!value) return usage(io, "--env-file needs a file");
      envFiles.push(value);
    } else if (a.startsWith("-")) return usage(io, `unknown option ${a} for preflight`);
    else if (dir === undefined) dir = a;
    else return usage(io, `unexpected argument "${a}"`);
  }
  if (dir === undefined) return usage(io, "missing <app-dir>");
  const root = path.resolve(dir);
  if (!existsSync(root)) {
    io.err(`error: no such folder: ${root}`);
    return 1;
  }
  for (const file of envFiles)
    if (!existsSync(file)) {
      io.err(`error: no such env file: ${file}`);
      return 1;
    }
  const env = envFiles.length
    ? Object.assign({}, ...envFiles.map((f) => parseEnvFile(readFileSync(f, "utf8"))))
    : { ...process.env };
  const checks = preflightChecks(root, env);
  const failed = checks.filter((c) => c.verdict === "fail").length;
  if (json) {
    io.out(JSON.stringify({ root, environment: envFiles.length ? envFiles : "process", checks, failed }, null, 2));
    return failed ? 1 : 0;
  }
  io.out(`Preflight of the v5 switch in ${root}`);
  io.out(`environment: ${envFiles.length ? envFiles.join(", ") : "this process (pass --env-file to check a file)"}`);
  for (const c of checks) io.out(`${c.verdict === "fail" ? "FAIL" : c.verdict.padEnd(4)}  ${c.check}: ${c.message}`);
  io.out(
    failed
      ? `${failed} check${failed === 1 ? "" : "s"} failed: fix ${failed === 1 ? "it" : "them"} before deploying (MIGRATION.md, "Deploy the switch").`
      : 'Nothing fails. After the deploy, watch what MIGRATION.md, "Deploy the switch", lists.',
  );
  return failed ? 1 : 0;
}

function usage(io: Output, message: string): number {
  io.err(`error: ${message}\n\n${USAGE}`);
  return 2;
}
