/**
 * Results: the console table, matrix/results.json (the latest result of every combination, each
 * with its own date) and matrix/RESULTS.md, the table the README copies.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { markdownTable } from "../tooling/cli";
import { combinations } from "./combinations";

export type CheckName =
  "versions" | "copy" | "install" | "variant" | "typecheck" | "jest" | "build" | "seed" | "start" | "smoke";
export type Status = "pass" | "FAIL" | "not run";

export interface CheckResult {
  name: CheckName;
  status: Status;
  seconds: number;
  detail: string;
}

export interface ComboResult {
  id: string;
  app: "v4" | "v5";
  /** pass, FAIL, or "unsupported" (failed as documented in combinations.ts). */
  status: "pass" | "FAIL" | "unsupported";
  /** ISO date-time the combination finished. */
  date: string;
  seconds: number;
  versions: Record<string, string>;
  variant: string[];
  /** What was copied: `commit <sha>` or `working tree on <sha>`. */
  source: string;
  tests?: { passed: number; failed: number };
  checks: CheckResult[];
  reason?: string;
  note: string;
}

const RESULTS_JSON = path.join(__dirname, "results.json");
export const RESULTS_MD = path.join(__dirname, "RESULTS.md");

const minutes = (seconds: number) =>
  `${Math.floor(seconds / 60)}m${String(Math.round(seconds % 60)).padStart(2, "0")}s`;

function checksCell(result: ComboResult): string {
  return result.checks
    .filter((check) => !["versions", "copy", "seed", "start"].includes(check.name) || check.status !== "pass")
    .map((check) => `${check.name}${check.status === "pass" ? "" : ` ${check.status}`}`)
    .join(", ");
}

/** One row per combination, for the console. */
export function consoleTable(results: ComboResult[]): string {
  return markdownTable(
    ["combination", "result", "next", "react", "next-auth", "jest", "time", "checks / reason"],
    results.map((r) => [
      r.id,
      r.status,
      r.versions.next ?? "?",
      r.versions.react ?? "?",
      r.versions["next-auth"] ?? "?",
      r.tests ? `${r.tests.passed}/${r.tests.passed + r.tests.failed}` : "-",
      minutes(r.seconds),
      r.status === "pass" ? checksCell(r) : (r.reason ?? r.checks.find((c) => c.status === "FAIL")?.detail ?? ""),
    ]),
    { padded: true },
  );
}

function readRecorded(): ComboResult[] {
  if (!existsSync(RESULTS_JSON)) return [];
  return (JSON.parse(readFileSync(RESULTS_JSON, "utf8")) as { results: ComboResult[] }).results;
}

/** Merges this run's results into the recorded ones (latest per combination) and writes both files. */
export function record(results: ComboResult[]): ComboResult[] {
  const byId = new Map(readRecorded().map((result) => [result.id, result]));
  for (const result of results) byId.set(result.id, result);
  const merged = combinations
    .map((combo) => byId.get(combo.id))
    .filter((result): result is ComboResult => Boolean(result));
  writeFileSync(RESULTS_JSON, `${JSON.stringify({ generatedBy: "npm run test:matrix", results: merged }, null, 2)}\n`);
  writeFileSync(RESULTS_MD, markdown(merged));
  return merged;
}

/** Writes this run's own results (CI artifacts). */
export function writeRunFiles(dir: string, results: ComboResult[]): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "results.json"), `${JSON.stringify({ results }, null, 2)}\n`);
  writeFileSync(path.join(dir, "RESULTS.md"), markdown(results));
}

const APP_LABEL = { v4: "next-auth v4 app", v5: "Auth.js v5 end state" } as const;

/** "next-auth v4 app: Next 13.5 + React 18", from the combination's version lines. */
function label(r: ComboResult): string {
  const combo = combinations.find((c) => c.id === r.id);
  if (!combo) return r.id;
  const file = combo.proxy ? " (proxy.ts)" : combo.next === "16" ? " (middleware.ts)" : "";
  return `${APP_LABEL[r.app]}: Next ${combo.next} + React ${combo.react}${file}`;
}

export function markdown(results: ComboResult[]): string {
  const rows = results.map((r) => {
    const v = r.versions;
    const exact = [
      `next ${v.next}`,
      `react ${v.react}`,
      `next-auth ${v["next-auth"]}`,
      `@types/react ${v["@types/react"]}`,
      `typescript ${v.typescript}`,
    ]
      .filter((text) => !text.endsWith("undefined"))
      .join(", ");
    const status = r.status === "pass" ? "✅ pass" : r.status === "unsupported" ? "⚠️ unsupported" : "❌ fail";
    const note = combinations.find((c) => c.id === r.id)?.note ?? r.note;
    const build = r.checks.find((c) => c.name === "build" && c.status === "pass")?.detail;
    const comment =
      r.status === "pass"
        ? [note, build && `next build ${build}`].filter(Boolean).join("; ")
        : (r.reason ?? r.checks.find((c) => c.status === "FAIL")?.detail ?? "");
    return [
      label(r),
      status,
      r.date.slice(0, 10),
      r.source.replace(/^commit /, ""),
      exact,
      r.tests ? `${r.tests.passed} passed` : "-",
      comment.replace(/\|/g, "\\|").replace(/\n/g, " "),
    ];
  });
  return [
    "# Compatibility matrix",
    "",
    "Generated by `npm run test:matrix` (matrix/, scripts/test-matrix.ts); do not edit by hand.",
    "Each row: an isolated copy of the app with exactly these versions, then `tsc --noEmit`, the",
    "Jest suite, `next build`, and an HTTP smoke test against `next start` on 127.0.0.1 (middleware",
    "or proxy.ts runs, credentials sign-in as the demo user, /dashboard 200, /api/me, /admin refused).",
    "",
    markdownTable(["combination", "result", "last run", "app commit", "exact versions", "jest", "notes"], rows, {
      padded: true,
    }),
    "",
  ].join("\n");
}
