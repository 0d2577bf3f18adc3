/**
 * Starting and stopping the production build on loopback: build when stale, `next start -H
 * 127.0.0.1` on a free port, wait until it answers, stop it with everything it started.
 * The one copy used by `npm run test:e2e`, `npm run test:security` and `npm run bench`.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, existsSync, readdirSync, statSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { tail } from "./cli";

export const ROOT = path.resolve(__dirname, "..");
const NEXT_BIN = require.resolve("next/dist/bin/next", { paths: [ROOT] });
/** What `next build` reads. A change to any of these makes the build stale. */
const BUILD_INPUTS = [
  "pages",
  "components",
  "lib",
  "styles",
  "types",
  "public",
  "middleware.ts",
  "next.config.js",
  "tsconfig.json",
  "package-lock.json",
];
const READY_TIMEOUT_MS = 60_000;

const children = new Set<ChildProcess>();

/** Ends a child and everything it started (each child leads its own process group). */
export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return Promise.resolve();
  const pid = child.pid;
  return new Promise((resolve) => {
    const force = setTimeout(() => {
      try {
        process.kill(-pid, "SIGKILL");
      } catch {
        /* already gone */
      }
    }, 5_000);
    child.once("exit", () => {
      clearTimeout(force);
      children.delete(child);
      resolve();
    });
    try {
      process.kill(-pid, "SIGTERM");
    } catch {
      clearTimeout(force);
      resolve();
    }
  });
}

/** Stops every child this module started; for `finally` blocks and signal handlers. */
export async function stopAllChildren(): Promise<void> {
  await Promise.all([...children].map(stopChild));
}

/**
 * Runs a command to completion within `timeoutMs`, its output to `logFile` (or to this terminal
 * when there is none).
 */
export function runCommand(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
  logFile?: string,
  cwd = ROOT,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      env,
      detached: true,
      stdio: logFile ? ["ignore", "pipe", "pipe"] : "inherit",
    });
    children.add(child);
    if (logFile) {
      const log = createWriteStream(logFile);
      child.stdout?.pipe(log);
      child.stderr?.pipe(log);
    }
    const timer = setTimeout(() => {
      void stopChild(child);
      reject(
        new Error(
          `${path.basename(args[0] ?? command)} ${args.slice(1).join(" ")} took longer than ${timeoutMs / 1000}s`,
        ),
      );
    }, timeoutMs);
    child.on("error", reject);
    child.on("exit", (code) => {
      clearTimeout(timer);
      children.delete(child);
      resolve(code ?? 1);
    });
  });
}

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(entry).reduce(
    (newest, name) => Math.max(newest, newestMtime(path.join(entry, name))),
    stat.mtimeMs,
  );
}

/** Why the build must be redone, or null when `.next` is newer than every input. */
function buildIsStale(): string | null {
  const buildId = path.join(ROOT, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return "no build yet";
  const builtAt = statSync(buildId).mtimeMs;
  const newer = BUILD_INPUTS.find((entry) => newestMtime(path.join(ROOT, entry)) > builtAt);
  return newer ? `${newer} changed since the last build` : null;
}

async function buildApp(logFile: string, timeoutMs = 10 * 60_000): Promise<void> {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" };
  const code = await runCommand(process.execPath, [NEXT_BIN, "build"], env, timeoutMs, logFile);
  if (code !== 0) throw new Error(`next build failed (exit ${code}):\n${tail(logFile)}`);
}

/** `next build` unless the build is newer than all its inputs, saying which on `step`. */
export async function buildWhenStale(logFile: string, step: (message: string) => void): Promise<void> {
  const stale = buildIsStale();
  if (!stale) return step("build is up to date, skipping next build");
  step(`building (${stale})…`);
  await buildApp(logFile);
  step("built");
}

/** `npm run db:seed` (migrate, then create the SEED_* accounts) in `cwd` with `env`, before the app starts: PGlite allows one process per data directory. */
export async function seedDatabase(
  env: NodeJS.ProcessEnv,
  logFile: string,
  cwd = ROOT,
  timeoutMs = 3 * 60_000,
): Promise<void> {
  const code = await runCommand(
    "npm",
    ["run", "--silent", "db:seed"],
    { ...env, NODE_ENV: "development" },
    timeoutMs,
    logFile,
    cwd,
  );
  if (code !== 0) throw new Error(`npm run db:seed failed (exit ${code}):\n${tail(logFile)}`);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface RunningApp {
  name: string;
  port: number;
  /** The public URL (NEXTAUTH_URL): redirects must stay on its origin. */
  url: string;
  logFile: string;
  stop(): Promise<void>;
}

interface StartOptions {
  name: string;
  port: number;
  url: string;
  env: NodeJS.ProcessEnv;
  logFile: string;
  /** The app to serve (its own `.next` and `node_modules`); this checkout by default. */
  cwd?: string;
  /**
   * When the app is up: `path` (default /api/auth/providers; under a basePath, prefix it) answers
   * 2xx, or any status with `anyStatus` (a deliberately broken configuration answers 500).
   */
  ready?: { path?: string; anyStatus?: boolean };
}

/** A `next start` that has been spawned but not waited for (the benchmark times its cold start). */
interface SpawnedApp extends RunningApp {
  child: ChildProcess;
}

/** `next start` on 127.0.0.1:`port` with exactly `env` (plus NODE_ENV=production); returns at once. */
export function spawnApp(options: StartOptions): SpawnedApp {
  const { name, port, url, logFile } = options;
  const cwd = options.cwd ?? ROOT;
  const nextBin = cwd === ROOT ? NEXT_BIN : require.resolve("next/dist/bin/next", { paths: [cwd] });
  const child = spawn(process.execPath, [nextBin, "start", "-H", "127.0.0.1", "-p", String(port)], {
    cwd,
    env: { ...options.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.add(child);
  const log = createWriteStream(logFile);
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  return { name, port, url, logFile, child, stop: () => stopChild(child) };
}

/** Spawns `next start` (see spawnApp) and resolves once /api/auth/providers (or `ready`) answers. */
export async function startApp(options: StartOptions): Promise<RunningApp> {
  const app = spawnApp(options);
  const { child, name, port, logFile } = app;
  const { path: readyPath = "/api/auth/providers", anyStatus = false } = options.ready ?? {};
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`${name}: next start exited with ${child.exitCode}:\n${tail(logFile)}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}${readyPath}`, {
        signal: AbortSignal.timeout(2_000),
      });
      await response.body?.cancel();
      if (response.ok || anyStatus) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      await stopChild(child);
      throw new Error(`${name}: the app did not answer within ${READY_TIMEOUT_MS / 1000}s:\n${tail(logFile)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { name: app.name, port: app.port, url: app.url, logFile: app.logFile, stop: app.stop };
}
