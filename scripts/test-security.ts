/**
 * `npm run test:security`: the security checks that need a running production build, all on
 * loopback, bounded in time and requests.
 *   build (when stale) → a fresh PostgreSQL database (created, seeded, dropped)
 *   → instance A (database behind a TCP proxy the run can cut) and instance B, both `next start`
 *   → hostile-input corpus → oversized bodies on keep-alive connections → sign-in timing → load
 *   on A and on instance L (role re-checked hourly: its answers come from the cookie read path) → faults → stop everything → summary table
 *   → `N passed, N failed`.
 * PostgreSQL: SECURITY_DATABASE_URL, else TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres.
 * `npm run test:security -- --only=corpus,faults` runs some parts (corpus, bodies, timing, load, faults).
 */
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import type { Client } from "pg";
import { oversizedBodies } from "../security/bodies";
import { runCorpus } from "../security/corpus";
import {
  databaseUnreachable,
  httpsCookie,
  rateLimitAcrossInstances,
  roleChangeAcrossInstances,
  secretChange,
  sessionAcrossInstances,
  signOutEverywhereAcrossInstances,
} from "../security/faults";
import { LOAD, runLoad, type LoadIdentity, type LoadOutcome } from "../security/load";
import { runTiming, TIMING_TOLERANCE, type TimingOutcome } from "../security/timing";
import { DEMO_USERS } from "@/lib/users/seed";
import { LOAD_USERS, PROMOTED, seedRunDatabase } from "../security/support/accounts";
import { buildWhenStale, freePort, ROOT, startApp, stopAllChildren, type RunningApp } from "../tooling/app-server";
import { signIn, type Session } from "../tooling/raw-http-auth";
import { connect, createRunDatabase, DEFAULT_SERVER_URL, type RunDatabase } from "../security/support/database";
import { countProblems, logResult, passed, type CheckResult } from "../security/support/results";
import { startTcpProxy, type TcpProxy } from "../security/support/tcp-proxy";
import { childAppEnv } from "../tooling/child-app-env";
import { commandLine, markdownTable, onInterrupt, progress } from "../tooling/cli";

const ARTIFACTS = path.join(ROOT, "artifacts", "security");
/** The whole run stops (and cleans up) after this, whatever it is doing. */
const RUN_DEADLINE_MS = 20 * 60_000;
const ROLE_RECHECK_SECONDS = 1;
/** What every instance runs with, besides the app's defaults. PASSWORD_HASH_LOG2_N stays at full cost: the timing check measures what production does. */
const RUN_SETTINGS = {
  ROLE_RECHECK_SECONDS: String(ROLE_RECHECK_SECONDS),
  // Every request of the run comes from 127.0.0.1: a per-address limit would stop the corpus.
  RATE_LIMIT_IP_ATTEMPTS: "100000",
};

const { step, elapsed } = progress("security");

type Part = "corpus" | "bodies" | "timing" | "load" | "faults";
const only = commandLine().option("--only")?.split(",");
const wants = (part: Part) => !only || only.includes(part);

const results: CheckResult[] = [];
const record = (result: CheckResult, quiet = false) => {
  results.push(result);
  if (!quiet || !passed(result)) logResult(result);
};

function withPort(url: string, port: number): string {
  const parsed = new URL(url);
  parsed.port = String(port);
  return parsed.toString();
}

async function main(): Promise<void> {
  rmSync(ARTIFACTS, { recursive: true, force: true });
  mkdirSync(ARTIFACTS, { recursive: true });

  await buildWhenStale(path.join(ARTIFACTS, "build.log"), step);
  const buildId = readFileSync(path.join(ROOT, ".next", "BUILD_ID"), "utf8").trim();

  const serverUrl = process.env.SECURITY_DATABASE_URL || process.env.TEST_DATABASE_URL || DEFAULT_SERVER_URL;
  try {
    const run = await startRun(serverUrl, buildId);
    const corpus = wants("corpus") ? await hostileInputs(run) : [];
    const bodies = wants("bodies") ? await bodiesThenNextRequest(run) : undefined;
    const timing = wants("timing") ? await signInTiming(run) : undefined;
    const load = wants("load") ? await loadOnBothReadPaths(run) : undefined;
    const faults = wants("faults") ? await faultScenarios(run) : [];
    printSummary(corpus, bodies, timing, load, faults);
  } finally {
    await cleanUp();
  }
}

/** What the parts of a run share: instances A and B, the seeded accounts signed in on A, and how to start more. */
interface SecurityRun {
  a: RunningApp;
  b: RunningApp;
  secret: string;
  buildId: string;
  db: Client;
  /** user id by email */
  ids: Map<string, string>;
  user: Session;
  admin: Session;
  githubUrl: string;
  /** The database, straight (not through the proxy). */
  databaseUrl: string;
  ports: { c: number; l: number };
  launch(name: string, port: number, url: string, overrides: Record<string, string>): Promise<RunningApp>;
}

/** A fresh database, seeded; the proxy in front of it; instances A and B; a user and an admin signed in on A. */
async function startRun(serverUrl: string, buildId: string): Promise<SecurityRun> {
  database = await createRunDatabase(serverUrl);
  step(`database ${database.name} created on ${new URL(serverUrl).host}`);
  const secret = randomBytes(32).toString("base64");
  const ids = await seedRunDatabase(database.url, secret);
  step(`migrated and seeded ${ids.size} users`);
  const client = await connect(database.url);
  db = client;

  const pg = new URL(serverUrl);
  proxy = await startTcpProxy({ host: pg.hostname, port: Number(pg.port || 5432) });
  const proxiedUrl = withPort(database.url, proxy.port);
  const githubPort = await freePort(); // nothing listens there: only the authorize URL is inspected
  const githubUrl = `http://127.0.0.1:${githubPort}`;
  const [portA, portB, portC, portL] = [await freePort(), await freePort(), await freePort(), await freePort()];
  const launch = (name: string, port: number, url: string, overrides: Record<string, string>) =>
    startApp({
      name,
      port,
      url,
      logFile: path.join(ARTIFACTS, `${name}.log`),
      env: childAppEnv({ url, values: { ...RUN_SETTINGS, ...overrides } }),
    });

  step("starting instance A (database behind the proxy) and instance B…");
  const [a, b] = await Promise.all([
    launch("A", portA, `http://localhost:${portA}`, {
      NEXTAUTH_SECRET: secret,
      DATABASE_URL: proxiedUrl,
      AUTH_GITHUB_ID: "security-run-client",
      AUTH_GITHUB_SECRET: "security-run-client-secret",
      AUTH_GITHUB_ENTERPRISE_URL: githubUrl,
    }),
    launch("B", portB, `http://localhost:${portB}`, { NEXTAUTH_SECRET: secret, DATABASE_URL: database.url }),
  ]);
  step(`A on ${a.url}, B on ${b.url} (logs in ${path.relative(ROOT, ARTIFACTS)}/)`);

  const user = await signIn(a, DEMO_USERS.user.email, DEMO_USERS.user.password);
  const admin = await signIn(a, DEMO_USERS.admin.email, DEMO_USERS.admin.password);
  return {
    a,
    b,
    secret,
    buildId,
    db: client,
    ids,
    user,
    admin,
    githubUrl,
    databaseUrl: database.url,
    ports: { c: portC, l: portL },
    launch,
  };
}

async function hostileInputs({
  a,
  db,
  secret,
  buildId,
  ids,
  user,
  admin,
  githubUrl,
}: SecurityRun): Promise<CheckResult[]> {
  step("hostile-input corpus…");
  const corpus = await runCorpus({ app: a, db, secret, buildId, ids, user, admin, githubUrl }, (result) =>
    record(result, true),
  );
  step(`corpus: ${corpus.length} cases, ${corpus.filter((result) => !passed(result)).length} failed`);
  return corpus;
}

async function bodiesThenNextRequest({ a, user }: SecurityRun): Promise<CheckResult[]> {
  step("oversized bodies, then the next request on the same connection…");
  const bodies = await oversizedBodies(a, user);
  for (const result of bodies) record(result);
  return bodies;
}

async function signInTiming({ a }: SecurityRun): Promise<TimingOutcome> {
  step("sign-in timing…");
  const timing = await runTiming(a);
  record(timing.result);
  return timing;
}

async function loadOnBothReadPaths({
  a,
  secret,
  ids,
  admin,
  databaseUrl,
  ports,
  launch,
}: SecurityRun): Promise<LoadOutcome> {
  // A re-checks the role every second, so its answers go through the database and next-auth's
  // session action; L's come from the cookie (lib/auth/session-read.ts). Both must be exact.
  step("starting instance L (role re-checked hourly) for the load…");
  const l = await launch("L-cookie-reads", ports.l, `http://localhost:${ports.l}`, {
    NEXTAUTH_SECRET: secret,
    DATABASE_URL: databaseUrl,
    ROLE_RECHECK_SECONDS: "3600",
  });
  step(`load: ${LOAD.connections} connections for ${LOAD.durationSeconds} s…`);
  const loadSessions: Session[] = [];
  for (const account of LOAD_USERS) loadSessions.push(await signIn(a, account.email, account.password));
  const identities: LoadIdentity[] = [
    ...loadSessions.map((session): LoadIdentity => ({ kind: "user", session, id: ids.get(session.email) })),
    ...Array.from({ length: 4 }, (): LoadIdentity => ({
      kind: "admin",
      session: admin,
      id: ids.get(DEMO_USERS.admin.email),
    })),
    ...Array.from({ length: 4 }, (): LoadIdentity => ({ kind: "anonymous" })),
  ];
  const load = await runLoad(
    [a, l],
    identities,
    [...ids.keys()].filter((key) => key.includes("@")),
  );
  record(load.result);
  await l.stop();
  return load;
}

/** Each fault scenario, a crash counted as its failure; then B under a new secret, and C under https. */
async function faultScenarios({
  a,
  b,
  secret,
  ids,
  user,
  admin,
  databaseUrl,
  ports,
  launch,
}: SecurityRun): Promise<CheckResult[]> {
  const faults: CheckResult[] = [];
  step("faults…");
  const fault = async (scenario: () => Promise<CheckResult>, name: string) => {
    const result = await scenario().catch((error: Error): CheckResult => ({
      section: "faults",
      name,
      problems: [`crashed: ${error.message}`],
    }));
    faults.push(result);
    record(result);
  };
  const acrossAandB: [string, () => Promise<CheckResult>][] = [
    ["session across instances", () => sessionAcrossInstances(a, b)],
    [
      "role change across instances",
      () => roleChangeAcrossInstances(a, b, ids.get(PROMOTED.email) ?? "", ROLE_RECHECK_SECONDS),
    ],
    ["sign out everywhere across instances", () => signOutEverywhereAcrossInstances(a, b, ROLE_RECHECK_SECONDS)],
    ["rate limit across instances", () => rateLimitAcrossInstances(a, b)],
    ["database unreachable", () => databaseUnreachable(a, proxy!, user, admin)],
  ];
  for (const [name, scenario] of acrossAandB) await fault(scenario, name);

  step("restarting B with a new NEXTAUTH_SECRET…");
  await b.stop();
  const b2 = await launch("B-new-secret", b.port, b.url, {
    NEXTAUTH_SECRET: randomBytes(32).toString("base64"),
    DATABASE_URL: databaseUrl,
  });
  await fault(() => secretChange(b2, user, admin), "secret change");
  await b2.stop();

  step("starting instance C under an https NEXTAUTH_URL…");
  const c = await launch("C-https", ports.c, `https://localhost:${ports.c}`, {
    NEXTAUTH_SECRET: secret,
    DATABASE_URL: databaseUrl,
  });
  await fault(() => httpsCookie(c), "https cookie");
  return faults;
}

// What the run started, for cleanUp(): also reached from a signal or the deadline.
let database: RunDatabase | undefined;
let proxy: TcpProxy | undefined;
let db: Client | undefined;

async function cleanUp(): Promise<void> {
  await stopAllChildren();
  await proxy?.close();
  await db?.end().catch(() => undefined);
  await database
    ?.drop()
    .catch((error: Error) => console.error(`[security] could not drop ${database?.name}: ${error.message}`));
  proxy = db = database = undefined;
  step("stopped every app instance and the proxy, dropped the database");
}

/** The plain line CI reads; a run that did not complete counts one extra failure. */
function finalLine(completed: boolean): number {
  const ok = results.filter(passed).length;
  const failed = results.length - ok + (completed ? 0 : 1);
  console.log(`${ok} passed, ${failed} failed`);
  return failed;
}

function printSummary(
  corpus: CheckResult[],
  bodies: CheckResult[] | undefined,
  timing: TimingOutcome | undefined,
  load: LoadOutcome | undefined,
  faults: CheckResult[],
) {
  const skipped = "not run";
  const corpusCounts = countProblems(corpus);
  const faultCounts = countProblems(faults);
  const rows: [string, string][] = [
    ["hostile-input cases tried", `${corpus.length} (${corpus.filter(passed).length} passed)`],
    [
      "5xx answers",
      `${corpusCounts.fiveXX + (load?.fiveXX ?? 0) + faultCounts.fiveXX} (corpus ${corpusCounts.fiveXX}, load ${load?.fiveXX ?? skipped}, faults ${faultCounts.fiveXX})`,
    ],
    [
      "wrong decisions",
      `${corpusCounts.wrongDecisions + (load?.wrongDecisions ?? 0) + faultCounts.wrongDecisions} (corpus ${corpusCounts.wrongDecisions}, load ${load?.wrongDecisions ?? skipped}, faults ${faultCounts.wrongDecisions})`,
    ],
    [
      "known upstream exceptions",
      `${corpus.filter((result) => result.knownIssue).length} (${[...new Set(corpus.map((result) => result.knownIssue).filter(Boolean))].join("; ") || "none"})`,
    ],
    [
      "oversized bodies answered, and the next request after them",
      bodies ? `${bodies.filter(passed).length} of ${bodies.length} route kinds` : skipped,
    ],
    ["unsafe redirects", String(corpusCounts.unsafeRedirects + faultCounts.unsafeRedirects)],
    ["stack traces / internals in bodies", String(corpusCounts.bodyLeaks + faultCounts.bodyLeaks)],
    ["unexpected users-table changes", String(corpusCounts.rowChanges)],
    ["cross-user leaks (load)", load ? `${load.leaks} of ${load.total} answers` : skipped],
    [
      "load",
      load
        ? `${LOAD.connections} connections × ${LOAD.durationSeconds} s: ${load.requestsPerSecond.toFixed(0)} req/s, p99 ${load.p99Ms} ms`
        : skipped,
    ],
    [
      "sign-in timing (unknown / wrong password)",
      timing
        ? `${timing.unknownMs.toFixed(0)} / ${timing.wrongPasswordMs.toFixed(0)} ms, ratio ${timing.ratio.toFixed(2)} (allowed ${TIMING_TOLERANCE.min}–${TIMING_TOLERANCE.max})`
        : skipped,
    ],
    ["fault scenarios survived", `${faults.filter(passed).length} of ${faults.length}`],
    ["total time", elapsed()],
  ];
  console.log(`\n${markdownTable(["check", "result"], rows, { padded: true })}`);
  const failures = results.filter((result) => !passed(result));
  if (failures.length) {
    console.log(`\nFailed checks (${failures.length}):`);
    for (const failure of failures)
      console.log(`  - ${failure.section}: ${failure.name}: ${failure.problems.join("; ").slice(0, 300)}`);
  }
  console.log();
}

let finished = false;
/** Cleans up and prints the final line of a run that did not complete. */
async function abort(reason: string) {
  if (finished) return;
  finished = true;
  console.error(`[security] ${reason}`);
  await cleanUp();
  finalLine(false);
}
onInterrupt((signal) => abort(signal === "SIGINT" ? "interrupted" : "terminated"));
const deadline = setTimeout(
  () => void abort(`stopped after the ${RUN_DEADLINE_MS / 60_000} min limit`).then(() => process.exit(1)),
  RUN_DEADLINE_MS,
);

main()
  .then(() => true)
  .catch((error: Error) => {
    console.error(`[security] ${error.stack ?? error.message}`);
    return false;
  })
  .then((completed) => {
    if (finished) return;
    finished = true;
    clearTimeout(deadline);
    step(`done in ${elapsed()}`);
    process.exit(finalLine(completed) ? 1 : 0);
  });
