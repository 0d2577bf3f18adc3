import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { main } from "../../runner/cli";
import { FIXTURES } from "./fixtures";
import { BRIDGE_MARKER } from "../../transforms/legacy-bridge";

/**
 * Whole-repository fixtures: transforms/__testfixtures__/repos/<case>/input → output, for what one
 * file cannot show (monorepos, an app left unwritten, what the CLI writes). `expect.json` holds the
 * apply arguments and lines its output must contain. A file named `gitignore` becomes `.gitignore`
 * (a real one would hide fixture files from this repository's git).
 */
export const REPO_FIXTURES = path.join(FIXTURES, "repos");

export interface RepoCase {
  name: string;
  input: string;
  output: string;
  /**
   * `before`: applies run (each committed) before the one of `args`; `out`: lines apply prints;
   * `notOut`: text it must not print (a false or stale to-do); `code`: its exit code (0, or 3
   * when it prints NOT MIGRATED); `scanBefore`: text a scan of the input prints (the refusals it
   * predicts); `scanAfter`: text a scan of the applied tree prints (what still needs a person).
   */
  expect: {
    args: string[];
    before?: string[][];
    out: string[];
    notOut?: string[];
    code?: number;
    scanBefore?: string[];
    scanAfter?: string[];
  };
}

export function repoCases(): RepoCase[] {
  return readdirSync(REPO_FIXTURES)
    .sort()
    .map((name) => ({
      name,
      input: path.join(REPO_FIXTURES, name, "input"),
      output: path.join(REPO_FIXTURES, name, "output"),
      expect: JSON.parse(readFileSync(path.join(REPO_FIXTURES, name, "expect.json"), "utf8")),
    }));
}

/** Copies the input into a fresh git repository (one commit) and returns its folder. */
export function checkout(c: RepoCase): string {
  const dir = mkdtempSync(path.join(tmpdir(), `codemod-${c.name}-`));
  cpSync(c.input, dir, { recursive: true });
  for (const file of readTree(dir).keys())
    if (path.basename(file) === "gitignore")
      renameSync(path.join(dir, file), path.join(dir, path.dirname(file), ".gitignore"));
  const git = (...args: string[]) => execFileSync("git", args, { cwd: dir, stdio: "pipe" });
  git("init", "-q");
  git("add", ".");
  git("-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-qm", "v4");
  return dir;
}

/** Every file under dir (not .git), by POSIX path, with its text; `.gitignore` shown as `gitignore`. */
export function readTree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (rel: string) => {
    for (const entry of readdirSync(path.join(dir, rel))) {
      if (entry === ".git") continue;
      const child = rel ? `${rel}/${entry}` : entry;
      if (statSync(path.join(dir, child)).isDirectory()) walk(child);
      else
        out.set(child.replace(/(^|\/)\.gitignore$/, "$1gitignore"), shown(readFileSync(path.join(dir, child), "utf8")));
    }
  };
  walk("");
  return new Map([...out].sort(([a], [b]) => a.localeCompare(b)));
}

/** The session bridge step 6 writes is the template as it is (JavaScript: types stripped); its own tests cover it. */
export const BRIDGE_PLACEHOLDER =
  "// The session bridge: codemod/templates/legacy-v4-session.ts, as step 6 writes it.\n";
const shown = (text: string) => (text.includes(BRIDGE_MARKER) ? BRIDGE_PLACEHOLDER : text);

/** Runs the CLI with captured output. */
export function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

/** Runs `before`'s applies in a checkout, committing after each, as a person would between steps. */
export function applyBefore(c: RepoCase, dir: string) {
  for (const args of c.expect.before ?? []) {
    cli("apply", dir, ...args);
    const git = (...a: string[]) => execFileSync("git", a, { cwd: dir, stdio: "pipe" });
    git("add", "-A");
    git(
      "-c",
      "user.email=t@example.com",
      "-c",
      "user.name=t",
      "commit",
      "-qm",
      `apply ${args.join(" ")}`,
      "--allow-empty",
    );
  }
}

/** Rewrites a case's output folder from the current codemod (review the diff). */
export function writeOutput(c: RepoCase) {
  rmSync(c.output, { recursive: true, force: true });
  const dir = checkout(c);
  try {
    applyBefore(c, dir);
    cli("apply", dir, ...c.expect.args);
    rmSync(path.join(dir, ".git"), { recursive: true, force: true });
    for (const [file, text] of readTree(dir)) {
      if (file.endsWith("gitignore"))
        renameSync(path.join(dir, file.replace(/gitignore$/, ".gitignore")), path.join(dir, file));
      if (text === BRIDGE_PLACEHOLDER) writeFileSync(path.join(dir, file), text);
    }
    cpSync(dir, c.output, { recursive: true });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
