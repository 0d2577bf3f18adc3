/**
 * A combination's isolated copy of the app, cached between runs, outside the repository:
 *
 *   ~/.cache/next-auth-matrix/<checkout>-<hash>/<combo>/   (MATRIX_CACHE_DIR overrides the parent)
 *     app/                 the copy: the app's files (refreshed every run), node_modules, .next
 *     saved/package.json   the combination's package.json and lockfile, kept across runs
 *     saved/package-lock.json   (not beside app/: Next would take a lockfile there for the root)
 *     meta.json            versions and the install key they were installed for
 *
 * Installing: node_modules is hard-linked from this checkout (seconds, no download), then
 * `npm install` with the pinned package.json changes only the pinned packages. npm replaces a
 * package's directory instead of writing into its files, so the links never change this
 * checkout's copy (test-matrix checks that at the end). The install is reused while this
 * checkout's package.json and lockfile and the pins stay the same.
 *
 * Why not under node_modules/.cache or a git-ignored folder in the repo: Jest and Next skip
 * (do not transform, do not find tests in) anything whose path contains /node_modules/, and a
 * folder inside the repo is crawled by the repo's own tsc, ESLint and Jest haste map.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";
import type { Combination } from "./combinations";
import { runLogged } from "./process";
import type { Pins } from "./versions";

export const ROOT = path.resolve(__dirname, "..");
export const CACHE_ROOT = process.env.MATRIX_CACHE_DIR
  ? path.resolve(process.env.MATRIX_CACHE_DIR)
  : path.join(
      homedir(),
      ".cache",
      "next-auth-matrix",
      `${path.basename(ROOT)}-${createHash("sha256").update(ROOT).digest("hex").slice(0, 8)}`,
    );
/** Entries of the copy that survive a refresh: the install and Next's build cache. */
const KEPT = new Set(["node_modules", ".next"]);
const INSTALL_TIMEOUT_MS = 15 * 60_000;

export interface Workspace {
  dir: string;
  app: string;
  logs: string;
}

export function workspaceFor(combo: Combination, logs: string): Workspace {
  const dir = path.join(CACHE_ROOT, combo.id);
  return { dir, app: path.join(dir, "app"), logs };
}

/**
 * Where the copies come from: the committed HEAD by default (reproducible, and other engineers'
 * unfinished edits stay out), or the working tree with `--working-tree` (to try a fix before
 * committing it): tracked and untracked files, minus .gitignore.
 */
export class AppSource {
  readonly commit: string;
  constructor(readonly workingTree: boolean) {
    this.commit = execFileSync("git", ["rev-parse", "--short=12", "HEAD"], { cwd: ROOT, encoding: "utf8" }).trim();
  }

  get label(): string {
    return this.workingTree ? `working tree on ${this.commit}` : `commit ${this.commit}`;
  }

  read(file: string): Buffer {
    return this.workingTree
      ? readFileSync(path.join(ROOT, file))
      : execFileSync("git", ["show", `${this.commit}:${file}`], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
  }

  /** Replaces everything in `to` except node_modules and .next with the app's files. */
  copyTo(to: string): void {
    mkdirSync(to, { recursive: true });
    for (const entry of readdirSync(to))
      if (!KEPT.has(entry)) rmSync(path.join(to, entry), { recursive: true, force: true });
    if (!this.workingTree) {
      execFileSync("sh", ["-c", `git archive --format=tar ${this.commit} | tar -x -C "$0"`, to], { cwd: ROOT });
      return;
    }
    const files = execFileSync("git", ["ls-files", "-co", "--exclude-standard", "-z"], {
      cwd: ROOT,
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    })
      .split("\0")
      .filter((file) => file && existsSync(path.join(ROOT, file)));
    for (const file of files) {
      mkdirSync(path.dirname(path.join(to, file)), { recursive: true });
      cpSync(path.join(ROOT, file), path.join(to, file));
    }
  }
}

/** package.json with each pinned dependency's version replaced (it must already be a dependency). */
export function pinPackageJson(source: string, pins: Pins): string {
  const pkg = JSON.parse(source) as Record<string, Record<string, string> | unknown>;
  for (const [name, version] of Object.entries(pins)) {
    const section = (["dependencies", "devDependencies"] as const).find(
      (key) => (pkg[key] as Record<string, string> | undefined)?.[name],
    );
    if (!section) throw new Error(`package.json: ${name} is not a dependency`);
    (pkg[section] as Record<string, string>)[name] = version;
  }
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

interface Meta {
  installKey: string;
  pins: Pins;
  installedAt: string;
}

function readMeta(ws: Workspace): Meta | undefined {
  try {
    return JSON.parse(readFileSync(path.join(ws.dir, "meta.json"), "utf8")) as Meta;
  } catch {
    return undefined;
  }
}

/** The pins a previous run installed: used when the registry cannot be asked. */
export function cachedPins(combo: Combination, logs: string): Pins | undefined {
  return readMeta(workspaceFor(combo, logs))?.pins;
}

function installKey(source: AppSource, pins: Pins): string {
  const hash = createHash("sha256");
  for (const file of ["package.json", "package-lock.json"]) hash.update(source.read(file));
  hash.update(JSON.stringify(Object.entries(pins).sort()));
  return hash.digest("hex").slice(0, 16);
}

/** Hard-links this checkout's node_modules into `app`, leaving out the cache folder. */
function linkNodeModules(app: string): void {
  const from = path.join(ROOT, "node_modules");
  const to = path.join(app, "node_modules");
  rmSync(to, { recursive: true, force: true });
  mkdirSync(to);
  const entries = readdirSync(from).filter((entry) => entry !== ".cache" && entry !== ".package-lock.json");
  const sources = entries.map((entry) => path.join(from, entry));
  try {
    execFileSync("cp", ["-al", ...sources, to], { stdio: "pipe" });
  } catch {
    // Another filesystem (MATRIX_CACHE_DIR): hard links cannot cross it, copy instead.
    rmSync(to, { recursive: true, force: true });
    mkdirSync(to);
    execFileSync("cp", ["-a", ...sources, to]);
  }
}

/**
 * Installs the pinned versions into the copy unless the cached install already matches.
 * Call after copyApp: restores the combination's package.json and lockfile over the app's.
 * Returns "cached" or "installed".
 */
export async function ensureInstall(ws: Workspace, source: AppSource, pins: Pins): Promise<"cached" | "installed"> {
  const key = installKey(source, pins);
  const meta = readMeta(ws);
  const saved = ["package.json", "package-lock.json"].map((file) => path.join(ws.dir, "saved", file));
  if (meta?.installKey === key && existsSync(path.join(ws.app, "node_modules", "next")) && saved.every(existsSync)) {
    for (const file of saved) copyFileSync(file, path.join(ws.app, path.basename(file)));
    return "cached";
  }
  rmSync(path.join(ws.dir, "meta.json"), { force: true });
  linkNodeModules(ws.app);
  writeFileSync(path.join(ws.app, "package.json"), pinPackageJson(source.read("package.json").toString("utf8"), pins));
  writeFileSync(path.join(ws.app, "package-lock.json"), source.read("package-lock.json"));
  // --ignore-scripts: nothing may download binaries; Next's SWC binary is an ordinary package.
  const code = await runLogged("npm", ["install", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"], {
    cwd: ws.app,
    timeoutMs: INSTALL_TIMEOUT_MS,
    logFile: path.join(ws.logs, "install.log"),
  });
  if (code !== 0)
    throw new Error(`npm install exited with ${code} (see ${path.relative(ROOT, path.join(ws.logs, "install.log"))})`);
  mkdirSync(path.join(ws.dir, "saved"), { recursive: true });
  for (const file of saved) copyFileSync(path.join(ws.app, path.basename(file)), file);
  writeFileSync(
    path.join(ws.dir, "meta.json"),
    `${JSON.stringify({ installKey: key, pins, installedAt: new Date().toISOString() } satisfies Meta, null, 2)}\n`,
  );
  return "installed";
}

/** The version of `name` installed in the copy. */
export function installedVersion(app: string, name: string): string {
  return (JSON.parse(readFileSync(path.join(app, "node_modules", name, "package.json"), "utf8")) as { version: string })
    .version;
}
