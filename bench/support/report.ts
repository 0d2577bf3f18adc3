/**
 * The benchmark's report: markdown tables (server ratios, client bytes, session requests, cold
 * starts) and every target as pass, miss or not measured, for scripts/bench.ts.
 */
import { cpus, totalmem } from "node:os";
import { markdownTable } from "../../tooling/cli";
import { FIRST_LOAD_SESSION_REQUESTS, SCRIPTED_VISIT_SESSION_REQUESTS } from "../../tooling/session-request-counts";
import { FOCUS_BURST, type BrowserCounts } from "./browser-counts";
import type { ClientBytes } from "./client-bytes";
import type { LoadSettings, PairResult } from "./load";

const NPM_TEST_TARGET_SECONDS = 45;

const pct = (ratio: number) => `${(ratio * 100).toFixed(1)}%`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** One load comparison: a target endpoint against its twin. */
export interface Comparison {
  id: string;
  what: string;
  target: string;
  twin: string;
  result?: PairResult;
  note?: string;
}

/** Cold starts of one page, spawned alternately. */
export interface ColdStart {
  label: string;
  /** ms from spawning `next start` to the first 200, per start */
  samples: number[];
  medianMs: number;
}

interface ReportInput {
  settings: LoadSettings;
  comparisons: Comparison[];
  bytes: { v4: ClientBytes; v5?: ClientBytes };
  counts?: BrowserCounts;
  countsNote?: string;
  cold: ColdStart[];
  npmTestSeconds?: number;
  npmTestNote?: string;
  v5Note?: string;
  v5SetCookies?: Record<string, number>;
  premises: string[];
  versions: { v4: string; v5?: string };
}

type Verdict = "pass" | "miss" | "not measured";
/** One target: what it asks, what was measured, and the verdict. */
type Target = [string, string, Verdict];

const ms = (value: number) => value.toFixed(1);

/** The markdown tables (each target as pass or miss) and the JSON summary of a run. */
export function renderReport(input: ReportInput) {
  const machine = machineLine(input.versions);
  const targets = targetRows(input);
  return {
    markdown: reportMarkdown(input, machine, targets),
    json: {
      machine,
      settings: input.settings,
      targets: targets.map(([target, measured, result]) => ({ target, measured, result })),
      premises: input.premises,
    },
  };
}

function machineLine(versions: ReportInput["versions"]): string {
  return `${cpus().length} × ${cpus()[0]?.model.trim() ?? "CPU"}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}, next-auth ${versions.v4}${versions.v5 ? ` and ${versions.v5}` : ""}`;
}

function reportMarkdown(input: ReportInput, machine: string, targets: Target[]): string {
  const { settings } = input;
  return [
    `Machine: ${machine}. ${settings.rounds} rounds × ${settings.secondsPerRound} s per side, ${settings.connections} connections, target and twin interleaved.`,
    ...(input.premises.length
      ? ["", `Premises broken (ratios involving them are not what they say): ${input.premises.join("; ")}`]
      : []),
    "",
    "**Server** (ratio = target req/s ÷ twin req/s, same run)",
    "",
    markdownTable(["figure", "target", "twin", "ratio", "req/s target / twin", "p50 ms", "p99 ms"], serverRows(input)),
    "",
    "**Client bytes** (gzip)",
    "",
    markdownTable(
      ["", `v4 (${input.versions.v4})`, `v5 (${input.versions.v5 ?? "–"})`, "v5/v4"],
      clientBytesRows(input.bytes),
    ),
    "",
    "**`/api/auth/session` requests from the browser**",
    "",
    markdownTable(["", "ours", "stock SessionProvider"], sessionRequestRows(input)),
    "",
    "**Cold start** (spawn `next start` → first 200; median of 2)",
    "",
    markdownTable(["", "median", "samples ms", "÷ v4 public twin"], coldStartRows(input.cold)),
    "",
    "**Targets**",
    "",
    markdownTable(["target", "measured", "result"], targets),
  ].join("\n");
}

function serverRows({ comparisons, v5Note }: ReportInput): string[][] {
  const rows = comparisons.map((c) =>
    c.result
      ? [
          c.what,
          c.target,
          c.twin,
          c.result.ratio.toFixed(3),
          `${c.result.target.requestsPerSecond.toFixed(0)} / ${c.result.twin.requestsPerSecond.toFixed(0)}`,
          `${ms(c.result.target.p50Ms)} / ${ms(c.result.twin.p50Ms)}`,
          `${ms(c.result.target.p99Ms)} / ${ms(c.result.twin.p99Ms)}`,
        ]
      : [c.what, c.target, c.twin, "–", c.note ?? "not measured", "", ""],
  );
  if (v5Note) rows.push(["v4 against v5", "–", "–", "–", `not measured: ${v5Note}`, "", ""]);
  return rows;
}

function clientBytesRows(bytes: ReportInput["bytes"]): string[][] {
  const rows: string[][] = [];
  for (const page of Object.keys(bytes.v4.firstLoad)) {
    const v4 = bytes.v4.firstLoad[page];
    const v5 = bytes.v5?.firstLoad[page];
    rows.push([
      `first-load JS ${page}`,
      kb(v4),
      v5 === undefined ? "not measured" : kb(v5),
      v5 === undefined ? "–" : (v5 / v4).toFixed(3),
    ]);
  }
  rows.push([
    "next-auth client code (share of /)",
    `${kb(bytes.v4.nextAuth)} (${pct(bytes.v4.nextAuth / bytes.v4.firstLoad["/"])})`,
    bytes.v5 ? `${kb(bytes.v5.nextAuth)} (${pct(bytes.v5.nextAuth / bytes.v5.firstLoad["/"])})` : "not measured",
    bytes.v5 ? (bytes.v5.nextAuth / bytes.v4.nextAuth).toFixed(3) : "–",
  ]);
  return rows;
}

function sessionRequestRows({ counts, countsNote }: ReportInput): string[][] {
  const rows: string[][] = [
    [
      "scripted visit (e2e, asserted)",
      Object.entries(SCRIPTED_VISIT_SESSION_REQUESTS)
        .map(([k, v]) => `${k} ${v}`)
        .join(", "),
      "–",
    ],
    [
      "first load (e2e, asserted)",
      Object.entries(FIRST_LOAD_SESSION_REQUESTS)
        .map(([k, v]) => `${k} ${v}`)
        .join(", "),
      "–",
    ],
  ];
  if (counts) {
    rows.push([
      "first load, measured here",
      `${counts.ours.firstLoad} (/dashboard)`,
      `${counts.stock.firstLoad} (/client: no session prop)`,
    ]);
    rows.push([
      `focus burst (${FOCUS_BURST} × hidden→visible), measured here`,
      String(counts.ours.focusBurst),
      String(counts.stock.focusBurst),
    ]);
  } else rows.push(["browser counts", countsNote ?? "not measured", ""]);
  return rows;
}

function coldStartRows(cold: ColdStart[]): string[][] {
  const publicCold = cold.find((entry) => entry.label === "v4 public twin");
  return cold.map((entry) => [
    entry.label,
    `${entry.medianMs.toFixed(0)} ms`,
    entry.samples.join(", "),
    publicCold ? (entry.medianMs / publicCold.medianMs).toFixed(3) : "–",
  ]);
}

/** Every target, in the report's order: the server's, the browser's, v5's, then npm test's. */
function targetRows(input: ReportInput): Target[] {
  return [
    ...serverTargets(input.comparisons),
    ...browserTargets(input.counts),
    ...v5Targets(input),
    npmTestTarget(input),
  ];
}

function serverTargets(comparisons: Comparison[]): Target[] {
  const byId = (id: string) => comparisons.find((c) => c.id === id)?.result;
  const atLeast = (id: string, bound: number): [string, Verdict] => {
    const result = byId(id);
    return result ? [result.ratio.toFixed(3), result.ratio >= bound ? "pass" : "miss"] : ["–", "not measured"];
  };
  const limit = byId("ssr-limit");
  const stock = byId("ssr-stock");
  return [
    ["auth middleware ÷ no-op middleware (same page, same runtime) ≥ 0.95", ...atLeast("middleware-limit", 0.95)],
    ["SSR /dashboard ÷ public page behind the no-op middleware ≥ 0.90", ...atLeast("ssr-limit", 0.9)],
    [
      "… above the stock pattern against its own (stock getServerSession page ÷ public page, no middleware)",
      limit && stock ? `${limit.ratio.toFixed(3)} vs ${stock.ratio.toFixed(3)}` : "–",
      limit && stock ? (limit.ratio > stock.ratio ? "pass" : "miss") : "not measured",
    ],
  ];
}

function browserTargets(counts: BrowserCounts | undefined): Target[] {
  return [
    [
      "0 session requests on first load of a server-rendered protected page",
      counts
        ? `${counts.ours.firstLoad} (e2e asserts ${FIRST_LOAD_SESSION_REQUESTS["/dashboard"]})`
        : `e2e asserts ${FIRST_LOAD_SESSION_REQUESTS["/dashboard"]}`,
      (counts ? counts.ours.firstLoad : FIRST_LOAD_SESSION_REQUESTS["/dashboard"]) === 0 ? "pass" : "miss",
    ],
    [
      `≤ 1 session request per focus burst (stock: 1 per focus)`,
      counts ? `${counts.ours.focusBurst} per burst of ${FOCUS_BURST} (stock ${counts.stock.focusBurst})` : "–",
      counts ? (counts.ours.focusBurst <= 1 ? "pass" : "miss") : "not measured",
    ],
  ];
}

function v5Targets({ comparisons, v5SetCookies: setCookies }: ReportInput): Target[] {
  const v5Figures = comparisons.filter((c) => c.id.startsWith("v5/v4-") && c.id !== "v5/v4-public");
  const v5Worst = v5Figures.filter((c) => c.result).sort((x, y) => x.result!.ratio - y.result!.ratio)[0];
  const reissued = setCookies ? Object.values(setCookies).reduce((sum, n) => sum + n, 0) : undefined;
  return [
    [
      "v5 no slower than v4 on every server figure (≥ 0.95)",
      v5Worst ? `worst ${v5Worst.result!.ratio.toFixed(3)} (${v5Worst.what})` : "–",
      v5Worst && v5Figures.every((c) => c.result) ? (v5Worst.result!.ratio >= 0.95 ? "pass" : "miss") : "not measured",
    ],
    [
      "0 Set-Cookie on v5 answers for an unchanged session",
      setCookies
        ? Object.entries(setCookies)
            .map(([p, n]) => `${p} ${n}`)
            .join(", ")
        : "–",
      reissued === undefined ? "not measured" : reissued === 0 ? "pass" : "miss",
    ],
  ];
}

function npmTestTarget({ npmTestSeconds, npmTestNote }: ReportInput): Target {
  return [
    `npm test ≤ ${NPM_TEST_TARGET_SECONDS} s wall`,
    npmTestSeconds !== undefined
      ? `${npmTestSeconds.toFixed(1)} s${npmTestNote ? ` (${npmTestNote})` : ""}`
      : (npmTestNote ?? "–"),
    npmTestSeconds !== undefined ? (npmTestSeconds <= NPM_TEST_TARGET_SECONDS ? "pass" : "miss") : "not measured",
  ];
}
