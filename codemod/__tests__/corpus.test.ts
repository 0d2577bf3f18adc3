import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { generateCorpus } from "../corpus/generate";
import { run } from "../runner/run";
import { writeChanges } from "../runner/write-policy";

/**
 * A synthetic v4 codebase (30 copies of each pattern, JS and TS, among files without next-auth):
 * scan finds every planted usage, and apply rewrites all of it or reports it. The type check of
 * the result against next-auth 5.0.0-beta.32 is `npm run codemod:corpus` (it installs v5 once).
 */
let root: string;
let corpus: ReturnType<typeof generateCorpus>;
beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), "codemod-corpus-"));
  corpus = generateCorpus(root);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

it("has at least 300 files", () => {
  expect(corpus.files).toBeGreaterThanOrEqual(300);
});

it("scan finds every planted usage", () => {
  const result = run(root, "scan", new Set());
  const missing = corpus.planted.filter(
    (p) => result.findings.filter((f) => f.file === p.file && f.kind === p.kind).length < p.count,
  );
  expect(missing).toEqual([]);
  expect(result.parseErrors).toEqual([]);
  const plainFiles = new Set(
    result.findings.map((f) => f.file).filter((f) => f.includes("/plain/") || f.includes("util-")),
  );
  expect([...plainFiles]).toEqual([]);
  console.log(
    `corpus scan: ${result.files} files, ${result.findings.length} usages, ${Math.round(result.files / (result.elapsedMs / 1000))} files/s`,
  );
});

it("apply rewrites every call site it can and reports each one it leaves", () => {
  const result = run(root, "apply", new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]));
  writeChanges(root, result.changes);
  const calls = result.findings.filter((f) => f.kind === "getServerSession-call");
  // 4 rewritable forms per copy; the per-call options form is a to-do with its reason.
  expect(calls.filter((f) => f.action === "rewrite")).toHaveLength(4 * 30);
  expect(calls.filter((f) => f.action === "todo").map((f) => f.message)).toEqual(
    Array(30).fill(expect.stringMatching(/options written inline/)),
  );
  console.log(
    `corpus apply: ${result.files} files, ${result.changes.length} changed/created/deleted, ${result.findings.filter((f) => f.action === "rewrite").length} rewrites, ` +
      `${result.findings.filter((f) => f.action === "todo").length} to-dos, ${Math.round(result.files / (result.elapsedMs / 1000))} files/s`,
  );
  const again = run(root, "apply", new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]));
  expect(again.changes.map((c) => c.path)).toEqual([]);
});
