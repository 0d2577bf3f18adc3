import semver from "semver";
import type { FileReader } from "./project";

/**
 * next-auth 5.0.0-beta.32's peerDependencies on the framework. Outside them npm refuses the
 * install (ERESOLVE), and before Next 13.4 the App Router route v5 mounts its handlers on does not run.
 */
export const V5_FRAMEWORK_PEERS: Readonly<Record<"next" | "react", string>> = {
  next: "^14.0.0-0 || ^15.0.0 || ^16.0.0",
  react: "^18.2.0 || ^19.0.0",
};

const DEPENDENCY_FIELDS = ["dependencies", "devDependencies", "peerDependencies"];

/**
 * Why an app in `dir` (root-relative, "" for the root) cannot move to next-auth 5 as it is: the
 * next or react range it declares (or a monorepo root declares for it) admits no version v5
 * supports. Undefined when every range admits one, or is a dist-tag or workspace protocol
 * (`latest`, `workspace:*`): the registry decides those.
 */
export function v5PeerProblem(dir: string, read: FileReader): string | undefined {
  const asked: string[] = [];
  let noRouteHandlers = false;
  for (const [name, peer] of Object.entries(V5_FRAMEWORK_PEERS)) {
    const declared = declaredRange(dir, name, read);
    if (!declared || semver.validRange(declared.range) === null) continue;
    // A canary of a supported major counts; a release candidate below one does not (19.0.0-rc < 19.0.0).
    if (semver.intersects(declared.range, peer, { includePrerelease: true })) continue;
    asked.push(`${declared.file} asks for ${name} "${declared.range}"`);
    if (name === "next" && !semver.intersects(declared.range, ">=13.4.0")) noRouteHandlers = true;
  }
  if (!asked.length) return undefined;
  const peers = Object.entries(V5_FRAMEWORK_PEERS)
    .map(([name, peer]) => `${name} ${peer}`)
    .join(" and ");
  return `next-auth 5 supports ${peers} (its peerDependencies), and ${asked.join(", and ")}: npm would refuse to install it${noRouteHandlers ? ", and before Next 13.4 the App Router route that v5's handlers need does not run" : ""}. Upgrade Next.js and React first (Next.js's upgrade guide; \`npx @next/codemod@latest upgrade\`), then run again. The steps that stay on v4 can be applied now: \`apply --step 2\`, then 3, 4 and 5`;
}

/** The range of `name` in the package.json of `dir` or of its nearest ancestor that declares it. */
function declaredRange(dir: string, name: string, read: FileReader): { file: string; range: string } | undefined {
  const parts = dir ? dir.split("/") : [];
  for (let depth = parts.length; depth >= 0; depth--) {
    const file = [...parts.slice(0, depth), "package.json"].join("/");
    let manifest: Record<string, unknown>;
    try {
      manifest = JSON.parse(read(file) ?? "null") ?? {};
    } catch {
      continue; // an unreadable package.json is the package-json transform's to report
    }
    for (const field of DEPENDENCY_FIELDS) {
      const range = (manifest[field] as Record<string, unknown> | undefined)?.[name];
      if (typeof range === "string") return { file, range: range.trim() };
    }
  }
  return undefined;
}
