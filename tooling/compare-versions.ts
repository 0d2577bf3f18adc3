/** Semantic Versioning precedence (semver.org §11); `semver` is not a dependency of this repo. */

/** `1.2.3-beta.4+build` → core [1, 2, 3] and prerelease ["beta", "4"]; build metadata is ignored. */
function parse(version: string): { core: number[]; prerelease: string[] } {
  const [withoutBuild] = version.trim().replace(/^v/, "").split("+");
  const dash = withoutBuild.indexOf("-");
  const core = (dash < 0 ? withoutBuild : withoutBuild.slice(0, dash)).split(".").map(Number);
  return { core, prerelease: dash < 0 ? [] : withoutBuild.slice(dash + 1).split(".") };
}

const isNumeric = (identifier: string) => /^\d+$/.test(identifier);

function compareIdentifiers(a: string, b: string): number {
  if (isNumeric(a) && isNumeric(b)) return Math.sign(Number(a) - Number(b));
  if (isNumeric(a) !== isNumeric(b)) return isNumeric(a) ? -1 : 1; // numeric identifiers sort first
  return a < b ? -1 : a > b ? 1 : 0;
}

/** -1, 0 or 1, like a sort comparator: 1.0.0-beta.2 < 1.0.0-beta.10 < 1.0.0 < 1.0.1. */
export function compareVersions(a: string, b: string): number {
  const x = parse(a);
  const y = parse(b);
  for (let i = 0; i < 3; i += 1)
    if ((x.core[i] ?? 0) !== (y.core[i] ?? 0)) return (x.core[i] ?? 0) < (y.core[i] ?? 0) ? -1 : 1;
  // A release sorts after its prereleases.
  if (!x.prerelease.length || !y.prerelease.length) return Math.sign(y.prerelease.length - x.prerelease.length);
  for (let i = 0; i < Math.min(x.prerelease.length, y.prerelease.length); i += 1) {
    const order = compareIdentifiers(x.prerelease[i], y.prerelease[i]);
    if (order) return order;
  }
  return Math.sign(x.prerelease.length - y.prerelease.length);
}
