import { finding, findingsOf } from "../lib/findings";
import type { Project } from "../lib/project";
import type { Transform, TransformResult } from "../lib/types";
import { ADAPTER_SOURCE, v5Adapter } from "./next-auth-imports";
import { transpileTodo } from "./nextauth-route";

/**
 * What to do with a next-auth version: "move" (any v4 range, `latest`, `*`, a v4 tag), "v5"
 * (already there), or why a person must (a workspace, catalog, git or file reference).
 */
export function nextAuthMove(version: string): "move" | "v5" | string {
  const v = version.trim();
  if (/^(workspace|catalog|file|link|git|github|npm|https?):|\//.test(v))
    return `a ${v.split(":")[0]} reference the codemod cannot move: set it to ${NEXT_AUTH_V5} by hand`;
  if (/^\D*5\./.test(v) || v === "beta") return "v5";
  return "move";
}

function pinAdapter(name: string): string {
  return `pin ${name}: npm install --save-exact ${name}@<version> whose @auth/core is next-auth ${NEXT_AUTH_V5}'s (written as "latest": adapter versions restart in the @auth scope, v4's do not apply)`;
}

const majorOf = (version: string) => version.match(/\d+/)?.[0];

/** The v5 release this codemod targets: earlier betas let requests through on a broken config. */
export const NEXT_AUTH_V5 = "5.0.0-beta.32";

/**
 * @auth adapters built on the same @auth/core as next-auth 5.0.0-beta.32 (0.41.3; read from each
 * package's `dependencies` on the registry). An adapter on another core brings a second copy
 * whose `Adapter` type does not match next-auth's.
 */
export const V5_ADAPTER_VERSIONS: Readonly<Record<string, string>> = {
  "@auth/drizzle-adapter": "1.11.3",
  "@auth/mongodb-adapter": "3.11.3",
  "@auth/prisma-adapter": "2.11.3",
  "@auth/supabase-adapter": "1.11.3",
  "@auth/typeorm-adapter": "2.11.3",
};

/**
 * The peers those adapters declare (their peerDependencies on the registry, 2026-12-07): the
 * app's own version below one is a bump to make with the adapter. @auth/drizzle-adapter and
 * @auth/prisma-adapter 2.x (any @prisma/client from 2.26) declare none that a v4 app misses.
 */
const V5_ADAPTER_PEERS: Readonly<Record<string, { peer: string; range: string; floor: string }>> = {
  "@auth/mongodb-adapter": { peer: "mongodb", range: "^6", floor: "6.0.0" },
  "@auth/supabase-adapter": { peer: "@supabase/supabase-js", range: "^2.43.1", floor: "2.43.1" },
  "@auth/typeorm-adapter": { peer: "typeorm", range: "^0.3.7", floor: "0.3.7" },
};

/**
 * Whether no code file under the package's folder names any of `modules` (an import, a require, a
 * re-export). Undecided (false) when the codemod sees no code of the package at all.
 */
function importedByNone(project: Project, packageFile: string, modules: string[]): boolean {
  const folder = packageFile.includes("/") ? packageFile.slice(0, packageFile.lastIndexOf("/") + 1) : "";
  const code = project.files.filter((f) => f.startsWith(folder) && /\.[cm]?[jt]sx?$/.test(f) && !f.endsWith(".d.ts"));
  if (code.length === 0) return false;
  const named = new RegExp(
    `["'\`](?:${modules.map((m) => m.replace(/[/\-]/g, "\\$&")).join("|")})(?:/[^"'\`]*)?["'\`]`,
  );
  return !code.some((f) => named.test(project.read(f) ?? ""));
}

/** Whether dotted version `a` is below `b` (numbers only; a range's first version). */
function below(a: string, b: string): boolean {
  const [x, y] = [a, b].map((v) => v.split(".").map(Number));
  for (let i = 0; i < 3; i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) < (y[i] ?? 0);
  return false;
}

/**
 * Step 6. package.json: `next-auth` → 5.0.0-beta.32 (exact); `@next-auth/<name>-adapter` →
 * `@auth/<name>-adapter`, and an @auth adapter already there (create-t3-app ran
 * `@auth/drizzle-adapter` 0.x on v4) of another major than V5_ADAPTER_VERSIONS → that version. An adapter not in it
 * is written as "latest" with a to-do to pin it (the codemod does not guess a version offline).
 */
export const packageJson: Transform = {
  name: "package-json",
  step: 6,
  kind: "package-json",
  run({ file, source, project }): TransformResult {
    let pkg: Record<string, Record<string, string> | unknown>;
    try {
      pkg = JSON.parse(source);
    } catch (error) {
      return {
        findings: [finding(6, file, 1, "package-json", `not valid JSON (${(error as Error).message}): skipped`)],
      };
    }
    const { findings, note } = findingsOf(6, file);
    const lineOfKey = (key: string) => source.slice(0, Math.max(0, source.indexOf(`"${key}"`))).split("\n").length;
    let changed = false;
    for (const field of ["dependencies", "devDependencies", "peerDependencies", "optionalDependencies"]) {
      const deps = pkg[field] as Record<string, string> | undefined;
      if (!deps || typeof deps !== "object") continue;
      const entries = Object.entries(deps).map(([name, version]): [string, string] => {
        if (name === "next-auth") {
          const move = nextAuthMove(version);
          if (move === "move") {
            changed = true;
            note(lineOfKey(name), "package-next-auth", `next-auth ${version} → ${NEXT_AUTH_V5}`, "rewrite");
            return [name, NEXT_AUTH_V5];
          }
          if (move !== "v5") note(lineOfKey(name), "package-next-auth-version", `next-auth "${version}": ${move}`);
          // An applied tree: what the route's conversion asked of the Next config, found again.
          const transpile = move === "v5" && file === "package.json" ? transpileTodo(project) : undefined;
          if (transpile) findings.push(transpile);
          return [name, version];
        }
        if (/next-auth/.test(name) && !ADAPTER_SOURCE.test(name) && !name.startsWith("@auth/")) {
          note(
            lineOfKey(name),
            "package-third-party",
            `${name} is built for next-auth v4: check that it supports v5 (Auth.js), or replace it`,
          );
        }
        const next = v5Adapter(name);
        if (next && importedByNone(project, file, [name, next])) {
          note(
            lineOfKey(name),
            "package-adapter-unused",
            `${name} is imported by no file of this package, and it is for next-auth v4 only: remove it (npm uninstall ${name}). The codemod leaves it as it is rather than install ${next}, whose peers the app may not have`,
          );
          return [name, version];
        }
        if (next) {
          changed = true;
          const pinned = V5_ADAPTER_VERSIONS[next];
          note(lineOfKey(name), "package-adapter", `${name} ${version} → ${next} ${pinned ?? "latest"}`, "rewrite");
          if (!pinned) {
            note(lineOfKey(name), "package-adapter-version", pinAdapter(next));
          }
          return [next, pinned ?? "latest"];
        }
        const pinned = V5_ADAPTER_VERSIONS[name];
        // Another major (0.x in T3's v4 apps) is built on an older @auth/core; the same major is the owner's choice.
        if (pinned && majorOf(version) !== majorOf(pinned)) {
          if (nextAuthMove(version) !== "move") {
            note(
              lineOfKey(name),
              "package-adapter-version",
              `${name} "${version}": set it to ${pinned} by hand (next-auth ${NEXT_AUTH_V5}'s @auth/core)`,
            );
            return [name, version];
          }
          changed = true;
          note(
            lineOfKey(name),
            "package-adapter",
            `${name} ${version} → ${pinned} (next-auth ${NEXT_AUTH_V5}'s @auth/core)`,
            "rewrite",
          );
          return [name, pinned];
        }
        // What an earlier apply wrote, found again: the to-do stays until a version is pinned.
        if (/^@auth\/[\w-]+-adapter$/.test(name) && (version === "latest" || version === "*")) {
          note(lineOfKey(name), "package-adapter-version", pinAdapter(name));
        }
        return [name, version];
      });
      if (changed) pkg[field] = Object.fromEntries(entries);
    }
    const declared = (name: string) =>
      ["dependencies", "devDependencies", "peerDependencies", "optionalDependencies"]
        .map((field) => (pkg[field] as Record<string, string> | undefined)?.[name])
        .find((v) => typeof v === "string");
    for (const [adapter, { peer, range, floor }] of Object.entries(V5_ADAPTER_PEERS)) {
      const has = declared(peer);
      const from = has?.match(/\d+(\.\d+){0,2}/)?.[0];
      if (declared(adapter) !== V5_ADAPTER_VERSIONS[adapter] || !from || !below(from, floor)) continue;
      note(
        lineOfKey(peer),
        "package-adapter-peer",
        `${adapter} ${V5_ADAPTER_VERSIONS[adapter]} needs ${peer} ${range} (its peerDependencies), and this package has ${peer} "${has}": bump ${peer} with it (a new major of your database client: read its migration notes first)`,
      );
    }
    if (!changed) return { findings };
    const indent = source.match(/^[ \t]+(?=")/m)?.[0] ?? "  ";
    return { source: JSON.stringify(pkg, null, indent) + (source.endsWith("\n") ? "\n" : ""), findings };
  },
};
