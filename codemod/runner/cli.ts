import path from "node:path";
import { preflight } from "../lib/preflight";
import { parseStep, STEPS, UnknownStepError } from "../lib/steps";
import type { Finding } from "../lib/types";
import { MissingPathError, predictRefusals, run, TRANSFORMS, UnknownAppError } from "./run";
import type { FileDiff, RunResult } from "./run-result";
import { unifiedDiff } from "./unified-diff";
import { CONTINUITY_LINE, gitRefusal, planWrites, TODO_FILE, untrackedChange, writePlanned } from "./write-policy";

const USAGE = `Usage:
  next-auth-v5-codemod scan <dir> [--app <path>] [--json] [--check]
  next-auth-v5-codemod apply <dir> (--all | --step N) [--app <path>] [--dry-run] [--force] [--json]

scan     lists every next-auth v4 usage with file:line, grouped by MIGRATION.md step, and the apps
         apply would refuse (apply --all, or a step that ships on v5 run alone), and why.
apply    rewrites what it can (all steps, or one with --step N), app by app, and lists the to-dos;
         it merges them into ${TODO_FILE} in <dir> (other steps' and apps' open items stay).
         An app it cannot finish gets nothing written, and the reason.
  --app <path>  only the Next.js app in <dir>/<path> (a monorepo has several)
  --check       exit 1 while v4 usages or to-dos remain (for CI)
  --dry-run     print a unified diff, write nothing
  --force       run even if the git working tree has uncommitted changes
  --json        the result as JSON on stdout

Exit codes: 0 done; 1 an error (no such folder, a dirty git tree), or --check found something open;
2 bad usage; 3 apply refused an app (nothing written for it; the summary and ${TODO_FILE} say why).`;

/** apply refused at least one app: nothing of it was written (the summary and the to-do file say why). */
export const EXIT_REFUSED = 3;

export class UsageError extends Error {}

interface Output {
  out: (text: string) => void;
  err: (text: string) => void;
}

const stdio: Output = { out: (t) => process.stdout.write(`${t}\n`), err: (t) => process.stderr.write(`${t}\n`) };

/** Runs the CLI; returns the exit code (0 done, 1 failed or --check found something, 2 bad usage, 3 an app refused). */
export function main(argv: string[], io: Output = stdio): number {
  // `preflight <app-dir>`: checks before deploying the switch (lib/preflight.ts parses its own options).
  if (argv[0] === "preflight") return preflight(argv.slice(1), io);
  try {
    const args = parseArgs(argv);
    if (args.command === "help") {
      io.out(USAGE);
      return 0;
    }
    if (args.command === "scan") return scan(args, io);
    return apply(args, io);
  } catch (error) {
    if (error instanceof UsageError || error instanceof UnknownStepError) {
      io.err(`error: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof MissingPathError || error instanceof UnknownAppError) {
      io.err(`error: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

interface Args {
  command: "scan" | "apply" | "help";
  dir: string;
  app?: string;
  check: boolean;
  json: boolean;
  steps: Set<number>;
  dryRun: boolean;
  force: boolean;
}

export function parseArgs(argv: string[]): Args {
  const [command, ...rest] = argv;
  if (!command || command === "--help" || command === "-h" || command === "help")
    return { command: "help", dir: ".", check: false, json: false, steps: new Set(), dryRun: false, force: false };
  if (command !== "scan" && command !== "apply") throw new UsageError(`unknown command "${command}" (scan or apply)`);
  const args: Args = { command, dir: "", check: false, json: false, steps: new Set(), dryRun: false, force: false };
  let all = false;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === "--json") args.json = true;
    else if (a === "--check" && command === "scan") args.check = true;
    else if (a === "--app" || a.startsWith("--app=")) {
      const value = a.includes("=") ? a.slice(a.indexOf("=") + 1) : rest[++i];
      if (!value) throw new UsageError("--app needs the app's folder, e.g. --app apps/web");
      args.app = value;
    } else if (a === "--dry-run" && command === "apply") args.dryRun = true;
    else if (a === "--force" && command === "apply") args.force = true;
    else if (a === "--all" && command === "apply") all = true;
    else if ((a === "--step" || a.startsWith("--step=")) && command === "apply") {
      const value = a.includes("=") ? a.slice(a.indexOf("=") + 1) : rest[++i];
      if (value === undefined) throw new UsageError("--step needs a number");
      args.steps.add(parseStep(value));
    } else if (a.startsWith("-")) throw new UsageError(`unknown option ${a} for ${command}`);
    else if (!args.dir) args.dir = a;
    else throw new UsageError(`unexpected argument "${a}"`);
  }
  if (!args.dir) throw new UsageError("missing <dir>");
  if (all && args.steps.size > 0) throw new UsageError("--all and --step exclude each other");
  if (command === "apply" && !all && args.steps.size === 0) {
    throw new UsageError(
      "apply needs --all (every step the codemod does) or --step N (one MIGRATION.md step: 2, 3, 4, 6 or 7)",
    );
  }
  if (args.steps.size === 0) for (const s of STEPS) args.steps.add(s.step);
  return args;
}

function location(f: Finding) {
  return `${f.file}:${f.line}`;
}

function scan(args: Args, io: Output): number {
  const result = run(args.dir, "scan", new Set(STEPS.map((s) => s.step)), undefined, { app: args.app });
  // The same decision apply makes, so that scan never lists as a rewrite what apply then refuses unannounced.
  const refusals = predictRefusals(args.dir, { app: args.app });
  result.findings.push(...refusals);
  const groups = STEPS.map((s) => ({ ...s, usages: result.findings.filter((f) => f.step === s.step) }));
  const open = result.findings.filter((f) => f.action !== "ok").length;
  const code = args.check && open > 0 ? 1 : 0;
  if (args.json) {
    printParseErrors(result, io);
    io.out(
      JSON.stringify(
        {
          root: result.root,
          files: result.files,
          total: result.findings.length,
          apps: result.units.filter((u) => u.app).map((u) => u.dir || "."),
          refusals,
          steps: groups.map(({ step, title, automation, usages }) => ({
            step,
            title,
            automation,
            count: usages.length,
            usages,
          })),
          parseErrors: result.parseErrors,
        },
        null,
        2,
      ),
    );
    return code;
  }
  if (result.findings.some((f) => f.kind === "session-continuity")) io.out(CONTINUITY_LINE);
  io.out(`next-auth v4 usages in ${result.root} (${result.files} files read in ${Math.round(result.elapsedMs)} ms)`);
  const apps = result.units.filter((u) => u.app).map((u) => u.dir || ".");
  if (apps.length > 1 || apps[0] !== ".") io.out(`Next.js apps: ${apps.join(", ")} (pick one with --app <path>)`);
  for (const f of refusals)
    io.out(`APPLY WOULD REFUSE: ${f.file.replace(/\/?package\.json$/, "") || "."}: ${f.message}`);
  io.out("");
  for (const g of groups) {
    if (g.usages.length === 0) continue;
    io.out(`Step ${g.step}: ${g.title}  (${g.usages.length}; codemod: ${g.automation})`);
    for (const f of g.usages)
      io.out(
        `  ${location(f).padEnd(48)} ${f.action === "rewrite" ? "rewrite" : f.action === "ok" ? "ok     " : "to-do  "} ${f.message}`,
      );
    io.out("");
  }
  printParseErrors(result, io);
  io.out(
    `Total: ${result.findings.length} usages; ${
      groups
        .filter((g) => g.usages.length)
        .map((g) => `step ${g.step}: ${g.usages.length}`)
        .join(", ") || "none"
    }`,
  );
  if (args.check) io.out(code ? `--check: ${open} usages or to-dos remain` : "--check: nothing left");
  return code;
}

function apply(args: Args, io: Output): number {
  const root = path.resolve(args.dir);
  if (!args.dryRun && !args.force) {
    const refusal = gitRefusal(root);
    if (refusal) {
      io.err(`error: ${refusal}`);
      return 1;
    }
  }
  const result = run(root, "apply", args.steps, undefined, { app: args.app });
  const plan = planWrites(root, result, args.steps);
  const { writable, untracked } = plan;
  const todos = result.findings.filter((f) => f.action === "todo");
  const code = result.units.some((u) => u.status === "refused") ? EXIT_REFUSED : 0;
  if (!args.dryRun) writePlanned(root, result, plan);
  if (args.json) {
    io.out(
      JSON.stringify(
        {
          root: result.root,
          files: result.files,
          dryRun: args.dryRun,
          apps: result.units,
          changes: writable.map((c) => ({
            path: c.path,
            status: c.before === null ? "created" : c.after === null ? "deleted" : "changed",
          })),
          notWritten: untracked.map((c) => c.path),
          findings: result.findings,
          parseErrors: result.parseErrors,
        },
        null,
        2,
      ),
    );
    return code;
  }
  const acting = [...args.steps].filter((s) => TRANSFORMS.some((t) => t.step === s)).sort((a, b) => a - b);
  if (todos.some((f) => f.kind === "session-continuity")) io.out(CONTINUITY_LINE);
  io.out(`next-auth-v5-codemod apply ${root} (steps ${acting.join(", ")}${args.dryRun ? ", dry run" : ""})`);
  if (args.dryRun) for (const change of writable) io.out(unifiedDiff(change));
  for (const change of untracked) {
    io.out(
      `\nnot written: ${change.path} is not tracked by git (the change could not be reviewed or undone). Make it by hand:`,
    );
    io.out(untrackedChange(change));
  }
  printParseErrors(result, io);
  printSummary(result, args.dryRun, io, writable);
  if (code === EXIT_REFUSED)
    io.out(`exit ${EXIT_REFUSED}: an app was not migrated (NOT MIGRATED above); nothing of it was written`);
  return code;
}

function printParseErrors(result: RunResult, io: Output) {
  for (const e of result.parseErrors) io.err(`skipped ${e.file}: cannot parse (${e.reason})`);
}

function printSummary(result: RunResult, dryRun: boolean, io: Output, changes: readonly FileDiff[]) {
  // The bridge is a file written, not a call site: it has its own line.
  const rewrites = result.findings.filter((f) => f.action === "rewrite" && f.kind !== "session-bridge");
  const todos = result.findings.filter((f) => f.action === "todo");
  const created = changes.filter((c) => c.before === null).length;
  const deleted = changes.filter((c) => c.after === null).length;
  const perSecond = result.files / Math.max(result.elapsedMs / 1000, 0.001);
  io.out(`\nSummary${dryRun ? " (dry run: nothing written)" : ""}`);
  if (result.findings.some((f) => f.kind === "session-continuity")) io.out(`  ${CONTINUITY_LINE}`);
  io.out(`  files read:           ${result.files} (${Math.round(perSecond)} files/s)`);
  io.out(
    `  files changed:        ${changes.length - created - deleted} changed, ${created} created, ${deleted} deleted`,
  );
  for (const unit of result.units.filter((u) => u.status === "refused"))
    io.out(`  NOT MIGRATED:         ${unit.dir || "."}: ${unit.reason}`);
  io.out(`  call sites rewritten: ${rewrites.length}`);
  for (const s of STEPS) {
    const n = rewrites.filter((f) => f.step === s.step).length;
    if (n) io.out(`    step ${s.step} (${s.title}): ${n}`);
  }
  if (result.parseErrors.length) io.out(`  skipped (parse errors): ${result.parseErrors.length}`);
  io.out(`  manual to-dos:        ${todos.length}`);
  for (const f of todos) io.out(`    ${location(f)}  [step ${f.step}] ${f.message}`);
  if (todos.length && !dryRun) io.out(`  written to:           ${TODO_FILE}`);
  for (const bridge of result.findings.filter((f) => f.kind === "session-bridge"))
    io.out(`  session bridge:       ${bridge.file} ${bridge.message}`);
  if (changes.some((c) => c.path.endsWith("package.json")))
    io.out("  then: install (package.json changed), type-check and run your tests");
}
