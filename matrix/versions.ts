/**
 * Exact versions for a combination: the newest patch of each line, from `npm view`, and the test
 * tooling that has to follow React and Next (types, eslint-config-next).
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { compareVersions } from "../tooling/compare-versions";
import { NEXT_CVE_FLOOR, type Combination } from "./combinations";

const execFileAsync = promisify(execFile);

/** The newest version among `npm view`'s answer (a string for one match, an array for several). */
export function newest(answer: string | string[]): string {
  const list = (Array.isArray(answer) ? answer : [answer]).filter((version) => /^\d+\.\d+\.\d+$/.test(version));
  if (list.length === 0) throw new Error("no stable version matches");
  return list.sort(compareVersions).at(-1)!;
}

/** Throws when `version` of next is below the CVE-2025-29927 fix of its major. */
export function assertAboveCveFloor(version: string): void {
  const floor = NEXT_CVE_FLOOR[Number(version.split(".")[0])];
  if (floor && compareVersions(version, floor) < 0) {
    throw new Error(`next ${version} is below ${floor}, the CVE-2025-29927 fix of its line`);
  }
}

const lookups = new Map<string, Promise<string>>();

/** `npm view <name>@<range> version --json`, newest match; one registry call per spec per run. */
export function latest(name: string, range: string): Promise<string> {
  const spec = `${name}@${range}`;
  if (!lookups.has(spec)) {
    lookups.set(
      spec,
      execFileAsync("npm", ["view", spec, "version", "--json"], { timeout: 60_000 }).then(({ stdout }) => {
        const answer = stdout.trim();
        if (!answer) throw new Error(`npm view ${spec}: nothing matches`);
        return newest(JSON.parse(answer) as string | string[]);
      }),
    );
  }
  return lookups.get(spec)!;
}

/** Package name → exact version, for the copy's package.json. */
export type Pins = Record<string, string>;

/** eslint-config-next before 15 peers ESLint ≤ 8; the repo lints with ESLint 9 and a flat config. */
export const lintsInBuild = (nextVersion: string) => Number(nextVersion.split(".")[0]) >= 15;

/**
 * Everything a combination changes in package.json. React's types follow React's major (the
 * 19 types reject React 18 code paths and the other way round). eslint-config-next follows Next's
 * line from 15 on; for 13.5 and 14.2 it cannot install next to ESLint 9 (ERESOLVE), so it stays
 * as committed and `next build --no-lint` runs there (linting is `npm run lint`'s job in CI).
 */
export async function resolvePins(combo: Combination, extra: Pins = {}): Promise<Pins> {
  const [next, react, reactDom, typesReact, typesReactDom, eslintConfigNext] = await Promise.all([
    latest("next", combo.next),
    latest("react", combo.react),
    latest("react-dom", combo.react),
    latest("@types/react", combo.react),
    latest("@types/react-dom", combo.react),
    latest("eslint-config-next", combo.next),
  ]);
  assertAboveCveFloor(next);
  return {
    next,
    react,
    "react-dom": reactDom,
    "@types/react": typesReact,
    "@types/react-dom": typesReactDom,
    ...(lintsInBuild(next) ? { "eslint-config-next": eslintConfigNext } : {}),
    ...extra,
  };
}
