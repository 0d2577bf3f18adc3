import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * The files the codemod creates take the app's Prettier config, formatted by the app's own
 * Prettier (or, when the app has none installed, the codemod's). Rewritten files keep their
 * text edits: Prettier would touch lines the user wrote.
 */
const CONFIG_FILES = [
  ".prettierrc",
  ".prettierrc.json",
  ".prettierrc.json5",
  ".prettierrc.yaml",
  ".prettierrc.yml",
  ".prettierrc.toml",
  ".prettierrc.js",
  ".prettierrc.cjs",
  ".prettierrc.mjs",
  ".prettierrc.ts",
  ".prettierrc.cts",
  ".prettierrc.mts",
  "prettier.config.js",
  "prettier.config.cjs",
  "prettier.config.mjs",
  "prettier.config.ts",
  "prettier.config.cts",
  "prettier.config.mts",
];

/** Whether a Prettier config applies to `file` (absolute), looking up to `root`. */
export function hasPrettierConfig(root: string, file: string): boolean {
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    if (CONFIG_FILES.some((name) => existsSync(path.join(dir, name)))) return true;
    if (prettierKey(path.join(dir, "package.json"))) return true;
    if (dir === root || path.dirname(dir) === dir) return false;
  }
}

function prettierKey(pkg: string): boolean {
  try {
    return (JSON.parse(readFileSync(pkg, "utf8")) as { prettier?: unknown }).prettier !== undefined;
  } catch {
    return false;
  }
}

/** Runs in a child process: Prettier's API is async, the codemod's run is not. */
const WORKER = `
const { createRequire } = require("node:module");
let input = "";
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", async () => {
  const { files, fallback, ignorePath } = JSON.parse(input);
  const out = [];
  for (const file of files) {
    try {
      let from;
      try { from = createRequire(file.path).resolve("prettier"); } catch { from = fallback; }
      const prettier = require(from);
      const info = await prettier.getFileInfo(file.path, ignorePath ? { ignorePath } : {});
      if (info.ignored) { out.push(null); continue; }
      const config = await prettier.resolveConfig(file.path, { editorconfig: true });
      out.push(await prettier.format(file.source, { ...config, filepath: file.path }));
    } catch (error) {
      out.push({ error: String(error && error.message || error).split("\\n")[0] });
    }
  }
  process.stdout.write(JSON.stringify(out));
});
`;

export interface Formatted {
  path: string;
  /** The formatted text, or undefined when Prettier ignores the file or failed (`error` says why). */
  text?: string;
  error?: string;
}

/** Formats `files` (root-relative paths with their text) with the app's Prettier, in one child process. */
export function formatWithPrettier(root: string, files: { path: string; source: string }[]): Formatted[] {
  if (files.length === 0) return [];
  let fallback: string;
  try {
    fallback = require.resolve("prettier");
  } catch {
    return files.map((f) => ({ path: f.path, error: "prettier is not installed" }));
  }
  const ignore = path.join(root, ".prettierignore");
  const input = JSON.stringify({
    files: files.map((f) => ({ path: path.join(root, f.path), source: f.source })),
    fallback,
    ignorePath: existsSync(ignore) ? ignore : undefined,
  });
  let results: (string | null | { error: string })[];
  try {
    const stdout = execFileSync(process.execPath, ["-e", WORKER], {
      cwd: root,
      input,
      maxBuffer: 64 * 1024 * 1024,
      stdio: ["pipe", "pipe", "pipe"],
    });
    results = JSON.parse(stdout.toString()) as typeof results;
  } catch (error) {
    return files.map((f) => ({ path: f.path, error: (error as Error).message.split("\n")[0] }));
  }
  return files.map((f, i) => {
    const r = results[i];
    return typeof r === "string" ? { path: f.path, text: r } : { path: f.path, error: r?.error };
  });
}
