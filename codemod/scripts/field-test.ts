/**
 * npm run codemod:field-test -- --mirrors <dir> [--codemod <checkout> | --codemod-ref <git ref>] [--only a,b] [--keep] [--typecheck] [--out <file>] [--markdown <file>]
 *
 * Runs the codemod, as its CLI, on public next-auth v4 codebases at pinned commits
 * (codemod/field-test/repos.json) and measures what a person reviewing the result would check:
 * usages found against a grep baseline, rewrites, to-dos, imports written that do not resolve,
 * changed files that do not parse, whether a second apply changes anything, and speed.
 *
 * <dir> holds git mirrors of the listed repositories, one per repo, at <dir>/<owner>+<name>/repo,
 * <dir>/<owner>+<name>, <dir>/<owner>/<name> or <dir>/<name> (bare or not). Each pinned commit is
 * exported into a fresh temporary git repo (the codemod only touches tracked files), so nothing of
 * theirs lands in this repository. --codemod points at another checkout of this repo (for example
 * a branch exported with `git archive`), whose codemod/bin/next-auth-v5-codemod.ts is run;
 * --codemod-ref <ref> does that export itself, from this repository's git, and records the commit.
 * --keep leaves the temporary repos in place (their paths are printed) for reviewing `git diff`.
 * --typecheck also installs each repo's dependencies (no install scripts, so no binaries) before
 * and after apply and runs `tsc --noEmit` on both trees: the errors only the applied tree has are
 * the upgrade's. A repo without a root tsconfig.json, or whose install fails or takes over five
 * minutes, is skipped with the reason.
 */
import { execFileSync, spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ts from "typescript";

const thisRepo = path.resolve(__dirname, "..", "..");
const SOURCE = /\.(?:[cm]?[jt]sx?)$/;
const SKIP_DIRS = /(?:^|\/)(?:node_modules|\.next|out|build|dist|coverage|\.git|\.vercel|\.turbo|__testfixtures__)\//;
const RESOLVE_EXTENSIONS = [".ts", ".tsx", ".d.ts", ".js", ".jsx", ".mjs", ".cjs", ".json"];
/** Written next to each app before apply: untracked, so the codemod must leave it as it is. */
const UNTRACKED_ENV = ".env.local";
const UNTRACKED_ENV_TEXT = "NEXTAUTH_SECRET=field-test-untracked\nNEXTAUTH_URL=http://localhost:3000\n";

interface RepoEntry {
  name: string;
  repo: string;
  commit: string;
  nextAuth: string;
  shapes: string[];
}

export interface BaselineHit {
  category: string;
  file: string;
  line: number;
  text: string;
}

export interface ScanUsage {
  file: string;
  line: number;
  kind?: string;
  action?: string;
  step?: number;
}

interface Todo {
  file: string;
  line: number;
  step: number;
  message: string;
}

interface RepoResult {
  name: string;
  repo: string;
  commit: string;
  trackedFiles: number;
  baseline: { total: number; byCategory: Record<string, number> };
  scan: { usages: number; rewrite: number; todo: number; ok: number; seconds: number; parseErrors: number };
  misses: { files: BaselineHit[]; lines: BaselineHit[] };
  apply: {
    exitCode: number;
    seconds: number;
    filesRead: number;
    filesPerSecond: number;
    /** The codemod's own time (files read / files per second), without process start-up. */
    internalSeconds: number;
    /** The summary says that every user is signed out at deploy without the session bridge. */
    continuityWarning: boolean;
    /** Apps the codemod refused to migrate, with its reason. */
    notMigrated: string[];
    rewrites: number;
    todos: Todo[];
    output: string;
  };
  diff: {
    changed: string[];
    created: string[];
    deleted: string[];
    added: number;
    removed: number;
    formatChurn: number;
    doubleSemicolons: number;
  };
  unresolvedImports: { file: string; specifier: string }[];
  unparsedFiles: { file: string; reason: string }[];
  /** An added import of a module that imports this file back (a two-module cycle). */
  importCycles: { file: string; imports: string }[];
  untrackedWritten: string[];
  /** Whether the switch (step 6) is done, cleanly refused, or left half-way; and why. */
  switchDone: SwitchOutcome;
  rescan: { usages: number; todo: number };
  idempotent: boolean;
  secondApplyChanged: string[];
  /** What the second apply changed (truncated), for the review. */
  secondApplyDiff: string;
  workDir?: string;
  error?: string;
  typecheck?: TypeCheck;
}

export interface SwitchOutcome {
  /** done: next-auth 5, a v5 route, the bridge written and wired, every import resolving; refused: nothing of it written. */
  status: "done" | "refused" | "broken";
  why: string;
}

interface TscError {
  file: string;
  line: number;
  code: string;
  message: string;
}

interface TypeCheck {
  skipped?: string;
  v4: TscError[];
  v5: TscError[];
  /** Errors of the applied tree that the v4 tree does not have (by file, code and message). */
  introduced: TscError[];
  installSeconds: number;
}

interface Options {
  mirrors: string;
  codemod: string;
  only?: Set<string>;
  keep: boolean;
  typecheck: boolean;
  /** A git ref of this repository (e.g. a branch) whose codemod is exported and run instead. */
  codemodRef?: string;
  /** Also write the per-repo table as Markdown here. */
  markdown?: string;
  out: string;
  list: string;
}

function parseOptions(argv: string[]): Options {
  const options: Partial<Options> & { keep: boolean; typecheck: boolean } = { keep: false, typecheck: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === "--mirrors") options.mirrors = path.resolve(value());
    else if (arg === "--codemod") options.codemod = path.resolve(value());
    else if (arg === "--codemod-ref") options.codemodRef = value();
    else if (arg === "--only") options.only = new Set(value().split(","));
    else if (arg === "--out") options.out = path.resolve(value());
    else if (arg === "--list") options.list = path.resolve(value());
    else if (arg === "--keep") options.keep = true;
    else if (arg === "--typecheck") options.typecheck = true;
    else if (arg === "--markdown") options.markdown = path.resolve(value());
    else if (!arg.startsWith("-") && !options.mirrors) options.mirrors = path.resolve(arg);
    else throw new Error(`unknown argument ${arg}`);
  }
  if (!options.mirrors)
    throw new Error("pass the directory of git mirrors: --mirrors <dir> (see codemod/FIELD-TEST.md)");
  return {
    mirrors: options.mirrors,
    codemod: options.codemod ?? thisRepo,
    only: options.only,
    keep: options.keep,
    typecheck: options.typecheck,
    markdown: options.markdown,
    codemodRef: options.codemodRef,
    out: options.out ?? path.join(thisRepo, "artifacts", "field-test", "results.json"),
    list: options.list ?? path.join(thisRepo, "codemod", "field-test", "repos.json"),
  };
}

function git(cwd: string, args: string[]): string {
  return execFileSync(
    "git",
    ["-c", "user.name=field-test", "-c", "user.email=field-test@localhost", "-c", "commit.gpgsign=false", ...args],
    {
      cwd,
      encoding: "utf8",
      maxBuffer: 2 ** 30,
      stdio: ["pipe", "pipe", "pipe"],
    },
  );
}

function findMirror(mirrors: string, repo: string): string {
  const [owner, name] = repo.split("/");
  const candidates = [
    `${owner}+${name}/repo`,
    `${owner}+${name}`,
    `${owner}/${name}`,
    `${owner}/${name}.git`,
    name,
    `${name}.git`,
  ].map((c) => path.join(mirrors, c));
  for (const dir of candidates) {
    if (!existsSync(dir)) continue;
    if (existsSync(path.join(dir, "HEAD")) && existsSync(path.join(dir, "objects"))) return dir;
    if (existsSync(path.join(dir, ".git"))) return path.join(dir, ".git");
  }
  throw new Error(
    `no mirror of ${repo} in ${mirrors} (looked for ${candidates.map((c) => path.relative(mirrors, c)).join(", ")})`,
  );
}

/** Blobs a partial mirror lacks (large binaries); they are left out of the export. */
function missingBlobs(mirror: string, commit: string): string[] {
  const entries = execFileSync("git", ["--git-dir", mirror, "ls-tree", "-r", "-z", commit], {
    encoding: "utf8",
    maxBuffer: 2 ** 30,
  })
    .split("\0")
    .filter(Boolean)
    .map((line) => {
      const [meta, file] = line.split("\t");
      return { type: meta.split(" ")[1], id: meta.split(" ")[2], file };
    })
    .filter((e) => e.type === "blob");
  const checked = execFileSync("git", ["--git-dir", mirror, "cat-file", "--batch-check"], {
    input: entries.map((e) => e.id).join("\n"),
    encoding: "utf8",
    maxBuffer: 2 ** 30,
  }).split("\n");
  return entries.filter((_, i) => checked[i]?.endsWith(" missing")).map((e) => e.file);
}

/** The pinned commit as a fresh one-commit repo, so that `git diff` shows exactly what the codemod did. */
function exportCommit(mirror: string, commit: string, dir: string): string[] {
  const missing = missingBlobs(mirror, commit);
  const pathspecs = missing.length ? [".", ...missing.map((f) => `:(exclude,literal)${f}`)] : [];
  execFileSync(
    "sh",
    [
      "-c",
      'm="$1"; c="$2"; d="$3"; shift 3; git --git-dir "$m" archive --format=tar "$c" "$@" | tar -x -C "$d"',
      "sh",
      mirror,
      commit,
      dir,
      ...pathspecs,
    ],
    { stdio: "inherit" },
  );
  git(dir, ["init", "-q"]);
  // The archive holds exactly the tracked files, some of which their .gitignore would hide.
  git(dir, ["add", "-A", "-f"]);
  git(dir, ["commit", "-q", "--no-verify", "-m", `export of ${commit}`]);
  writeFileSync(path.join(dir, ".git", "info", "exclude"), `${UNTRACKED_ENV}\n`);
  return missing;
}

function trackedFiles(dir: string): string[] {
  return git(dir, ["ls-files", "-z"]).split("\0").filter(Boolean);
}

/** Lines a person would grep for when asked "where does this app use next-auth v4?". */
const BASELINE_PATTERNS: { category: string; pattern: RegExp; files?: RegExp }[] = [
  { category: "getServerSession call", pattern: /\b(?:unstable_)?getServerSession\s*(?:<[^>]*>)?\s*\(/ },
  { category: "next-auth/middleware", pattern: /["']next-auth\/middleware["']/ },
  { category: "withAuth call", pattern: /\bwithAuth\s*\(/ },
  { category: "NextAuthOptions/AuthOptions type", pattern: /\b(?:NextAuthOptions|AuthOptions)\b/ },
  { category: "next-auth/jwt getToken", pattern: /\bgetToken\s*\(/ },
  { category: "NEXTAUTH_ env", pattern: /\bNEXTAUTH_[A-Z_]+\b/ },
  { category: "@next-auth/* adapter", pattern: /["']@next-auth\/[a-z-]+["']/ },
  { category: "callbackUrl option", pattern: /\b(?:signIn|signOut)\s*\([^)]*callbackUrl/ },
  { category: "declare module next-auth/jwt", pattern: /declare\s+module\s+["']next-auth\/jwt["']/ },
  { category: "next-auth/next import", pattern: /["']next-auth\/next["']/ },
  { category: "next-auth dependency", pattern: /"next-auth"\s*:/, files: /(?:^|\/)package\.json$/ },
];

function isEnvFile(file: string) {
  return /(?:^|\/)\.env(?:[.-][\w.-]*)?$/.test(file);
}

/**
 * A tracked file's text, or null when there is none to read: a repository may track a symlink
 * whose target is not in it (`apps/web/.env -> ../../.env`, a developer's own file).
 */
function readTracked(dir: string, file: string): string | null {
  const full = path.join(dir, file);
  return existsSync(full) && statSync(full).isFile() ? readFileSync(full, "utf8") : null;
}

export function grepBaseline(dir: string, files: string[]): BaselineHit[] {
  const hits: BaselineHit[] = [];
  for (const file of files) {
    if (SKIP_DIRS.test(file)) continue;
    const source = SOURCE.test(file) || isEnvFile(file);
    const pkg = /(?:^|\/)package\.json$/.test(file);
    const route = /\[\.\.\.nextauth\]/.test(file) && SOURCE.test(file);
    if (!source && !pkg) continue;
    const text = readTracked(dir, file);
    if (text === null) continue;
    if (route) hits.push({ category: "[...nextauth] route", file, line: 1, text: file });
    const lines = text.split("\n");
    const mentionsNextAuth = pkg || isEnvFile(file) || /next-auth/.test(text) || /NEXTAUTH_/.test(text);
    if (!mentionsNextAuth) continue;
    lines.forEach((line, i) => {
      for (const p of BASELINE_PATTERNS) {
        if (p.files ? !p.files.test(file) : pkg) continue;
        // getToken and withAuth are common names; count them only where next-auth is imported.
        if (
          (p.category === "next-auth/jwt getToken" && !/next-auth\/jwt/.test(text)) ||
          (p.category === "withAuth call" && !/next-auth\/middleware/.test(text))
        )
          continue;
        if (p.pattern.test(line))
          hits.push({ category: p.category, file, line: i + 1, text: line.trim().slice(0, 160) });
      }
    });
  }
  return hits;
}

function codemodCommand(codemod: string): { cmd: string; args: string[] } {
  const bin = path.join(codemod, "codemod", "bin", "next-auth-v5-codemod.ts");
  if (!existsSync(bin)) throw new Error(`no codemod CLI at ${bin}`);
  const tsx = path.join(thisRepo, "node_modules", "tsx", "dist", "cli.mjs");
  return { cmd: process.execPath, args: [tsx, bin] };
}

function runCodemod(
  codemod: string,
  args: string[],
): { code: number; stdout: string; stderr: string; seconds: number } {
  const { cmd, args: base } = codemodCommand(codemod);
  const started = performance.now();
  const r = spawnSync(cmd, [...base, ...args], { cwd: codemod, encoding: "utf8", maxBuffer: 2 ** 30 });
  return {
    code: r.status ?? 1,
    stdout: r.stdout ?? "",
    stderr: r.stderr ?? "",
    seconds: (performance.now() - started) / 1000,
  };
}

/** Every {file, line} object in the scan JSON, whatever the grouping. */
function collectUsages(json: unknown): ScanUsage[] {
  const usages: ScanUsage[] = [];
  const seen = new Set<unknown>();
  const walk = (value: unknown) => {
    if (!value || typeof value !== "object" || seen.has(value)) return;
    seen.add(value);
    if (Array.isArray(value)) return value.forEach(walk);
    const record = value as Record<string, unknown>;
    if (
      typeof record.file === "string" &&
      typeof record.line === "number" &&
      (record.kind !== undefined || record.action !== undefined)
    ) {
      usages.push(record as unknown as ScanUsage);
      return;
    }
    Object.values(record).forEach(walk);
  };
  walk(json);
  return usages;
}

function scanRepo(codemod: string, dir: string) {
  const r = runCodemod(codemod, ["scan", dir, "--json"]);
  const start = r.stdout.indexOf("{");
  if (r.code !== 0 || start < 0) throw new Error(`scan failed (exit ${r.code}): ${r.stderr.slice(0, 500)}`);
  const json = JSON.parse(r.stdout.slice(start)) as { parseErrors?: unknown[] };
  return { usages: collectUsages(json), parseErrors: json.parseErrors?.length ?? 0, seconds: r.seconds };
}

function parseApplyOutput(stdout: string) {
  const number = (re: RegExp) => Number(re.exec(stdout)?.[1] ?? 0);
  const todos: Todo[] = [];
  for (const m of stdout.matchAll(/^\s+(\S+?):(\d+)\s+\[step (\d+)\]\s+(.*)$/gm))
    todos.push({ file: m[1], line: Number(m[2]), step: Number(m[3]), message: m[4] });
  const filesRead = number(/files read:\s+(\d+)/);
  const filesPerSecond = number(/files read:\s+\d+ \((\d+) files\/s\)/);
  return {
    filesRead,
    filesPerSecond,
    internalSeconds: filesPerSecond ? filesRead / filesPerSecond : 0,
    continuityWarning: /signed out at deploy/i.test(stdout),
    notMigrated: [...stdout.matchAll(/^\s+NOT MIGRATED:\s+(.*)$/gm)].map((m) => m[1]),
    rewrites: number(/call sites rewritten:\s+(\d+)/),
    todos,
  };
}

function status(dir: string) {
  git(dir, ["add", "-A"]);
  const lines = git(dir, ["diff", "--cached", "--name-status", "--no-renames"]).split("\n").filter(Boolean);
  const changed: string[] = [];
  const created: string[] = [];
  const deleted: string[] = [];
  for (const line of lines) {
    const [code, file] = line.split("\t");
    (code === "A" ? created : code === "D" ? deleted : changed).push(file);
  }
  return { changed, created, deleted };
}

/** Lines removed and added again differing only in whitespace, quotes or semicolons: churn, not change. */
function diffStats(dir: string) {
  const patch = git(dir, ["diff", "--cached", "--no-color", "-U0"]);
  let added = 0;
  let removed = 0;
  let formatChurn = 0;
  let doubleSemicolons = 0;
  const normal = (line: string) => line.replace(/[\s;]/g, "").replace(/'/g, '"');
  for (const fileDiff of patch.split(/^diff --git /m).slice(1)) {
    const minus = new Map<string, number>();
    const plus: string[] = [];
    for (const line of fileDiff.split("\n")) {
      if (line.startsWith("---") || line.startsWith("+++")) continue;
      if (line.startsWith("-")) {
        removed++;
        const n = normal(line.slice(1));
        minus.set(n, (minus.get(n) ?? 0) + 1);
      } else if (line.startsWith("+")) {
        added++;
        plus.push(line.slice(1));
        if (/;\s*;\s*$/.test(line)) doubleSemicolons++;
      }
    }
    for (const line of plus) {
      const n = normal(line);
      const count = minus.get(n) ?? 0;
      if (count > 0) {
        minus.set(n, count - 1);
        formatChurn++;
      }
    }
  }
  return { added, removed, formatChurn, doubleSemicolons };
}

function scriptKind(file: string) {
  if (file.endsWith(".tsx")) return ts.ScriptKind.TSX;
  if (/\.[cm]?ts$/.test(file)) return ts.ScriptKind.TS;
  if (file.endsWith(".jsx")) return ts.ScriptKind.JSX;
  return ts.ScriptKind.JS;
}

function syntaxErrors(file: string, text: string): string | undefined {
  if (file.endsWith(".json")) {
    try {
      JSON.parse(text);
      return undefined;
    } catch (error) {
      return (error as Error).message;
    }
  }
  const out = ts.transpileModule(text, {
    fileName: file,
    reportDiagnostics: true,
    compilerOptions: { jsx: ts.JsxEmit.Preserve, allowJs: true },
  });
  const first = out.diagnostics?.find((d) => d.category === ts.DiagnosticCategory.Error);
  if (!first) return undefined;
  const where =
    first.file && first.start !== undefined ? first.file.getLineAndCharacterOfPosition(first.start).line + 1 : 0;
  return `line ${where}: ${ts.flattenDiagnosticMessageText(first.messageText, " ")}`;
}

function moduleSpecifiers(file: string, text: string): string[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, scriptKind(file));
  const specs: string[] = [];
  const visit = (node: ts.Node) => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    )
      specs.push(node.moduleSpecifier.text);
    else if (ts.isCallExpression(node) && node.arguments.length === 1 && ts.isStringLiteral(node.arguments[0])) {
      const callee = node.expression;
      if (callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === "require"))
        specs.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return specs;
}

interface PathsConfig {
  baseDir: string;
  paths: Record<string, string[]>;
}

/** compilerOptions.paths of the nearest tsconfig/jsconfig, following relative `extends`. */
function pathsFor(root: string, file: string, cache: Map<string, PathsConfig | undefined>): PathsConfig | undefined {
  let dir = path.dirname(path.join(root, file));
  while (dir.startsWith(root)) {
    if (cache.has(dir)) return cache.get(dir);
    for (const name of ["tsconfig.json", "jsconfig.json"]) {
      const config = path.join(dir, name);
      if (existsSync(config)) {
        const found = readPaths(config);
        cache.set(dir, found);
        return found;
      }
    }
    if (dir === root) break;
    dir = path.dirname(dir);
  }
  return undefined;
}

function readPaths(config: string, depth = 0): PathsConfig | undefined {
  const { config: json } = ts.readConfigFile(config, (p) => readFileSync(p, "utf8"));
  if (!json) return undefined;
  const options = (json.compilerOptions ?? {}) as { paths?: Record<string, string[]>; baseUrl?: string };
  if (options.paths)
    return { baseDir: path.resolve(path.dirname(config), options.baseUrl ?? "."), paths: options.paths };
  const parent =
    typeof json.extends === "string" && json.extends.startsWith(".")
      ? path.resolve(path.dirname(config), json.extends)
      : undefined;
  if (parent && depth < 5) {
    const file = existsSync(parent) ? parent : `${parent}.json`;
    if (existsSync(file)) return readPaths(file, depth + 1);
  }
  return undefined;
}

function resolveFile(base: string): string | undefined {
  if (existsSync(base) && statSync(base).isFile()) return base;
  const stripped = base.replace(/\.(?:[cm]?js|jsx)$/, "");
  for (const candidate of [base, stripped]) {
    const withExtension = RESOLVE_EXTENSIONS.map((ext) => candidate + ext).find((f) => existsSync(f));
    if (withExtension) return withExtension;
    if (existsSync(candidate) && statSync(candidate).isDirectory()) {
      const index = RESOLVE_EXTENSIONS.map((ext) => path.join(candidate, `index${ext}`)).find((f) => existsSync(f));
      if (index) return index;
    }
  }
  return undefined;
}

type Resolution = { kind: "file"; path: string } | { kind: "missing" } | { kind: "package" };

/** Where an import of `specifier` from `file` lands: a file of the repo, nothing, or a package this check cannot see. */
function resolveSpecifier(
  root: string,
  file: string,
  specifier: string,
  cache: Map<string, PathsConfig | undefined>,
): Resolution {
  const found = (p: string | undefined): Resolution => (p ? { kind: "file", path: p } : { kind: "missing" });
  if (specifier.startsWith("."))
    return found(resolveFile(path.resolve(path.dirname(path.join(root, file)), specifier)));
  const config = pathsFor(root, file, cache);
  for (const [pattern, targets] of Object.entries(config?.paths ?? {})) {
    const star = pattern.indexOf("*");
    const matches =
      star < 0
        ? specifier === pattern
        : specifier.startsWith(pattern.slice(0, star)) && specifier.endsWith(pattern.slice(star + 1));
    if (!matches || !config) continue;
    const rest = star < 0 ? "" : specifier.slice(star, specifier.length - (pattern.length - star - 1));
    return found(targets.map((t) => resolveFile(path.resolve(config.baseDir, t.replace("*", rest)))).find(Boolean));
  }
  // An alias-looking specifier with no matching paths entry cannot resolve.
  return /^[~@]\//.test(specifier) ? { kind: "missing" } : { kind: "package" };
}

/** The names a module exports, or undefined when it re-exports another module wholesale or is CommonJS. */
function exportedNames(file: string): Set<string> | undefined {
  const text = readFileSync(file, "utf8");
  // `module.exports = { serverEnv }`: a bundler lets ESM import its keys, which this check does not read.
  if (/\b(?:module\.exports|exports\.\w+)\s*=/.test(text)) return undefined;
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, scriptKind(file));
  const names = new Set<string>();
  const bindingNames = (name: ts.BindingName): string[] =>
    ts.isIdentifier(name)
      ? [name.text]
      : name.elements.flatMap((e) => (ts.isOmittedExpression(e) ? [] : bindingNames(e.name)));
  for (const statement of sf.statements) {
    if (ts.isExportDeclaration(statement)) {
      if (!statement.exportClause) return undefined;
      if (ts.isNamedExports(statement.exportClause))
        statement.exportClause.elements.forEach((e) => names.add(e.name.text));
      else names.add(statement.exportClause.name.text);
    } else if (ts.isExportAssignment(statement)) names.add("default");
    else if (
      ts.canHaveModifiers(statement) &&
      ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)
    ) {
      if (ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword)) names.add("default");
      else if (ts.isVariableStatement(statement))
        statement.declarationList.declarations.forEach((d) => bindingNames(d.name).forEach((n) => names.add(n)));
      else if ("name" in statement && statement.name && ts.isIdentifier(statement.name as ts.Node))
        names.add((statement.name as ts.Identifier).text);
    }
  }
  return names;
}

/** `import { a, b as c } from "x"` → x:a, x:b; default imports as x:default. */
function importedBindings(file: string, text: string): string[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, scriptKind(file));
  const bindings: string[] = [];
  for (const statement of sf.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier) || !statement.importClause)
      continue;
    const specifier = statement.moduleSpecifier.text;
    const clause = statement.importClause;
    if (clause.name) bindings.push(`${specifier}\0default`);
    if (clause.namedBindings && ts.isNamedImports(clause.namedBindings))
      for (const element of clause.namedBindings.elements)
        bindings.push(`${specifier}\0${(element.propertyName ?? element.name).text}`);
  }
  return bindings;
}

function showHead(dir: string, file: string): string | undefined {
  try {
    return git(dir, ["show", `HEAD:${file}`]);
  } catch {
    return undefined;
  }
}

/** Imports the codemod added that point at nothing, or at a module of the repo that lacks the imported name. */
export function checkWrittenFiles(dir: string, files: string[]) {
  const cache = new Map<string, PathsConfig | undefined>();
  const unresolvedImports: { file: string; specifier: string; name?: string }[] = [];
  const unparsedFiles: { file: string; reason: string }[] = [];
  const importCycles: { file: string; imports: string }[] = [];
  for (const file of files) {
    const isSource = SOURCE.test(file) && !file.endsWith(".d.ts");
    if (!isSource && !file.endsWith("package.json")) continue;
    const after = readTracked(dir, file);
    if (after === null) continue;
    const before = showHead(dir, file);
    const error = syntaxErrors(file, after);
    if (error && (before === undefined || !syntaxErrors(file, before))) unparsedFiles.push({ file, reason: error });
    if (!isSource || error) continue;
    const old = new Set(before === undefined ? [] : moduleSpecifiers(file, before));
    const missing = new Set<string>();
    for (const specifier of new Set(moduleSpecifiers(file, after))) {
      if (old.has(specifier)) continue;
      if (resolveSpecifier(dir, file, specifier, cache).kind === "missing") {
        missing.add(specifier);
        unresolvedImports.push({ file, specifier });
      }
    }
    for (const specifier of new Set(moduleSpecifiers(file, after))) {
      if (old.has(specifier)) continue;
      const target = resolveSpecifier(dir, file, specifier, cache);
      if (target.kind !== "file" || !SOURCE.test(target.path)) continue;
      const back = path.relative(dir, target.path);
      const importsBack = moduleSpecifiers(back, readFileSync(target.path, "utf8")).some((s) => {
        const r = resolveSpecifier(dir, back, s, cache);
        return r.kind === "file" && path.relative(dir, r.path) === file;
      });
      if (importsBack) importCycles.push({ file, imports: back });
    }
    const oldBindings = new Set(before === undefined ? [] : importedBindings(file, before));
    for (const binding of importedBindings(file, after)) {
      const [specifier, name] = binding.split("\0");
      if (oldBindings.has(binding) || missing.has(specifier)) continue;
      const target = resolveSpecifier(dir, file, specifier, cache);
      if (target.kind !== "file" || !SOURCE.test(target.path)) continue;
      const names = exportedNames(target.path);
      if (names && !names.has(name)) unresolvedImports.push({ file, specifier, name });
    }
  }
  return { unresolvedImports, unparsedFiles, importCycles };
}

const V4_ROUTE = /(?:^|\/)pages\/(?:.*\/)?\[\.\.\.nextauth\]\.[cm]?[jt]sx?$/;
const V5_ROUTE = /(?:^|\/)app\/(?:.*\/)?\[\.\.\.nextauth\]\/route\.[cm]?[jt]sx?$/;
const BRIDGE_FILE = /(?:^|\/)legacy-v4-session\.[cm]?[jt]s$/;

/**
 * The switch (MIGRATION.md step 6) on the applied tree (`files`: its tracked files, staged): every
 * package.json that named next-auth names 5.x, no v4 Pages route is left and a v5 route mounts
 * `handlers`, the session bridge is written and a module calling NextAuth imports it, and every
 * import resolves. Refused: next-auth stays v4 everywhere and the codemod said why.
 */
export function switchOutcome(
  dir: string,
  files: string[],
  run: { refused: string[]; unresolved: number },
): SwitchOutcome {
  const versions = files
    .filter((f) => /(?:^|\/)package\.json$/.test(f) && !SKIP_DIRS.test(f))
    .flatMap((f) => {
      try {
        const pkg = JSON.parse(readTracked(dir, f) ?? "{}");
        const v: unknown = pkg.dependencies?.["next-auth"] ?? pkg.devDependencies?.["next-auth"];
        return typeof v === "string" ? [{ file: f, v5: /^\D*5\./.test(v) }] : [];
      } catch {
        return [];
      }
    });
  const onV5 = versions.filter((p) => p.v5);
  const sources = files.filter((f) => SOURCE.test(f) && !SKIP_DIRS.test(f));
  if (!onV5.length) {
    if (run.unresolved)
      return { status: "broken", why: `next-auth stays v4, but ${run.unresolved} imports do not resolve` };
    if (run.refused.length) return { status: "refused", why: run.refused[0].split("\n")[0].slice(0, 200) };
    return { status: "broken", why: "next-auth stays v4 and the codemod did not say why" };
  }
  const missing: string[] = [];
  const v4 = versions.filter((p) => !p.v5).map((p) => p.file);
  if (v4.length) missing.push(`next-auth still v4 in ${v4.join(", ")}`);
  const v4Routes = sources.filter((f) => V4_ROUTE.test(f));
  if (v4Routes.length) missing.push(`v4 route left: ${v4Routes.join(", ")}`);
  if (!sources.some((f) => V5_ROUTE.test(f) && /\bhandlers\b/.test(readTracked(dir, f) ?? "")))
    missing.push("no route mounts v5's handlers");
  const bridges = sources.filter((f) => BRIDGE_FILE.test(f));
  if (!bridges.length) missing.push("no session bridge");
  else if (
    !sources.some((f) => {
      const text = readTracked(dir, f) ?? "";
      return !BRIDGE_FILE.test(f) && /\bNextAuth\b/.test(text) && /["'][^"']*legacy-v4-session["']/.test(text);
    })
  )
    missing.push("the bridge is wired into no module that calls NextAuth");
  if (run.unresolved) missing.push(`${run.unresolved} imports do not resolve or files do not parse`);
  return missing.length
    ? { status: "broken", why: missing.join("; ") }
    : { status: "done", why: `next-auth 5 in ${onV5.map((p) => p.file).join(", ")}` };
}

/** Directories that hold a Next app (a package.json naming next), where a developer keeps .env.local. */
function appDirs(dir: string, files: string[]): string[] {
  const dirs = new Set<string>();
  for (const file of files) {
    if (!/(?:^|\/)package\.json$/.test(file) || SKIP_DIRS.test(file)) continue;
    const text = readTracked(dir, file);
    if (text !== null && /"next"\s*:/.test(text)) dirs.add(path.dirname(file));
  }
  return [...dirs];
}

function plantUntrackedEnv(dir: string, apps: string[]): string[] {
  const planted: string[] = [];
  for (const app of apps) {
    const file = path.join(app, UNTRACKED_ENV);
    if (existsSync(path.join(dir, file))) continue;
    writeFileSync(path.join(dir, file), UNTRACKED_ENV_TEXT);
    planted.push(file);
  }
  return planted;
}

/** Usages scan reports once per file (at the import), not at every line that names them. */
const FILE_LEVEL = new Set([
  "[...nextauth] route",
  "NextAuthOptions/AuthOptions type",
  "next-auth/jwt getToken",
  "next-auth/next import",
  "declare module next-auth/jwt",
]);

/** A baseline hit is missed when scan reports nothing within two lines of it (or, for a file-level hit, nothing in the file). */
export function findMisses(baseline: BaselineHit[], usages: ScanUsage[]) {
  const byFile = new Map<string, number[]>();
  for (const u of usages) byFile.set(u.file, [...(byFile.get(u.file) ?? []), u.line]);
  const files: BaselineHit[] = [];
  const lines: BaselineHit[] = [];
  for (const hit of baseline) {
    const found = byFile.get(hit.file);
    if (!found) files.push(hit);
    else if (!FILE_LEVEL.has(hit.category) && !found.some((l) => Math.abs(l - hit.line) <= 2)) lines.push(hit);
  }
  return { files, lines };
}

function countBy<T>(items: T[], key: (t: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

function fieldTest(entry: RepoEntry, options: Options, log: (text: string) => void): RepoResult {
  const mirror = findMirror(options.mirrors, entry.repo);
  const dir = mkdtempSync(path.join(tmpdir(), `field-${entry.name}-`));
  const result: RepoResult = {
    name: entry.name,
    repo: entry.repo,
    commit: entry.commit,
    trackedFiles: 0,
    baseline: { total: 0, byCategory: {} },
    scan: { usages: 0, rewrite: 0, todo: 0, ok: 0, seconds: 0, parseErrors: 0 },
    misses: { files: [], lines: [] },
    apply: {
      exitCode: 0,
      seconds: 0,
      filesRead: 0,
      filesPerSecond: 0,
      internalSeconds: 0,
      continuityWarning: false,
      notMigrated: [],
      rewrites: 0,
      todos: [],
      output: "",
    },
    diff: { changed: [], created: [], deleted: [], added: 0, removed: 0, formatChurn: 0, doubleSemicolons: 0 },
    unresolvedImports: [],
    unparsedFiles: [],
    importCycles: [],
    untrackedWritten: [],
    switchDone: { status: "broken", why: "not measured" },
    rescan: { usages: 0, todo: 0 },
    idempotent: false,
    secondApplyChanged: [],
    secondApplyDiff: "",
  };
  try {
    const missing = exportCommit(mirror, entry.commit, dir);
    const files = trackedFiles(dir);
    result.trackedFiles = files.length;
    if (missing.length)
      log(
        `  ${missing.length} files absent from the mirror (large binaries) left out: ${missing.slice(0, 3).join(", ")}${missing.length > 3 ? ", …" : ""}`,
      );
    const baseline = grepBaseline(dir, files);
    result.baseline = { total: baseline.length, byCategory: countBy(baseline, (h) => h.category) };
    log(`  exported ${files.length} files; grep baseline ${baseline.length} lines`);

    const scan = scanRepo(options.codemod, dir);
    const actions = countBy(scan.usages, (u) => u.action ?? "?");
    result.scan = {
      usages: scan.usages.length,
      rewrite: actions.rewrite ?? 0,
      todo: actions.todo ?? 0,
      ok: actions.ok ?? 0,
      seconds: scan.seconds,
      parseErrors: scan.parseErrors,
    };
    result.misses = findMisses(baseline, scan.usages);
    log(
      `  scan: ${scan.usages.length} usages in ${scan.seconds.toFixed(1)} s; baseline lines with no usage near: ${result.misses.files.length} in unreported files, ${result.misses.lines.length} elsewhere`,
    );

    const planted = plantUntrackedEnv(dir, appDirs(dir, files));
    const apply = runCodemod(options.codemod, ["apply", dir, "--all"]);
    result.apply = {
      exitCode: apply.code,
      seconds: apply.seconds,
      output: apply.stdout + apply.stderr,
      ...parseApplyOutput(apply.stdout),
    };
    result.untrackedWritten = planted.filter(
      (file) => readFileSync(path.join(dir, file), "utf8") !== UNTRACKED_ENV_TEXT,
    );
    const changes = status(dir);
    result.diff = { ...changes, ...diffStats(dir) };
    log(
      `  apply: exit ${apply.code}, ${result.apply.rewrites} rewrites, ${result.apply.todos.length} to-dos, ${changes.changed.length} changed / ${changes.created.length} created / ${changes.deleted.length} deleted in ${apply.seconds.toFixed(1)} s`,
    );

    Object.assign(result, checkWrittenFiles(dir, [...changes.changed, ...changes.created]));
    result.switchDone = switchOutcome(dir, trackedFiles(dir), {
      refused: result.apply.notMigrated,
      unresolved: result.unresolvedImports.length + result.unparsedFiles.length,
    });
    git(dir, ["commit", "-q", "--no-verify", "--allow-empty", "-m", "codemod apply --all"]);

    const rescan = scanRepo(options.codemod, dir);
    result.rescan = { usages: rescan.usages.length, todo: rescan.usages.filter((u) => u.action === "todo").length };
    const again = runCodemod(options.codemod, ["apply", dir, "--all"]);
    const second = status(dir);
    result.secondApplyChanged = [...second.changed, ...second.created, ...second.deleted];
    result.idempotent = again.code === apply.code && result.secondApplyChanged.length === 0;
    if (result.secondApplyChanged.length) {
      result.secondApplyDiff = git(dir, ["diff", "--cached", "--no-color"]).slice(0, 4000);
      git(dir, ["reset", "-q", "--hard"]);
    }
    log(
      `  switch ${result.switchDone.status}: ${result.switchDone.why}\n  unresolved imports ${result.unresolvedImports.length}, import cycles ${result.importCycles.length}, unparsed ${result.unparsedFiles.length}, untracked written ${result.untrackedWritten.length}, idempotent ${result.idempotent ? "yes" : "no"}`,
    );
    if (options.typecheck) {
      result.typecheck = typeCheck(dir, log);
      const t = result.typecheck;
      if (t.skipped) log(`  type check skipped: ${t.skipped}`);
      else
        log(
          `  type check: ${t.v4.length} errors on v4, ${t.v5.length} after apply, ${t.introduced.length} new${t.introduced.map((e) => `\n    ${e.file}(${e.line}) ${e.code}: ${e.message}`).join("")}`,
        );
    }
  } catch (error) {
    result.error = (error as Error).message;
    log(`  error: ${result.error}`);
  } finally {
    if (options.keep) result.workDir = dir;
    else rmSync(dir, { recursive: true, force: true });
  }
  return result;
}

const INSTALL_TIMEOUT_MS = 5 * 60_000;
const TSC_TIMEOUT_MS = 10 * 60_000;

/**
 * Installs and type-checks a clone of the repo at the v4 commit, then at the applied one (the
 * second install only moves what apply changed in package.json). Peer conflicts of the old trees
 * are let through (--legacy-peer-deps); generated clients (Prisma) are missing without scripts,
 * so code typed by them is an error in both trees, or `any`.
 */
function typeCheck(dir: string, log: (text: string) => void): TypeCheck {
  const result: TypeCheck = { v4: [], v5: [], introduced: [], installSeconds: 0 };
  if (!existsSync(path.join(dir, "tsconfig.json"))) return { ...result, skipped: "no tsconfig.json at the root" };
  const work = mkdtempSync(path.join(tmpdir(), "field-typecheck-"));
  try {
    git(tmpdir(), ["clone", "-q", dir, work]);
    const applied = git(work, ["rev-parse", "HEAD"]).trim();
    const check = (commit: string): TscError[] | string => {
      git(work, ["checkout", "-q", commit]);
      const started = performance.now();
      const install = spawnSync(
        "nice",
        ["-n", "19", "npm", "install", "--ignore-scripts", "--no-audit", "--no-fund", "--legacy-peer-deps"],
        { cwd: work, encoding: "utf8", timeout: INSTALL_TIMEOUT_MS },
      );
      result.installSeconds += (performance.now() - started) / 1000;
      if (install.error || install.status !== 0)
        return `npm install ${install.error ? "took over 5 minutes" : `failed: ${(install.stderr || install.stdout).trim().split("\n").slice(-3).join(" ")}`}`;
      const ownTsc = path.join(work, "node_modules", "typescript", "bin", "tsc");
      const tsc = existsSync(ownTsc) ? ownTsc : require.resolve("typescript/bin/tsc");
      const run = spawnSync("nice", ["-n", "19", process.execPath, tsc, "--noEmit", "-p", "."], {
        cwd: work,
        encoding: "utf8",
        timeout: TSC_TIMEOUT_MS,
        maxBuffer: 64 * 1024 * 1024,
      });
      if (run.error) return `tsc: ${run.error.message}`;
      return tscErrors(run.stdout);
    };
    const v4 = check(`${applied}~1`);
    if (typeof v4 === "string") return { ...result, skipped: `v4 tree: ${v4}` };
    log(`  type check: v4 tree installed and checked (${v4.length} errors)`);
    const v5 = check(applied);
    if (typeof v5 === "string") return { ...result, v4, skipped: `applied tree: ${v5}` };
    return { ...result, v4, v5, introduced: introducedErrors(v4, v5) };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export function tscErrors(output: string): TscError[] {
  return output.split("\n").flatMap((line) => {
    const m = line.match(/^(.+?)\((\d+),\d+\): error (TS\d+): (.*)$/);
    return m ? [{ file: m[1], line: Number(m[2]), code: m[3], message: m[4] }] : [];
  });
}

/** The errors of `after` beyond those of `before`, matched by file, code and message (lines move). */
export function introducedErrors(before: TscError[], after: TscError[]): TscError[] {
  const left = new Map<string, number>();
  const key = (e: TscError) => `${e.file}\0${e.code}\0${e.message}`;
  for (const e of before) left.set(key(e), (left.get(key(e)) ?? 0) + 1);
  return after.filter((e) => {
    const n = left.get(key(e)) ?? 0;
    if (n > 0) left.set(key(e), n - 1);
    return n === 0;
  });
}

/**
 * The per-repo summary's columns: `head` and `cell` for the terminal, `long` and `markdown` for
 * codemod/FIELD-TEST.md (null: not in that table; `markdown` unset: the same cell).
 */
const COLUMNS: {
  head: string;
  long: string | null;
  cell(r: RepoResult): string | number;
  markdown?(r: RepoResult): string | number;
}[] = [
  {
    head: "repo",
    long: "repo @ commit",
    cell: (r) => r.name,
    markdown: (r) => `${r.repo} @ \`${r.commit.slice(0, 7)}\``,
  },
  { head: "files", long: "files", cell: (r) => r.trackedFiles },
  { head: "grep", long: "grep baseline", cell: (r) => r.baseline.total },
  { head: "usages", long: "usages found", cell: (r) => r.scan.usages },
  {
    head: "missed(files)",
    long: "missed lines (files)",
    cell: (r) => `${missedLines(r)}(${missedFiles(r)})`,
    markdown: (r) => `${missedLines(r)} (${missedFiles(r)})`,
  },
  { head: "rewrites", long: "rewrites", cell: (r) => r.apply.rewrites },
  { head: "to-dos", long: "to-dos", cell: (r) => r.apply.todos.length },
  {
    head: "changed",
    long: "files changed",
    cell: (r) => r.diff.changed.length + r.diff.created.length + r.diff.deleted.length,
  },
  { head: "unresolved", long: "unresolved imports", cell: (r) => r.unresolvedImports.length },
  { head: "cycles", long: "import cycles", cell: (r) => r.importCycles.length },
  { head: "unparsed", long: "unparsed files", cell: (r) => r.unparsedFiles.length },
  { head: "untracked", long: "untracked written", cell: (r) => r.untrackedWritten.length },
  { head: "churn", long: null, cell: (r) => r.diff.formatChurn },
  {
    head: "switch",
    long: "switch done",
    cell: (r) => (r.switchDone.status === "done" ? "yes" : r.switchDone.status),
  },
  {
    head: "idem",
    long: "idempotent",
    cell: (r) => (r.error ? "ERR" : r.idempotent ? "yes" : "no"),
    markdown: (r) => (r.error ? `error: ${r.error.slice(0, 60)}` : r.idempotent ? "yes" : "no"),
  },
  {
    head: "apply s",
    long: "apply s (own s)",
    cell: (r) => r.apply.seconds.toFixed(1),
    markdown: (r) => `${r.apply.seconds.toFixed(1)} (${r.apply.internalSeconds.toFixed(1)})`,
  },
  { head: "own s", long: null, cell: (r) => r.apply.internalSeconds.toFixed(1) },
  { head: "files/s", long: "files/s", cell: (r) => r.apply.filesPerSecond },
];

const missedLines = (r: RepoResult) => r.misses.files.length + r.misses.lines.length;
const missedFiles = (r: RepoResult) => new Set(r.misses.files.map((m) => m.file)).size;

function table(results: RepoResult[]): string {
  const all = [COLUMNS.map((c) => c.head), ...results.map((r) => COLUMNS.map((c) => String(c.cell(r))))];
  const widths = COLUMNS.map((_, i) => Math.max(...all.map((row) => row[i].length)));
  return all
    .map((row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  "))
    .join("\n");
}

/** The per-repo table of codemod/FIELD-TEST.md. */
function markdownTable(results: RepoResult[]): string {
  const columns = COLUMNS.filter((c) => c.long !== null);
  const head: string[] = columns.map((c) => c.long!);
  const rows: (string | number)[][] = results.map((r) => columns.map((c) => (c.markdown ?? c.cell)(r)));
  if (results.some((r) => r.typecheck)) {
    head.push("type errors v4 → applied (new)");
    results.forEach((r, i) =>
      rows[i].push(
        !r.typecheck
          ? "not run"
          : r.typecheck.skipped
            ? `skipped: ${r.typecheck.skipped.slice(0, 60)}`
            : `${r.typecheck.v4.length} → ${r.typecheck.v5.length} (${r.typecheck.introduced.length})`,
      ),
    );
  }
  return [head, head.map(() => "---"), ...rows].map((row) => `| ${row.join(" | ")} |`).join("\n");
}

function main() {
  const options = parseOptions(process.argv.slice(2));
  const list = (JSON.parse(readFileSync(options.list, "utf8")) as { repos: RepoEntry[] }).repos.filter(
    (r) => !options.only || options.only.has(r.name),
  );
  let exported: string | undefined;
  if (options.codemodRef) {
    // A read-only copy of that commit, using this checkout's installed packages.
    exported = mkdtempSync(path.join(tmpdir(), "field-codemod-"));
    execFileSync("sh", [
      "-c",
      'git -C "$1" archive --format=tar "$2" | tar -x -C "$3"',
      "sh",
      thisRepo,
      options.codemodRef,
      exported,
    ]);
    symlinkSync(path.join(thisRepo, "node_modules"), path.join(exported, "node_modules"), "dir");
    options.codemod = exported;
  }
  const codemodCommit = (() => {
    try {
      return git(options.codemodRef ? thisRepo : options.codemod, [
        "rev-parse",
        options.codemodRef ? `${options.codemodRef}^{commit}` : "HEAD",
      ]).trim();
    } catch {
      return "unknown (not a git checkout)";
    }
  })();
  console.log(
    `field test: ${list.length} repos, codemod ${options.codemodRef ? `of ${options.codemodRef}` : `at ${path.relative(thisRepo, options.codemod) || "."}`} (${codemodCommit})`,
  );
  const started = performance.now();
  const results: RepoResult[] = [];
  for (const [i, entry] of list.entries()) {
    console.log(`[${i + 1}/${list.length}] ${entry.repo} @ ${entry.commit.slice(0, 10)}`);
    const repoStarted = performance.now();
    results.push(fieldTest(entry, options, (text) => console.log(text)));
    console.log(
      `  done in ${((performance.now() - repoStarted) / 1000).toFixed(1)} s${options.keep ? `, kept at ${results[results.length - 1].workDir}` : ""}`,
    );
  }
  mkdirSync(path.dirname(options.out), { recursive: true });
  writeFileSync(
    options.out,
    `${JSON.stringify({ codemod: codemodCommit, ranAt: new Date().toISOString(), results }, null, 2)}\n`,
  );
  if (exported) rmSync(exported, { recursive: true, force: true });
  if (options.markdown) writeFileSync(options.markdown, `${markdownTable(results)}\n`);
  console.log(`\n${table(results)}\n`);
  console.log(
    `missed = grep-baseline lines with no scan usage within 2 lines (in brackets: files scan did not report at all)`,
  );
  console.log(
    `${results.length} repos in ${((performance.now() - started) / 1000).toFixed(0)} s; results in ${path.relative(process.cwd(), options.out)}`,
  );
  const failed = results.filter(
    (r) =>
      r.error || r.unresolvedImports.length || r.unparsedFiles.length || r.untrackedWritten.length || !r.idempotent,
  );
  process.exitCode = failed.length ? 1 : 0;
}

// Run as a script; imported by its test for the checks alone.
if (require.main === module) main();
