import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { clientRedirectTo } from "../transforms/client-redirect-to";
import { envCode, envFiles, isEnvFile } from "../transforms/env-names";
import { jwtAugmentation } from "../transforms/jwt-augmentation";
import { middleware } from "../transforms/middleware";
import { nextAuthImports } from "../transforms/next-auth-imports";
import { nextAuthRoute, routeImporters, v4Helper } from "../transforms/nextauth-route";
import { packageJson } from "../transforms/package-json";
import { quietChanges } from "../transforms/quiet-changes";
import { seenOptions, serverSession } from "../transforms/server-session";
import { diskReader, Project, SOURCE_EXTENSIONS, type FileReader } from "./project";
import { ParseError, type Finding, type Transform } from "./types";

/** In order: the route transform runs last, so the auth.ts it writes has the others' changes. */
export const TRANSFORMS: readonly Transform[] = [
  routeImporters,
  serverSession,
  envCode,
  envFiles,
  jwtAugmentation,
  nextAuthImports,
  packageJson,
  middleware,
  quietChanges,
  clientRedirectTo,
  nextAuthRoute,
];

/** Never read: dependencies, build output, VCS, caches, and fixtures that are v4 code on purpose. */
const SKIP_DIRS = new Set(["node_modules", ".next", "out", "build", "dist", "coverage", ".git", ".vercel", ".turbo", ".cache", "__testfixtures__", ".data"]);
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
        if (SKIP_DIRS.has(entry.name) || full === CODEMOD_DIR || skipDir(path.relative(root, full).split(path.sep).join("/"))) continue;
        walk(full);
      } else if (entry.isFile() && isCandidate(entry.name)) {
        out.push(path.relative(root, full).split(path.sep).join("/"));
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
  if (isEnvFile(file)) return "env";
  return "source";
}

/** For callers that hold the codebase in memory (migration/engine.ts): which files, and their text. */
export interface RunSource {
  files: string[];
  read: FileReader;
}

/**
 * scan: every transform reads each file as it is, and reports what it would rewrite or leave.
 * apply: the selected steps' transforms run one after another on each file.
 * Nothing is written: `writeChanges` does that.
 */
export function run(dir: string, mode: "scan" | "apply", steps: ReadonlySet<number>, source?: RunSource): RunResult {
  const started = performance.now();
  const root = path.resolve(dir);
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new MissingPathError(dir);
  const files = source?.files ?? collectFiles(root);
  const read = source?.read ?? diskReader(root);
  const project = new Project(root, files, { read });
  seenOptions.length = 0;
  const findings: Finding[] = [];
  const parseErrors: RunResult["parseErrors"] = [];
  const changes: FileDiff[] = [];
  const transforms = TRANSFORMS.filter((t) => mode === "scan" || steps.has(t.step));

  for (const file of files) {
    const original = read(file);
    if (original === null) continue;
    const kind = kindOf(file);
    let source = original;
    const fileFindings: Finding[] = [];
    const created: FileDiff[] = [];
    let removed = false;
    try {
      for (const transform of transforms) {
        if (transform.kind !== kind) continue;
        const result = transform.run({ file, source: mode === "scan" ? original : source, project, steps });
        fileFindings.push(...result.findings);
        if (mode === "scan") continue;
        if (result.source !== undefined) source = result.source;
        for (const c of result.create ?? []) created.push({ path: c.path, before: read(c.path), after: c.source });
        if (result.remove) removed = true;
      }
    } catch (error) {
      // One bad file never stops the run: it is skipped and reported.
      const reason = error instanceof ParseError ? error.reason : `internal error, please report: ${(error as Error).message}`;
      if (!(error instanceof ParseError) && process.env.CODEMOD_DEBUG) console.error(error);
      parseErrors.push({ file, reason });
      continue;
    }
    findings.push(...fileFindings);
    if (removed) changes.push({ path: file, before: original, after: null });
    else if (source !== original) changes.push({ path: file, before: original, after: source });
    changes.push(...created);
  }

  if (mode === "apply" && steps.has(2) && !steps.has(6) && findings.some((f) => f.kind === "getServerSession-call" && f.action === "rewrite")) {
    const existing = project.has(project.authModule);
    const options = [...new Map(seenOptions.map((o) => [`${o.code}@${o.imported?.module}`, o])).values()];
    if (existing) {
      findings.push({ step: 2, file: existing, line: 1, kind: "auth-helper", action: "todo", message: `call sites now import auth from ${project.authModule}: make sure ${existing} exports auth(ctx) / auth(req, res) on v4` });
    } else if (options.length !== 1 || !options[0].imported) {
      findings.push({ step: 2, file: `${project.authModule}.ts`, line: 1, kind: "auth-helper", action: "todo", message: `call sites pass ${options.length} different options (${options.map((o) => o.code).join(", ")}): write ${project.authModule} exporting auth() on getServerSession by hand` });
    } else {
      const helper = v4Helper(project, options[0]);
      changes.push({ path: helper.path, before: null, after: helper.source });
      findings.push({ step: 2, file: helper.path, line: 1, kind: "auth-helper", action: "rewrite", message: "wrote the v4 helper auth() (getServerSession with v5's signatures); step 6 replaces it" });
    }
  }
  return { root, files: files.length, findings, parseErrors, changes, elapsedMs: performance.now() - started };
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
