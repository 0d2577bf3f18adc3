/**
 * npm run test:toolchains — every file the codemod writes compiles and lints in the app's own
 * toolchain (issue 26, item 1).
 *
 * The v4 apps in codemod/toolchain-apps/ (styles unlike this repo's) are copied to artifacts/toolchains/apps,
 * upgraded with `apply --all --json`, and the files it wrote (created or changed) are checked:
 * - tsc under each cell: TypeScript 5.0, 5.4, 5.7, 5.9 × target es5, es2017, esnext × moduleResolution
 *   node (module esnext) and bundler, all `strict` + `noUncheckedIndexedAccess` +
 *   `exactOptionalPropertyTypes`; plus a non-strict cell per version (create-next-app 2022's default);
 * - ESLint with create-t3-app's flat config (typescript-eslint recommended + recommendedTypeChecked +
 *   stylisticTypeChecked, its overrides) and with plain recommendedTypeChecked; only errors the v4
 *   app did not already have (the same files linted on next-auth 4 first) count;
 * - JavaScript apps: no TypeScript file written, and every written file parses under each TypeScript;
 * - style: the app's Prettier config over the written files, or, without one, the app's detected
 *   quotes, semicolons and indentation.
 * next-auth 5, the TypeScript versions and typescript-eslint are installed once into
 * node_modules/.cache/toolchains (no install scripts); next, react and their types are this repo's,
 * linked in. Type checks only: no next build. Results: artifacts/toolchains/results.json.
 */
import { execFile, execFileSync, spawn } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import * as prettier from "prettier";
import { countStyle, emptyCounts, styleFrom, type Style } from "../codemod/lib/style";
import { installIntoCache } from "../codemod/scripts/install-cache";
import { commandLine, markdownTable, progress } from "../tooling/cli";

const repo = path.resolve(__dirname, "..");
const appsDir = path.join(repo, "codemod", "toolchain-apps");
const outDir = path.join(repo, "artifacts", "toolchains");
const workDir = path.join(outDir, "apps");
const cache = path.join(repo, "node_modules", ".cache", "toolchains");
const codemodBin = path.join(repo, "codemod", "bin", "next-auth-v5-codemod.ts");

/** TypeScript versions, installed side by side as npm aliases; the last is `typescript` (typescript-eslint's peer). */
const TYPESCRIPTS = [
  { label: "5.0", pkg: "ts50", version: "5.0.4" },
  { label: "5.4", pkg: "ts54", version: "5.4.5" },
  { label: "5.7", pkg: "ts57", version: "5.7.3" },
  { label: "5.9", pkg: "typescript", version: "5.9.3" },
];
const INSTALL = [
  "next-auth@5.0.0-beta.32",
  ...TYPESCRIPTS.map((t) =>
    t.pkg === "typescript" ? `typescript@${t.version}` : `${t.pkg}@npm:typescript@${t.version}`,
  ),
  "typescript-eslint@8.74.0",
  "eslint@9.39.5",
];
/** From this repo's node_modules: what next-auth 5 and the apps' own code import for types. */
const LINKED = [
  "next",
  "react",
  "react-dom",
  "@next",
  "@swc",
  "styled-jsx",
  "@types/react",
  "@types/react-dom",
  "@types/node",
];

const TARGETS = ["es5", "es2017", "esnext"] as const;
const RESOLUTIONS = [
  { moduleResolution: "node", module: "esnext" },
  { moduleResolution: "bundler", module: "esnext" },
] as const;
const STRICTEST = { strict: true, noUncheckedIndexedAccess: true, exactOptionalPropertyTypes: true };

interface Cell {
  app: string;
  kind: "tsc" | "eslint" | "javascript" | "style";
  name: string;
  passed: boolean;
  /** Problems in the files the codemod wrote (file:line: message). */
  problems: string[];
  /** Problems in the app's own files (they fail the cell too: the app compiled before the codemod). */
  other: string[];
  ms: number;
}

const cli = commandLine();
const log = progress("toolchains");
const only = cli.option("--app");
const concurrency = Math.max(1, Number(cli.option("--jobs") ?? availableParallelism()));

/** Installs the scratch toolchain once; a stamp of the package list decides whether to reinstall. */
function installToolchain(): void {
  const stamp = path.join(cache, "installed.json");
  const wanted = JSON.stringify({ INSTALL, LINKED });
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === wanted) return;
  rmSync(cache, { recursive: true, force: true });
  installIntoCache(cache, INSTALL, ["--prefer-offline"]);
  for (const name of LINKED) {
    const from = path.join(repo, "node_modules", name);
    const to = path.join(cache, "node_modules", name);
    if (!existsSync(from) || existsSync(to)) continue;
    mkdirSync(path.dirname(to), { recursive: true });
    symlinkSync(from, to);
  }
  writeFileSync(stamp, wanted);
}

/** The same toolchain with this repo's next-auth 4: what the v4 apps are linted with for their baseline. */
const v4Modules = path.join(cache, "v4", "node_modules");
function linkV4Toolchain(): void {
  rmSync(path.dirname(v4Modules), { recursive: true, force: true });
  mkdirSync(v4Modules, { recursive: true });
  for (const name of readdirSync(path.join(cache, "node_modules")))
    if (name !== "next-auth") symlinkSync(path.join(cache, "node_modules", name), path.join(v4Modules, name));
  symlinkSync(path.join(repo, "node_modules", "next-auth"), path.join(v4Modules, "next-auth"));
}

interface Upgraded {
  app: string;
  dir: string;
  javascript: boolean;
  /** Files the codemod created or changed, relative to the app. */
  written: string[];
  created: string[];
  /** The app's files before the codemod (for its detected style). */
  original: Record<string, string>;
  /** A copy of the app as it was, on next-auth 4: ESLint's baseline. */
  v4Dir: string;
}

function listFiles(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (name === "node_modules" || name === ".git") return [];
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full, base) : [path.relative(base, full)];
  });
}

const git = (dir: string, ...args: string[]) =>
  execFileSync("git", ["-c", "user.email=toolchains@example.com", "-c", "user.name=toolchains", ...args], {
    cwd: dir,
    stdio: "ignore",
  });

/** Copies an app, commits it (the codemod refuses a dirty tree), runs the codemod, links the toolchain in. */
async function upgrade(app: string): Promise<Upgraded> {
  const dir = path.join(workDir, app);
  rmSync(dir, { recursive: true, force: true });
  cpSync(path.join(appsDir, app), dir, { recursive: true });
  const original = Object.fromEntries(listFiles(dir).map((file) => [file, readFileSync(path.join(dir, file), "utf8")]));
  git(dir, "init", "-q");
  git(dir, "add", "-A");
  git(dir, "commit", "-qm", "v4");
  const stdout = await new Promise<string>((resolve, reject) =>
    execFile(
      path.join(repo, "node_modules", ".bin", "tsx"),
      [codemodBin, "apply", dir, "--all", "--json"],
      { cwd: repo, maxBuffer: 64 * 1024 * 1024 },
      (error, out, err) =>
        error ? reject(new Error(`codemod failed on ${app}: ${err || error.message}`)) : resolve(out),
    ),
  );
  const result = JSON.parse(stdout) as {
    apps: { status: string; reason?: string }[];
    changes: { path: string; status: "created" | "changed" | "deleted" }[];
  };
  const refused = result.apps.filter((a) => a.status !== "migrated");
  if (refused.length > 0) throw new Error(`codemod did not migrate ${app}: ${refused.map((a) => a.reason).join("; ")}`);
  const code = /\.(c|m)?(j|t)sx?$/;
  const written = result.changes.filter((c) => c.status !== "deleted" && code.test(c.path)).map((c) => c.path);
  symlinkSync(path.join(cache, "node_modules"), path.join(dir, "node_modules"));
  const v4Dir = `${dir}.v4`;
  rmSync(v4Dir, { recursive: true, force: true });
  cpSync(path.join(appsDir, app), v4Dir, { recursive: true });
  symlinkSync(v4Modules, path.join(v4Dir, "node_modules"));
  // What `next build` writes before it type-checks.
  for (const into of [dir, v4Dir])
    writeFileSync(
      path.join(into, "next-env.d.ts"),
      '/// <reference types="next" />\n/// <reference types="next/image-types/global" />\n',
    );
  return {
    app,
    dir,
    javascript: !existsSync(path.join(dir, "tsconfig.json")),
    written,
    created: result.changes.filter((c) => c.status === "created").map((c) => c.path),
    original,
    v4Dir,
  };
}

/** Splits problems into those in written files and the rest. */
function attribute(lines: string[], written: string[], fileOf: (line: string) => string) {
  const problems: string[] = [];
  const other: string[] = [];
  for (const line of lines) (written.includes(fileOf(line)) ? problems : other).push(line);
  return { problems, other };
}

interface Job {
  app: Upgraded;
  kind: Cell["kind"];
  name: string;
  check: () => Promise<{ problems: string[]; other: string[] }>;
}

/** A cell's tsconfig, written into the app: the app's own, with the cell's options, over the written files. */
function tscCell(
  app: Upgraded,
  ts: (typeof TYPESCRIPTS)[number],
  name: string,
  options: Record<string, unknown>,
): TscCell {
  const config = `tsconfig.toolchain-${name.replace(/[^\w.]+/g, "-")}.json`;
  const files = app.written.filter((f) => !app.javascript || /\.[cm]?jsx?$/.test(f));
  writeFileSync(
    path.join(app.dir, config),
    `${JSON.stringify(
      {
        extends: app.javascript ? undefined : "./tsconfig.json",
        compilerOptions: {
          ...(app.javascript ? { allowJs: true, checkJs: false, jsx: "preserve", skipLibCheck: true } : {}),
          ...options,
          noEmit: true,
          incremental: false,
          plugins: [],
        },
        files: ["next-env.d.ts", ...files],
        include: [],
      },
      null,
      2,
    )}\n`,
  );
  return { app: app.app, dir: app.dir, name, config, files, pkg: ts.pkg };
}

interface TscCell {
  app: string;
  dir: string;
  name: string;
  config: string;
  files: string[];
  /** The TypeScript package (an alias in the scratch node_modules). */
  pkg: string;
}

/**
 * Worker mode (one process per TypeScript version): type-checks its cells in one process. The
 * declaration files (lib, next, react, next-auth) are parsed and bound once and shared by every
 * cell, as the language service's document registry shares them; the app's own files per target
 * and strictness. Prints one JSON line per cell.
 */
function typecheckCells(cells: TscCell[]): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ts = require(path.join(cache, "node_modules", cells[0].pkg)) as typeof import("typescript");
  const shared = new Map<string, import("typescript").SourceFile>();
  for (const cell of cells) {
    const started = Date.now();
    const parsed = ts.getParsedCommandLineOfConfigFile(path.join(cell.dir, cell.config), undefined, {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: () => undefined,
    });
    if (!parsed) throw new Error(`${cell.config}: unreadable`);
    const host = ts.createCompilerHost(parsed.options);
    const read = host.getSourceFile.bind(host);
    const own = `${parsed.options.target}|${parsed.options.strict}|${parsed.options.alwaysStrict}|`;
    host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
      const key = fileName.endsWith(".d.ts") ? fileName : own + fileName;
      let file = shared.get(key);
      if (!file) {
        file = read(fileName, languageVersion, onError, shouldCreate);
        if (file) shared.set(key, file);
      }
      return file;
    };
    const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options, host });
    const lines = [...parsed.errors, ...ts.getPreEmitDiagnostics(program)]
      .filter((d) => d.category === ts.DiagnosticCategory.Error)
      .map((d) => {
        const message = ts.flattenDiagnosticMessageText(d.messageText, " ");
        if (!d.file || d.start === undefined) return `error TS${d.code}: ${message}`;
        const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
        return `${path.relative(cell.dir, d.file.fileName)}(${line + 1},${character + 1}): error TS${d.code}: ${message}`;
      });
    console.log(JSON.stringify({ app: cell.app, name: cell.name, lines, ms: Date.now() - started }));
  }
}

/** create-t3-app's eslint.config.js (7.x), without next/core-web-vitals (its rules are not type-aware). */
const T3_ESLINT = `import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: [".next"] },
  {
    files: ["**/*.ts", "**/*.tsx"],
    extends: [
      ...tseslint.configs.recommended,
      ...tseslint.configs.recommendedTypeChecked,
      ...tseslint.configs.stylisticTypeChecked,
    ],
    rules: {
      "@typescript-eslint/array-type": "off",
      "@typescript-eslint/consistent-type-definitions": "off",
      "@typescript-eslint/consistent-type-imports": ["warn", { prefer: "type-imports", fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["warn", { argsIgnorePattern: "^_" }],
      "@typescript-eslint/require-await": "off",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    linterOptions: { reportUnusedDisableDirectives: true },
    languageOptions: { parserOptions: { projectService: true } },
  },
);
`;

/** typescript-eslint's recommendedTypeChecked as it ships (require-await and all). */
const TYPED_ESLINT = `import tseslint from "typescript-eslint";

export default tseslint.config(
  { files: ["**/*.ts", "**/*.tsx"], extends: [...tseslint.configs.recommendedTypeChecked] },
  { languageOptions: { parserOptions: { projectService: true } } },
);
`;

/**
 * Worker mode (one process per app): ESLint with each config over the written TypeScript files, in
 * one process so that typescript-eslint's project service builds the program once. The same files
 * of the v4 copy are linted first with the same config: an error the app already had on v4 (same
 * file, rule and message; lines move) is not the codemod's. One JSON line per config.
 */
async function lintApp(dir: string, files: string[], v4Dir: string): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { ESLint } = require(path.join(cache, "node_modules", "eslint")) as typeof import("eslint");
  const lint = async (cwd: string, file: string, targets: string[]) => {
    if (targets.length === 0) return [];
    const results = await new ESLint({ cwd, overrideConfigFile: file }).lintFiles(targets);
    return results.flatMap((r) =>
      r.messages
        .filter((m) => m.severity === 2)
        .map((m) => ({
          line: `${path.relative(cwd, r.filePath)}:${m.line}: ${m.ruleId ?? "parse"}: ${m.message}`,
          key: `${path.relative(cwd, r.filePath)}\0${m.ruleId}\0${m.message}`,
        })),
    );
  };
  for (const [name, text] of Object.entries(ESLINT_CONFIGS)) {
    const started = Date.now();
    const file = `eslint.toolchain-${name.replace(/\W+/g, "-")}.config.mjs`;
    writeFileSync(path.join(dir, file), text);
    writeFileSync(path.join(v4Dir, file), text);
    const before = await lint(
      v4Dir,
      file,
      files.filter((f) => existsSync(path.join(v4Dir, f))),
    );
    const left = new Map<string, number>();
    for (const e of before) left.set(e.key, (left.get(e.key) ?? 0) + 1);
    const introduced = (await lint(dir, file, files)).filter((e) => {
      const n = left.get(e.key) ?? 0;
      if (n > 0) left.set(e.key, n - 1);
      return n === 0;
    });
    console.log(
      JSON.stringify({ name, lines: introduced.map((e) => e.line), onV4: before.length, ms: Date.now() - started }),
    );
  }
}

const ESLINT_CONFIGS = { "eslint t3": T3_ESLINT, "eslint recommendedTypeChecked": TYPED_ESLINT };

/** JavaScript apps get JavaScript: no .ts written; every written file parses (tsc cells, allowJs). */
function javascriptJob(app: Upgraded): Job {
  return {
    app,
    kind: "javascript",
    name: "no TypeScript written",
    check: async () => ({
      problems: app.written
        .filter((f) => /\.[cm]?tsx?$/.test(f))
        .map((f) => `${f}: TypeScript written into a JavaScript app`),
      other: [],
    }),
  };
}

const PRETTIER_CONFIGS = [
  ".prettierrc",
  ".prettierrc.json",
  ".prettierrc.js",
  ".prettierrc.cjs",
  ".prettierrc.mjs",
  "prettier.config.js",
  "prettier.config.cjs",
  "prettier.config.mjs",
];

/** The style the app's own files show (as the codemod detects it). */
function detectedStyle(app: Upgraded): Style {
  const counts = emptyCounts();
  for (const [file, source] of Object.entries(app.original))
    if (/\.[cm]?[jt]sx?$/.test(file) && !file.startsWith("pages/api/auth/")) countStyle(file, source, counts);
  return styleFrom(counts);
}

function styleJob(app: Upgraded): Job {
  const hasPrettier = PRETTIER_CONFIGS.some((f) => existsSync(path.join(app.dir, f)));
  return {
    app,
    kind: "style",
    name: hasPrettier ? "prettier --check (app's config)" : "detected style",
    check: async () => {
      const problems: string[] = [];
      if (hasPrettier) {
        for (const file of app.written) {
          const full = path.join(app.dir, file);
          const source = readFileSync(full, "utf8");
          const options = { ...(await prettier.resolveConfig(full, { editorconfig: true })), filepath: full };
          const formatted = await prettier.format(source, options);
          if (formatted === source) continue;
          const have = source.split("\n");
          const want = formatted.split("\n");
          const first = have.findIndex((line, i) => line !== want[i]);
          problems.push(
            `${file}:${first + 1}: differs from prettier (${Math.abs(want.length - have.length)} lines longer or shorter; first: ${JSON.stringify(have[first]?.trim().slice(0, 60))})`,
          );
        }
        return { problems, other: [] };
      }
      const style = detectedStyle(app);
      for (const file of app.written) {
        const counts = countStyle(file, readFileSync(path.join(app.dir, file), "utf8"));
        if (style.semicolons && counts.withoutSemicolon > 0)
          problems.push(`${file}: ${counts.withoutSemicolon} statements without a semicolon`);
        if (!style.semicolons && counts.withSemicolon > 0)
          problems.push(`${file}: ${counts.withSemicolon} statements with a semicolon`);
        const wrongQuotes = style.quote === "'" ? counts.double : counts.single;
        if (wrongQuotes > 0) problems.push(`${file}: ${wrongQuotes} strings in the other quotes`);
        const indent = styleFrom(counts, style).indent;
        if (indent !== style.indent)
          problems.push(`${file}: indented ${JSON.stringify(indent)}, the app ${JSON.stringify(style.indent)}`);
      }
      return { problems, other: [] };
    },
  };
}

/** The cells of one app: tsc cells (checked by the workers), and the in-process checks. */
function cellsFor(app: Upgraded): { tsc: TscCell[]; jobs: Job[] } {
  const tsc: TscCell[] = [];
  const jobs: Job[] = [styleJob(app)];
  if (app.javascript) {
    jobs.push(javascriptJob(app));
    for (const ts of TYPESCRIPTS) tsc.push(tscCell(app, ts, `ts ${ts.label} parse`, { target: "es5" }));
    return { tsc, jobs };
  }
  for (const ts of TYPESCRIPTS) {
    for (const target of TARGETS)
      for (const resolution of RESOLUTIONS)
        tsc.push(
          tscCell(app, ts, `ts ${ts.label} ${target} ${resolution.moduleResolution}`, {
            target,
            ...resolution,
            ...STRICTEST,
          }),
        );
    tsc.push(
      tscCell(app, ts, `ts ${ts.label} es5 node non-strict`, {
        target: "es5",
        module: "esnext",
        moduleResolution: "node",
        strict: false,
        noUncheckedIndexedAccess: false,
        exactOptionalPropertyTypes: false,
      }),
    );
  }
  return { tsc, jobs };
}

async function pool<T, R>(items: T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(size, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await work(items[index]);
      }
    }),
  );
  return results;
}

/** Runs this script in a worker mode; calls `onLine` with each JSON line it prints. */
function worker(args: string[], onLine: (line: Record<string, unknown>) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(repo, "node_modules", ".bin", "tsx"), [__filename, ...args], {
      cwd: repo,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let buffer = "";
    let errors = "";
    child.stdout.on("data", (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split("\n");
      buffer = lines.pop() ?? "";
      for (const line of lines) if (line.startsWith("{")) onLine(JSON.parse(line) as Record<string, unknown>);
    });
    child.stderr.on("data", (chunk: Buffer) => (errors += chunk.toString()));
    child.on("close", (code) =>
      code === 0 ? resolve() : reject(new Error(`worker ${args[0]} exited ${code}: ${errors.slice(-2000)}`)),
    );
  });
}

async function main(): Promise<void> {
  mkdirSync(workDir, { recursive: true });
  log.step(`install ${INSTALL.join(", ")} into node_modules/.cache/toolchains (once)`);
  installToolchain();
  linkV4Toolchain();
  const names = readdirSync(appsDir).filter((name) => !only || name === only);
  log.step(`codemod apply --all on ${names.join(", ")}`);
  const cells: Cell[] = [];
  const record = (app: string, kind: Cell["kind"], name: string, lines: string[], written: string[], ms: number) => {
    const { problems, other } = attribute(lines, written, (line) => line.split(/[(:]/)[0]);
    const cell: Cell = { app, kind, name, passed: lines.length === 0, problems, other, ms };
    cells.push(cell);
    log.step(
      `${cell.passed ? "pass" : "FAIL"} ${app} · ${name} (${(ms / 1000).toFixed(1)}s)${cell.passed ? "" : `: ${problems.length} in written files, ${other.length} elsewhere`}`,
    );
    for (const line of lines.slice(0, 8)) console.log(`    ${line.length > 300 ? `${line.slice(0, 300)}…` : line}`);
  };
  const apps: Upgraded[] = [];
  for (const name of names) {
    const started = Date.now();
    try {
      const app = await upgrade(name);
      apps.push(app);
      log.step(`${name}: ${app.written.length} files written (${app.javascript ? "JavaScript" : "TypeScript"})`);
    } catch (error) {
      record(name, "tsc", "codemod", [String(error)], [], Date.now() - started);
    }
  }
  const planned = apps.map(cellsFor);
  for (const job of planned.flatMap((p) => p.jobs)) {
    const started = Date.now();
    const { problems, other } = await job.check();
    record(job.app.app, job.kind, job.name, [...problems, ...other], job.app.written, Date.now() - started);
  }
  const tscCells = planned.flatMap((p) => p.tsc);
  const batches: string[][] = [];
  for (const ts of TYPESCRIPTS) {
    const file = path.join(outDir, `cells-${ts.pkg}.json`);
    writeFileSync(file, JSON.stringify(tscCells.filter((c) => c.pkg === ts.pkg)));
    batches.push(["--typecheck", file]);
  }
  for (const app of apps.filter((a) => !a.javascript))
    batches.push([
      "--lint",
      app.dir,
      JSON.stringify(app.written.filter((f) => /\.tsx?$/.test(f))),
      "--baseline",
      app.v4Dir,
    ]);
  log.step(
    `${tscCells.length} tsc cells in ${TYPESCRIPTS.length} processes, ESLint in ${batches.length - TYPESCRIPTS.length}, ${concurrency} at a time`,
  );
  await pool(batches, concurrency, async (args) => {
    const app = args[0] === "--lint" ? apps.find((a) => a.dir === args[1]) : undefined;
    try {
      await worker(args, (line) => {
        const owner = app ?? apps.find((a) => a.app === line.app)!;
        record(
          owner.app,
          app ? "eslint" : "tsc",
          String(line.name),
          line.lines as string[],
          owner.written,
          Number(line.ms),
        );
        if (typeof line.onV4 === "number" && line.onV4 > 0)
          console.log(`    (${line.onV4} errors the v4 app already had in these files, not counted)`);
      });
    } catch (error) {
      record(app?.app ?? "all", app ? "eslint" : "tsc", args.join(" ").slice(0, 60), [String(error)], [], 0);
    }
  });

  writeFileSync(path.join(outDir, "results.json"), `${JSON.stringify(cells, null, 2)}\n`);
  const appNames = [...new Set(cells.map((c) => c.app))];
  const rowNames = [...new Set(cells.map((c) => c.name))].sort(
    (a, b) => Number(a.startsWith("ts ")) - Number(b.startsWith("ts ")) || a.localeCompare(b, "en", { numeric: true }),
  );
  const rows = rowNames.map((row) => [
    row,
    ...appNames.map((app) => {
      const cell = cells.find((c) => c.app === app && c.name === row);
      return !cell ? "–" : cell.passed ? "pass" : `FAIL (${cell.problems.length + cell.other.length})`;
    }),
  ]);
  console.log(`\n${markdownTable(["check", ...appNames], rows, { padded: true })}`);
  const failed = cells.filter((c) => !c.passed).length;
  console.log(`\ntotal time: ${log.elapsed()}; results: ${path.relative(repo, path.join(outDir, "results.json"))}`);
  console.log(`${cells.length - failed} passed, ${failed} failed`);
  process.exitCode = failed === 0 ? 0 : 1;
}

if (cli.flag("--typecheck")) typecheckCells(JSON.parse(readFileSync(cli.option("--typecheck")!, "utf8")) as TscCell[]);
else if (cli.flag("--lint"))
  void lintApp(cli.option("--lint")!, JSON.parse(cli.positional()[0] ?? "[]") as string[], cli.option("--baseline")!);
else void main();
