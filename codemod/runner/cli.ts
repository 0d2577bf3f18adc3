import { execFileSync } from "node:child_process";
import path from "node:path";
import { createTwoFilesPatch } from "diff";
import { ENV_DEPLOYMENT_TODO, isEnvFile } from "../transforms/env-names";
import { BRIDGE_MARKER } from "../transforms/legacy-bridge";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { CONTINUITY_TODO, ROUTE_OPTIONS_TODO } from "../transforms/nextauth-route";
import {
  MissingPathError,
  predictRefusals,
  run,
  TRANSFORMS,
  UnknownAppError,
  writeChanges,
  type FileDiff,
  type RunResult,
} from "./run";
import { preflight } from "./preflight";
import { parseStep, STEPS, UnknownStepError } from "./steps";
import type { Finding } from "./types";

/** Where apply writes the open to-dos, in the target repo. */
export const TODO_FILE = "NEXT-AUTH-V5-TODO.md";

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

/** The first line of a summary whenever next-auth is (or moves to) v5 without the session bridge. */
export const CONTINUITY_LINE =
  'WARNING: every signed-in user is signed out at deploy unless the session bridge is in place. See MIGRATION.md, "Why the upgrade normally signs everyone out" and step 6.';

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
  const tracked = trackedFiles(root);
  // Never write a file git does not track (a git-ignored .env.local): print its change instead.
  const untracked = tracked ? result.changes.filter((c) => c.before !== null && !tracked.has(c.path)) : [];
  const writable = result.changes.filter((c) => !untracked.includes(c));
  // Nothing was added to a file that is not written: no deployment to update for it.
  result.findings = result.findings.filter(
    (f) => !(f.kind === "env-deployment" && untracked.some((c) => c.path === f.file)),
  );
  for (const change of untracked) {
    result.findings.push({
      step: result.findings.find((f) => f.file === change.path)?.step ?? 3,
      file: change.path,
      line: 1,
      kind: "not-written",
      action: "todo",
      message: `not tracked by git, so not written: ${untrackedChange(change).trim().replace(/\n\s*/g, "; ")}`,
    });
  }
  const toV5 = result.changes.some((c) => c.path.endsWith("package.json") && /"next-auth":\s*"5\./.test(c.after ?? ""));
  const bridged = writable.some((c) => c.after?.includes(BRIDGE_MARKER));
  // The warning goes into the to-do file too, not only to the console.
  if (toV5 && !bridged && !result.findings.some((f) => f.kind === "session-continuity")) {
    const pkg = result.changes.find(
      (c) => c.path.endsWith("package.json") && /"next-auth":\s*"5\./.test(c.after ?? ""),
    )!;
    result.findings.push({
      step: 6,
      file: pkg.path,
      line: 1,
      kind: "session-continuity",
      action: "todo",
      message: CONTINUITY_TODO,
    });
  }
  result.findings.push(...carriedTodos(root, result, args.steps));
  const todos = result.findings.filter((f) => f.action === "todo");
  const code = result.units.some((u) => u.status === "refused") ? EXIT_REFUSED : 0;
  if (!args.dryRun) {
    writeChanges(root, writable);
    if (writable.length > 0 || todos.length > 0 || existsSync(path.join(root, TODO_FILE)))
      writeFileSync(path.join(root, TODO_FILE), todoFile(result));
  }
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

/** The files git tracks under root (root-relative), or undefined outside a git repository. */
function trackedFiles(root: string): Set<string> | undefined {
  try {
    const out = execFileSync("git", ["ls-files", "-z", "--full-name", "--", "."], {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      maxBuffer: 64 * 1024 * 1024,
    });
    const top = execFileSync("git", ["rev-parse", "--show-prefix"], {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    }).trim();
    return new Set(
      out
        .split("\0")
        .filter(Boolean)
        .map((f) => (top && f.startsWith(top) ? f.slice(top.length) : f)),
    );
  } catch {
    return undefined;
  }
}

/** An untracked file's change as instructions: .env keys added beside the old ones, by name, never a value. */
function untrackedChange(change: FileDiff): string {
  if (!isEnvFile(change.path)) return unifiedDiff(change);
  const key = (l: string) => l.match(/^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=/)?.[1];
  const had = new Set((change.before ?? "").split("\n").map(key));
  const after = (change.after ?? "").split("\n");
  // env-names writes each new key on the line after the key it copies.
  return after
    .flatMap((l, i) =>
      key(l) && !had.has(key(l)) && key(after[i - 1] ?? "")
        ? [`  add ${key(l)} beside ${key(after[i - 1])} (same value; keep ${key(after[i - 1])} until the switch)`]
        : [],
    )
    .join("\n");
}

/**
 * Open items of the list an earlier apply wrote that this run does not decide again, so the list
 * is merged step by step and never truncated: every item of a step this run did not apply, or of
 * a package it did not cover (`--app`), until ticked ([x]) or deleted; and of the steps it did,
 * what no scan can find again (after a key is added, nothing shows that deployments still need it).
 * An item in a file this run deleted goes: its code moved, and the rescan names where.
 */
function carriedTodos(root: string, result: RunResult, steps: ReadonlySet<number>): Finding[] {
  const file = path.join(root, TODO_FILE);
  if (!existsSync(file)) return [];
  const deleted = new Set(result.changes.filter((c) => c.after === null).map((c) => c.path));
  const byDepth = [...result.packages].sort((a, b) => b.dir.length - a.dir.length);
  const covered = (f: string) => byDepth.find((p) => p.dir === "" || f.startsWith(`${p.dir}/`))?.inRun ?? true;
  const current = new Set(result.findings.map((f) => `${f.file}:${f.line}:${f.message}`));
  const out: Finding[] = [];
  let step = 0;
  for (const { heading, item } of todoItems(readFileSync(file, "utf8"))) {
    if (heading !== undefined) step = heading;
    if (!item || deleted.has(item.file) || current.has(`${item.file}:${item.line}:${item.message}`)) continue;
    const { file: where, line, message } = item;
    // Whether this run decided the item again: its step ran there, or (the bridge) every run checks it.
    const decided = covered(where) && (steps.has(step) || message === CONTINUITY_TODO);
    // What no scan finds again stays until ticked: deployments' keys, a deleted route's own options.
    const unseen =
      message === ENV_DEPLOYMENT_TODO
        ? "env-deployment"
        : message.startsWith(ROUTE_OPTIONS_TODO)
          ? "route-options"
          : "";
    if (decided && !unseen) continue;
    if (unseen) {
      if (!existsSync(path.join(root, where))) continue;
      if (result.findings.some((f) => f.file === where && f.kind === unseen)) continue;
    }
    const kind = unseen || (message === CONTINUITY_TODO ? "session-continuity" : "carried");
    out.push({ step, file: where, line, kind, action: "todo", message });
  }
  return out;
}

/**
 * The step headings and open items of a to-do file, in order. An item's message runs on to the
 * next item, heading or the end (a refusal's code to write spans lines).
 */
function todoItems(text: string): { heading?: number; item?: { file: string; line: number; message: string } }[] {
  const out: { heading?: number; item?: { file: string; line: number; message: string } }[] = [];
  let open: { file: string; line: number; message: string } | undefined;
  for (const line of text.split(/\r?\n/)) {
    const heading = line.match(/^## Step (\d+):/);
    const item = line.match(/^- \[( |x|X)\] `(.+):(\d+)` (.*)$/);
    if (heading || item || /^# |^> /.test(line)) open = undefined;
    if (heading) out.push({ heading: Number(heading[1]) });
    else if (item?.[1] === " ") {
      open = { file: item[2], line: Number(item[3]), message: item[4] };
      out.push({ item: open });
    } else if (open && !item) open.message += `\n${line}`;
  }
  for (const { item } of out) if (item) item.message = item.message.replace(/\n+$/, "");
  return out;
}

/** The open to-dos as a Markdown checklist, for the target repo. */
function todoFile(result: RunResult): string {
  const todos = result.findings.filter((f) => f.action === "todo");
  const lines = [
    "# next-auth v5: what the codemod left to you",
    "",
    "Written by next-auth-v5-codemod `apply`; each item names a file:line and a MIGRATION.md step.",
    "Run `scan` again to see what is still open; delete this file when the list is done.",
    "",
  ];
  if (todos.some((f) => f.kind === "session-continuity")) lines.push(`> ${CONTINUITY_LINE}`, "");
  for (const s of STEPS) {
    // By place, so that a second apply (whose to-dos come in another order) writes the same list.
    const items = todos
      .filter((f) => f.step === s.step)
      .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.message.localeCompare(b.message));
    if (!items.length) continue;
    lines.push(`## Step ${s.step}: ${s.title}`, "", ...items.map((f) => `- [ ] \`${location(f)}\` ${f.message}`), "");
  }
  if (!todos.length) lines.push("Nothing open.", "");
  return lines.join("\n");
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

/** A unified diff; .env values are masked so that no secret reaches a terminal or a CI log. */
export function unifiedDiff(change: FileDiff): string {
  const mask = (text: string | null) =>
    text !== null && isEnvFile(change.path)
      ? text.replace(/^(\s*(?:export\s+)?[A-Za-z_][A-Za-z0-9_]*\s*=)(.+)$/gm, "$1***")
      : text;
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
    status = execFileSync("git", ["status", "--porcelain", "--", "."], {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
  } catch {
    return `${root} is not in a git repository, so the rewrite could not be undone. Commit it to git first, or pass --force.`;
  }
  if (status.trim()) {
    const files = status.split("\n").filter(Boolean);
    return `the git working tree has uncommitted changes (${files.length} files, e.g. ${files[0].slice(3)}). Commit or stash them so the codemod's changes can be reviewed alone, or pass --force.`;
  }
  return undefined;
}
