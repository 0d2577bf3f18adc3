/**
 * `npm run test:upgrade [-- <fixture>…]`: upgrades the apps in upgrade-fixtures/ (shapes unlike
 * this one) from next-auth v4 to Auth.js v5, each as a maintainer would, and checks that nobody
 * is signed out. Per app, in a scratch copy with its own git history:
 *   install on v4 (node_modules hard-linked from this checkout, then `npm install` adds the rest)
 *   → next build → start, sign in through the local GitHub-compatible provider, keep the cookies
 *   → the codemod over all steps → the committed hand patch (upgrade-fixtures/hand-patches/; a
 *   monorepo first gets `<name>.before.patch`, the by-hand step the codemod asks for, and a rerun)
 *   → install v5 → type check → next build → start on the same database and secret → the kept
 *   cookies are signed in and re-issued as v5; anonymous, tampered (and expired) are refused.
 * The sign-in and the checks are scripts/support/continuity.ts, as `npm run migration:verify`
 * runs them on this app. Writes artifacts/upgrade/results.json and ends with `N passed, N failed`.
 */
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { GITHUB_ADMIN_EMAILS, OAUTH_CLIENT } from "../e2e/support/github-accounts";
import { startGithubProvider } from "../e2e/support/github-provider";
import { freePort, ROOT, runCommand, stopAllChildren } from "./support/app-server";
import { commandLine, markdownTable, onInterrupt, progress, tail } from "./support/cli";
import { SessionContinuity, type AppShape, type Check } from "./support/continuity";

interface Fixture {
  name: string;
  shape: AppShape;
  /** The Next.js app inside the fixture (a monorepo's `apps/web`); the fixture itself by default. */
  web?: string;
}

/** The environment of a fixture's build: the same for v4 and v5, with both generations' names. */
const fixtureEnv: AppShape["env"] = (options, url) => ({
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  NEXTAUTH_SECRET: options.secret,
  AUTH_SECRET: options.secret,
  NEXTAUTH_URL: url,
  AUTH_URL: url,
  GITHUB_ID: OAUTH_CLIENT.id,
  GITHUB_SECRET: OAUTH_CLIENT.secret,
  GITHUB_URL: options.providerUrl,
  PGLITE_DATA_DIR: options.dataDir,
  ADMIN_EMAILS: GITHUB_ADMIN_EMAILS.join(","),
});

/** The monorepo and the plain-JS app: JWT sessions, an admin page, the same routes. */
const jwtAppShape: Fixture["shape"] = {
  protectedPage: "/dashboard",
  signInPage: "/api/auth/signin",
  api: "/api/me",
  adminPage: "/admin",
  strategy: "jwt",
  authTime: false,
  env: fixtureEnv,
};

const FIXTURES: Fixture[] = [
  {
    name: "t3-drizzle",
    shape: {
      protectedPage: "/dashboard",
      signInPage: "/api/auth/signin",
      api: "/api/me",
      strategy: "database",
      authTime: false,
      env: fixtureEnv,
    },
  },
  {
    name: "monorepo",
    web: "apps/web",
    shape: jwtAppShape,
  },
  {
    name: "plain-js",
    shape: jwtAppShape,
  },
];

const FIXTURES_DIR = path.join(ROOT, "upgrade-fixtures");
const STEP_TIMEOUT_MS = 10 * 60_000;
const { step: log } = progress("upgrade");

interface Row {
  app: string;
  files: number;
  rewrites: number;
  todos: number;
  handPatchLines: number;
  signedInAfter: boolean;
  seconds: number;
  passed: boolean;
  failed: string[];
}

async function step(
  name: string,
  command: string,
  args: string[],
  cwd: string,
  logFile: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  const code = await runCommand(command, args, { ...env, NEXT_TELEMETRY_DISABLED: "1" }, STEP_TIMEOUT_MS, logFile, cwd);
  if (code !== 0) throw new Error(`${name} failed (exit ${code}):\n${tail(logFile)}`);
}

const git = (cwd: string, ...args: string[]) =>
  execFileSync(
    "git",
    ["-c", "user.name=upgrade", "-c", "user.email=upgrade@localhost", "-c", "commit.gpgsign=false", ...args],
    { cwd, encoding: "utf8" },
  );

/** The fixture's own files (tracked or new, minus ignored), as a fresh repository. */
function copyFixture(name: string, to: string): void {
  const files = execFileSync("git", ["ls-files", "-co", "--exclude-standard", "-z", "--", name], {
    cwd: FIXTURES_DIR,
    encoding: "utf8",
  })
    .split("\0")
    .filter(Boolean);
  if (files.length === 0) throw new Error(`upgrade-fixtures/${name} has no files`);
  for (const file of files) {
    const target = path.join(to, path.relative(name, file));
    mkdirSync(path.dirname(target), { recursive: true });
    cpSync(path.join(FIXTURES_DIR, file), target);
  }
  git(to, "init", "-q");
  git(to, "add", "-A");
  git(to, "commit", "-qm", "v4");
}

/** Hard links of this checkout's packages (no download), then npm adds and removes what package.json says. */
async function install(app: string, logFile: string): Promise<void> {
  if (!existsSync(path.join(app, "node_modules"))) {
    execFileSync("cp", ["-al", path.join(ROOT, "node_modules"), path.join(app, "node_modules")]);
    rmSync(path.join(app, "node_modules/.package-lock.json"), { force: true }); // npm rewrites this one in place
  }
  await step(
    "npm install",
    "npm",
    ["install", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error", "--prefer-offline"],
    app,
    logFile,
  );
}

const nextBuild = (web: string, logFile: string) =>
  step(
    "next build",
    process.execPath,
    [require.resolve("next/dist/bin/next", { paths: [web] }), "build"],
    web,
    logFile,
    { ...process.env, NODE_ENV: "production" },
  );

/** Lines a patch adds or removes (a file moved as it is counts none). */
const patchLines = (patch: string) =>
  readFileSync(patch, "utf8")
    .split("\n")
    .filter((line) => /^[-+](?![-+]{2} )/.test(line)).length;

async function upgrade(fixture: Fixture, scratch: string, port: number, providerUrl: string): Promise<Row> {
  const since = Date.now();
  const app = path.join(scratch, fixture.name);
  const web = path.join(app, fixture.web ?? "");
  const logs = path.join(ROOT, "artifacts/upgrade", fixture.name);
  rmSync(logs, { recursive: true, force: true }); // no log of an earlier run left to mislead
  mkdirSync(logs, { recursive: true });
  const row: Row = {
    app: fixture.name,
    files: 0,
    rewrites: 0,
    todos: 0,
    handPatchLines: 0,
    signedInAfter: false,
    seconds: 0,
    passed: false,
    failed: [],
  };
  const checks: Check[] = [];
  const say = (what: string) => log(`${fixture.name}: ${what}`);
  try {
    copyFixture(fixture.name, app);
    say("install v4");
    await install(app, path.join(logs, "install-v4.log"));
    say("build v4");
    await nextBuild(web, path.join(logs, "build-v4.log"));
    const continuity = new SessionContinuity({
      dataDir: path.join(scratch, `${fixture.name}-data`),
      secret: randomBytes(32).toString("base64"),
      port,
      providerUrl,
      logDir: logs,
      shape: fixture.shape,
    });
    say("serve v4, sign in");
    checks.push(...(await continuity.serve(web, "v4", (base) => continuity.signInOnV4(base))));

    const todos = new Set<string>();
    const codemod = (label: string) => {
      say(`codemod apply --all${label}`);
      const out = execFileSync(
        process.execPath,
        [
          path.join(ROOT, "node_modules/tsx/dist/cli.mjs"),
          path.join(ROOT, "codemod/bin/next-auth-v5-codemod.ts"),
          "apply",
          app,
          "--all",
          "--json",
        ],
        { cwd: ROOT, encoding: "utf8" },
      );
      writeFileSync(path.join(logs, `codemod${label.replace(/\W+/g, "-")}.json`), out);
      const result = JSON.parse(out) as {
        changes: unknown[];
        findings: { action: string; file: string; message: string }[];
      };
      row.files += result.changes.length;
      row.rewrites += result.findings.filter((f) => f.action === "rewrite").length;
      for (const f of result.findings.filter((x) => x.action === "todo")) todos.add(`${f.file}: ${f.message}`); // a rerun repeats the open ones
      row.todos = todos.size;
      rmSync(path.join(app, "NEXT-AUTH-V5-TODO.md"), { force: true }); // the list is the row's to-dos; a rerun writes it again
      git(app, "add", "-A");
      git(app, "commit", "-qm", `codemod${label}`, "--allow-empty");
    };
    codemod("");
    const before = path.join(FIXTURES_DIR, "hand-patches", `${fixture.name}.before.patch`);
    if (existsSync(before)) {
      // The by-hand step the codemod asked for before it would migrate (a monorepo's shared auth package); then again.
      row.handPatchLines += patchLines(before);
      git(app, "apply", before);
      git(app, "add", "-A");
      git(app, "commit", "-qm", "by hand, as the codemod asked");
      codemod(" (again)");
    }

    const patch = path.join(FIXTURES_DIR, "hand-patches", `${fixture.name}.patch`);
    row.handPatchLines += patchLines(patch);
    say(`hand patch (${row.handPatchLines} lines in all)`);
    git(app, "apply", patch);

    rmSync(path.join(web, ".next"), { recursive: true, force: true }); // v4's route types name the deleted pages route
    say("install v5");
    await install(app, path.join(logs, "install-v5.log"));
    const projects = execFileSync("git", ["ls-files", "*tsconfig.json"], { cwd: app, encoding: "utf8" })
      .split("\n")
      .filter(Boolean);
    for (const project of projects) {
      say(`type check ${project}`);
      const tsc = require.resolve("typescript/bin/tsc", { paths: [web] });
      await step(
        `tsc --noEmit -p ${project}`,
        process.execPath,
        [tsc, "--noEmit", "-p", project],
        app,
        path.join(logs, `typecheck-v5-${project.replace(/\W+/g, "-")}.log`),
      );
      checks.push({ name: `v5: the type check passes (${project})`, ok: true, detail: "tsc --noEmit" });
    }
    say("build v5");
    await nextBuild(web, path.join(logs, "build-v5.log"));
    say("serve v5, check the kept cookies");
    const after = await continuity.serve(web, "v5", (base) => continuity.checkAfterSwitch(base, "v5"));
    checks.push(...after);
    const carried = after.filter((c) => c.name.includes("v4 cookies of"));
    row.signedInAfter = carried.length > 0 && carried.every((c) => c.ok);
  } catch (error) {
    checks.push({ name: "upgrade", ok: false, detail: (error as Error).message });
  }
  for (const check of checks) say(`${check.ok ? "ok  " : "FAIL"} ${check.name}${check.ok ? "" : ` — ${check.detail}`}`);
  row.failed = checks.filter((c) => !c.ok).map((c) => `${c.name}: ${c.detail}`);
  row.passed = row.failed.length === 0 && row.signedInAfter;
  row.seconds = Math.round((Date.now() - since) / 1000);
  writeFileSync(path.join(logs, "checks.json"), JSON.stringify(checks, null, 2));
  return row;
}

async function main(): Promise<number> {
  const only = commandLine().positional();
  const unknown = only.filter((name) => !FIXTURES.some((f) => f.name === name));
  if (unknown.length)
    throw new Error(`Unknown fixture ${unknown.join(", ")}: ${FIXTURES.map((f) => f.name).join(", ")}`);
  const fixtures = only.length ? FIXTURES.filter((f) => only.includes(f.name)) : FIXTURES;

  const scratch = mkdtempSync(path.join(tmpdir(), "upgrade-"));
  const port = await freePort();
  const provider = await startGithubProvider({
    clientId: OAUTH_CLIENT.id,
    clientSecret: OAUTH_CLIENT.secret,
    redirectUri: `http://127.0.0.1:${port}/api/auth/callback/github`,
  });
  const rows: Row[] = [];
  try {
    for (const fixture of fixtures) rows.push(await upgrade(fixture, scratch, port, provider.url));
  } finally {
    await provider.close();
    await stopAllChildren();
    rmSync(scratch, { recursive: true, force: true });
  }

  mkdirSync(path.join(ROOT, "artifacts/upgrade"), { recursive: true });
  writeFileSync(path.join(ROOT, "artifacts/upgrade/results.json"), JSON.stringify(rows, null, 2) + "\n");
  const header = [
    "app",
    "files",
    "rewrites",
    "to-dos",
    "hand-patch lines",
    "signed in after the switch",
    "seconds",
    "result",
  ];
  const cells = rows.map((r) => [
    r.app,
    String(r.files),
    String(r.rewrites),
    String(r.todos),
    String(r.handPatchLines),
    r.signedInAfter ? "yes" : "no",
    String(r.seconds),
    r.passed ? "pass" : "FAIL",
  ]);
  console.log(`\n${markdownTable(header, cells)}`);
  for (const r of rows.filter((x) => !x.passed)) console.log(`\n${r.app} failed:\n  ${r.failed.join("\n  ")}`);
  const passed = rows.filter((r) => r.passed).length;
  console.log(`\n${passed} passed, ${rows.length - passed} failed`);
  return passed === rows.length ? 0 : 1;
}

onInterrupt(stopAllChildren);

main().then(
  (code) => process.exit(code),
  async (error: Error) => {
    console.error(error.message);
    await stopAllChildren();
    process.exit(1);
  },
);
