/**
 * What every long-running script shares: a progress line per step with its time, its options,
 * the summary table, the tail of a log, and stopping its children on Ctrl+C.
 */
import { existsSync, readFileSync } from "node:fs";

/** `12.3s` since `since` (ms). */
export const secondsSince = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)}s`;

/** A logger that prints `[name 12.3s] message`, timed from its creation; `elapsed()` is that time. */
export function progress(name: string): { step: (message: string) => void; elapsed: () => string } {
  const started = Date.now();
  const elapsed = () => secondsSince(started);
  return { step: (message) => console.log(`[${name} ${elapsed()}] ${message}`), elapsed };
}

/** The command line: `--flag`, `--name value` or `--name=value`, and the rest. */
export function commandLine(args = process.argv.slice(2)) {
  const values = (name: string) =>
    args
      .flatMap((arg, index) =>
        arg === name ? [args[index + 1]] : arg.startsWith(`${name}=`) ? [arg.slice(name.length + 1)] : [],
      )
      .filter((value) => value !== undefined);
  return {
    args,
    /** Whether `name` was given, with or without a value. */
    flag: (name: string) => args.some((arg) => arg === name || arg.startsWith(`${name}=`)),
    /** The value of the first `name`. */
    option: (name: string): string | undefined => values(name)[0],
    /** Every value of a repeatable option. */
    options: values,
    /** The arguments that are neither an option nor an option's value. */
    positional: () => args.filter((arg, index) => !arg.startsWith("--") && !args[index - 1]?.startsWith("--")),
  };
}

/** A markdown table; `padded` aligns the columns so that it reads as plain text too. */
export function markdownTable(header: string[], rows: string[][], { padded = false } = {}): string {
  if (!padded)
    return [
      `| ${header.join(" | ")} |`,
      `|${header.map(() => "---").join("|")}|`,
      ...rows.map((row) => `| ${row.join(" | ")} |`),
    ].join("\n");
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i])).join(" | ")} |`;
  return [line(header), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...rows.map(line)].join("\n");
}

/** The last `lines` lines of a text. */
export const lastLines = (text: string, lines: number) => text.trimEnd().split("\n").slice(-lines).join("\n");

/** The last lines of a log file, for a failure message. */
export const tail = (file: string, lines = 30) =>
  existsSync(file) ? lastLines(readFileSync(file, "utf8"), lines) : "(no log)";

/** On Ctrl+C or SIGTERM: `stop` (e.g. stopAllChildren), then exit 130 or 143, as a shell reports a signal. */
export function onInterrupt(stop: (signal: NodeJS.Signals) => Promise<void>): void {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => void stop(signal).finally(() => process.exit(signal === "SIGINT" ? 130 : 143)));
  }
}
