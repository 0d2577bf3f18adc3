/**
 * What apply writes and what it does not, in one place: the apps it refuses (nothing of them is
 * written), the files git does not track (printed instead), and the to-do file, merged with the
 * open items an earlier apply wrote.
 */

import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ENV_DEPLOYMENT_TODO, isEnvFile } from "../transforms/env-names";
import { BRIDGE_MARKER } from "../transforms/legacy-bridge";
import { NO_SOCKET_TODO } from "../transforms/lazy-config";
import { CONTINUITY_TODO, ROUTE_OPTIONS_TODO, sharedPackageCode } from "../transforms/nextauth-route";
import type { Unit } from "../lib/apps";
import { parse } from "../lib/ast";
import { finding } from "../lib/findings";
import type { Finding } from "../lib/types";
import { expandModulePath, Project, type FileReader } from "../lib/project";
import { sharedAuthOf } from "../lib/shared-auth";
import { STEPS } from "../lib/steps";
import { v5PeerProblem } from "../lib/v5-peers";
import { CODE_FILE, importSpecifiers, kindOf } from "./files";
import type { FileDiff, RunResult, UnitResult } from "./run-result";
import { unifiedDiff } from "./unified-diff";

/** Where apply writes the open to-dos, in the target repo. */
export const TODO_FILE = "NEXT-AUTH-V5-TODO.md";

/** The first line of a summary whenever next-auth is (or moves to) v5 without the session bridge. */
export const CONTINUITY_LINE =
  'WARNING: every signed-in user is signed out at deploy unless the session bridge is in place. See MIGRATION.md, "Why the upgrade normally signs everyone out" and step 6.';

/** Why nothing of a unit is written: the MIGRATION.md step to do first, and what to do. */
export interface Refusal {
  step: number;
  message: string;
  /** A package no app uses, refused because an app it serves was: that app's to-do says what to do. */
  followsApp?: boolean;
}

/**
 * Why a unit's changes must not be written, or undefined. `refusedApps`: the apps refused so far
 * (apps come first). `partial`: the caller writes the rest of the step itself, so nothing is refused.
 */
export function unitRefusal(
  unit: Unit,
  applied: UnitResult,
  steps: ReadonlySet<number>,
  allFiles: readonly string[],
  read: FileReader,
  refusedApps: readonly string[],
  partial = false,
): Refusal | undefined {
  if (!applied.changes.length || partial) return undefined;
  if (!unit.app) {
    const shared = sharedRefusal(unitName(unit).name, refusedApps);
    if (shared) return { ...shared, followsApp: true };
  }
  return (
    (unit.app ? whyNotWritten(unit, applied, steps, allFiles, read) : undefined) ??
    allOrNothing(unit, applied, steps, read)
  );
}

/**
 * How a refusal names a unit: its apps that depend on next-auth (others share their packages
 * and are named after them), else all its apps; `dir` is the first of those.
 */
export function unitName(unit: Unit): { name: string; primary: string; dir: string } {
  const apps = unit.packages.filter((p) => p.app);
  if (!apps.length)
    return { name: unit.dir || "the root package", primary: unit.dir || "the root package", dir: unit.dir };
  const own = apps.filter((p) => p.deps.includes("next-auth"));
  const primary = own.length ? own : apps;
  const others = apps.filter((p) => !primary.includes(p));
  const label = (p: { dir: string }) => p.dir || "the app at the root";
  const name =
    primary.map(label).join(" and ") +
    (others.length ? ` (and ${others.map(label).join(", ")}, which share its packages)` : "");
  return { name, primary: primary.map(label).join(" and "), dir: primary[0].dir };
}

/** A package no app uses (a monorepo root's .env.example) keeps v4's names while an app it serves stays on v4. */
function sharedRefusal(name: string, refusedApps: readonly string[]): { step: number; message: string } | undefined {
  if (!refusedApps.length) return undefined;
  return {
    step: 3,
    message: `nothing written for ${name}: ${refusedApps.join("; ")} stay${refusedApps.length === 1 ? "s" : ""} on next-auth v4, which reads the v4 names. Run again once ${refusedApps.length === 1 ? "it is" : "they are"} migrated.`,
  };
}

/** Why a unit's changes must not be written (then nothing of it is), or undefined. */
function whyNotWritten(
  unit: Unit,
  applied: UnitResult,
  steps: ReadonlySet<number>,
  allFiles: readonly string[],
  read: FileReader,
): { step: number; message: string } | undefined {
  const { name } = unitName(unit);
  const removed = new Set(applied.changes.filter((c) => c.after === null).map((c) => c.path));
  const finalFiles = new Set([
    ...allFiles.filter((f) => !removed.has(f)),
    ...applied.changes.filter((c) => c.after !== null).map((c) => c.path),
  ]);
  // 0. A file that parses but could not be rewritten (a codemod bug) stops the app.
  const failed = codemodFailure(applied, read);
  if (failed)
    return {
      step: 6,
      message: `nothing written for ${name}: the codemod failed on ${failed.file} (${failed.reason}). Please report it; run with --app or --step to migrate the rest.`,
    };
  // 1. next-auth moves to v5 only together with a converted route, and a converted route only with next-auth 5.
  const bumped = applied.findings.some((f) => f.kind === "package-next-auth" && f.action === "rewrite");
  const converted = applied.findings.some((f) => f.kind === "nextauth-route" && f.action === "rewrite");
  const switched = applied.findings.some((f) => f.step === 6 && f.action === "rewrite");
  if (steps.has(6) && unit.app && switched && !nextAuthV5Declared(unit, read, { ...applied, changes: [] })) {
    if (!converted) {
      const why = applied.findings.find((f) => f.kind === "nextauth-route" && f.action === "todo");
      // A to-do's first line says why; the lines after it are the code to write (nextauth-route).
      const [reason, ...code] = why?.message.split("\n") ?? [];
      return {
        step: 6,
        message: `nothing written for ${name}: next-auth moves to v5 only together with its route, and ${why ? `${why.file}:${why.line} is not converted (${reason.replace(/\.$/, "")})` : "no next-auth route was found (pages/api/auth/[...nextauth] or app/api/auth/[...nextauth]/route)"}. Do MIGRATION.md step 6 by hand, or convert the route first and run again.${code.length ? `\n${code.join("\n")}` : ""}`,
      };
    }
    if (!bumped && !nextAuthV5Declared(unit, read, applied)) {
      return {
        step: 6,
        message: `nothing written for ${name}: the route is converted but no package.json of it moves next-auth to v5 (a version the codemod cannot change). Set next-auth to 5.0.0-beta.32 by hand, then run again.`,
      };
    }
  }
  // 1a. The switch only where the app's Next and React are ones next-auth 5 installs and runs on.
  const peers = steps.has(6) && switched ? peerRefusal(unit, applied, read) : undefined;
  if (peers) return peers;
  // 1b. Everything it wrote parses (after 1: parsing every rewritten file is the slow check).
  for (const change of applied.changes) {
    if (change.after === null || kindOf(change.path) !== "source" || !CODE_FILE.test(change.path)) continue;
    try {
      parse(change.path, change.after);
    } catch (error) {
      return {
        step: 6,
        message: `nothing written for ${name}: the rewrite of ${change.path} would not parse (${(error as Error).message}). Please report it; run with --app or --step to migrate the rest.`,
      };
    }
  }
  // 2. Every import the codemod wrote resolves, and none closes a cycle.
  const after = new Map(applied.changes.map((c) => [c.path, c.after]));
  const finalText = (file: string) => (after.has(file) ? after.get(file)! : read(file));
  // Files it edits before files it creates: a cycle is named by the import the edit adds.
  for (const change of [...applied.changes].sort((a, b) => Number(a.before === null) - Number(b.before === null))) {
    if (change.after === null || kindOf(change.path) !== "source" || !CODE_FILE.test(change.path)) continue;
    const before = new Set(change.before === null ? [] : importSpecifiers(change.before));
    const pkg = unit.packages.find((p) => p.dir === "" || change.path.startsWith(`${p.dir}/`))!;
    const prefix = pkg.dir ? `${pkg.dir}/` : "";
    const project = new Project(pkg.dir, pkg.files, { read: (f) => read(prefix + f) });
    const local = change.path.slice(prefix.length);
    for (const spec of importSpecifiers(change.after)) {
      if (before.has(spec)) continue;
      const target = project.resolve(local, spec);
      if (target === undefined) continue;
      const found = fileIn(prefix + target, finalFiles) !== undefined;
      // The auth module a shared package's rewrite imports ("../auth", or "./" from inside its auth/ folder).
      if (!found && !pkg.app && (/auth$/.test(spec) || target.replace(/\/$/, "") === project.authModule)) {
        // The app that mounts next-auth's route, not the first app of the unit (a docs site beside it).
        const apps = unit.packages.filter((p) => p.app);
        const projectOf = (p: (typeof apps)[number]) =>
          new Project(p.dir, p.files, { read: (f) => read(p.dir ? `${p.dir}/${f}` : f) });
        const app = apps.find((p) => projectOf(p).routeFile) ?? apps[0];
        const appPrefix = app?.dir ? `${app.dir}/` : "";
        const appProject = app && projectOf(app);
        const authPath = appProject ? `${appPrefix}${appProject.authModule}.ts` : "an app";
        const code = sharedPackageCode(
          { dir: pkg.dir, name: pkg.name },
          change.path,
          change.before ?? "",
          app && appProject && { dir: app.dir, project: appProject },
        );
        // The codemod does this switch itself where it is certain (lib/shared-auth.ts); why not here.
        const why = sharedAuthOf(unit, read)?.why;
        return {
          step: 2,
          message: `nothing written for ${name}: ${change.path} calls getServerSession, and v5's auth() would live in ${authPath}, which a shared package cannot import${why ? ` (the codemod moves NextAuth into the package only where that is certain; here ${why})` : ""}. By hand: move NextAuth(config) into ${pkg.dir} (export handlers, auth, signIn, signOut from it), as MIGRATION.md step 6 shows for auth.ts; then run again.\n${code}`,
        };
      }
      if (
        found &&
        importsBack(unit, prefix + target, change.path, finalFiles, finalText) &&
        !cycleBefore(unit, change.path, fileIn(prefix + target, finalFiles)!, applied.changes, new Set(allFiles), read)
      ) {
        return {
          step: 6,
          message: `nothing written for ${name}: ${change.path} would import "${spec}", which imports ${change.path} back: an import cycle. By hand: keep the auth options in a module that does not import the auth module (move the helpers that need auth() out of it), or put NextAuth(config) in that module and re-export handlers, auth, signIn, signOut from the auth module; then run again.`,
        };
      }
      if (!found) {
        const step = applied.findings.find((f) => f.file === change.path && f.action === "rewrite")?.step ?? 6;
        return {
          step,
          message: `nothing written for ${name}: ${change.path} would import "${spec}", which does not exist. ${spec.endsWith("auth") ? `Create the auth module first (MIGRATION.md step 2 or 6), or run step 6 with a route the codemod converts; then run again.` : "Fix that import by hand, then run again."}`,
        };
      }
    }
  }
  return undefined;
}

/** A file the codemod could not rewrite although it parses (a codemod bug), not one that never parsed. */
function codemodFailure(applied: UnitResult, read: FileReader): UnitResult["parseErrors"][number] | undefined {
  return applied.parseErrors.find((e) => {
    const text = read(e.file);
    if (kindOf(e.file) !== "source" || text === null) return false;
    try {
      parse(e.file, text);
      return true;
    } catch {
      return false; // it did not parse to begin with: reported, and left as it is
    }
  });
}

/** The switch of an app still on v4 whose next or react range next-auth 5 does not support (lib/v5-peers.ts). */
function peerRefusal(unit: Unit, applied: UnitResult, read: FileReader): { step: number; message: string } | undefined {
  if (!unit.app || nextAuthV5Declared(unit, read, { ...applied, changes: [] })) return undefined;
  const { name } = unitName(unit);
  for (const app of unit.packages.filter((p) => p.app)) {
    const problem = v5PeerProblem(app.dir, read);
    if (problem) return { step: 6, message: `nothing written for ${name}: ${problem}.` };
  }
  return undefined;
}

/** Steps whose rewrites only work on next-auth 5: `redirectTo` is v5's name, which v4 ignores. */
export const V5_ONLY_STEPS: ReadonlySet<number> = new Set([7]);

const BRIDGE_IMPORT = /(^|\/)legacy-v4-session(\.[cm]?[jt]s)?$/;

/**
 * The all-or-nothing rules of any unit, app or not: a step that ships on v5 runs only on v5 (or
 * together with step 6), and next-auth moves to v5 only in the run that converts the route and
 * writes and wires the session bridge.
 */
function allOrNothing(
  unit: Unit,
  applied: UnitResult,
  steps: ReadonlySet<number>,
  read: FileReader,
): { step: number; message: string } | undefined {
  const { name } = unitName(unit);
  const onV5 = nextAuthV5Declared(unit, read, { ...applied, changes: [] });
  const early = applied.findings.filter((f) => V5_ONLY_STEPS.has(f.step) && f.action === "rewrite");
  if (early.length && !onV5 && !steps.has(6)) {
    const where = early
      .slice(0, 3)
      .map((f) => `${f.file}:${f.line}`)
      .join(", ");
    // Filed under step 6, what to do first: the run that does it decides this item again.
    return {
      step: 6,
      message: `nothing written for ${name}: step ${early[0].step} (${where}${early.length > 3 ? `, and ${early.length - 3} more` : ""}) writes what only next-auth 5 reads (v4 ignores redirectTo: every such redirect would silently go to the current page), and ${name} is still on next-auth v4. Run it together with step 6 (apply --all), or once step 6 is done.`,
    };
  }
  if (onV5 || !applied.findings.some((f) => f.kind === "package-next-auth" && f.action === "rewrite")) return undefined;
  const converted = applied.findings.some((f) => f.kind === "nextauth-route" && f.action === "rewrite");
  const after = new Map(applied.changes.map((c) => [c.path, c.after]));
  const unitFiles = unit.packages.flatMap((p) => p.files.map((f) => (p.dir ? `${p.dir}/${f}` : f)));
  const finalSources = [...new Set([...unitFiles, ...after.keys()])]
    .filter((f) => kindOf(f) === "source")
    .map((f) => (after.has(f) ? after.get(f)! : read(f)))
    .filter((t): t is string => t !== null);
  const bridge = finalSources.some((t) => t.includes(BRIDGE_MARKER));
  const wired = finalSources.some(
    (t) => !t.includes(BRIDGE_MARKER) && importSpecifiers(t).some((s) => BRIDGE_IMPORT.test(s)),
  );
  if (converted && bridge && wired) return undefined;
  const missing = [
    !converted && "converts no next-auth route",
    !bridge && "writes no session bridge",
    bridge && !wired && "wires the session bridge into no auth module",
  ].filter(Boolean);
  return {
    step: 6,
    message: `nothing written for ${name}: next-auth would move to v5, but this run ${missing.join(" and ")}${unit.app ? "" : " (no Next.js app uses this package)"}. Do MIGRATION.md step 6 by hand, or run step 6 where the app and its route are; then run again.`,
  };
}

/**
 * Whether module `from` (no extension), as it would be written, imports file `back` itself: a
 * two-module cycle, where one of the two runs its top level before the other's exports exist
 * (auth.ts's `NextAuth(authOptions)` before the options module has set `authOptions`).
 */
function importsBack(
  unit: Unit,
  from: string,
  back: string,
  finalFiles: ReadonlySet<string>,
  text: FileReader,
): boolean {
  const fileOf = (modulePath: string) => fileIn(modulePath, finalFiles);
  const start = fileOf(from);
  const pkg =
    start &&
    unit.packages
      .filter((p) => p.dir === "" || start.startsWith(`${p.dir}/`))
      .sort((a, b) => b.dir.length - a.dir.length)[0];
  if (!start || !pkg || start === back) return false;
  const prefix = pkg.dir ? `${pkg.dir}/` : "";
  const project = new Project(pkg.dir, pkg.files, { read: (f) => text(prefix + f) });
  return importSpecifiers(text(start) ?? "").some((spec) => {
    const target = project.resolve(start.slice(prefix.length), spec);
    return target !== undefined && fileOf(prefix + target) === back;
  });
}

/**
 * Whether the cycle between `a` and `b`, one of them created by this run, is one the app already
 * had on v4: the other imported a module this run moves (the route file, whose text becomes the
 * auth module) that imported it back. The module made from that route evaluates the same top
 * level, so the cycle is the app's own, not one the codemod closes.
 */
function cycleBefore(
  unit: Unit,
  a: string,
  b: string,
  changes: readonly FileDiff[],
  files: ReadonlySet<string>,
  read: FileReader,
): boolean {
  const created = new Set(changes.filter((c) => c.before === null).map((c) => c.path));
  const existing = [a, b].filter((f) => files.has(f));
  if (existing.length !== 1 || !created.has(a === existing[0] ? b : a)) return false;
  const strip = (f: string) => f.replace(/\.[^./]+$/, "");
  return changes.some(
    (m) =>
      m.before !== null &&
      m.path !== existing[0] &&
      importsBack(unit, strip(m.path), existing[0], files, read) &&
      importsBack(unit, strip(existing[0]), m.path, files, read),
  );
}

function nextAuthV5Declared(unit: Unit, read: FileReader, applied: UnitResult): boolean {
  const after = new Map(applied.changes.map((c) => [c.path, c.after]));
  return ["", ...unit.packages.map((p) => p.dir)].some((dir) => {
    const file = dir ? `${dir}/package.json` : "package.json";
    try {
      const pkg = JSON.parse((after.has(file) ? after.get(file) : read(file)) ?? "{}");
      return /^\D*5\./.test(pkg.dependencies?.["next-auth"] ?? pkg.devDependencies?.["next-auth"] ?? "");
    } catch {
      return false;
    }
  });
}

/** The file of module `modulePath` (no extension) among `files`. */
function fileIn(modulePath: string, files: ReadonlySet<string>): string | undefined {
  return expandModulePath(modulePath).find((f) => files.has(f));
}

/** Why apply must not write here, or undefined. A dirty tree would mix your edits with the codemod's. */
export function gitRefusal(root: string): string | undefined {
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

/** What apply writes of a run: `writable`; `untracked` are changes to files git does not track, printed instead. */
export interface WritePlan {
  writable: FileDiff[];
  untracked: FileDiff[];
}

/**
 * Decides what an apply writes, and completes its to-dos to match: a change to a file git does
 * not track becomes a to-do, next-auth moving to v5 without the bridge one too, and the open
 * items of the to-do file this run does not decide again are carried over.
 */
export function planWrites(root: string, result: RunResult, steps: ReadonlySet<number>): WritePlan {
  const tracked = trackedFiles(root);
  // Never write a file git does not track (a git-ignored .env.local): print its change instead.
  const untracked = tracked ? result.changes.filter((c) => c.before !== null && !tracked.has(c.path)) : [];
  const writable = result.changes.filter((c) => !untracked.includes(c));
  // Nothing was added to a file that is not written: no deployment to update for it.
  result.findings = result.findings.filter(
    (f) => !(f.kind === "env-deployment" && untracked.some((c) => c.path === f.file)),
  );
  for (const change of untracked) {
    const step = result.findings.find((f) => f.file === change.path)?.step ?? 3;
    const how = untrackedChange(change).trim().replace(/\n\s*/g, "; ");
    result.findings.push(finding(step, change.path, 1, "not-written", `not tracked by git, so not written: ${how}`));
  }
  const toV5 = result.changes.find((c) => c.path.endsWith("package.json") && /"next-auth":\s*"5\./.test(c.after ?? ""));
  const bridged = writable.some((c) => c.after?.includes(BRIDGE_MARKER));
  // The warning goes into the to-do file too, not only to the console.
  if (toV5 && !bridged && !result.findings.some((f) => f.kind === "session-continuity"))
    result.findings.push(finding(6, toV5.path, 1, "session-continuity", CONTINUITY_TODO));
  result.findings.push(...carriedTodos(root, result, steps));
  return { writable, untracked };
}

/** Writes the plan's changes, and the to-do file when anything was written or is open (or it exists). */
export function writePlanned(root: string, result: RunResult, plan: WritePlan) {
  writeChanges(root, plan.writable);
  const todos = result.findings.some((f) => f.action === "todo");
  if (plan.writable.length > 0 || todos || existsSync(path.join(root, TODO_FILE)))
    writeFileSync(path.join(root, TODO_FILE), todoFile(result));
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
export function untrackedChange(change: FileDiff): string {
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
          : message === NO_SOCKET_TODO
            ? "request-address"
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
    lines.push(
      `## Step ${s.step}: ${s.title}`,
      "",
      ...items.map((f) => `- [ ] \`${f.file}:${f.line}\` ${f.message}`),
      "",
    );
  }
  if (!todos.length) lines.push("Nothing open.", "");
  return lines.join("\n");
}

export function writeChanges(root: string, changes: readonly FileDiff[]) {
  for (const change of changes) {
    const full = path.join(root, change.path);
    if (change.after === null) rmSync(full, { force: true });
    else {
      mkdirSync(path.dirname(full), { recursive: true });
      writeFileSync(full, change.after);
    }
  }
}
