import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, realpathSync } from "node:fs";
import path from "node:path";

const SKIPPED = new Set(["node_modules", ".next", "artifacts", ".data", ".git"]);

const git = (dir: string, ...args: string[]) =>
  execFileSync("git", args, { cwd: dir, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });

/** Whether `dir` is the top of a git checkout (a copy under this one's ignored artifacts/ is not). */
function isCheckoutRoot(dir: string): boolean {
  try {
    return realpathSync(git(dir, "rev-parse", "--show-toplevel").trim()) === realpathSync(dir);
  } catch {
    return false;
  }
}

/**
 * An app's files: git's list when it is a checkout (untracked but not ignored included), else
 * everything but build output, packages and artifacts.
 */
export function appFiles(dir: string): string[] {
  if (isCheckoutRoot(dir)) {
    return git(dir, "ls-files", "-co", "--exclude-standard", "-z")
      .split("\0")
      .filter((file) => file && existsSync(path.join(dir, file)) && !file.startsWith("artifacts/"));
  }
  const walk = (relative: string): string[] =>
    readdirSync(path.join(dir, relative), { withFileTypes: true }).flatMap((entry) => {
      if (SKIPPED.has(entry.name)) return [];
      const file = path.join(relative, entry.name);
      return entry.isDirectory() ? walk(file) : [file];
    });
  return walk("");
}

/** A hash of an app's files, names and contents: equal stamps, equal sources. */
export function sourceStamp(dir: string, files = appFiles(dir)): string {
  const hash = createHash("sha256");
  for (const file of [...files].sort())
    hash
      .update(file)
      .update("\0")
      .update(readFileSync(path.join(dir, file)));
  return hash.digest("hex");
}
