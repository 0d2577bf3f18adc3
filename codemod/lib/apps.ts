import path from "node:path";
import { expandModulePath, type FileReader, type WorkspaceModule } from "./project";

/** A folder with a package.json (or the root): the codemod's unit of ownership for files. */
export interface Pkg {
  /** Root-relative POSIX folder, "" for the root. */
  dir: string;
  name: string | undefined;
  /**
   * Whether it is a Next.js app: `next` declared in its package.json or an ancestor's (a monorepo
   * root), and a pages/ or app/ folder (with `next` its own) or a next.config.* or a
   * `[...nextauth]` route (with `next` an ancestor's: a shared package has neither).
   */
  app: boolean;
  /** Names of the packages it depends on (any field). */
  deps: string[];
  /** Its files, relative to `dir`. */
  files: string[];
}

/**
 * A set of packages that apply changes together or not at all: a Next app and the workspace
 * packages it imports (packages shared by two apps join their units).
 */
export interface Unit {
  /** The app's folder, or the package's when the unit has no app. */
  dir: string;
  app: boolean;
  packages: Pkg[];
}

const PAGES_OR_APP = /^(src\/)?(pages|app)\//;
const NEXT_CONFIG = /^next\.config\.[cm]?[jt]s$/;
const NEXTAUTH_ROUTE = /^(src\/)?(pages\/api\/auth\/\[\.\.\.nextauth\]\.|app\/api\/auth\/\[\.\.\.nextauth\]\/route\.)/;

/** Splits root-relative files into packages (each file goes to its nearest package.json). */
export function findPackages(files: readonly string[], read: FileReader): Pkg[] {
  const dirs = files
    .filter((f) => f === "package.json" || f.endsWith("/package.json"))
    .map((f) => path.posix.dirname(f))
    .map((d) => (d === "." ? "" : d));
  if (!dirs.includes("")) dirs.push("");
  const byDir = new Map<string, Pkg>();
  for (const dir of dirs) {
    let pkg: { name?: string; [field: string]: unknown } = {};
    try {
      pkg = JSON.parse(read(dir ? `${dir}/package.json` : "package.json") ?? "{}");
    } catch {
      // An unreadable package.json is reported by the package-json transform.
    }
    const deps = ["dependencies", "devDependencies", "peerDependencies"].flatMap((field) =>
      Object.keys((pkg[field] as Record<string, string>) ?? {}),
    );
    byDir.set(dir, {
      dir,
      name: typeof pkg.name === "string" ? pkg.name : undefined,
      app: deps.includes("next"),
      deps,
      files: [],
    });
  }
  const sorted = [...byDir.keys()].sort((a, b) => b.length - a.length);
  for (const file of files) {
    const dir = sorted.find((d) => d === "" || file.startsWith(`${d}/`)) ?? "";
    const pkg = byDir.get(dir)!;
    pkg.files.push(dir ? file.slice(dir.length + 1) : file);
  }
  // `next` resolves from the package's folder up: node_modules of an ancestor (a hoisted root) serve it.
  const ancestorHasNext = (dir: string) =>
    [...byDir.values()].some((p) => p.app && p.dir !== dir && (p.dir === "" || dir.startsWith(`${p.dir}/`)));
  const apps = new Set(
    [...byDir.values()].filter((pkg) =>
      pkg.app
        ? pkg.files.some((f) => PAGES_OR_APP.test(f) || NEXT_CONFIG.test(f))
        : ancestorHasNext(pkg.dir) && pkg.files.some((f) => NEXT_CONFIG.test(f) || NEXTAUTH_ROUTE.test(f)),
    ),
  );
  for (const pkg of byDir.values()) pkg.app = apps.has(pkg);
  // A lone app without `next` in package.json (or without a package.json) is still the app.
  if (![...byDir.values()].some((p) => p.app)) byDir.get("")!.app = true;
  return [...byDir.values()].filter((p) => p.files.length > 0).sort((a, b) => a.dir.localeCompare(b.dir));
}

/**
 * Groups packages into units: each app with the workspace packages it depends on, transitively,
 * and the ancestor package its next-auth comes from when none of those declares it.
 */
export function findUnits(packages: readonly Pkg[]): Unit[] {
  const byName = new Map(packages.filter((p) => p.name).map((p) => [p.name!, p]));
  const closure = (pkg: Pkg): Set<Pkg> => {
    const seen = new Set<Pkg>([pkg]);
    const queue = [pkg];
    while (queue.length) {
      for (const dep of queue.pop()!.deps) {
        const found = byName.get(dep);
        if (found && !found.app && !seen.has(found)) {
          seen.add(found);
          queue.push(found);
        }
      }
    }
    // next-auth resolves from the app's folder up: where neither the app nor its packages declare
    // it, the ancestor that does (a monorepo root holding next, react and next-auth) moves with it.
    if (![...seen].some((p) => p.deps.includes("next-auth"))) {
      const root = packages
        .filter((p) => !p.app && p.dir !== pkg.dir && (p.dir === "" || pkg.dir.startsWith(`${p.dir}/`)))
        .filter((p) => p.deps.includes("next-auth"))
        .sort((a, b) => b.dir.length - a.dir.length)[0];
      if (root) seen.add(root);
    }
    return seen;
  };
  const units: { dirs: string[]; app: boolean; members: Set<Pkg> }[] = [];
  for (const app of packages.filter((p) => p.app)) {
    const members = closure(app);
    const overlapping = units.filter((u) => [...members].some((m) => u.members.has(m)));
    const merged = {
      dirs: [app.dir, ...overlapping.flatMap((u) => u.dirs)],
      app: true,
      members: new Set([...members, ...overlapping.flatMap((u) => [...u.members])]),
    };
    for (const u of overlapping) units.splice(units.indexOf(u), 1);
    units.push(merged);
  }
  const owned = new Set(units.flatMap((u) => [...u.members]));
  for (const pkg of packages) if (!owned.has(pkg)) units.push({ dirs: [pkg.dir], app: false, members: new Set([pkg]) });
  return units
    .map((u) => ({
      dir: u.dirs.sort()[0],
      app: u.app,
      packages: [...u.members].sort((a, b) => Number(b.app) - Number(a.app) || a.dir.localeCompare(b.dir)),
    }))
    .sort((a, b) => a.dir.localeCompare(b.dir));
}

/**
 * Reads a workspace package's module by specifier (`@acme/lib/x`): the package's `exports` entry
 * for it (`"./*": "./src/*.ts"` too), else the subpath itself or under `src/`, as a file of
 * `packages` (paths are the repository's).
 */
export function workspaceModule(packages: readonly Pkg[], readRoot: FileReader): WorkspaceModule {
  return (spec) => {
    const pkg = packages.find((p) => p.name && (spec === p.name || spec.startsWith(`${p.name}/`)));
    if (!pkg?.name) return undefined;
    const sub = `.${spec.slice(pkg.name.length)}`;
    const prefix = pkg.dir ? `${pkg.dir}/` : "";
    let exported: unknown;
    try {
      exported = JSON.parse(readRoot(`${prefix}package.json`) ?? "{}").exports;
    } catch {
      exported = undefined;
    }
    const targets: string[] = [];
    const entry = (value: unknown): string | undefined =>
      typeof value === "string"
        ? value
        : value && typeof value === "object"
          ? ["types", "import", "default", "require"]
              .map((k) => entry((value as Record<string, unknown>)[k]))
              .find(Boolean)
          : undefined;
    if (exported && typeof exported === "object" && !Array.isArray(exported)) {
      for (const [key, value] of Object.entries(exported as Record<string, unknown>)) {
        const target = entry(value);
        if (!target) continue;
        if (key === sub) targets.push(target);
        const star = key.indexOf("*");
        if (star >= 0 && sub.startsWith(key.slice(0, star)) && sub.endsWith(key.slice(star + 1)))
          targets.push(target.replace("*", sub.slice(star, sub.length - (key.length - star - 1))));
      }
    }
    if (sub !== ".") targets.push(sub, `./src/${sub.slice(2)}`);
    const files = new Set(pkg.files);
    for (const target of targets) {
      const base = path.posix.normalize(target).replace(/^\.\//, "");
      const found = expandModulePath(base)
        .filter((f) => /\.[cm]?[jt]sx?$/.test(f) && !f.endsWith(".d.ts"))
        .find((f) => files.has(f));
      const source = found === undefined ? null : readRoot(prefix + found);
      if (found !== undefined && source !== null) return { path: prefix + found, source };
    }
    return undefined;
  };
}
