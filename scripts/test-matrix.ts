/**
 * `npm run test:matrix`: the app on every Next.js / React combination in matrix/combinations.ts
 * (v4 app and the Auth.js v5 end state), each in an isolated, cached copy with exact versions:
 * type check, Jest, `next build`, and an HTTP smoke test against `next start` on 127.0.0.1.
 *
 *   npm run test:matrix                 every combination (sequential; ~10 min each when nothing is cached)
 *   npm run test:matrix -- --ci         the CI subset (combinations marked `ci`)
 *   npm run test:matrix -- --only v4-next13.5-react18,v5-next16-react19-proxy
 *   npm run test:matrix -- --list       the combinations and the versions they would install
 *   --working-tree                      copy the working tree instead of the committed HEAD
 *   --fresh                             drop the selected combinations' cached installs first
 *   --no-record                         do not update matrix/results.json and matrix/RESULTS.md
 *   --render                            only rewrite matrix/RESULTS.md from matrix/results.json
 *
 * Every run writes artifacts/matrix/{results.json,RESULTS.md} and logs per combination; full and
 * `--only` runs also merge into matrix/results.json and matrix/RESULTS.md (the README's table).
 * Ends with `N passed, N failed` (combinations) and exits non-zero when one failed.
 */
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { combinations, type Combination } from "../matrix/combinations";
import { stopAllChildren } from "../matrix/process";
import { consoleTable, record, RESULTS_MD, writeRunFiles, type ComboResult } from "../matrix/report";
import { runCombination } from "../matrix/run-combination";
import { v5Pins } from "../matrix/variants";
import { resolvePins } from "../matrix/versions";
import { AppSource, CACHE_ROOT, ROOT, workspaceFor } from "../matrix/workspace";
import { commandLine, onInterrupt, progress } from "../tooling/cli";

const { flag, option } = commandLine();
const { step: log, elapsed } = progress("matrix");
const LOGS = path.join(ROOT, "artifacts", "matrix");

function select(): Combination[] {
  const only = option("--only");
  if (only) {
    const ids = only.split(",").map((id) => id.trim());
    const unknown = ids.filter((id) => !combinations.some((combo) => combo.id === id));
    if (unknown.length)
      throw new Error(
        `unknown combination(s): ${unknown.join(", ")}. Known: ${combinations.map((c) => c.id).join(", ")}`,
      );
    return combinations.filter((combo) => ids.includes(combo.id));
  }
  return flag("--ci") ? combinations.filter((combo) => combo.ci) : combinations;
}

async function list(selected: Combination[]): Promise<void> {
  for (const combo of selected) {
    const pins = await resolvePins(combo, combo.app === "v5" ? v5Pins() : {});
    console.log(
      `${combo.id.padEnd(30)} ${combo.ci ? "ci " : "   "} ${Object.entries(pins)
        .map(([name, version]) => `${name}@${version}`)
        .join(" ")}`,
    );
  }
}

async function main(): Promise<number> {
  const selected = select();
  if (flag("--list")) {
    await list(selected);
    return 0;
  }
  if (flag("--render")) {
    console.log(`${record([]).length} recorded combination(s) rendered to ${path.relative(ROOT, RESULTS_MD)}`);
    return 0;
  }
  // The committed table describes commits: CI runs and working-tree runs only write artifacts.
  const recordResults = !flag("--no-record") && !flag("--ci") && !flag("--working-tree");
  const nextBefore = readFileSync(path.join(ROOT, "node_modules/next/package.json"), "utf8");
  log(`${selected.length} combination(s), sequential; cache ${CACHE_ROOT}, logs ${path.relative(ROOT, LOGS)}`);
  if (flag("--fresh")) {
    for (const combo of selected) rmSync(workspaceFor(combo, LOGS).dir, { recursive: true, force: true });
    log("dropped the cached installs of the selected combinations");
  }

  const source = new AppSource(flag("--working-tree"));
  log(`copies are made from the ${source.label}`);
  // MIGRATION.md's doc test replays the steps on this unpinned copy: in a combination's copy the
  // pinned package.json (and, for v5, the applied steps) would not be what the guide starts from.
  const v4Base = path.join(CACHE_ROOT, "_v4-base");
  source.copyTo(v4Base);

  const results: ComboResult[] = [];
  for (const [index, combo] of selected.entries()) {
    log(`(${index + 1}/${selected.length}) ${combo.id}: ${combo.note || "-"}`);
    const result = await runCombination(combo, { source, v4Base, logsRoot: LOGS, log });
    results.push(result);
    log(
      `(${index + 1}/${selected.length}) ${combo.id}: ${result.status} in ${result.seconds.toFixed(0)}s${result.reason ? ` — ${result.reason}` : ""}`,
    );
  }

  if (readFileSync(path.join(ROOT, "node_modules/next/package.json"), "utf8") !== nextBefore) {
    throw new Error(
      "this checkout's node_modules/next changed during the run: a hard-linked install was written through",
    );
  }

  writeRunFiles(LOGS, results);
  if (recordResults) {
    record(results);
    log(`recorded in ${path.relative(ROOT, RESULTS_MD)} and matrix/results.json`);
  }
  console.log(`\n${consoleTable(results)}\n`);
  const passed = results.filter((result) => result.status === "pass").length;
  const failed = results.filter((result) => result.status === "FAIL").length;
  const unsupported = results.length - passed - failed;
  console.log(
    `total time ${elapsed()}${unsupported ? `; ${unsupported} unsupported as documented (not counted)` : ""}`,
  );
  console.log(`${passed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}

onInterrupt((signal) => {
  console.error(`\n[matrix] ${signal}: stopping child processes`);
  return stopAllChildren();
});

main()
  .then((code) => process.exit(code))
  .catch(async (error: Error) => {
    console.error(`[matrix] ${error.message}`);
    await stopAllChildren();
    console.log("0 passed, 1 failed");
    process.exit(1);
  });
