/**
 * `npm run bench`: what auth costs in this app, every figure a ratio against a twin measured in
 * the same run. Loopback only, bounded (a few minutes; every load round is a fixed 2 s).
 *   the v5 end state in artifacts/v5-app, made again (`migration:verify --apply-only`) when it is
 *   missing or was made from other sources → copy this app, its limit twin (the same app behind a
 *   no-op middleware) and the v5 end state with the twin pages of bench/twins, build each copy
 *   when its files changed (bench/support/twin-app.ts) → seed one embedded database, copied per
 *   instance → v4 instances A (default settings), B (ROLE_RECHECK_SECONDS=0) and D (no-op
 *   middleware), v5 C → interleaved load rounds per pair → Set-Cookie on v5's answers → client
 *   bytes → browser session-request counts → cold starts → `npm test` wall time → markdown
 *   tables with every target as pass or miss, and JSON in artifacts/bench/.
 * Options: `--v5 <dir>` (another v5 app, used as it is), `--rounds N` (default 4),
 * `--skip-npm-test`, `--skip-browser`.
 * It is a measurement, not a test: it exits 0 unless it crashed, whatever the targets say.
 */
import { randomBytes } from "node:crypto";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { benchAppEnv, seedBenchDatabase, startInstance, type Instance } from "../bench/support/instance";
import { browserCounts, type BrowserCounts } from "../bench/support/browser-counts";
import { clientBytes, type ClientBytes } from "../bench/support/client-bytes";
import { comparePair, type Endpoint, type LoadSettings } from "../bench/support/load";
import { renderReport, type ColdStart, type Comparison } from "../bench/support/report";
import { twinApp } from "../bench/support/twin-app";
import { sourceStamp } from "../tooling/app-files";
import { send } from "../tooling/raw-http";
import { freePort, ROOT, runCommand, spawnApp, stopAllChildren } from "../tooling/app-server";
import { commandLine, onInterrupt, progress, tail } from "../tooling/cli";

const ARTIFACTS = path.join(ROOT, "artifacts", "bench");
const RUN_DEADLINE_MS = 35 * 60_000;

const { flag, option } = commandLine();
const V5_GIVEN = option("--v5");
const V5_DIR = path.resolve(V5_GIVEN ?? path.join(ROOT, "artifacts", "v5-app"));
const SETTINGS: LoadSettings = {
  rounds: Number(option("--rounds") ?? 4),
  secondsPerRound: 2,
  connections: 8,
  warmupRequests: 300,
};

const { step, elapsed } = progress("bench");

async function start(
  name: string,
  cwd: string,
  dataDir: string,
  overrides: Record<string, string> = {},
): Promise<Instance> {
  return startInstance({ name, cwd, dataDir, logDir: ARTIFACTS, overrides });
}

const endpoint = (instance: Instance, label: string, pathName: string, signedIn = true): Endpoint => ({
  label: `${instance.app.name} ${label}`,
  origin: instance.origin,
  path: pathName,
  cookie: signedIn ? instance.user.refresh : undefined,
});

/** Whether middleware runs on a path: anonymous requests to a matched, non-public page are redirected. */
async function middlewareRuns(instance: Instance, pathName: string): Promise<boolean> {
  const reply = await send(instance.app, { path: pathName });
  return reply.status === 307 || reply.status === 308;
}

/** One interleaved load comparison, target against twin; a failure is noted, not thrown. */
async function compare(id: string, what: string, target: Endpoint, twin: Endpoint): Promise<Comparison> {
  step(`${what}: ${target.label} ${target.path} against ${twin.label} ${twin.path}…`);
  const comparison: Comparison = {
    id,
    what,
    target: `${target.label} ${target.path}`,
    twin: `${twin.label} ${twin.path}`,
  };
  try {
    comparison.result = await comparePair(target, twin, SETTINGS);
    step(
      `  ratio ${comparison.result.ratio.toFixed(3)} (${comparison.result.target.requestsPerSecond.toFixed(0)} vs ${comparison.result.twin.requestsPerSecond.toFixed(0)} req/s)`,
    );
  } catch (error) {
    comparison.note = `not measured: ${(error as Error).message}`;
    step(`  ${comparison.note}`);
  }
  return comparison;
}

/** Spawns `next start` and polls `pathName` every 20 ms until it answers 200. */
async function coldStart(
  name: string,
  cwd: string,
  seededDir: string,
  scratch: string,
  pathName: string,
  cookie?: string,
): Promise<number> {
  const dataDir = path.join(scratch, `${name}-${randomBytes(4).toString("hex")}`);
  cpSync(seededDir, dataDir, { recursive: true });
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const spawnedAt = performance.now();
  const app = spawnApp({
    name,
    port,
    url,
    cwd,
    env: benchAppEnv(url, dataDir),
    logFile: path.join(ARTIFACTS, `${name}.log`),
  });
  try {
    for (;;) {
      if (performance.now() - spawnedAt > 60_000)
        throw new Error(`${name}: no 200 on ${pathName} within 60 s:\n${tail(app.logFile)}`);
      if (app.child.exitCode !== null)
        throw new Error(`${name}: next start exited with ${app.child.exitCode}:\n${tail(app.logFile)}`);
      try {
        const reply = await send(app, { path: pathName, headers: cookie ? { cookie } : {}, timeoutMs: 10_000 });
        if (reply.status === 200) return performance.now() - spawnedAt;
      } catch {
        /* not listening yet */
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    await app.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];

function v5Problem(): string | null {
  const pkg = path.join(V5_DIR, "node_modules", "next-auth", "package.json");
  if (!existsSync(pkg)) return `no v5 app in ${path.relative(ROOT, V5_DIR)}`;
  const version = (JSON.parse(readFileSync(pkg, "utf8")) as { version: string }).version;
  if (!version.startsWith("5.")) return `${path.relative(ROOT, V5_DIR)} has next-auth ${version}, not 5.x`;
  return null;
}

/**
 * The v5 end state: `--v5 <dir>` as given; else artifacts/v5-app, applied again from this
 * checkout's steps when it is missing or its migration/SOURCE names other sources; else why not.
 */
async function v5EndState(): Promise<{ dir?: string; problem?: string }> {
  const stamp = path.join(V5_DIR, "migration", "SOURCE");
  const current =
    !V5_GIVEN && existsSync(stamp) && readFileSync(stamp, "utf8").trim() === sourceStamp(ROOT) && !v5Problem();
  if (!V5_GIVEN && !current) {
    step(
      `v5 end state missing or stale: applying the migration steps to ${path.relative(ROOT, V5_DIR)} (migration:verify --apply-only)…`,
    );
    rmSync(V5_DIR, { recursive: true, force: true });
    const log = path.join(ARTIFACTS, "v5-apply.log");
    const code = await runCommand(
      "npm",
      ["run", "--silent", "migration:verify", "--", "--apply-only", "--keep", V5_DIR],
      { ...process.env },
      15 * 60_000,
      log,
    );
    if (code !== 0) return { problem: `applying the steps failed (exit ${code}): ${path.relative(ROOT, log)}` };
  }
  const problem = v5Problem();
  return problem ? { problem } : { dir: V5_DIR };
}

/** Set-Cookie lines on a signed-in visitor's answers, per path: 0 when no cookie is re-issued needlessly. */
async function setCookiesOn(instance: Instance, paths: string[]): Promise<Record<string, number>> {
  const cookie = await instance.user.refresh();
  const counts: Record<string, number> = {};
  for (const pathName of paths)
    counts[pathName] = (await send(instance.app, { path: pathName, headers: { cookie } })).setCookies.length;
  return counts;
}

const PUBLIC = "/bench/unmatched/public-dashboard";

/** The running instances: v4 A (default settings), B (role re-checked every request), D (no-op middleware), v5 C. */
interface Instances {
  a: Instance;
  b: Instance;
  d: Instance;
  c?: Instance;
}

/** The load comparisons, in the order they run: id, what, target, twin. v5's need C. */
function comparisonTable({ a, b, d, c }: Instances): [string, string, Endpoint, Endpoint][] {
  const v4 = (pathName: string, instance = a) => endpoint(instance, "v4", pathName);
  const noOp = (pathName: string) => endpoint(d, "no-op", pathName);
  const rows: [string, string, Endpoint, Endpoint][] = [
    ["ssr", "SSR protected/public (ours)", v4("/dashboard"), v4(PUBLIC)],
    ["ssr-stock", "SSR protected/public (stock getServerSession)", v4("/bench/unmatched/stock-dashboard"), v4(PUBLIC)],
    ["api", "API /api/me / unauthenticated twin", v4("/api/me"), v4("/api/bench/public-me")],
    ["session", "/api/auth/session / unauthenticated API twin", v4("/api/auth/session"), v4("/api/bench/public-me")],
    ["middleware", "Middleware matched/unmatched (same page)", v4("/bench/public-dashboard"), v4(PUBLIC)],
    [
      "middleware-limit",
      "Auth middleware / no-op middleware (same page, same runtime)",
      v4("/bench/public-dashboard"),
      noOp("/bench/public-dashboard"),
    ],
    [
      "ssr-limit",
      "SSR /dashboard / public page behind the no-op middleware",
      v4("/dashboard"),
      noOp("/bench/public-dashboard"),
    ],
    [
      "next-share",
      "No-op middleware / no middleware (Next's own share, same page)",
      noOp("/bench/public-dashboard"),
      noOp(PUBLIC),
    ],
    ["recheck", "Role recheck every request / default interval (/dashboard)", v4("/dashboard", b), v4("/dashboard")],
    ["recheck-api", "Role recheck every request / default interval (/api/me)", v4("/api/me", b), v4("/api/me")],
  ];
  if (!c) return rows;
  const v5 = (pathName: string) => endpoint(c, "v5", pathName);
  return [
    ...rows,
    ["v5-ssr", "v5 SSR protected/public (ours)", v5("/dashboard"), v5(PUBLIC)],
    ["v5/v4-dashboard", "v5/v4 /dashboard", v5("/dashboard"), v4("/dashboard")],
    ["v5/v4-api", "v5/v4 /api/me", v5("/api/me"), v4("/api/me")],
    ["v5/v4-session", "v5/v4 /api/auth/session", v5("/api/auth/session"), v4("/api/auth/session")],
    ["v5/v4-middleware", "v5/v4 middleware-matched page", v5("/bench/public-dashboard"), v4("/bench/public-dashboard")],
    ["v5/v4-public", "v5/v4 public twin (no auth: the control)", v5(PUBLIC), v4(PUBLIC)],
  ];
}

/** Starts v4 A, B and D, and v5 C when there is a v5 build; `v5Note` says why C is missing. */
async function startInstances(
  v4Dir: string,
  noOpDir: string,
  v5Dir: string | undefined,
  v5Problem: string | undefined,
  copy: (name: string) => string,
): Promise<Instances & { v5Note?: string }> {
  step("starting v4 A (default settings), v4 B (ROLE_RECHECK_SECONDS=0) and v4 D (no-op middleware)…");
  const a = await start("v4-A", v4Dir, copy("a"));
  const b = await start("v4-B-recheck-0", v4Dir, copy("b"), { ROLE_RECHECK_SECONDS: "0" });
  const d = await start("v4-D-no-op-middleware", noOpDir, copy("d"));
  let c: Instance | undefined;
  let v5Note = v5Problem;
  if (v5Dir) {
    step(`starting the v5 end state C from ${path.relative(ROOT, v5Dir)}…`);
    try {
      c = await start("v5-C", v5Dir, copy("c"));
    } catch (error) {
      v5Note = `the v5 app did not start: ${(error as Error).message.split("\n")[0]}`;
    }
  }
  if (v5Note) step(`v5: not measured (${v5Note})`);
  return { a, b, d, c, v5Note };
}

/** What the twins assume: middleware skips /bench/unmatched/ and runs on /bench/public-dashboard. */
async function brokenPremises(instances: (Instance | undefined)[]): Promise<string[]> {
  const premises: string[] = [];
  for (const instance of instances.filter(Boolean) as Instance[]) {
    if (await middlewareRuns(instance, "/bench/unmatched/public-dashboard"))
      premises.push(`${instance.app.name}: middleware runs on /bench/unmatched/ (its matcher does not skip the twin)`);
    if (!(await middlewareRuns(instance, "/bench/public-dashboard")))
      premises.push(`${instance.app.name}: middleware does not run on /bench/public-dashboard`);
  }
  for (const premise of premises) step(`premise broken: ${premise}`);
  return premises;
}

/** Session requests in Chromium (first load, focus burst), or why they were not counted. */
async function sessionRequestCounts(a: Instance): Promise<{ counts?: BrowserCounts; countsNote?: string }> {
  if (flag("--skip-browser")) return { countsNote: "skipped (--skip-browser)" };
  step("session requests in Chromium (first load, focus burst)…");
  try {
    return { counts: await browserCounts(a.app.url, await a.admin.refresh()) };
  } catch (error) {
    return { countsNote: `not measured: ${(error as Error).message.split("\n")[0]}` };
  }
}

type ColdRun = [label: string, cwd: string, pathName: string, cookie: string | undefined];

/** `next start` → first 200, twice per row, alternating the order; the median of each row. */
async function coldStarts(rows: ColdRun[], seeded: string, scratch: string): Promise<ColdStart[]> {
  step("cold starts (next start → first 200), alternating…");
  const samples = new Map<string, number[]>(rows.map(([label]) => [label, []]));
  for (let index = 0; index < 2; index += 1) {
    for (const [label, cwd, pathName, withCookie] of index % 2 ? [...rows].reverse() : rows) {
      samples
        .get(label)!
        .push(await coldStart(`cold-${label.replace(/\W+/g, "-")}`, cwd, seeded, scratch, pathName, withCookie));
    }
  }
  const cold: ColdStart[] = [];
  for (const [label, values] of samples)
    cold.push({ label, samples: values.map(Math.round), medianMs: median(values) });
  for (const entry of cold) step(`  ${entry.label}: ${entry.medianMs.toFixed(0)} ms (${entry.samples.join(", ")})`);
  return cold;
}

/** How long `npm test` takes, or why it was not timed. */
async function npmTestWallTime(): Promise<{ npmTestSeconds?: number; npmTestNote?: string }> {
  if (flag("--skip-npm-test")) return { npmTestNote: "skipped (--skip-npm-test)" };
  step("npm test (wall time)…");
  const testStarted = Date.now();
  const code = await runCommand(
    "npm",
    ["test", "--", "--ci", "--silent"],
    { ...process.env },
    5 * 60_000,
    path.join(ARTIFACTS, "npm-test.log"),
  );
  const npmTestSeconds = (Date.now() - testStarted) / 1000;
  const npmTestNote = code !== 0 ? `npm test failed (exit ${code}); see artifacts/bench/npm-test.log` : undefined;
  step(`  ${npmTestSeconds.toFixed(1)} s${npmTestNote ? ` (${npmTestNote})` : ""}`);
  return { npmTestSeconds, npmTestNote };
}

async function main() {
  rmSync(ARTIFACTS, { recursive: true, force: true });
  mkdirSync(ARTIFACTS, { recursive: true });
  const v5 = await v5EndState();
  const v4Dir = await twinApp(ROOT, "v4", step);
  const noOpDir = await twinApp(ROOT, "v4-no-op-middleware", step, { noOpMiddleware: true });

  const scratch = mkdtempSync(path.join(tmpdir(), "auth-bench-"));
  const seeded = path.join(scratch, "seeded");
  try {
    step("seeding one embedded database (copied for every instance)…");
    await seedBenchDatabase(seeded, path.join(ARTIFACTS, "seed.log"));
    const copy = (name: string) => {
      const dir = path.join(scratch, name);
      cpSync(seeded, dir, { recursive: true });
      return dir;
    };

    const v5Dir = v5.dir ? await twinApp(v5.dir, "v5", step) : undefined;
    const { v5Note, ...instances } = await startInstances(v4Dir, noOpDir, v5Dir, v5.problem, copy);
    const { a, b, c, d } = instances;
    const premises = await brokenPremises([a, c]);

    const comparisons: Comparison[] = [];
    for (const [id, what, target, twin] of comparisonTable(instances))
      comparisons.push(await compare(id, what, target, twin));

    let v5SetCookies: Record<string, number> | undefined;
    if (c) {
      step("v5: Set-Cookie on a signed-in visitor's answers (unchanged session)…");
      v5SetCookies = await setCookiesOn(c, ["/dashboard", "/api/me", "/api/auth/session", "/bench/public-dashboard"]);
      step(
        `  ${Object.entries(v5SetCookies)
          .map(([p, n]) => `${p} ${n}`)
          .join(", ")}`,
      );
    }

    step("client bytes…");
    const bytes: { v4: ClientBytes; v5?: ClientBytes } = { v4: await clientBytes(v4Dir) };
    if (c && v5Dir) bytes.v5 = await clientBytes(v5Dir);

    const { counts, countsNote } = await sessionRequestCounts(a);

    const cookie = await a.user.refresh();
    const v5Cookie = c ? await c.user.refresh() : undefined;
    for (const instance of [a, b, c, d]) await instance?.app.stop();

    const coldRuns: ColdRun[] = [
      ["v4 public twin", v4Dir, PUBLIC, undefined],
      ["v4 /dashboard signed in", v4Dir, "/dashboard", cookie],
    ];
    if (c && v5Dir) coldRuns.push(["v5 /dashboard signed in", v5Dir, "/dashboard", v5Cookie]);
    const cold = await coldStarts(coldRuns, seeded, scratch);

    const { npmTestSeconds, npmTestNote } = await npmTestWallTime();

    const report = renderReport({
      settings: SETTINGS,
      comparisons,
      bytes,
      counts,
      countsNote,
      cold,
      npmTestSeconds,
      npmTestNote,
      v5Note,
      v5SetCookies,
      premises,
      versions: { v4: a.nextAuthVersion, v5: c?.nextAuthVersion },
    });
    console.log(`\n${report.markdown}`);
    writeFileSync(
      path.join(ARTIFACTS, "results.json"),
      `${JSON.stringify({ ...report.json, comparisons, bytes, counts, cold, npmTestSeconds, v5SetCookies }, null, 2)}\n`,
    );
    writeFileSync(path.join(ARTIFACTS, "results.md"), `${report.markdown}\n`);
    step(`done in ${elapsed()}; artifacts/bench/results.json and results.md`);
  } finally {
    await stopAllChildren();
    rmSync(scratch, { recursive: true, force: true });
  }
}

const deadline = setTimeout(() => {
  console.error(`[bench] stopped after ${RUN_DEADLINE_MS / 60_000} minutes`);
  void stopAllChildren().then(() => process.exit(1));
}, RUN_DEADLINE_MS);

onInterrupt(stopAllChildren);

main()
  .then(() => {
    clearTimeout(deadline);
    process.exit(0);
  })
  .catch(async (error: Error) => {
    console.error(`[bench] ${error.stack ?? error.message}`);
    await stopAllChildren();
    process.exit(1);
  });
