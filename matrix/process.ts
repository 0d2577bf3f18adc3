/**
 * Child processes for the matrix: each leads its own process group, so that a timeout or Ctrl+C
 * stops it with everything it started (jest workers, next-server). Output goes to a log file.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, mkdirSync } from "node:fs";
import path from "node:path";
import { stopChild } from "../tooling/app-server";
import { toolEnv } from "../tooling/child-app-env";

const children = new Set<ChildProcess>();

export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs: number;
  logFile: string;
}

/** What every child gets: no telemetry, CI mode, and nothing of the caller's app settings. */
export const matrixToolEnv = (values: Record<string, string> = {}) => toolEnv({ CI: "1", ...values });

function start(command: string, args: string[], options: Omit<RunOptions, "timeoutMs">): ChildProcess {
  mkdirSync(path.dirname(options.logFile), { recursive: true });
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env ?? matrixToolEnv(),
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.add(child);
  const log = createWriteStream(options.logFile);
  log.write(`$ ${command} ${args.join(" ")}\n`);
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  child.on("exit", () => children.delete(child));
  return child;
}

/** Ends every child still running (on exit or interrupt). */
export function stopAllChildren(): Promise<void> {
  return Promise.all([...children].map(stopChild)).then(() => undefined);
}

/** Runs a command to completion; resolves with its exit code, or 124 when it ran out of time. */
export function runLogged(command: string, args: string[], options: RunOptions): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = start(command, args, options);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      void stopChild(child);
    }, options.timeoutMs);
    child.on("error", reject);
    child.on("exit", (code) => {
      clearTimeout(timer);
      if (timedOut) {
        createWriteStream(options.logFile, { flags: "a" }).end(
          `\n[matrix] stopped after ${options.timeoutMs / 1000}s\n`,
        );
        resolve(124);
      } else resolve(code ?? 1);
    });
  });
}

export interface Server {
  port: number;
  stop(): Promise<void>;
}

/** Starts a long-running command and waits until `readyUrl` answers (any status below 500). */
export async function startServer(
  command: string,
  args: string[],
  options: RunOptions & { port: number; readyUrl: string },
): Promise<Server> {
  const child = start(command, args, options);
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`the server exited (${child.exitCode ?? child.signalCode}) before answering`);
    try {
      const response = await fetch(options.readyUrl, { signal: AbortSignal.timeout(3_000), redirect: "manual" });
      if (response.status < 500) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      await stopChild(child);
      throw new Error(`the server did not answer within ${options.timeoutMs / 1000}s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { port: options.port, stop: () => stopChild(child) };
}
