/**
 * npm run codemod:corpus — the synthetic v4 corpus, end to end:
 *   generate (≥ 300 files) → scan → apply --all → type-check the result against next-auth
 *   5.0.0-beta.32 → every type error must sit in a file the codemod reported a to-do for.
 * next-auth 5 is installed once into node_modules/.cache/next-auth-v5-codemod (no scripts run,
 * no binaries); next, react and their types come from this repo's node_modules.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { generateCorpus } from "../corpus/generate";
import { run } from "../runner/run";
import { writeChanges } from "../runner/write-policy";
import { NEXT_AUTH_V5 } from "../transforms/package-json";
import { BRIDGE_MARKER } from "../transforms/legacy-bridge";
import { installIntoCache } from "./install-cache";

const repo = path.resolve(__dirname, "..", "..");
const cache = path.join(repo, "node_modules", ".cache", "next-auth-v5-codemod");
const V5_PACKAGES = [`next-auth@${NEXT_AUTH_V5}`, "@auth/prisma-adapter@2.11.3"];

function step<T>(label: string, fn: () => T): T {
  const started = performance.now();
  const result = fn();
  console.log(`${label.padEnd(44)} ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

const root = mkdtempSync(path.join(tmpdir(), "codemod-corpus-"));
try {
  const corpus = step("generate the v4 corpus", () => generateCorpus(root));
  const scan = step("scan", () => run(root, "scan", new Set()));
  const missed = corpus.planted.filter(
    (p) => scan.findings.filter((f) => f.file === p.file && f.kind === p.kind).length < p.count,
  );
  const applied = step("apply --all", () => {
    const result = run(root, "apply", new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]));
    writeChanges(root, result.changes);
    return result;
  });
  step(`install ${V5_PACKAGES.join(", ")} (cached)`, () => {
    if (existsSync(path.join(cache, "node_modules", "next-auth", "package.json"))) return;
    installIntoCache(cache, V5_PACKAGES);
  });
  step("link node_modules (v5 + this repo's next/react)", () => {
    const modules = path.join(root, "node_modules");
    mkdirSync(path.join(modules, "@types"), { recursive: true });
    for (const name of readdirSync(path.join(cache, "node_modules"))) {
      if (name.startsWith(".") || name === "@types") continue;
      symlinkSync(path.join(cache, "node_modules", name), path.join(modules, name));
    }
    for (const name of ["next", "react", "react-dom", "@next", "@swc"]) {
      if (!existsSync(path.join(modules, name)) && existsSync(path.join(repo, "node_modules", name)))
        symlinkSync(path.join(repo, "node_modules", name), path.join(modules, name));
    }
    for (const name of ["react", "react-dom", "node"])
      symlinkSync(path.join(repo, "node_modules", "@types", name), path.join(modules, "@types", name));
  });
  const errors = step("tsc --noEmit on the rewritten corpus", () => {
    try {
      execFileSync(path.join(repo, "node_modules", ".bin", "tsc"), ["--noEmit", "-p", root, "--preserveSymlinks"], {
        cwd: root,
        encoding: "utf8",
      });
      return [];
    } catch (error) {
      return String((error as { stdout?: string }).stdout ?? "")
        .split("\n")
        .filter((l) => /error TS\d+/.test(l));
    }
  });
  const todoFiles = new Set(applied.findings.filter((f) => f.action === "todo").map((f) => f.file));
  const unreported = errors.filter((line) => !todoFiles.has(line.split("(")[0]));
  // Step 6 writes the session bridge; the type check above covers it like any other file.
  const bridges = applied.changes.filter((c) => c.after?.includes(BRIDGE_MARKER)).map((c) => c.path);
  const perSecond = (r: { files: number; elapsedMs: number }) => Math.round(r.files / (r.elapsedMs / 1000));

  console.log(`\nCorpus: ${corpus.files} files, ${corpus.planted.reduce((n, p) => n + p.count, 0)} planted usages`);
  console.log(
    `  scan:  ${scan.findings.length} usages found, ${missed.length} planted usages missed, ${perSecond(scan)} files/s`,
  );
  console.log(
    `  apply: ${applied.changes.length} files changed/created/deleted, ${applied.findings.filter((f) => f.action === "rewrite").length} rewrites, ${applied.findings.filter((f) => f.action === "todo").length} to-dos, ${perSecond(applied)} files/s`,
  );
  console.log(
    `  type check against next-auth ${NEXT_AUTH_V5}: ${errors.length} errors, ${errors.length - unreported.length} in files with a reported to-do, ${unreported.length} unreported`,
  );
  console.log(`  session bridge written by step 6: ${bridges.join(", ") || "none"}`);
  for (const line of unreported.slice(0, 20)) console.log(`    unreported: ${line}`);
  for (const p of missed) console.log(`    missed: ${p.file} ${p.kind}`);
  const ok = missed.length === 0 && unreported.length === 0 && bridges.length > 0;
  console.log(ok ? "\ncorpus: passed" : "\ncorpus: FAILED");
  process.exitCode = ok ? 0 : 1;
} finally {
  if (!process.env.KEEP_CORPUS) rmSync(root, { recursive: true, force: true });
  else console.log(`kept ${root}`);
}
