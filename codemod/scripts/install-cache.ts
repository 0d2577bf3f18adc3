import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * Installs `packages` into the folder `cache` (a private package of its own), exact versions, with
 * no install scripts (nothing downloads a binary) and old trees' peer ranges allowed.
 */
export function installIntoCache(cache: string, packages: readonly string[], extraFlags: readonly string[] = []): void {
  mkdirSync(cache, { recursive: true });
  writeFileSync(path.join(cache, "package.json"), '{ "private": true }\n');
  execFileSync(
    "npm",
    [
      "install",
      "--prefix",
      cache,
      "--save-exact",
      "--ignore-scripts",
      "--legacy-peer-deps",
      "--no-audit",
      "--no-fund",
      ...extraFlags,
      ...packages,
    ],
    { stdio: ["ignore", "inherit", "inherit"] },
  );
}
