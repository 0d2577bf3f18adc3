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
import {
  AppSource,
  cachedPins,
  ensureInstall,
  installedVersion,
  ROOT,
  workspaceFor,
  type Workspace,
} from "./workspace";

const MINUTE = 60_000;
const TIMEOUTS = { typecheck: 10 * MINUTE, jest: 20 * MINUTE, build: 15 * MINUTE, seed: 3 * MINUTE, start: 2 * MINUTE };
/** Only for the smoke test's server; the secret must be ≥ 32 characters (lib/env.ts). */
const SMOKE_SECRET = "matrix-smoke-secret-not-for-production-0123456789";
/** The packages whose installed versions the results report. */
const REPORTED_PACKAGES = [
  "next",
  "react",
  "react-dom",
  "next-auth",
  "@types/react",
  "typescript",
  "eslint-config-next",
];
const NODE = process.execPath;
const rel = (file: string) => path.relative(ROOT, file);

interface RunContext {
  source: AppSource;
  /** Unpinned v4 copy that MIGRATION.md's doc test replays the steps on (MIGRATION_BASE_DIR). */
  v4Base: string;
  logsRoot: string;
  log(message: string): void;
}

export async function runCombination(combo: Combination, ctx: RunContext): Promise<ComboResult> {
  const run = new CombinationRun(combo, ctx);
  await run.prepareApp();
  await run.testAndBuild();
  await run.serveAndSmokeTest();
  return run.result();
}

/** One combination's checks, in order, and what they found. */
class CombinationRun {
  private readonly started = Date.now();
  private readonly logs: string;
  private readonly ws: Workspace;
  private readonly checks: CheckResult[] = [];
  private readonly versions: Record<string, string> = {};
  private variant: string[] = [];
  private pins: Pins = {};
  private tests: ComboResult["tests"];
  /** The first failure: the combination's reason. */
  private failure: string | undefined;
  /** Set by a failure that leaves nothing to run the next checks on. */
  private blocked = false;

  constructor(
    private readonly combo: Combination,
    private readonly ctx: RunContext,
  ) {
    this.logs = path.join(ctx.logsRoot, combo.id);
    rmSync(this.logs, { recursive: true, force: true });
    this.ws = workspaceFor(combo, this.logs);
  }

  /** copy → versions → install → variant */
  async prepareApp(): Promise<void> {
    await this.check("copy", async () => {
      this.ctx.source.copyTo(this.ws.app);
      return this.ctx.source.label;
    });
    await this.check("versions", () => this.resolveVersions());
    await this.check("install", () => this.install());
    // After the install: the v5 steps run the codemod (codemod/), which needs the copy's packages.
    await this.check("variant", async () => {
      this.variant = applyVariant(this.ws.app, this.combo);
      return this.variant.join("; ") || "the app as it is";
    });
  }

  /** typecheck → jest → next build */
  async testAndBuild(): Promise<void> {
    await this.check("typecheck", async () => {
      await this.command(
        "typecheck",
        [NODE, path.join(this.ws.app, "node_modules/typescript/bin/tsc"), "--noEmit", "--incremental", "false"],
        TIMEOUTS.typecheck,
      );
      return "";
    });
    await this.check("jest", () => this.jest());
    await this.check("build", async () => {
      const lint = lintsInBuild(this.versions.next);
      await this.command(
        "build",
        [NODE, this.nextBin(), "build", ...(lint ? [] : ["--no-lint"])],
        TIMEOUTS.build,
        matrixToolEnv({ NODE_ENV: "production" }),
      );
      return lint ? "" : "--no-lint (eslint-config-next < 15 needs ESLint ≤ 8)";
    });
  }

  /** seed a fresh PGlite → next start on 127.0.0.1 → smoke test → stop */
  async serveAndSmokeTest(): Promise<void> {
    const dataDir = mkdtempSync(path.join(tmpdir(), `matrix-${this.combo.id}-`));
    let server: Server | undefined;
    try {
      const port = await freePort();
      const url = `http://127.0.0.1:${port}`;
      // AUTH_URL too: Auth.js v5 refuses hosts it does not trust in production without it (MIGRATION.md step 3).
      const appEnv = childAppEnv({
        url,
        values: { CI: "1", NEXTAUTH_SECRET: SMOKE_SECRET, PGLITE_DATA_DIR: path.join(dataDir, "pglite") },
      });

      await this.check("seed", async () => {
        await this.command("seed", ["npm", "run", "db:seed"], TIMEOUTS.seed, appEnv);
        return "";
      });

      await this.check("start", async () => {
        server = await startServer(NODE, [this.nextBin(), "start", "-H", "127.0.0.1", "-p", String(port)], {
          cwd: this.ws.app,
          env: { ...appEnv, NODE_ENV: "production" },
          timeoutMs: TIMEOUTS.start,
          logFile: this.logFile("server"),
          port,
          readyUrl: `${url}/api/auth/providers`,
        }).catch((error: Error) => {
          throw new Error(`${error.message} (log: ${rel(this.logFile("server"))})\n${tail(this.logFile("server"))}`);
        });
        return url;
      });

      await this.check("smoke", async () => {
        const steps = await smokeTest(port);
        const failed = steps.find((step) => !step.ok);
        if (failed)
          throw new Error(
            `${failed.name}: ${failed.detail} (server log: ${rel(this.logFile("server"))})\n${tail(this.logFile("server"))}`,
          );
        return `${steps.length} requests`;
      });
    } finally {
      await server?.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }

  result(): ComboResult {
    const { combo, failure } = this;
    const reason = failure && combo.unsupported ? combo.unsupported : failure;
    return {
      id: combo.id,
      app: combo.app,
      status: failure ? (combo.unsupported ? "unsupported" : "FAIL") : "pass",
      date: new Date().toISOString(),
      seconds: (Date.now() - this.started) / 1000,
      versions: this.versions,
      variant: this.variant,
      source: this.ctx.source.label,
      tests: this.tests,
      checks: this.checks,
      reason,
      note: combo.note,
    };
  }

  /** The pins for the combination; the last installed ones when the registry cannot be reached. */
  private async resolveVersions(): Promise<string> {
    const extra = this.combo.app === "v5" ? v5Pins(this.ws.app) : {};
    try {
      this.pins = await resolvePins(this.combo, extra);
    } catch (error) {
      const cached = cachedPins(this.combo, this.logs);
      if (!cached || /CVE/.test((error as Error).message)) throw error;
      this.pins = cached;
      return `registry lookup failed (${(error as Error).message.split("\n")[0]}); using the last installed versions`;
    }
    return `next ${this.pins.next}, react ${this.pins.react}`;
  }

  /** The install (cached), and the versions it holds, which must be the pinned ones. */
  private async install(): Promise<string> {
    const how = await ensureInstall(this.ws, this.ctx.source, this.pins);
    for (const name of REPORTED_PACKAGES) this.versions[name] = installedVersion(this.ws.app, name);
    for (const [name, version] of Object.entries(this.pins)) {
      if (this.versions[name] !== undefined && this.versions[name] !== version)
        throw new Error(`${name} ${this.versions[name]} is installed, ${version} was pinned`);
    }
    return how;
  }

  private async jest(): Promise<string> {
    const json = path.join(this.logs, "jest.json");
    const env = matrixToolEnv({ MIGRATION_BASE_DIR: this.ctx.v4Base });
    const jestArgs = [
      "--experimental-vm-modules",
      "--disable-warning=ExperimentalWarning",
      path.join(this.ws.app, "node_modules/jest/bin/jest.js"),
    ];
    // The codemod's own tests (project "codemod") do not depend on Next or React; CI runs them once.
    const projects = ["--selectProjects", "server", "components"];
    const code = await runLogged(
      NODE,
      [...jestArgs, ...projects, "--ci", "--silent", "--forceExit", "--json", `--outputFile=${json}`],
      { cwd: this.ws.app, env, timeoutMs: TIMEOUTS.jest, logFile: this.logFile("jest") },
    );
    try {
      const report = JSON.parse(readFileSync(json, "utf8")) as {
        numPassedTests: number;
        numFailedTests: number;
        numRuntimeErrorTestSuites: number;
      };
      this.tests = { passed: report.numPassedTests, failed: report.numFailedTests + report.numRuntimeErrorTestSuites };
    } catch {
      /* no report: the failure below says why */
    }
    const { tests } = this;
    if (code !== 0)
      throw new Error(
        `${tests ? `${tests.failed} failed, ${tests.passed} passed` : `exit ${code}`} (log: ${rel(this.logFile("jest"))})\n${tail(this.logFile("jest"), 60)}`,
      );
    return `${tests?.passed ?? "?"} tests passed`;
  }

  /** Runs one check; returns false (and records why) when it fails. */
  private async check(name: CheckName, body: () => Promise<string>): Promise<boolean> {
    const { checks, combo, ctx } = this;
    if (this.blocked) {
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
      this.failure ??= `${name}: ${message.split("\n")[0]}`;
      if (name !== "typecheck" && name !== "jest") this.blocked = true;
      checks.push({ name, status: "FAIL", seconds, detail: message.split("\n")[0] });
      ctx.log(`${combo.id}: ${name} FAIL (${seconds.toFixed(1)}s)\n${message}`);
      return false;
    }
  }

  /** A command that must exit 0; its log's tail goes into the failure message. */
  private async command(name: string, args: string[], timeoutMs: number, env = matrixToolEnv()): Promise<void> {
    const logFile = this.logFile(name);
    const code = await runLogged(args[0], args.slice(1), { cwd: this.ws.app, env, timeoutMs, logFile });
    if (code !== 0) {
      const why = code === 124 ? `timed out after ${timeoutMs / 1000}s` : `exit ${code}`;
      throw new Error(`${why} (log: ${rel(logFile)})\n${tail(logFile)}`);
    }
  }

  private nextBin(): string {
    return path.join(this.ws.app, "node_modules/next/dist/bin/next");
  }

  private logFile(name: string): string {
    return path.join(this.logs, `${name}.log`);
  }
}
