import { parseJsonc, type Project } from "../lib/project";
import type { FileChange, Finding } from "../lib/types";

const WHY =
  "the App Router route is the app's first app/ file, and `next build` turns strictNullChecks on for a non-strict app with both pages/ and app/ unless tsconfig.json sets it: the v4 code keeps the checks it was written for (set it to true, or strict, when that code is ready)";

/**
 * A TypeScript app with `"strict": false` (Next.js 9 to 12 wrote it so) and no `strictNullChecks`,
 * whose Pages route becomes its first App Router file: tsconfig.json with `"strictNullChecks": false`
 * after `"strict"`, so `next build` type-checks as it did on v4. Undefined where that is not
 * certain: no tsconfig.json, one that `extends` another (its base may set strictNullChecks), an
 * app/ folder already there, or a layout the edit cannot place.
 */
export function keptStrictNullChecks(
  project: Project,
  movedRoute: string,
): { file: FileChange; finding: Finding } | undefined {
  if (project.nextAuthMajor === 5 || !project.typescript) return undefined;
  if (project.files.some((f) => /^(src\/)?app\//.test(f))) return undefined;
  if (!project.files.some((f) => /^(src\/)?pages\//.test(f) && f !== movedRoute)) return undefined;
  const source = project.read("tsconfig.json");
  if (source === null) return undefined;
  let config;
  try {
    config = parseJsonc(source);
  } catch {
    return undefined;
  }
  if (typeof config !== "object" || config === null || "extends" in config) return undefined;
  const options = config.compilerOptions;
  if (typeof options !== "object" || options === null || options.strict !== false || "strictNullChecks" in options)
    return undefined;
  const next = withStrictNullChecksOff(source);
  if (next === undefined) return undefined;
  try {
    const written = parseJsonc(next);
    if (written.compilerOptions?.strictNullChecks !== false) return undefined;
    delete written.compilerOptions.strictNullChecks;
    if (JSON.stringify(written) !== JSON.stringify(config)) return undefined;
  } catch {
    return undefined;
  }
  const line = next.slice(0, next.indexOf('"strictNullChecks"')).split("\n").length;
  return {
    file: { path: "tsconfig.json", source: next },
    finding: {
      step: 6,
      file: "tsconfig.json",
      line,
      kind: "tsconfig-strict-null-checks",
      action: "rewrite",
      message: `"strictNullChecks": false written: ${WHY}`,
    },
  };
}

/** The text with `"strictNullChecks": false` after the one `"strict": false`. */
function withStrictNullChecksOff(source: string): string | undefined {
  const strict = [...source.matchAll(/"strict"\s*:\s*false/g)];
  if (strict.length !== 1) return undefined;
  const at = strict[0].index! + strict[0][0].length;
  const comma = /^\s*,/.exec(source.slice(at));
  const lineStart = source.lastIndexOf("\n", strict[0].index!) + 1;
  const before = source.slice(lineStart, strict[0].index!);
  const separator = before.trim() === "" ? `\n${before}` : " ";
  if (!comma) return `${source.slice(0, at)},${separator}"strictNullChecks": false${source.slice(at)}`;
  const after = at + comma[0].length;
  return `${source.slice(0, after)}${separator}"strictNullChecks": false,${source.slice(after)}`;
}
