import { readdirSync } from "node:fs";
import path from "node:path";
import { isEnvConfigFile, isEnvFile } from "../transforms/env-names";
import { SOURCE_EXTENSIONS } from "../lib/project";
import type { Transform } from "../lib/types";

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

export function kindOf(file: string): Transform["kind"] {
  if (file.endsWith("package.json")) return "package-json";
  if (isEnvConfigFile(file)) return "config";
  if (isEnvFile(file)) return "env";
  return "source";
}

/** What the codemod writes as code (and restyles): not package.json, not .env files. */
export const CODE_FILE = /\.[cm]?[jt]sx?$/;

/** Module specifiers a file imports or re-exports (static, dynamic and require). */
export function importSpecifiers(source: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)(["'])([^"'\n]+)\1/g))
    out.push(m[2]);
  return out;
}
