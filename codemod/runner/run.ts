import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { clientRedirectTo } from "../transforms/client-redirect-to";
import { credentialsAuthorize } from "../transforms/credentials-authorize";
import { envCode, envConfig, envFiles, nextAuthEnvScope, NOT_NEXT_AUTH, providersIn } from "../transforms/env-names";
import { jwtAugmentation } from "../transforms/jwt-augmentation";
import { middleware } from "../transforms/middleware";
import { nextAuthImports } from "../transforms/next-auth-imports";
import { nextConfig } from "../transforms/next-config";
import { CONTINUITY_TODO, helperCallers, nextAuthRoute, routeImporters, v4Helper } from "../transforms/nextauth-route";
import { BRIDGE_MARKER } from "../transforms/legacy-bridge";
import { packageJson } from "../transforms/package-json";
import { quietChanges } from "../transforms/quiet-changes";
import { serverSession } from "../transforms/server-session";
import { serverGetSession } from "../transforms/server-get-session";
import { authResponse } from "../transforms/auth-response";
import { sessionCallback } from "../transforms/session-callback";
import { findPackages, findUnits, workspaceModule, type Unit } from "../lib/apps";
import { ParseError, Trees } from "../lib/ast";
import { finding } from "../lib/findings";
import { formatWithPrettier, hasPrettierConfig } from "../lib/prettier";
import { diskReader, Project, type FileReader } from "../lib/project";
import { sharedAuthOf } from "../lib/shared-auth";
import { conform, countStyle, emptyCounts, styleFrom, type Style } from "../lib/style";
import { newTransformContext, type Finding, type Transform, type TransformContext } from "../lib/types";
import { CODE_FILE, collectFiles, kindOf } from "./files";
import type { FileDiff, RunResult, UnitResult } from "./run-result";
import { unitName, unitRefusal, V5_ONLY_STEPS, type Refusal } from "./write-policy";

/** In order: the route transform runs last, so the auth.ts it writes has the others' changes. */
export const TRANSFORMS: readonly Transform[] = [
  routeImporters,
  serverSession,
  serverGetSession,
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

export class MissingPathError extends Error {
  constructor(dir: string) {
    super(`No such directory: ${dir}. Pass the root of your Next.js app (the folder with package.json).`);
    this.name = "MissingPathError";
  }
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

/**
 * scan: every transform reads each file as it is, and reports what it would rewrite or leave.
 * apply: the selected steps' transforms run one after another on each file, app by app; an app
 * whose result would not resolve gets nothing written, and the reason. The to-dos of an applied
 * app are those a scan of its result finds (so none is stale). Nothing is written here: the
 * refusals and what apply writes are decided in write-policy.ts.
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
  const read = cachedReader(source?.read ?? diskReader(root));
  const packages = findPackages(allFiles, read);
  const units = unitsToRun(findUnits(packages), options.app);
  // A package no app uses (a monorepo's root with turbo.json) sees every app's providers.
  const allProviders = providersIn(allFiles.filter((f) => kindOf(f) === "source").map((f) => read(f) ?? ""));
  const pass: Pass = { allFiles, read, steps, allProviders };
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
    const refusal = unitRefusal(unit, applied, steps, allFiles, read, refusedApps, options.partial);
    if (refusal) {
      recordRefusal(result, pass, unit, applied, refusal);
      if (unit.app) refusedApps.push(unitName(unit).primary);
      continue;
    }
    result.findings.push(...applied.findings.filter((f) => f.action === "rewrite"), ...openTodos(pass, unit, applied));
    result.changes.push(...applied.changes);
    result.units.push({ dir: unit.dir, app: unit.app, status: applied.changes.length ? "migrated" : "unchanged" });
  }
  result.findings = dedupe(result.findings);
  result.elapsedMs = performance.now() - started;
  return result;
}

/** What every unit of one run shares: the files, how to read them, the steps, every app's providers. */
interface Pass {
  allFiles: readonly string[];
  read: FileReader;
  steps: ReadonlySet<number>;
  allProviders: ReadonlySet<string>;
}

/** Reads each file once. */
function cachedReader(readSource: FileReader): FileReader {
  const cache = new Map<string, string | null>();
  return (file) => {
    if (!cache.has(file)) cache.set(file, readSource(file));
    return cache.get(file)!;
  };
}

/** The units a run covers: all, or (`--app`) the one of that app. */
function unitsToRun(units: Unit[], app: string | undefined): Unit[] {
  if (app === undefined) return units;
  const wanted = app.replace(/^\.\/?/, "").replace(/\/$/, "");
  const picked = units.filter((u) => u.app && u.packages.some((p) => p.app && p.dir === wanted));
  if (picked.length === 0)
    throw new UnknownAppError(
      app,
      units.filter((u) => u.app).map((u) => u.dir || "."),
    );
  return picked;
}

/** A refused unit: nothing of it written; the to-dos of its code as it stays, and why. */
function recordRefusal(result: RunResult, pass: Pass, unit: Unit, applied: UnitResult, refusal: Refusal) {
  const { read, steps, allProviders } = pass;
  const named = unitName(unit);
  const scanned = scanAsItStays(unit, applied, steps, read, allProviders);
  // The to-dos of the code as it stays: none about writes that were not made.
  result.findings.push(
    ...scanned.filter((f) => f.action === "todo" && steps.has(f.step) && !OUTCOME_TODOS.has(f.kind)),
    // Whatever the steps: an app on v5 without the bridge signs everyone out.
    ...missingBridgeTodos(unit, read),
  );
  // A shared package's refusal follows from an app's, whose to-do says what to do.
  if (!refusal.followsApp)
    result.findings.push(finding(refusal.step, packageJsonOf(named.dir), 1, "app-not-migrated", refusal.message));
  result.units.push({ dir: named.dir, app: unit.app, status: "refused", reason: refusal.message, step: refusal.step });
}

/**
 * The to-dos of an applied unit's result: those of this pass that a rewrite did not settle (none
 * stale), and what a scan of the result still finds.
 */
function openTodos(pass: Pass, unit: Unit, applied: UnitResult): Finding[] {
  const { allFiles, read, steps, allProviders } = pass;
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
  return dedupe([...open, ...rescanned], true);
}

/** The package.json of a package folder ("" is the root). */
function packageJsonOf(dir: string): string {
  return dir ? `${dir}/package.json` : "package.json";
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
      .map((u) =>
        finding(u.step ?? 6, packageJsonOf(u.dir), 1, "apply-refusal", `${command} would refuse it: ${u.reason}`),
      ),
  );
}

export class UnknownAppError extends Error {
  constructor(app: string, apps: string[]) {
    super(`--app ${app}: no Next.js app there. Apps found: ${apps.join(", ") || "none"}.`);
    this.name = "UnknownAppError";
  }
}

/** To-dos about a rewrite that a scan of its result cannot find again (renamed keys, the route converted). */
const UNSEEN_TODOS = new Set(["env-deployment", "session-continuity", "route-options", "request-address"]);

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
    out.findings.push(...findings.map((f) => ({ ...f, file: path.posix.normalize(prefix + f.file) })));
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
    findings.push(
      finding(
        2,
        existing,
        1,
        "auth-helper",
        `call sites now import auth from ${project.authModule}: make sure ${existing} exports auth(ctx) / auth(req, res) on v4`,
      ),
    );
    return [];
  }
  if (options.length !== 1 || !options[0].imported) return [];
  const helper = v4Helper(project, options[0]);
  const wrote = "wrote the v4 helper auth() (getServerSession with v5's signatures); step 6 replaces it";
  findings.push(finding(2, helper.path, 1, "auth-helper", wrote, "rewrite"));
  return [{ path: helper.path, before: null, after: helper.source }];
}

const V4_KEY_INFO = "NextAuth.js Generated Encryption Key";

/**
 * What scan sees on an app already on v5: without the session bridge every v4 session ends at
 * deploy. The bridge reads the v4 cookie, so its name appears in the app's code.
 */
function missingBridgeTodos(unit: Unit, read: FileReader): Finding[] {
  const app = unit.packages.find((p) => p.app);
  if (!app) return [];
  const file = packageJsonOf(app.dir);
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
  return [finding(6, file, line, "session-continuity", CONTINUITY_TODO)];
}
