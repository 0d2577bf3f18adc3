import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { collectFiles, isCandidate } from "../codemod/runner/files";
import { run as runCodemod } from "../codemod/runner/run";
import type { RunResult } from "../codemod/runner/run-result";
import type { Step } from "./types";

export const STEPS_DIR = path.join(__dirname, "steps");
const CODEMOD_SKIPS = ["migration", "codemod", "artifacts", "upgrade-fixtures"];

/** The files a step touches, read from `root` before and after it: path → content (null: absent). */
export type FileChanges = Map<string, { before: string | null; after: string | null }>;

/** A view of an app's files in memory, read from `root` on demand. Steps change the view only. */
export class FileTree {
  private readonly changed = new Map<string, string | null>();
  constructor(readonly root: string) {}

  /**
   * The files the codemod reads, as they are in this view. Left out: the steps' own files, the
   * codemod itself and the fixture apps of `npm run test:upgrade` (v4 code on purpose), and
   * `artifacts/` (a kept v5 copy of the app).
   */
  codemodFiles(): string[] {
    const files = new Set(collectFiles(this.root, (dir) => CODEMOD_SKIPS.includes(dir)));
    for (const [file, content] of this.changed) {
      if (content === null) files.delete(file);
      else if (isCandidate(path.posix.basename(file)) && !CODEMOD_SKIPS.some((dir) => file.startsWith(`${dir}/`)))
        files.add(file);
    }
    return [...files].sort();
  }

  read(file: string): string | null {
    if (this.changed.has(file)) return this.changed.get(file)!;
    const full = path.join(this.root, file);
    return existsSync(full) ? readFileSync(full, "utf8") : null;
  }

  write(file: string, content: string | null): void {
    this.changed.set(file, content);
  }
}

export function stepFile(step: Step, file: string): string {
  return readFileSync(path.join(STEPS_DIR, step.id, "files", file), "utf8");
}

export const TEMPLATES_DIR = path.join(__dirname, "..", "codemod", "templates");

/** Package changes as package.json edits: `"name": "old"` → `"name": "new"`. */
export function editPackageJson(source: string, install: Record<string, string>): string {
  let result = source;
  for (const [name, version] of Object.entries(install)) {
    const pattern = new RegExp(`("${name.replace(/[/@.-]/g, "\\$&")}": )"[^"]*"`);
    if (!pattern.test(result)) throw new Error(`package.json: ${name} is not a dependency`);
    result = result.replace(pattern, `$1"${version}"`);
  }
  return result;
}

/**
 * Applies `step` to `tree` and returns what changed: first the codemod's step, if the step names
 * one, then the step's own files, deletions and transforms (the part the codemod leaves).
 * `onCodemod` receives the codemod's result, to-dos included.
 */
export function applyStep(tree: FileTree, step: Step, onCodemod?: (result: RunResult) => void): FileChanges {
  const changes: FileChanges = new Map();
  const record = (file: string, after: string | null) => {
    const before = changes.has(file) ? changes.get(file)!.before : tree.read(file);
    if (before === null && after === null) throw new Error(`${step.id}: cannot delete ${file}, it does not exist`);
    changes.set(file, { before, after });
    tree.write(file, after);
  };
  if (step.codemod !== undefined) {
    const result = runCodemod(
      tree.root,
      "apply",
      new Set([step.codemod]),
      { files: tree.codemodFiles(), read: (file) => tree.read(file) },
      { partial: true },
    );
    if (result.parseErrors.length > 0)
      throw new Error(
        `${step.id}: the codemod could not read ${result.parseErrors.map((e) => `${e.file} (${e.reason})`).join(", ")}`,
      );
    if (result.changes.length === 0)
      throw new Error(
        `${step.id}: the codemod's step ${step.codemod} changed nothing (has the app changed? update the step)`,
      );
    for (const change of result.changes) record(change.path, change.after);
    onCodemod?.(result);
  }
  for (const file of step.write ?? []) record(file, stepFile(step, file));
  for (const [file, name] of Object.entries(step.template ?? {}))
    record(file, readFileSync(path.join(TEMPLATES_DIR, name), "utf8"));
  for (const file of step.delete ?? []) record(file, null);
  for (const [from, to] of Object.entries(step.rename ?? {})) {
    const content = tree.read(from);
    if (content === null) throw new Error(`${step.id}: cannot move ${from}, it does not exist`);
    record(from, null);
    record(to, content);
  }
  for (const transform of step.transforms ?? []) {
    const file = tree.read(transform.file) === null && transform.fallback ? transform.fallback : transform.file;
    const source = tree.read(file);
    if (source === null) throw new Error(`${step.id}: ${transform.file} does not exist`);
    const output = transform.apply(source, file);
    if (output === source) throw new Error(`${step.id}: "${transform.description}" changed nothing in ${file}`);
    record(file, output);
  }
  if (step.install) record("package.json", editPackageJson(tree.read("package.json") ?? "", step.install));
  return changes;
}

/** Writes a step's changes into a directory on disk. */
export function writeChanges(dir: string, changes: FileChanges): void {
  for (const [file, { after }] of changes) {
    const full = path.join(dir, file);
    if (after === null) rmSync(full, { force: true });
    else {
      mkdirSync(path.dirname(full), { recursive: true });
      writeFileSync(full, after);
    }
  }
}

/** A unified diff of a step's changes, as `git diff` prints it (a/ and b/ paths, files sorted). */
export function unifiedDiff(changes: FileChanges): string {
  const scratch = mkdtempSync(path.join(tmpdir(), "migration-diff-"));
  try {
    const parts: string[] = [];
    for (const file of [...changes.keys()].sort()) {
      const { before, after } = changes.get(file)!;
      const side = (name: "a" | "b", content: string | null) => {
        if (content === null) return "/dev/null";
        const full = path.join(scratch, name, file);
        mkdirSync(path.dirname(full), { recursive: true });
        writeFileSync(full, content);
        return path.join(name, file);
      };
      const a = side("a", before);
      const b = side("b", after);
      let output = "";
      try {
        execFileSync(
          "git",
          ["diff", "--no-index", "--no-color", "--no-ext-diff", "--src-prefix=", "--dst-prefix=", a, b],
          {
            cwd: scratch,
            encoding: "utf8",
          },
        );
      } catch (error) {
        output = (error as { stdout: string }).stdout; // exit code 1: the files differ
      }
      parts.push(
        `diff --git a/${file} b/${file}\n` +
          output
            .split("\n")
            .filter((line) => !/^(diff --git |index |new file mode|deleted file mode)/.test(line))
            .join("\n")
            .trimEnd(),
      );
    }
    return parts.filter(Boolean).join("\n");
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
