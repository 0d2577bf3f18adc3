import { execFileSync } from "node:child_process";
import path from "node:path";
import { createTwoFilesPatch } from "diff";
import { isEnvFile } from "../transforms/env-names";
import { MissingPathError, run, writeChanges, type FileDiff, type RunResult } from "./run";
import { parseStep, STEPS, stepInfo, UnknownStepError } from "./steps";
import type { Finding } from "./types";

const USAGE = `Usage:
  next-auth-v5-codemod scan <dir> [--json]
  next-auth-v5-codemod apply <dir> [--step N | --all] [--dry-run] [--force]

scan     lists every next-auth v4 usage with file:line, grouped by MIGRATION.md step.
apply    rewrites what it can (all steps, or one with --step N) and lists the to-dos.
  --dry-run  print a unified diff, write nothing
  --force    run even if the git working tree has uncommitted changes`;

export class UsageError extends Error {}

interface Output {
  out: (text: string) => void;
  err: (text: string) => void;
}

const stdio: Output = { out: (t) => process.stdout.write(`${t}\n`), err: (t) => process.stderr.write(`${t}\n`) };

/** Runs the CLI; returns the exit code (0 ok, 1 refused or failed, 2 bad usage). */
export function main(argv: string[], io: Output = stdio): number {
  try {
    const args = parseArgs(argv);
    if (args.command === "help") {
      io.out(USAGE);
      return 0;
    }
    if (args.command === "scan") return scan(args.dir, args.json, io);
    return apply(args, io);
  } catch (error) {
    if (error instanceof UsageError || error instanceof UnknownStepError) {
      io.err(`error: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof MissingPathError) {
      io.err(`error: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

interface Args {
  command: "scan" | "apply" | "help";
  dir: string;
  json: boolean;
  steps: Set<number>;
  dryRun: boolean;
  force: boolean;
}

export function parseArgs(argv: string[]): Args {
  const [command, ...rest] = argv;
  if (!command || command === "--help" || command === "-h" || command === "help") return { command: "help", dir: ".", json: false, steps: new Set(), dryRun: false, force: false };
  if (command !== "scan" && command !== "apply") throw new UsageError(`unknown command "${command}" (scan or apply)`);
  const args: Args = { command, dir: "", json: false, steps: new Set(), dryRun: false, force: false };
  let all = false;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === "--json" && command === "scan") args.json = true;
    else if (a === "--dry-run" && command === "apply") args.dryRun = true;
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
  if (args.steps.size === 0) for (const s of STEPS) args.steps.add(s.step);
  return args;
}

function location(f: Finding) {
  return `${f.file}:${f.line}`;
}

function scan(dir: string, json: boolean, io: Output): number {
  const result = run(dir, "scan", new Set(STEPS.map((s) => s.step)));
  const groups = STEPS.map((s) => ({ ...s, usages: result.findings.filter((f) => f.step === s.step) }));
  if (json) {
    printParseErrors(result, io);
    io.out(
      JSON.stringify(
        {
          root: result.root,
          files: result.files,
          total: result.findings.length,
          steps: groups.map(({ step, title, automation, usages }) => ({ step, title, automation, count: usages.length, usages })),
          parseErrors: result.parseErrors,
        },
        null,
        2,
      ),
    );
    return 0;
  }
  io.out(`next-auth v4 usages in ${result.root} (${result.files} files read in ${Math.round(result.elapsedMs)} ms)\n`);
  for (const g of groups) {
    if (g.usages.length === 0) continue;
    io.out(`Step ${g.step}: ${g.title}  (${g.usages.length}; codemod: ${g.automation})`);
    for (const f of g.usages) io.out(`  ${location(f).padEnd(48)} ${f.action === "rewrite" ? "rewrite" : f.action === "ok" ? "ok     " : "to-do  "} ${f.message}`);
    io.out("");
  }
  printParseErrors(result, io);
  io.out(`Total: ${result.findings.length} usages; ${groups.filter((g) => g.usages.length).map((g) => `step ${g.step}: ${g.usages.length}`).join(", ") || "none"}`);
  return 0;
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
  const result = run(root, "apply", args.steps);
  const steps = [...args.steps].sort((a, b) => a - b);
  io.out(`next-auth-v5-codemod apply ${root} (steps ${steps.join(", ")}${args.dryRun ? ", dry run" : ""})`);
  if (args.dryRun) for (const change of result.changes) io.out(unifiedDiff(change));
  else writeChanges(root, result.changes);
  printParseErrors(result, io);
  printSummary(result, args.dryRun, io);
  return 0;
}

function printParseErrors(result: RunResult, io: Output) {
  for (const e of result.parseErrors) io.err(`skipped ${e.file}: cannot parse (${e.reason})`);
}

function printSummary(result: RunResult, dryRun: boolean, io: Output) {
  const rewrites = result.findings.filter((f) => f.action === "rewrite");
  const todos = result.findings.filter((f) => f.action === "todo");
  const created = result.changes.filter((c) => c.before === null).length;
  const deleted = result.changes.filter((c) => c.after === null).length;
  const perSecond = result.files / Math.max(result.elapsedMs / 1000, 0.001);
  io.out(`\nSummary${dryRun ? " (dry run: nothing written)" : ""}`);
  io.out(`  files read:           ${result.files} (${Math.round(perSecond)} files/s)`);
  io.out(`  files changed:        ${result.changes.length - created - deleted} changed, ${created} created, ${deleted} deleted`);
  io.out(`  call sites rewritten: ${rewrites.length}`);
  for (const s of STEPS) {
    const n = rewrites.filter((f) => f.step === s.step).length;
    if (n) io.out(`    step ${s.step} (${s.title}): ${n}`);
  }
  if (result.parseErrors.length) io.out(`  skipped (parse errors): ${result.parseErrors.length}`);
  io.out(`  manual to-dos:        ${todos.length}`);
  for (const f of todos) io.out(`    ${location(f)}  [step ${f.step}] ${f.message}`);
  if (result.changes.some((c) => c.path.endsWith("package.json"))) io.out("  then: npm install (package.json changed)");
  io.out(`  next: npm run typecheck && npm test; MIGRATION.md step ${stepInfo(6)?.step} explains session continuity`);
}

/** A unified diff; .env values are masked so that no secret reaches a terminal or a CI log. */
export function unifiedDiff(change: FileDiff): string {
  const mask = (text: string | null) => (text !== null && isEnvFile(change.path) ? text.replace(/^(\s*(?:export\s+)?[A-Za-z_][A-Za-z0-9_]*\s*=)(.+)$/gm, "$1***") : text);
  const before = mask(change.before);
  const after = mask(change.after);
  return createTwoFilesPatch(
    before === null ? "/dev/null" : `a/${change.path}`,
    after === null ? "/dev/null" : `b/${change.path}`,
    before ?? "",
    after ?? "",
    undefined,
    undefined,
    { context: 3 },
  ).replace(/^=+\n/m, "");
}

/** Why apply must not write here, or undefined. A dirty tree would mix your edits with the codemod's. */
function gitRefusal(root: string): string | undefined {
  let status: string;
  try {
    status = execFileSync("git", ["status", "--porcelain", "--", "."], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch {
    return `${root} is not in a git repository, so the rewrite could not be undone. Commit it to git first, or pass --force.`;
  }
  if (status.trim()) {
    const files = status.split("\n").filter(Boolean);
    return `the git working tree has uncommitted changes (${files.length} files, e.g. ${files[0].slice(3)}). Commit or stash them so the codemod's changes can be reviewed alone, or pass --force.`;
  }
  return undefined;
}
