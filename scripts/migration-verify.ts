/**
 * `npm run migration:verify [-- --keep <dir>] [--through <NN>]`: carries a copy of this app from
 * next-auth v4 to Auth.js v5 with the steps in migration/steps. After each step that ships:
 *   type check + Jest (`npm test`) → `next build` → a served smoke test on a fresh database
 *   (matrix/smoke.ts: sign in, protected page, admin page as admin and as a plain user, sign out);
 * the browser flows (`npm run test:e2e`) after the last v4 step, the switch, the App Router page
 * and the clean-up; and session continuity on served builds (tooling/continuity.ts):
 * users signed in on the last v4 build, by credentials and through the GitHub-compatible local
 * provider, keep their cookies, and every later build starts on the same database and secret.
 * A step that changes no code keeps the checks of the step before; one that changes only tests
 * keeps the build (and its smoke test) of the step before. Steps that name a codemod step run the
 * codemod first (codemod/), as a maintainer would.
 * `--through <NN>` stops after step NN; `--keep <dir>` leaves the app there, installed and built
 * (`npm run demo` serves it), with migration/SOURCE naming the checkout it came from
 * (tooling/app-files.ts). `--apply-only --keep <dir>` applies the steps (codemod, installs)
 * with no check and no build: what `npm run bench` measures v5 on. A full run writes
 * migration/verified.json, which MIGRATION.md quotes.
 *
 * Packages: node_modules is hard-linked from this checkout (no download, seconds), then
 * `npm install` changes only what a step's package edit asks for. npm replaces a package's
 * directory rather than writing into its files, so the links never change this checkout's copy;
 * the script checks that at the end.
 */
import { execFileSync, spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { findChromium } from "../tooling/chromium";
import { OAUTH_CLIENT } from "../tooling/github-accounts";
import { startGithubProvider, type RunningProvider } from "../tooling/github-provider";
import { smokeTest } from "../matrix/smoke";
import { applyStep, FileTree, writeChanges, type FileChanges } from "../migration/engine";
import { steps } from "../migration/steps";
import type { Step } from "../migration/types";
import { writeVerified, type VerifiedStep } from "../migration/verified";
import { appFiles, sourceStamp } from "../tooling/app-files";
import { freePort, stopAllChildren } from "../tooling/app-server";
import { commandLine, lastLines, markdownTable, onInterrupt, progress, secondsSince } from "../tooling/cli";
import { serveBuild, servedAppEnv, SessionContinuity, type Check } from "../tooling/continuity";

const source = process.cwd();
const { flag, option } = commandLine();
const keep = option("--keep") ? path.resolve(option("--keep")!) : undefined;
if (flag("--keep") && !keep) throw new Error("--keep needs a directory");
const through = option("--through")?.padStart(2, "0");
if (flag("--through") && !steps.some((step) => !step.optional && step.id.startsWith(`${through}-`))) {
  throw new Error(
    `--through needs the number of a step that ships: ${steps
      .filter((s) => !s.optional)
      .map((s) => s.id.slice(0, 2))
      .join(", ")}`,
  );
}
/** Debugging only: the table then says "typecheck skipped", and CI never passes it. */
const skipTypecheck = flag("--skip-typecheck");
/**
 * Debugging only (bisecting a failure at a later step): the steps before `--from NN` are applied
 * without their checks, except the build and the continuity sign-in of the last v4 step.
 */
/**
 * `.ci/run` passes this after it has type-checked, tested, built and served (e2e) this checkout:
 * a first step that changes no file leaves the same app, so those results stand for it.
 */
const checkoutChecked = flag("--checkout-checked");
const applyOnly = flag("--apply-only");
if (applyOnly && !keep) throw new Error("--apply-only needs --keep <dir>: the applied app is all it makes");
const from = applyOnly ? Number.POSITIVE_INFINITY : flag("--from") ? Number(option("--from")) : 0;
if (flag("--from") && !(from > 0)) throw new Error("--from needs a step number");

/** A column whose result is the checkout's, checked earlier in the same CI run (`--checkout-checked`). */
const CHECKOUT = "= checkout";
/** The browser flows run after these: the last v4 step, the switch, the App Router page, the clean-up. */
const E2E_STEPS = new Set(["05-continuity-test", "06-switch", "08-app-router-page", "10-clean-up"]);
/** Files that `next build` does not read: a step that changes only these keeps the build before it. */
const NOT_BUILT = [/^__tests__\//, /^e2e\//, /^security\//, /^migration\//, /\.md$/];
/** The bridge: while the app has it, v4 cookies must stay signed in; after the clean-up, not. */
const BRIDGE = "lib/auth/legacy-v4-session.ts";

const started = Date.now();
const { step: log, elapsed } = progress("migration");

/** A column of the results table: "pass", "-" (not run at this step), "= 03" (step 03's stands), or why it failed. */
type Column = "typecheck" | "jest" | "build" | "smoke" | "e2e" | "continuity";
const COLUMNS: Column[] = ["typecheck", "jest", "build", "smoke", "e2e", "continuity"];

interface Result {
  step: string;
  checks: string[];
  columns: Partial<Record<Column, string>>;
  result: "pass" | "FAIL" | "skipped" | "not run";
  time: string;
  note?: string;
  /** What the continuity check proved here. */
  continuity?: string;
}

function runCommand(
  command: string,
  commandArgs: string[],
  cwd: string,
  env: Record<string, string> = {},
): Promise<{ ok: boolean; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, commandArgs, {
      cwd,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CI: "1", ...env },
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("close", (code) => resolve({ ok: code === 0, output }));
  });
}

/** The app's own files: tracked and untracked, minus what .gitignore excludes. */
function copyApp(to: string): void {
  for (const file of appFiles(source)) {
    mkdirSync(path.dirname(path.join(to, file)), { recursive: true });
    cpSync(path.join(source, file), path.join(to, file));
  }
}

/** Files importing next-auth outside lib/auth: the inventory step 1 asks a maintainer to take. */
function inventory(dir: string): string[] {
  let out = "";
  try {
    out = execFileSync(
      "git",
      [
        "grep",
        "-l",
        "--no-index",
        "-E",
        "getServerSession|authOptions|getAuthOptions",
        "--",
        "pages",
        "components",
        "lib",
        "middleware.ts",
      ],
      {
        cwd: dir,
        encoding: "utf8",
      },
    ).trim();
  } catch {
    return []; // git grep exits 1 when nothing matches
  }
  return out.split("\n").filter((file) => file && !file.startsWith("lib/auth/") && !file.startsWith("pages/api/auth/"));
}

/** CI sets CI (`.ci/run`: CI=true); there a check that cannot run fails instead of being skipped. */
const inCi = ![undefined, "", "0", "false"].includes(process.env.CI);

/**
 * The e2e flows (e2e/) against the app's fresh production build. With no Chromium the column
 * reads "skipped", never "pass" (verified.json then claims no browser tests); in CI it fails the step.
 */
async function browserTests(app: string): Promise<{ ok: boolean; check: string; output: string }> {
  try {
    findChromium();
  } catch (error) {
    const message = (error as Error).message;
    if (inCi) return { ok: false, check: "no Chromium (CI needs the browser tests)", output: message };
    return { ok: true, check: `skipped (${message.split(" (")[0]})`, output: "" };
  }
  const e2e = await runCommand("npm", ["run", "test:e2e"], app);
  const summary = path.join(app, "artifacts/e2e/summary.json");
  const counts = existsSync(summary)
    ? (JSON.parse(readFileSync(summary, "utf8")) as { passed: number; failed: number })
    : undefined;
  const check = counts ? `e2e (${counts.passed} passed, ${counts.failed} failed)` : "e2e";
  return { ok: e2e.ok && counts !== undefined && counts.failed === 0, check, output: lastLines(e2e.output, 60) };
}

const changesBuild = (changes: FileChanges) =>
  [...changes.keys()].some((file) => !NOT_BUILT.some((pattern) => pattern.test(file)));

/** Fails with every failed check of a served run, one per line. */
function expectChecks(what: string, checks: Check[]): void {
  const failed = checks.filter((check) => !check.ok);
  if (failed.length)
    throw new Error(`${what} failed:\n${failed.map((check) => `  ${check.name}: ${check.detail}`).join("\n")}`);
}

/** The smoke test (matrix/smoke.ts) on the app's build, started on a fresh embedded database. */
async function servedSmokeTest(app: string, logDir: string): Promise<number> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "migration-smoke-"));
  const port = await freePort();
  const env = servedAppEnv(
    { dataDir, secret: randomBytes(32).toString("base64"), providerUrl: "http://127.0.0.1:9" },
    `http://127.0.0.1:${port}`,
  );
  const server = await serveBuild(app, env, port, path.join(logDir, "smoke"));
  try {
    const checks = await smokeTest(port);
    expectChecks(`smoke test (server log: ${server.logFile})`, checks);
    return checks.length;
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** What a run carries from one step to the next. */
interface Run {
  app: string;
  /** A pristine copy of the app, for the MIGRATION.md doc test. */
  base: string;
  scratch: string;
  logRoot: string;
  tree: FileTree;
  results: Result[];
  lastPrepareId: string;
  /** The step whose build is in the app's .next (a later step that only changes tests keeps it). */
  builtAt?: string;
  provider?: RunningProvider;
  continuity?: SessionContinuity;
}

/** One step under way: the checks it has run, its columns, and `column` to run one more. */
interface StepRun {
  step: Step;
  index: number;
  label: string;
  logDir: string;
  checks: string[];
  columns: Result["columns"];
  /** Before `--from NN`, or with `--apply-only`: applied, not checked. */
  quick: boolean;
  /** Runs one column's check, timed; a throw fails the step with the column named. */
  column(name: Column, body: () => Promise<string>): Promise<void>;
}

/** Copies the app (node_modules hard-linked) and a pristine v4 copy for the doc test. */
function copyApps(): Pick<Run, "app" | "base" | "scratch" | "logRoot"> {
  const scratch = mkdtempSync(path.join(tmpdir(), "migration-verify-"));
  const app = keep ?? path.join(scratch, "app");
  if (keep && existsSync(keep) && readdirSync(keep).length > 0)
    throw new Error(`--keep ${keep}: the directory must be empty or absent`);
  const base = path.join(scratch, "v4");
  const logRoot = path.join(source, "artifacts/migration");
  rmSync(logRoot, { recursive: true, force: true });

  copyApp(app);
  copyApp(base);
  writeFileSync(path.join(app, "migration/SOURCE"), `${sourceStamp(source)}\n`);
  execFileSync("cp", ["-al", path.join(source, "node_modules"), path.join(app, "node_modules")]);
  rmSync(path.join(app, "node_modules/.package-lock.json"), { force: true }); // npm rewrites this one in place
  log(`copied the app to ${app}`);
  return { app, base, scratch, logRoot };
}

/** Applies the step to the app (its codemod step first), installs what it asks for, takes the inventory. */
async function applyToApp(run: Run, s: StepRun): Promise<FileChanges> {
  const { step, index, label, checks } = s;
  const changes = applyStep(run.tree, step, (codemod) => {
    const rewrites = codemod.findings.filter((f) => f.action === "rewrite").length;
    const todos = codemod.findings.filter((f) => f.action === "todo");
    checks.push(
      `codemod --step ${step.codemod}: ${codemod.changes.length} files, ${rewrites} rewrites, ${todos.length} to-dos`,
    );
    log(
      `${label}: codemod apply --step ${step.codemod}: ${codemod.changes.map((c) => c.path).join(", ")}; to-dos (the step's hand-written part covers them):`,
    );
    for (const todo of todos) log(`    ${todo.file}:${todo.line} ${todo.message}`);
  });
  writeChanges(run.app, changes);
  // Tells the doc test that this tree is already migrated (it then needs MIGRATION_BASE_DIR).
  writeFileSync(
    path.join(run.app, "migration/APPLIED"),
    `${steps
      .slice(0, index + 1)
      .filter((s) => !s.optional)
      .map((s) => s.id)
      .join("\n")}\n`,
  );
  if (step.install || changes.has("package.json")) {
    const spec = Object.entries(step.install ?? {})
      .map(([name, version]) => `${name}@${version}`)
      .join(" ");
    log(`${label}: npm install ${spec}`);
    const install = await runCommand(
      "npm",
      ["install", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"],
      run.app,
    );
    checks.push("npm install");
    if (!install.ok) throw new Error(`npm install failed\n${lastLines(install.output, 40)}`);
  }
  if (index === 0 || changes.size === 0) {
    const stray = inventory(run.app);
    checks.push("inventory");
    if (stray.length) throw new Error(`files outside lib/auth read the session or the options: ${stray.join(", ")}`);
  }
  return changes;
}

/**
 * The type check and Jest, side by side; or, for a step that changes nothing, the results that
 * stand for it. Returns the row's note, when it has one.
 */
async function typecheckAndTest(run: Run, s: StepRun, changes: FileChanges): Promise<string | undefined> {
  const { index, checks, columns } = s;
  if (s.quick) return applyOnly ? "applied, not checked (--apply-only)" : `checks skipped (--from ${from})`;
  if (changes.size === 0 && index > 0) {
    const previous = run.results
      .filter((r) => r.result === "pass")
      .pop()
      ?.step.slice(0, 2);
    for (const name of ["typecheck", "jest"] as const) columns[name] = `= ${previous}`;
    return "no code change here: the checks of the step before stand";
  }
  if (changes.size === 0 && checkoutChecked) {
    for (const name of ["typecheck", "jest", "build", "smoke"] as const) columns[name] = CHECKOUT;
    checks.push(
      "the checkout's type check, tests, build and browser flows in this CI run stand (the step changes nothing)",
    );
    return "no code change here: this CI run's checks of the checkout stand";
  }
  // The type check is single-threaded and Jest runs one worker on 2 cores: run them side by side.
  const [typecheck, test] = await Promise.all([
    skipTypecheck
      ? Promise.resolve(undefined)
      : runCommand("npx", ["tsc", "--noEmit", "--incremental", "false"], run.app),
    // --forceExit: after the v5 suite an open handle (not tracked down yet) keeps Jest from
    // exiting; every test has run and reported by then, so this only ends the process.
    // --testTimeout: Jest's 5 s default is a timing assertion on a shared 2-core machine (scrypt
    // at N = 2^17 under load); a longer bound still ends a hung test.
    // The codemod's own tests (project "codemod") read no step's change; CI runs them once.
    runCommand(
      "npm",
      [
        "test",
        "--",
        "--ci",
        "--silent",
        "--forceExit",
        "--testTimeout=120000",
        "--selectProjects",
        "server",
        "components",
      ],
      run.app,
      { MIGRATION_BASE_DIR: run.base },
    ),
  ]);
  columns.typecheck = typecheck ? (typecheck.ok ? "pass" : "FAIL") : "skipped";
  checks.push(typecheck ? "typecheck" : "typecheck skipped");
  if (typecheck && !typecheck.ok) throw new Error(`typecheck: failed\n${lastLines(typecheck.output, 40)}`);
  const summary = /Tests:\s+(.*)/.exec(test.output)?.[1]?.trim();
  columns.jest = test.ok ? (/(\d+) passed/.exec(summary ?? "")?.[1] ?? "pass") : "FAIL";
  checks.push(`npm test${summary ? ` (${summary})` : ""}`);
  if (!test.ok) throw new Error(`jest: npm test failed\n${lastLines(test.output, 80)}`);
  return undefined;
}

/** `next build` and the served smoke test, unless the build of an earlier step (or the checkout's) stands. */
async function buildAndSmoke(run: Run, s: StepRun, changes: FileChanges): Promise<void> {
  const { step, checks, columns } = s;
  if (s.quick && (applyOnly || step.id !== run.lastPrepareId)) return; // --from: nothing to build yet
  // The checkout's build (next build in .ci/run) stands; the next step that changes code builds.
  if (columns.build === CHECKOUT) return;
  if (run.builtAt && !changesBuild(changes)) {
    columns.build = `= ${run.builtAt.slice(0, 2)}`;
    columns.smoke = `= ${run.builtAt.slice(0, 2)}`;
    checks.push(`the build and smoke test of step ${run.builtAt.slice(0, 2)} stand (nothing next build reads changed)`);
    return;
  }
  await s.column("build", async () => {
    const build = await runCommand("npx", ["next", "build"], run.app, { NODE_ENV: "production" });
    writeFileSync(path.join(s.logDir, "build.log"), build.output);
    if (!build.ok) throw new Error(`next build failed\n${lastLines(build.output, 40)}`);
    // A config key Next does not know is ignored with only this warning: treat it as an error.
    const warning = /Invalid next\.config\.js options.*/.exec(build.output);
    if (warning) throw new Error(warning[0]);
    return "";
  });
  run.builtAt = step.id;
  if (!s.quick) await s.column("smoke", async () => `${await servedSmokeTest(run.app, s.logDir)} requests`);
}

/**
 * Served session continuity: users sign in on the last v4 step's build; later builds keep their
 * cookies while the bridge is there, and read them as signed out after the clean-up. Returns what
 * the step proved.
 */
async function checkContinuity(run: Run, s: StepRun): Promise<string | undefined> {
  const { step } = s;
  const hasBridge = existsSync(path.join(run.app, BRIDGE));
  if (step.id === run.lastPrepareId && !applyOnly) {
    await s.column("continuity", async () => {
      const port = await freePort();
      run.provider = await startGithubProvider({
        clientId: OAUTH_CLIENT.id,
        clientSecret: OAUTH_CLIENT.secret,
        redirectUri: `http://127.0.0.1:${port}/api/auth/callback/github`,
      });
      const continuity = new SessionContinuity({
        dataDir: path.join(run.scratch, "continuity-data"),
        secret: randomBytes(32).toString("base64"),
        port,
        providerUrl: run.provider.url,
        logDir: s.logDir,
      });
      run.continuity = continuity;
      const result = await continuity.serve(run.app, step.id.slice(0, 2), (url) => continuity.signInOnV4(url));
      expectChecks("continuity", result);
      return `${result.length} checks: signed in on v4`;
    });
    return "signed in on v4 by credentials and GitHub; tampered and expired cookies refused";
  }
  const continuity = run.continuity;
  if (s.quick || !continuity) return undefined; // --from: a step before NN has no build of its own to serve
  const checkLabel = step.id.slice(0, 2);
  if (hasBridge) {
    await s.column("continuity", async () => {
      const result = await continuity.serve(run.app, checkLabel, (url) =>
        continuity.checkAfterSwitch(url, `step ${checkLabel}`),
      );
      expectChecks("continuity", result);
      return `${result.length} checks: v4 cookies signed in`;
    });
    return "the step-5 v4 cookies still signed in, re-issued as v5; tampered and expired refused";
  }
  await s.column("continuity", async () => {
    const result = await continuity.serve(run.app, checkLabel, (url) =>
      continuity.checkAfterCleanUp(url, `step ${checkLabel}`),
    );
    expectChecks("continuity", result);
    return `${result.length} checks: v4 cookies signed out`;
  });
  return "the step-5 v4 cookies read as signed out; their v5 re-issues still signed in";
}

/** One step that ships: applied, then checked column by column. Returns its row of the table. */
async function verifyStep(run: Run, step: Step, index: number): Promise<Result> {
  const label = `${String(index + 1).padStart(2)}. ${step.id}`;
  const stepStarted = Date.now();
  const checks: string[] = [];
  const columns: Result["columns"] = {};
  const logDir = path.join(run.logRoot, step.id);
  mkdirSync(logDir, { recursive: true });
  const s: StepRun = {
    step,
    index,
    label,
    logDir,
    checks,
    columns,
    quick: index + 1 < from,
    column: async (name, body) => {
      const t = Date.now();
      try {
        const detail = await body();
        // "skipped": a check that could not run here (no Chromium) is never shown as passed.
        columns[name] = detail.startsWith("=")
          ? detail
          : detail.startsWith("skipped")
            ? "skipped"
            : `pass ${secondsSince(t)}`;
        checks.push(`${name}${detail && !detail.startsWith("=") ? ` (${detail})` : ""}`);
        log(`${label}: ${name} ${detail || "pass"} (${secondsSince(t)})`);
      } catch (error) {
        columns[name] = "FAIL";
        throw new Error(`${name}: ${(error as Error).message}`);
      }
    },
  };
  try {
    const changes = await applyToApp(run, s);
    const note = await typecheckAndTest(run, s, changes);
    await buildAndSmoke(run, s, changes);
    if (E2E_STEPS.has(step.id) && !s.quick) {
      await s.column("e2e", async () => {
        const e2e = await browserTests(run.app);
        if (!e2e.ok) throw new Error(`${e2e.check} on this step's build\n${e2e.output}`);
        return e2e.check;
      });
    }
    const continuity = await checkContinuity(run, s);
    const version = JSON.parse(readFileSync(path.join(run.app, "node_modules/next-auth/package.json"), "utf8")).version;
    log(`${label}: pass in ${secondsSince(stepStarted)} — ${checks.join(", ")}`);
    return {
      step: step.id,
      checks,
      columns,
      result: "pass",
      time: secondsSince(stepStarted),
      note: note ?? `next-auth ${version}`,
      continuity,
    };
  } catch (error) {
    log(`${label}: FAIL in ${secondsSince(stepStarted)}\n${(error as Error).message}`);
    return {
      step: step.id,
      checks,
      columns,
      result: "FAIL",
      time: secondsSince(stepStarted),
      note: (error as Error).message.split("\n")[0],
    };
  }
}

/** The results table and the outcome line; results.json for .ci/run; verified.json after a full run. */
function report(results: Result[], logRoot: string, outcome: string, failed: boolean): void {
  const rows = results.map((r) => [
    r.step,
    ...COLUMNS.map((name) => r.columns[name] ?? "-"),
    r.result,
    r.time,
    r.note ?? "",
  ]);
  const header = ["step", ...COLUMNS, "result", "time", "note"];
  console.log(`\n${markdownTable(header, rows, { padded: true })}`);
  console.log(
    "\n'= NN': step NN's result stands (nothing it checks changed); '= checkout': the step changed nothing and this CI run checked the app itself; '-': not run at this step.",
  );
  console.log(`\n${outcome} in ${elapsed()}${keep ? `; the app is in ${keep} (npm run demo)` : ""}`);
  // For .ci/run's table: a step that passed counts as passed; one that failed or never ran, as failed.
  mkdirSync(logRoot, { recursive: true });
  const counted = results.filter((r) => r.note !== `--through ${through}`);
  writeFileSync(
    path.join(logRoot, "results.json"),
    `${JSON.stringify({ passed: counted.filter((r) => r.result === "pass").length, failed: failed ? Math.max(1, counted.filter((r) => r.result === "FAIL" || r.result === "not run").length) : 0, totalSeconds: Math.round((Date.now() - started) / 1000), results }, null, 2)}\n`,
  );
  // What MIGRATION.md may claim: written by full runs only (a partial run proves less).
  if (!through && !skipTypecheck && !from) {
    const verified: VerifiedStep[] = results.map((r) => {
      if (r.result !== "pass") return { step: r.step };
      const ran = Object.entries(r.columns).filter(([, value]) => value && value !== "-" && value !== "skipped");
      const checks = Object.fromEntries(ran.map(([name, value]) => [name, value!.startsWith("=") ? value : "pass"]));
      return { step: r.step, checks, ...(r.continuity ? { continuity: r.continuity } : {}) };
    });
    writeVerified(source, verified);
  }
}

async function main() {
  const originalNextAuth = readFileSync(path.join(source, "node_modules/next-auth/package.json"), "utf8");
  const copies = copyApps();
  const applied = steps.filter((step) => !step.optional);
  const run: Run = {
    ...copies,
    tree: new FileTree(copies.app),
    results: [],
    lastPrepareId: applied.filter((step) => step.phase === "prepare").pop()!.id,
  };
  const { results } = run;
  const lastId = applied[applied.length - 1].id;
  const stopId = through ? applied.find((step) => step.id.startsWith(`${through}-`))!.id : lastId;
  let failed = false;
  let stopped = false;

  for (const [index, step] of steps.entries()) {
    if (step.optional) {
      results.push({
        step: step.id,
        checks: [],
        columns: {},
        result: "skipped",
        time: "-",
        note: "optional (Next 16): the matrix's Next 16 row",
      });
      log(`${String(index + 1).padStart(2)}. ${step.id}: skipped (optional)`);
      continue;
    }
    if (failed || stopped) {
      results.push({
        step: step.id,
        checks: [],
        columns: {},
        result: "not run",
        time: "-",
        note: stopped ? `--through ${through}` : undefined,
      });
      continue;
    }
    const result = await verifyStep(run, step, index);
    results.push(result);
    if (result.result === "FAIL") failed = true;
    else if (step.id === stopId && stopId !== lastId) stopped = true;
  }
  await run.provider?.close();

  if (readFileSync(path.join(source, "node_modules/next-auth/package.json"), "utf8") !== originalNextAuth) {
    failed = true;
    console.error("[migration] this checkout's node_modules/next-auth changed: the hard links were written through");
  }

  const outcome = failed
    ? "FAILED"
    : applyOnly
      ? "all steps applied, none checked (--apply-only)"
      : stopped
        ? `steps through ${stopId} green`
        : "all steps green";
  report(results, run.logRoot, outcome, failed);

  rmSync(run.scratch, { recursive: true, force: true }); // with --keep, the app is elsewhere
  process.exit(failed ? 1 : 0);
}

onInterrupt(stopAllChildren);

main().catch((error: Error) => {
  console.error(`[migration] ${error.message}`);
  process.exit(1);
});
