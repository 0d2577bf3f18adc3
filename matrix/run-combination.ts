/**
 * One combination, start to finish:
 *   copy → versions → install (cached) → variant → typecheck → jest → next build
 *   → seed a fresh PGlite → next start on 127.0.0.1 → smoke test → stop.
 * A failing type check or Jest run does not stop the build and the smoke test (their results are
 * worth having too); any other failure stops the combination, and the rest read "not run".
 * Logs in artifacts/matrix/<combo>/.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Combination } from "./combinations";
import { freePort } from "../tooling/app-server";
import { childAppEnv } from "../tooling/child-app-env";
import { tail } from "../tooling/cli";
import { matrixToolEnv, runLogged, startServer, type Server } from "./process";
import type { CheckName, CheckResult, ComboResult } from "./report";
import { smokeTest } from "./smoke";
import { applyVariant, v5Pins } from "./variants";
import { lintsInBuild, resolvePins, type Pins } from "./versions";
import { AppSource, cachedPins, ensureInstall, installedVersion, ROOT, workspaceFor } from "./workspace";

const MINUTE = 60_000;
const TIMEOUTS = { typecheck: 10 * MINUTE, jest: 20 * MINUTE, build: 15 * MINUTE, seed: 3 * MINUTE, start: 2 * MINUTE };
/** Only for the smoke test's server; the secret must be ≥ 32 characters (lib/env.ts). */
const SMOKE_SECRET = "matrix-smoke-secret-not-for-production-0123456789";

interface RunContext {
  source: AppSource;
  /** Unpinned v4 copy that MIGRATION.md's doc test replays the steps on (MIGRATION_BASE_DIR). */
  v4Base: string;
  logsRoot: string;
  log(message: string): void;
}

export async function runCombination(combo: Combination, ctx: RunContext): Promise<ComboResult> {
  const started = Date.now();
  const logs = path.join(ctx.logsRoot, combo.id);
  rmSync(logs, { recursive: true, force: true });
  const ws = workspaceFor(combo, logs);
  const checks: CheckResult[] = [];
  const versions: Record<string, string> = {};
  let variant: string[] = [];
  let tests: ComboResult["tests"];
  /** The first failure: the combination's reason. */
  let failure: string | undefined;
  /** Set by a failure that leaves nothing to run the next checks on. */
  let blocked = false;

  const node = process.execPath;
  const nextBin = () => path.join(ws.app, "node_modules/next/dist/bin/next");
  const logFile = (name: string) => path.join(logs, `${name}.log`);
  const rel = (file: string) => path.relative(ROOT, file);

  /** Runs one check; returns false (and records why) when it fails. */
  async function check(name: CheckName, body: () => Promise<string>): Promise<boolean> {
    if (blocked) {
      checks.push({ name, status: "not run", seconds: 0, detail: "" });
      return false;
    }
    const t = Date.now();
    try {
      const detail = await body();
      const seconds = (Date.now() - t) / 1000;
      checks.push({ name, status: "pass", seconds, detail });
      ctx.log(`${combo.id}: ${name} pass (${seconds.toFixed(1)}s)${detail ? ` — ${detail}` : ""}`);
      return true;
    } catch (error) {
      const seconds = (Date.now() - t) / 1000;
      const message = (error as Error).message;
      failure ??= `${name}: ${message.split("\n")[0]}`;
      if (name !== "typecheck" && name !== "jest") blocked = true;
      checks.push({ name, status: "FAIL", seconds, detail: message.split("\n")[0] });
      ctx.log(`${combo.id}: ${name} FAIL (${seconds.toFixed(1)}s)\n${message}`);
      return false;
    }
  }

  /** A command that must exit 0; its log's tail goes into the failure message. */
  async function command(name: string, args: string[], timeoutMs: number, env = matrixToolEnv()): Promise<void> {
    const code = await runLogged(args[0], args.slice(1), { cwd: ws.app, env, timeoutMs, logFile: logFile(name) });
    if (code !== 0) {
      const why = code === 124 ? `timed out after ${timeoutMs / 1000}s` : `exit ${code}`;
      throw new Error(`${why} (log: ${rel(logFile(name))})\n${tail(logFile(name))}`);
    }
  }

  await check("copy", async () => {
    ctx.source.copyTo(ws.app);
    return ctx.source.label;
  });

  let pins: Pins = {};
  await check("versions", async () => {
    const extra = combo.app === "v5" ? v5Pins(ws.app) : {};
    try {
      pins = await resolvePins(combo, extra);
    } catch (error) {
      const cached = cachedPins(combo, logs);
      if (!cached || /CVE/.test((error as Error).message)) throw error;
      pins = cached;
      return `registry lookup failed (${(error as Error).message.split("\n")[0]}); using the last installed versions`;
    }
    return `next ${pins.next}, react ${pins.react}`;
  });

  await check("install", async () => {
    const how = await ensureInstall(ws, ctx.source, pins);
    for (const name of [
      "next",
      "react",
      "react-dom",
      "next-auth",
      "@types/react",
      "typescript",
      "eslint-config-next",
    ]) {
      versions[name] = installedVersion(ws.app, name);
    }
    for (const [name, version] of Object.entries(pins)) {
      if (versions[name] !== undefined && versions[name] !== version)
        throw new Error(`${name} ${versions[name]} is installed, ${version} was pinned`);
    }
    return how;
  });

  // After the install: the v5 steps run the codemod (codemod/), which needs the copy's packages.
  await check("variant", async () => {
    variant = applyVariant(ws.app, combo);
    return variant.join("; ") || "the app as it is";
  });

  await check("typecheck", async () => {
    await command(
      "typecheck",
      [node, path.join(ws.app, "node_modules/typescript/bin/tsc"), "--noEmit", "--incremental", "false"],
      TIMEOUTS.typecheck,
    );
    return "";
  });

  await check("jest", async () => {
    const json = path.join(logs, "jest.json");
    const env = matrixToolEnv({ MIGRATION_BASE_DIR: ctx.v4Base });
    const jestArgs = [
      "--experimental-vm-modules",
      "--disable-warning=ExperimentalWarning",
      path.join(ws.app, "node_modules/jest/bin/jest.js"),
    ];
    // The codemod's own tests (project "codemod") do not depend on Next or React; CI runs them once.
    const projects = ["--selectProjects", "server", "components"];
    const code = await runLogged(
      node,
      [...jestArgs, ...projects, "--ci", "--silent", "--forceExit", "--json", `--outputFile=${json}`],
      { cwd: ws.app, env, timeoutMs: TIMEOUTS.jest, logFile: logFile("jest") },
    );
    try {
      const report = JSON.parse(readFileSync(json, "utf8")) as {
        numPassedTests: number;
        numFailedTests: number;
        numRuntimeErrorTestSuites: number;
      };
      tests = { passed: report.numPassedTests, failed: report.numFailedTests + report.numRuntimeErrorTestSuites };
    } catch {
      /* no report: the failure below says why */
    }
    if (code !== 0)
      throw new Error(
        `${tests ? `${tests.failed} failed, ${tests.passed} passed` : `exit ${code}`} (log: ${rel(logFile("jest"))})\n${tail(logFile("jest"), 60)}`,
      );
    return `${tests?.passed ?? "?"} tests passed`;
  });

  await check("build", async () => {
    const lint = lintsInBuild(versions.next);
    await command(
      "build",
      [node, nextBin(), "build", ...(lint ? [] : ["--no-lint"])],
      TIMEOUTS.build,
      matrixToolEnv({ NODE_ENV: "production" }),
    );
    return lint ? "" : "--no-lint (eslint-config-next < 15 needs ESLint ≤ 8)";
  });

  const dataDir = mkdtempSync(path.join(tmpdir(), `matrix-${combo.id}-`));
  let server: Server | undefined;
  try {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    // AUTH_URL too: Auth.js v5 refuses hosts it does not trust in production without it (MIGRATION.md step 3).
    const appEnv = childAppEnv({
      url,
      values: { CI: "1", NEXTAUTH_SECRET: SMOKE_SECRET, PGLITE_DATA_DIR: path.join(dataDir, "pglite") },
    });

    await check("seed", async () => {
      await command("seed", ["npm", "run", "db:seed"], TIMEOUTS.seed, appEnv);
      return "";
    });

    await check("start", async () => {
      server = await startServer(node, [nextBin(), "start", "-H", "127.0.0.1", "-p", String(port)], {
        cwd: ws.app,
        env: { ...appEnv, NODE_ENV: "production" },
        timeoutMs: TIMEOUTS.start,
        logFile: logFile("server"),
        port,
        readyUrl: `${url}/api/auth/providers`,
      }).catch((error: Error) => {
        throw new Error(`${error.message} (log: ${rel(logFile("server"))})\n${tail(logFile("server"))}`);
      });
      return url;
    });

    await check("smoke", async () => {
      const steps = await smokeTest(port);
      const failed = steps.find((step) => !step.ok);
      if (failed)
        throw new Error(
          `${failed.name}: ${failed.detail} (server log: ${rel(logFile("server"))})\n${tail(logFile("server"))}`,
        );
      return `${steps.length} requests`;
    });
  } finally {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }

  const reason = failure && combo.unsupported ? combo.unsupported : failure;
  return {
    id: combo.id,
    app: combo.app,
    status: failure ? (combo.unsupported ? "unsupported" : "FAIL") : "pass",
    date: new Date().toISOString(),
    seconds: (Date.now() - started) / 1000,
    versions,
    variant,
    source: ctx.source.label,
    tests,
    checks,
    reason,
    note: combo.note,
  };
}
