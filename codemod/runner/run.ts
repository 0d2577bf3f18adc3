import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { clientRedirectTo } from "../transforms/client-redirect-to";
import { credentialsAuthorize } from "../transforms/credentials-authorize";
import {
  envCode,
  envConfig,
  envFiles,
  isEnvConfigFile,
  isEnvFile,
  nextAuthEnvScope,
  NOT_NEXT_AUTH,
  providersIn,
} from "../transforms/env-names";
import { jwtAugmentation } from "../transforms/jwt-augmentation";
import { middleware } from "../transforms/middleware";
import { nextAuthImports } from "../transforms/next-auth-imports";
import { nextConfig } from "../transforms/next-config";
import {
  CONTINUITY_TODO,
  helperCallers,
  nextAuthRoute,
  routeImporters,
  sharedPackageCode,
  v4Helper,
} from "../transforms/nextauth-route";
import { BRIDGE_MARKER } from "../transforms/legacy-bridge";
import { packageJson } from "../transforms/package-json";
import { quietChanges } from "../transforms/quiet-changes";
import { serverSession } from "../transforms/server-session";
import { authResponse } from "../transforms/auth-response";
import { sessionCallback } from "../transforms/session-callback";
import { findPackages, findUnits, workspaceModule, type Unit } from "./apps";
import { sharedAuthOf } from "./shared-auth";
import { diskReader, Project, SOURCE_EXTENSIONS, type FileReader } from "./project";
import { parse, Trees } from "./ast";
import { formatWithPrettier, hasPrettierConfig } from "./prettier";
import { conform, countStyle, emptyCounts, styleFrom, type Style } from "./style";
import { newTransformContext, ParseError, type Finding, type Transform, type TransformContext } from "./types";

/** In order: the route transform runs last, so the auth.ts it writes has the others' changes. */
export const TRANSFORMS: readonly Transform[] = [
  routeImporters,
  serverSession,
  authResponse,
  envCode,
  envFiles,
  envConfig,
  jwtAugmentation,
  nextAuthImports,
  sessionCallback,
  credentialsAuthorize,
  packageJson,
  middleware,
  nextConfig,
  quietChanges,
  clientRedirectTo,
  helperCallers,
  nextAuthRoute,
];

/** Never read: dependencies, build output, VCS, caches, and fixtures that are v4 code on purpose. */
const SKIP_DIRS = new Set([
  "node_modules",
  ".next",
  "out",
  "build",
  "dist",
  "coverage",
  ".git",
  ".vercel",
  ".turbo",
  ".cache",
  "__testfixtures__",
  ".data",
]);
const CODEMOD_DIR = path.resolve(__dirname, "..");

export interface FileDiff {
  path: string;
  /** null: the file is new. */
  before: string | null;
  /** null: the file is deleted. */
  after: string | null;
}

export interface RunResult {
  root: string;
  files: number;
  findings: Finding[];
  parseErrors: { file: string; reason: string }[];
  changes: FileDiff[];
  elapsedMs: number;
  units: UnitReport[];
  /** Every package's folder, and whether this run covered it (`--app` leaves some out). */
  packages: { dir: string; inRun: boolean }[];
}

export class MissingPathError extends Error {
  constructor(dir: string) {
    super(`No such directory: ${dir}. Pass the root of your Next.js app (the folder with package.json).`);
    this.name = "MissingPathError";
  }
}

/**
 * Source files, package.json files and .env files under root, as POSIX paths relative to it.
 * `skipDir` leaves out more folders (by root-relative POSIX path).
 */
export function collectFiles(root: string, skipDir: (relative: string) => boolean = () => false): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (
          SKIP_DIRS.has(entry.name) ||
          full === CODEMOD_DIR ||
          skipDir(path.relative(root, full).split(path.sep).join("/"))
        )
          continue;
        walk(full);
      } else if (entry.isFile()) {
        const relative = path.relative(root, full).split(path.sep).join("/");
        if (isCandidate(entry.name) || isEnvConfigFile(relative)) out.push(relative);
      }
    }
  };
  walk(root);
  return out.sort();
}

/** Whether the codemod reads a file of this name. */
export function isCandidate(name: string): boolean {
  if (name === "package.json" || isEnvFile(name)) return true;
  if (name === "next-env.d.ts" || /\.min\.js$/.test(name)) return false;
  return SOURCE_EXTENSIONS.some((ext) => name.endsWith(ext));
}

function kindOf(file: string): Transform["kind"] {
  if (file.endsWith("package.json")) return "package-json";
  if (isEnvConfigFile(file)) return "config";
  if (isEnvFile(file)) return "env";
  return "source";
}

/** For callers that hold the codebase in memory (migration/engine.ts): which files, and their text. */
export interface RunSource {
  files: string[];
  read: FileReader;
}

/** Options of a run. */
export interface RunOptions {
  /** Only the app in this root-relative folder (and the workspace packages it uses). */
  app?: string;
  /**
   * The caller writes the rest of the step itself (migration/engine.ts adds the hand-written
   * files of a guide step): changes are returned even when the step cannot finish on its own.
   */
  partial?: boolean;
}

/** What happened to one app (or a package no app uses). */
export interface UnitReport {
  dir: string;
  app: boolean;
  /** migrated: its changes are in `changes`; refused: nothing written, `reason` says why; unchanged: nothing to do. */
  status: "migrated" | "refused" | "unchanged";
  reason?: string;
  /** The MIGRATION.md step a refusal is about. */
  step?: number;
}

/**
 * scan: every transform reads each file as it is, and reports what it would rewrite or leave.
 * apply: the selected steps' transforms run one after another on each file, app by app; an app
 * whose result would not resolve gets nothing written, and the reason. The to-dos of an applied
 * app are those a scan of its result finds (so none is stale). Nothing is written: `writeChanges`
 * does that.
 */
export function run(
  dir: string,
  mode: "scan" | "apply",
  steps: ReadonlySet<number>,
  source?: RunSource,
  options: RunOptions = {},
): RunResult {
  const started = performance.now();
  const root = path.resolve(dir);
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new MissingPathError(dir);
  const allFiles = source?.files ?? collectFiles(root);
  const cache = new Map<string, string | null>();
  const readSource = source?.read ?? diskReader(root);
  const read: FileReader = (file) => {
    if (!cache.has(file)) cache.set(file, readSource(file));
    return cache.get(file)!;
  };
  const packages = findPackages(allFiles, read);
  let units = findUnits(packages);
  if (options.app !== undefined) {
    const wanted = options.app.replace(/^\.\/?/, "").replace(/\/$/, "");
    units = units.filter((u) => u.app && u.packages.some((p) => p.app && p.dir === wanted));
    if (units.length === 0)
      throw new UnknownAppError(
        options.app,
        findUnits(findPackages(allFiles, read))
          .filter((u) => u.app)
          .map((u) => u.dir || "."),
      );
  }
  // A package no app uses (a monorepo's root with turbo.json) sees every app's providers.
  const allProviders = providersIn(allFiles.filter((f) => kindOf(f) === "source").map((f) => read(f) ?? ""));
  const ran = new Set(units.flatMap((u) => u.packages.map((p) => p.dir)));
  const result: RunResult = {
    root,
    files: 0,
    findings: [],
    parseErrors: [],
    changes: [],
    elapsedMs: 0,
    units: [],
    packages: packages.map((p) => ({ dir: p.dir, inRun: ran.has(p.dir) })),
  };
  // Apps first: a package no app uses (a monorepo's root .env.example) is written only when no app was refused.
  const refusedApps: string[] = [];
  for (const unit of [...units.filter((u) => u.app), ...units.filter((u) => !u.app)]) {
    result.files += unit.packages.reduce((n, p) => n + p.files.length, 0);
    if (mode === "scan") {
      const scanned = runUnit(unit, "scan", steps, read, allProviders);
      result.findings.push(...scanned.findings, ...missingBridgeTodos(unit, read));
      result.parseErrors.push(...scanned.parseErrors);
      result.units.push({ dir: unit.dir, app: unit.app, status: "unchanged" });
      continue;
    }
    const applied = runUnit(unit, "apply", steps, read, allProviders);
    applied.changes = withPrettier(root, applied.changes);
    result.parseErrors.push(...applied.parseErrors);
    const named = unitName(unit);
    const shared = unit.app ? undefined : sharedRefusal(named.name, refusedApps);
    const refusal =
      !applied.changes.length || options.partial
        ? undefined
        : (shared ??
          (unit.app ? whyNotWritten(unit, applied, steps, allFiles, read) : undefined) ??
          allOrNothing(unit, applied, steps, read));
    if (refusal) {
      const scanned = scanAsItStays(unit, applied, steps, read, allProviders);
      // The to-dos of the code as it stays: none about writes that were not made.
      result.findings.push(
        ...scanned.filter((f) => f.action === "todo" && steps.has(f.step) && !OUTCOME_TODOS.has(f.kind)),
        // Whatever the steps: an app on v5 without the bridge signs everyone out.
        ...missingBridgeTodos(unit, read),
      );
      // A shared package's refusal follows from an app's, whose to-do says what to do.
      if (refusal !== shared)
        result.findings.push({
          step: refusal.step,
          file: named.dir ? `${named.dir}/package.json` : "package.json",
          line: 1,
          kind: "app-not-migrated",
          action: "todo",
          message: refusal.message,
        });
      if (unit.app) refusedApps.push(named.primary);
      result.units.push({
        dir: named.dir,
        app: unit.app,
        status: "refused",
        reason: refusal.message,
        step: refusal.step,
      });
      continue;
    }
    // To-dos of the result: those of this pass that a rewrite did not settle (none stale), and
    // what a scan of the result still finds.
    const after = new Map(applied.changes.map((c) => [c.path, c.after]));
    const readAfter: FileReader = (file) => (after.has(file) ? after.get(file)! : read(file));
    const afterFiles = [
      ...allFiles.filter((f) => after.get(f) !== null),
      ...applied.changes.filter((c) => c.before === null && c.after !== null).map((c) => c.path),
    ];
    const afterUnits = findUnits(findPackages(afterFiles, readAfter)).filter((u) =>
      u.packages.some((p) => p.dir === unit.packages[0].dir),
    );
    const rescanned = afterUnits.flatMap((u) => [
      ...runUnit(u, "scan", steps, readAfter, allProviders, new Set(after.keys())).findings.filter(
        (f) => f.action === "todo" && steps.has(f.step),
      ),
      // Whatever the steps: an app on v5 without the bridge signs everyone out.
      ...missingBridgeTodos(u, readAfter),
    ]);
    const settled = new Set(
      applied.findings.filter((f) => f.action === "rewrite").map((f) => `${f.file}:${f.line}:${f.kind}`),
    );
    const bridgeTodo = rescanned.some((f) => f.kind === "session-continuity");
    // A changed file's to-dos are those of its final text (the rescan), but for what no text shows.
    const open = applied.findings.filter(
      (f) =>
        f.action === "todo" &&
        (!after.has(f.file) || UNSEEN_TODOS.has(f.kind)) &&
        !settled.has(`${f.file}:${f.line}:${f.kind}`) &&
        !(bridgeTodo && f.kind === "session-continuity"),
    );
    result.findings.push(
      ...applied.findings.filter((f) => f.action === "rewrite"),
      ...dedupe([...open, ...rescanned], true),
    );
    result.changes.push(...applied.changes);
    result.units.push({ dir: unit.dir, app: unit.app, status: applied.changes.length ? "migrated" : "unchanged" });
  }
  result.findings = dedupe(result.findings);
  result.elapsedMs = performance.now() - started;
  return result;
}

/**
 * What `apply` would refuse, found by the same decision: a dry apply of every step, and of each
 * step that ships on v5 run alone. One to-do per refused app and run, naming the command.
 */
export function predictRefusals(dir: string, options: RunOptions = {}): Finding[] {
  const all = new Set(TRANSFORMS.map((t) => t.step));
  const runs = [
    { command: "apply --all", steps: all },
    ...[...V5_ONLY_STEPS].map((step) => ({ command: `apply --step ${step}`, steps: new Set([step]) })),
  ];
  return runs.flatMap(({ command, steps }) =>
    run(dir, "apply", steps, undefined, options)
      .units.filter((u) => u.status === "refused")
      .map((u): Finding => ({
        step: u.step ?? 6,
        file: u.dir ? `${u.dir}/package.json` : "package.json",
        line: 1,
        kind: "apply-refusal",
        action: "todo",
        message: `${command} would refuse it: ${u.reason}`,
      })),
  );
}

export class UnknownAppError extends Error {
  constructor(app: string, apps: string[]) {
    super(`--app ${app}: no Next.js app there. Apps found: ${apps.join(", ") || "none"}.`);
    this.name = "UnknownAppError";
  }
}

/** To-dos about a rewrite that a scan of its result cannot find again (renamed keys, the route converted). */
const UNSEEN_TODOS = new Set(["env-deployment", "session-continuity", "route-options"]);

/** To-dos about the outcome of a rewrite, false when an app's rewrite is not written. */
const OUTCOME_TODOS = new Set([
  "session-continuity",
  "env-deployment",
  "package-adapter-version",
  "callback-url-v4",
  "route-options",
]);

/** Drops repeated findings (`byPlace`: whatever their action). */
function dedupe(findings: Finding[], byPlace = false): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = byPlace
      ? `${f.file}:${f.line}:${f.kind}:${f.message}`
      : `${f.file}:${f.line}:${f.kind}:${f.action}:${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

interface UnitResult {
  findings: Finding[];
  parseErrors: RunResult["parseErrors"];
  changes: FileDiff[];
}

/**
 * What a scan of a unit finds when its rewrite is not written. Where apply ran every transform,
 * the files it left unchanged were seen by the same transforms in the same text: their findings
 * are the scan's, and only the files it changed are scanned again.
 */
function scanAsItStays(
  unit: Unit,
  applied: UnitResult,
  steps: ReadonlySet<number>,
  read: FileReader,
  allProviders: ReadonlySet<string>,
): Finding[] {
  if (!TRANSFORMS.every((t) => steps.has(t.step))) return runUnit(unit, "scan", steps, read, allProviders).findings;
  const changed = new Set(applied.changes.filter((c) => c.before !== null).map((c) => c.path));
  const created = new Set(applied.changes.filter((c) => c.before === null).map((c) => c.path));
  const kept = applied.findings.filter((f) => !changed.has(f.file) && !created.has(f.file));
  return [...kept, ...(changed.size ? runUnit(unit, "scan", steps, read, allProviders, changed).findings : [])];
}

/** Runs the transforms over each package of a unit, each package seen as a project of its own. */
function runUnit(
  unit: Unit,
  mode: "scan" | "apply",
  steps: ReadonlySet<number>,
  readRoot: FileReader,
  allProviders?: ReadonlySet<string>,
  only?: ReadonlySet<string>,
): UnitResult {
  const out: UnitResult = { findings: [], parseErrors: [], changes: [] };
  const transforms = TRANSFORMS.filter((t) => mode === "scan" || steps.has(t.step));
  // The providers the unit's auth options configure decide which env keys are next-auth's.
  const providers =
    !unit.app && allProviders
      ? allProviders
      : providersIn(
          unit.packages.flatMap((p) =>
            p.files.filter((f) => kindOf(f) === "source").map((f) => readRoot(p.dir ? `${p.dir}/${f}` : f) ?? ""),
          ),
        );
  const envScope = nextAuthEnvScope(unit.packages);
  // A shared package that calls getServerSession gets NextAuth; the apps' routes mount its handlers.
  const shared = sharedAuthOf(unit, readRoot)?.plan;
  for (const pkg of unit.packages) {
    const prefix = pkg.dir ? `${pkg.dir}/` : "";
    const read: FileReader = (file) => readRoot(prefix + file);
    const project = new Project(pkg.dir, pkg.files, {
      read,
      providers: envScope.has(pkg) ? providers : NOT_NEXT_AUTH,
      sharedAuth: shared && !pkg.app && pkg.dir === shared.dir ? shared : undefined,
      authFrom: shared && pkg.app ? shared.routes.get(pkg.dir) : undefined,
      workspaceModule: workspaceModule(unit.packages, readRoot),
    });
    let style: Style | undefined;
    const appStyle = () => (style ??= prevailingStyle(project));
    const context = newTransformContext();
    const findings: Finding[] = [];
    const changes: FileDiff[] = [];
    for (const file of pkg.files) {
      if (only && !only.has(prefix + file)) continue;
      const original = read(file);
      // The session bridge step 6 wrote is v5 code already (it reads v4 cookies on purpose).
      if (original === null || original.includes(BRIDGE_MARKER)) continue;
      const kind = kindOf(file);
      let text = original;
      const fileFindings: Finding[] = [];
      const created: FileDiff[] = [];
      let removed = false;
      const trees = new Trees();
      try {
        for (const transform of transforms) {
          if (transform.kind !== kind) continue;
          const input = mode === "scan" ? original : text;
          const result = transform.run({ file, source: input, project, steps, context, trees });
          fileFindings.push(...result.findings);
          if (mode === "scan") continue;
          if (result.source !== undefined) text = result.source;
          for (const c of result.create ?? []) created.push({ path: c.path, before: read(c.path), after: c.source });
          if (result.remove) removed = true;
        }
      } catch (error) {
        // One bad file never stops the run: it is skipped and reported.
        const reason =
          error instanceof ParseError ? error.reason : `internal error, please report: ${(error as Error).message}`;
        if (!(error instanceof ParseError) && process.env.CODEMOD_DEBUG) console.error(error);
        out.parseErrors.push({ file: prefix + file, reason });
        continue;
      }
      findings.push(...fileFindings);
      // The code written takes the file's style; a new file the app's, or, when it carries this file's code
      // (auth.ts from the route), this file's. The input's own lines stay as they are.
      const ownStyle = () => styleFrom(countStyle(file, original), appStyle());
      if (removed) changes.push({ path: file, before: original, after: null });
      else if (text !== original)
        changes.push({ path: file, before: original, after: conformSource(file, original, text, ownStyle) });
      changes.push(
        ...created.map((c) =>
          c.after === null
            ? c
            : {
                ...c,
                // The bridge is the template, restyled whole: none of its lines are the route's.
                after: c.after.includes(BRIDGE_MARKER)
                  ? conformSource(c.path, null, c.after, appStyle)
                  : conformSource(c.path, original, c.after, carriesCode(original, c.after) ? ownStyle : appStyle),
              },
        ),
      );
    }
    if (mode === "apply")
      changes.push(
        ...v4HelperStep(project, steps, findings, context).map((c) =>
          c.after === null ? c : { ...c, after: conformSource(c.path, null, c.after, appStyle) },
        ),
      );
    out.findings.push(...findings.map((f) => ({ ...f, file: prefix + f.file })));
    out.changes.push(...changes.map((c) => ({ ...c, path: prefix + c.path })));
  }
  return out;
}

/** Source files only: package.json and .env files keep their own handling. */
function conformSource(file: string, before: string | null, after: string, style: () => Style): string {
  return kindOf(file) === "source" && CODE_FILE.test(file) ? conform(file, before, after, style()) : after;
}

/**
 * Under a Prettier config, code the codemod writes takes it, from the app's Prettier: a new file
 * whole; a changed file only when it was Prettier's output before and formatting keeps every line
 * it had (so only the codemod's lines move). Otherwise the text edits stand.
 */
function withPrettier(root: string, changes: FileDiff[]): FileDiff[] {
  const targets = changes.filter(
    (c): c is FileDiff & { after: string } =>
      c.after !== null && CODE_FILE.test(c.path) && hasPrettierConfig(root, path.join(root, c.path)),
  );
  const formatted = formatWithPrettier(
    root,
    targets.flatMap((c) =>
      (c.before === null ? [c.after] : [c.before, c.after]).map((source) => ({ path: c.path, source })),
    ),
  ).map((f) => f.text);
  const result = new Map<FileDiff, string>();
  let i = 0;
  for (const c of targets) {
    if (c.before === null) {
      const text = formatted[i++];
      if (text !== undefined) result.set(c, text);
      continue;
    }
    const [before, after] = [formatted[i++], formatted[i++]];
    if (before !== c.before || after === undefined) continue;
    const had = new Set(c.before.split("\n"));
    const lines = new Set(after.split("\n"));
    if (c.after.split("\n").every((line) => !had.has(line) || lines.has(line))) result.set(c, after);
  }
  return changes.map((c) => (result.has(c) ? { ...c, after: result.get(c)! } : c));
}

/** Whether a new file holds statements of the file it came from (not only blank lines and braces). */
function carriesCode(from: string, created: string): boolean {
  const lines = new Set(from.split(/\r?\n/).filter((l) => /\w/.test(l)));
  return created.split(/\r?\n/).some((l) => lines.has(l));
}

const CODE_FILE = /\.[cm]?[jt]sx?$/;

/** How the package's code is written, from a sample of its source files (not declaration files). */
function prevailingStyle(project: Project): Style {
  const counts = emptyCounts();
  const sample = project.files.filter((f) => CODE_FILE.test(f) && !f.endsWith(".d.ts")).slice(0, STYLE_SAMPLE);
  for (const file of sample) countStyle(file, project.read(file) ?? "", counts);
  return styleFrom(counts);
}

const STYLE_SAMPLE = 40;

/** Step 2 without step 6: the call sites import auth from the root module; write a v4 one there. */
function v4HelperStep(
  project: Project,
  steps: ReadonlySet<number>,
  findings: Finding[],
  context: TransformContext,
): FileDiff[] {
  if (
    !steps.has(2) ||
    steps.has(6) ||
    !findings.some((f) => f.kind === "getServerSession-call" && f.action === "rewrite")
  )
    return [];
  const existing = project.has(project.authModule);
  const options = context.sessionOptions;
  if (existing) {
    findings.push({
      step: 2,
      file: existing,
      line: 1,
      kind: "auth-helper",
      action: "todo",
      message: `call sites now import auth from ${project.authModule}: make sure ${existing} exports auth(ctx) / auth(req, res) on v4`,
    });
    return [];
  }
  if (options.length !== 1 || !options[0].imported) return [];
  const helper = v4Helper(project, options[0]);
  findings.push({
    step: 2,
    file: helper.path,
    line: 1,
    kind: "auth-helper",
    action: "rewrite",
    message: "wrote the v4 helper auth() (getServerSession with v5's signatures); step 6 replaces it",
  });
  return [{ path: helper.path, before: null, after: helper.source }];
}

/**
 * How a refusal names a unit: its apps that depend on next-auth (others share their packages
 * and are named after them), else all its apps; `dir` is the first of those.
 */
function unitName(unit: Unit): { name: string; primary: string; dir: string } {
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
  for (const e of applied.parseErrors) {
    const text = read(e.file);
    if (kindOf(e.file) !== "source" || text === null) continue;
    try {
      parse(e.file, text);
    } catch {
      continue; // it did not parse to begin with: reported, and left as it is
    }
    return {
      step: 6,
      message: `nothing written for ${name}: the codemod failed on ${e.file} (${e.reason}). Please report it; run with --app or --step to migrate the rest.`,
    };
  }
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
      const found = [
        target,
        ...SOURCE_EXTENSIONS.map((e) => target + e),
        ...SOURCE_EXTENSIONS.map((e) => `${target}/index${e}`),
      ].some((f) => finalFiles.has(prefix + f));
      // The auth module a shared package's rewrite imports ("../auth", or "./" from inside its auth/ folder).
      if (!found && !pkg.app && (/auth$/.test(spec) || target.replace(/\/$/, "") === project.authModule)) {
        const app = unit.packages.find((p) => p.app);
        const appPrefix = app?.dir ? `${app.dir}/` : "";
        const appProject = app && new Project(app.dir, app.files, { read: (f) => read(appPrefix + f) });
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

/** Steps whose rewrites only work on next-auth 5: `redirectTo` is v5's name, which v4 ignores. */
const V5_ONLY_STEPS: ReadonlySet<number> = new Set([7]);

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
  const fileOf = (modulePath: string) =>
    [
      modulePath,
      ...SOURCE_EXTENSIONS.map((e) => modulePath + e),
      ...SOURCE_EXTENSIONS.map((e) => `${modulePath}/index${e}`),
    ].find((f) => finalFiles.has(f));
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
  return [
    modulePath,
    ...SOURCE_EXTENSIONS.map((e) => modulePath + e),
    ...SOURCE_EXTENSIONS.map((e) => `${modulePath}/index${e}`),
  ].find((f) => files.has(f));
}

/** Module specifiers a file imports or re-exports (static, dynamic and require). */
export function importSpecifiers(source: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)(["'])([^"'\n]+)\1/g))
    out.push(m[2]);
  return out;
}

const V4_KEY_INFO = "NextAuth.js Generated Encryption Key";

/**
 * What scan sees on an app already on v5: without the session bridge every v4 session ends at
 * deploy. The bridge reads the v4 cookie, so its name appears in the app's code.
 */
function missingBridgeTodos(unit: Unit, read: FileReader): Finding[] {
  const app = unit.packages.find((p) => p.app);
  if (!app) return [];
  const file = app.dir ? `${app.dir}/package.json` : "package.json";
  const text = read(file);
  const version = text
    ? (() => {
        try {
          const pkg = JSON.parse(text);
          return pkg.dependencies?.["next-auth"] ?? pkg.devDependencies?.["next-auth"];
        } catch {
          return undefined;
        }
      })()
    : undefined;
  if (typeof version !== "string" || !/^\D*5\./.test(version)) return [];
  // A bridge names the v4 cookie and derives v4's key (its HKDF info); naming the cookie alone
  // (a custom `cookies.sessionToken.name`) decrypts nothing.
  const sources = unit.packages.flatMap((p) =>
    p.files.filter((f) => kindOf(f) === "source").map((f) => read(p.dir ? `${p.dir}/${f}` : f) ?? ""),
  );
  const bridged =
    sources.some((t) => t.includes("next-auth.session-token")) && sources.some((t) => t.includes(V4_KEY_INFO));
  if (bridged) return [];
  const line = text!.slice(0, text!.indexOf('"next-auth"')).split("\n").length;
  return [{ step: 6, file, line, kind: "session-continuity", action: "todo", message: CONTINUITY_TODO }];
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
