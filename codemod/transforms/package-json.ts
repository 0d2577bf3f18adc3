import type { Finding, Transform, TransformResult } from "../lib/types";
import { v5Adapter } from "./next-auth-imports";

/** The v5 release this codemod targets: earlier betas let requests through on a broken config. */
export const NEXT_AUTH_V5 = "5.0.0-beta.32";

/**
 * Step 6. package.json: `next-auth` → 5.0.0-beta.32 (exact), `@next-auth/<name>-adapter` →
 * `@auth/<name>-adapter`. Adapter versions restart in the @auth scope, so the codemod writes
 * "latest" and reports a to-do to pin it (it does not guess a version offline).
 */
export const packageJson: Transform = {
  name: "package-json",
  step: 6,
  kind: "package-json",
  run({ file, source }): TransformResult {
    let pkg: Record<string, Record<string, string> | unknown>;
    try {
      pkg = JSON.parse(source);
    } catch (error) {
      return { findings: [{ step: 6, file, line: 1, kind: "package-json", action: "todo", message: `not valid JSON (${(error as Error).message}): skipped` }] };
    }
    const findings: Finding[] = [];
    const lineOfKey = (key: string) => source.slice(0, Math.max(0, source.indexOf(`"${key}"`))).split("\n").length;
    let changed = false;
    for (const field of ["dependencies", "devDependencies", "peerDependencies", "optionalDependencies"]) {
      const deps = pkg[field] as Record<string, string> | undefined;
      if (!deps || typeof deps !== "object") continue;
      const entries = Object.entries(deps).map(([name, version]): [string, string] => {
        if (name === "next-auth" && /^[\^~]?4\./.test(version)) {
          changed = true;
          findings.push({ step: 6, file, line: lineOfKey(name), kind: "package-next-auth", action: "rewrite", message: `next-auth ${version} → ${NEXT_AUTH_V5}` });
          return [name, NEXT_AUTH_V5];
        }
        const next = v5Adapter(name);
        if (next) {
          changed = true;
          findings.push({ step: 6, file, line: lineOfKey(name), kind: "package-adapter", action: "rewrite", message: `${name} → ${next}` });
          findings.push({
            step: 6, file, line: lineOfKey(name), kind: "package-adapter-version", action: "todo",
            message: `pin ${next}: npm install --save-exact ${next}@<version> (v4's ${version} does not apply; written as "latest")`,
          });
          return [next, "latest"];
        }
        return [name, version];
      });
      if (changed) pkg[field] = Object.fromEntries(entries);
    }
    if (!changed) return { findings };
    const indent = source.match(/^[ \t]+(?=")/m)?.[0] ?? "  ";
    return { source: JSON.stringify(pkg, null, indent) + (source.endsWith("\n") ? "\n" : ""), findings };
  },
};
