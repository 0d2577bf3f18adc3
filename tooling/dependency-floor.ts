/** The dependency floor of `npm run check:deps`: installed versions against known advisories' fixes, and npm audit. */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { compareVersions } from "./compare-versions";

const ROOT = path.resolve(__dirname, "..");

export interface FloorResult {
  name: string;
  ok: boolean;
  detail: string;
}

const installed = (name: string): string =>
  (JSON.parse(readFileSync(path.join(ROOT, "node_modules", name, "package.json"), "utf8")) as { version: string })
    .version;

/** The lowest safe version for the installed major, or null when that major has no fix. */
function floorFor(name: "next" | "next-auth", version: string): string | null {
  const major = Number(version.split(".")[0]);
  if (name === "next-auth") return major >= 5 ? "5.0.0-beta.32" : "4.24.15";
  const fixes: Record<number, string> = { 12: "12.3.5", 13: "13.5.9", 14: "14.2.25", 15: "15.2.3" };
  if (major > 15) return `${major}.0.0`;
  return fixes[major] ?? null;
}

export function checkFloors(
  versions: Record<"next" | "next-auth", string> = { next: installed("next"), "next-auth": installed("next-auth") },
): FloorResult[] {
  return (["next-auth", "next"] as const).map((name) => {
    const version = versions[name];
    const floor = floorFor(name, version);
    const advisory =
      name === "next"
        ? "CVE-2025-29927 (middleware skipped via x-middleware-subrequest)"
        : "GHSA-xmf8-cvqr-rfgj and earlier next-auth advisories";
    if (!floor) return { name, ok: false, detail: `${version}: this major has no fixed release for ${advisory}` };
    const ok = compareVersions(version, floor) >= 0;
    return { name, ok, detail: `${version} ${ok ? "≥" : "<"} ${floor} (${advisory})` };
  });
}

interface AuditJson {
  metadata?: { vulnerabilities?: Record<string, number> };
  error?: { summary?: string; code?: string };
  message?: string;
}

function checkAudit(): FloorResult {
  const result = spawnSync("npm", ["audit", "--omit=dev", "--audit-level=high", "--json"], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 60_000,
  });
  let report: AuditJson | undefined;
  try {
    report = JSON.parse(result.stdout) as AuditJson;
  } catch {
    report = undefined;
  }
  const counts = report?.metadata?.vulnerabilities;
  if (!counts) {
    const why =
      report?.error?.summary ||
      report?.message ||
      (result.stderr || "no output").split("\n").find((line) => /npm error|audit/i.test(line)) ||
      "no report";
    const required = process.env.DEPENDENCY_AUDIT === "required";
    return {
      name: "npm audit --omit=dev",
      ok: !required,
      detail: `audit unavailable (${why.trim()})${required ? "" : ": not counted (set DEPENDENCY_AUDIT=required to fail)"}`,
    };
  }
  const serious = (counts.high ?? 0) + (counts.critical ?? 0);
  return {
    name: "npm audit --omit=dev",
    ok: serious === 0,
    detail: `${counts.critical ?? 0} critical, ${counts.high ?? 0} high, ${counts.moderate ?? 0} moderate, ${counts.low ?? 0} low`,
  };
}

export function checkDependencyFloor(): FloorResult[] {
  return [...checkFloors(), checkAudit()];
}
