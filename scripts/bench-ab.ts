/**
 * `npm run bench:ab -- <target dir> <twin dir> [--paths p,q~r,twin:q~r,p|q] [--rounds N] [--env NAME=value]`:
 * two production builds of this app side by side, the same requests to both, interleaved. For
 * trying a change whose effect is smaller than the drift between two `npm run bench` runs: copy
 * the app (`git ls-files -co --exclude-standard`, node_modules hard-linked), make the change, then
 * compare it with this checkout. Each side is copied again with the twin pages and built there
 * (bench/support/twin-app.ts), so neither directory needs a build or twins of its own.
 *   `p`   compares the target's p with the twin's p;
 *   `p~q` compares the target's p with the target's q (a within-build ratio, as `npm run bench`);
 *   `twin:p~q` the same within the twin;
 *   `p|q` compares the target's p with the twin's q (a page against its limit in another build).
 * Default paths: /dashboard, /api/me, and /bench/unmatched/public-dashboard as the control that
 * the change should not move.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import path from "node:path";
import { seedBenchDatabase, startInstance, type Instance } from "../bench/support/instance";
import { comparePair, type Endpoint } from "../bench/support/load";
import { twinApp } from "../bench/support/twin-app";
import { ROOT, stopAllChildren } from "../tooling/app-server";
import { commandLine, markdownTable, onInterrupt, progress } from "../tooling/cli";

const { option, options, positional: positionalArgs } = commandLine();
const positional = positionalArgs();
if (positional.length !== 2)
  throw new Error(
    "usage: npm run bench:ab -- <target dir> <twin dir> [--paths p,q~r,twin:q~r,p|q] [--rounds N] [--env NAME=value]",
  );
const [targetDir, twinDir] = positional.map((dir) => path.resolve(dir));
const paths = (option("--paths") ?? "/dashboard,/api/me,/bench/unmatched/public-dashboard").split(",");
const rounds = Number(option("--rounds") ?? 4);
const overrides = Object.fromEntries(options("--env").map((assignment) => assignment.split(/=(.*)/s).slice(0, 2)));
const ARTIFACTS = path.join(ROOT, "artifacts", "bench-ab");
const SETTINGS = { rounds, secondsPerRound: 2, connections: 8, warmupRequests: 300 };

const { step } = progress("bench:ab");

async function start(name: string, cwd: string, seeded: string, scratch: string): Promise<Instance> {
  const dataDir = path.join(scratch, name);
  cpSync(seeded, dataDir, { recursive: true });
  return startInstance({ name, cwd, dataDir, logDir: ARTIFACTS, overrides });
}

async function main() {
  rmSync(ARTIFACTS, { recursive: true, force: true });
  mkdirSync(ARTIFACTS, { recursive: true });
  const scratch = mkdtempSync(path.join(tmpdir(), "auth-bench-ab-"));
  try {
    step("seeding one embedded database (copied for both builds)…");
    const seeded = path.join(scratch, "seeded");
    await seedBenchDatabase(seeded, path.join(ARTIFACTS, "seed.log"));
    step(`starting the target (${targetDir}) and the twin (${twinDir})…`);
    const target = await start("target", await twinApp(targetDir, "ab-target", step), seeded, scratch);
    const twin = await start("twin", await twinApp(twinDir, "ab-twin", step), seeded, scratch);
    const endpoint = (side: typeof target, label: string, pathName: string): Endpoint => ({
      label,
      origin: side.origin,
      path: pathName,
      cookie: side.user.refresh,
    });

    const rows: string[][] = [];
    for (const entry of paths) {
      const [sideName, within] = entry.startsWith("twin:")
        ? (["twin", entry.slice("twin:".length)] as const)
        : (["target", entry] as const);
      const side = sideName === "twin" ? twin : target;
      const [first, second] = within.split("~");
      const [targetPath, twinPath = targetPath] = first.split("|");
      const pair = second
        ? [endpoint(side, sideName, first), endpoint(side, sideName, second)]
        : [endpoint(target, "target", targetPath), endpoint(twin, "twin", twinPath)];
      step(`${pair[0].label} ${pair[0].path} against ${pair[1].label} ${pair[1].path}…`);
      const result = await comparePair(pair[0], pair[1], SETTINGS);
      step(`  ratio ${result.ratio.toFixed(3)}`);
      rows.push([
        second
          ? `${sideName} ${first} ÷ ${sideName} ${second}`
          : twinPath === targetPath
            ? `${first}: target ÷ twin`
            : `target ${targetPath} ÷ twin ${twinPath}`,
        result.ratio.toFixed(3),
        `${result.target.requestsPerSecond.toFixed(0)} / ${result.twin.requestsPerSecond.toFixed(0)}`,
        `${result.target.p50Ms} / ${result.twin.p50Ms}`,
      ]);
    }
    console.log(
      [
        "",
        `${cpus().length} × ${cpus()[0]?.model.trim() ?? "CPU"}, Node ${process.version}. ${rounds} rounds × ${SETTINGS.secondsPerRound} s per side, ${SETTINGS.connections} connections, interleaved.`,
        `target ${targetDir}, twin ${twinDir}${Object.keys(overrides).length ? `, env ${JSON.stringify(overrides)}` : ""}`,
        "",
        markdownTable(["pair", "ratio", "req/s", "p50 ms"], rows),
      ].join("\n"),
    );
  } finally {
    await stopAllChildren();
    rmSync(scratch, { recursive: true, force: true });
  }
}

onInterrupt(stopAllChildren);

main().then(
  () => process.exit(0),
  async (error: Error) => {
    console.error(`[bench:ab] ${error.stack ?? error.message}`);
    await stopAllChildren();
    process.exit(1);
  },
);
