import path from "node:path";
import type { Pkg, Unit } from "./apps";
import {
  namedImports,
  parseForReading,
  range,
  references,
  topImports,
  importedName,
  localName,
  type Node,
  type Parsed,
} from "./ast";
import { Project, parseJsonc, stripExt, type FileReader } from "./project";

const SESSION_SOURCES = ["next-auth", "next-auth/next"];
const SESSION_FUNCTIONS = ["getServerSession", "unstable_getServerSession"];
/** What v5's `NextAuth(…)` gives the auth module to export. */
export const AUTH_EXPORTS = ["handlers", "auth", "signIn", "signOut"];

/**
 * A shared package (no Next app) whose code calls v4's getServerSession: v5's NextAuth goes into
 * the module of that package that calls it, beside or importing the options it gives
 * getServerSession (v5's T3 layout: no module imports it back), and each app's route mounts the
 * handlers, imported by the package's name as the app imports the options.
 */
export interface SharedAuth {
  /** The package's folder, root-relative. */
  dir: string;
  /** The module that gets NextAuth: package-relative, without extension, and its file. */
  module: string;
  file: string;
  /** What NextAuth is given: the options as getServerSession gets them; a call becomes lazy (`() => authOptions()`, copied when it has getters). */
  config: string;
  /** The options' name when this module declares them (NextAuth goes right after them), else undefined (after the imports). */
  declared: string | undefined;
  /** A package module the apps import (its index) that re-exports v5's exports from `module`, package-relative. */
  reexport: string | undefined;
  /** Per app folder: the specifier its route imports `handlers` from. */
  routes: Map<string, string>;
}

/** The switch a unit's shared package gets; `why` when a package calls getServerSession in a shape that is not certain. */
export type SharedAuthPlan = { plan: SharedAuth; why?: undefined } | { plan?: undefined; why: string };

interface Origin {
  /** Package-relative file that declares the options, and their name there. */
  file: string;
  name: string;
}

interface Call {
  file: string;
  /** `authOptions` or `authOptions()`, as written. */
  code: string;
  call: boolean;
  origin: Origin | undefined;
  /** Why this call is not one the switch can carry. */
  problem?: string;
}

/** The shared package of `unit` that calls getServerSession, and where its switch goes; undefined when there is none. */
export function sharedAuthOf(unit: Unit, read: FileReader): SharedAuthPlan | undefined {
  const found = unit.packages
    .filter((p) => !p.app)
    .map((pkg) => ({ pkg, project: packageProject(pkg, read) }))
    .map((x) => ({ ...x, calls: sessionCalls(x.project) }))
    .filter((x) => x.calls === "require" || x.calls.length > 0);
  if (found.length === 0) return undefined;
  if (found.length > 1)
    return {
      why: `${found.map((x) => x.pkg.dir).join(" and ")} each call getServerSession: one auth module has to serve them all`,
    };
  const [{ pkg, project, calls }] = found;
  if (calls === "require")
    return { why: `${pkg.dir} requires getServerSession with require(): convert it to ES imports` };
  const bad = calls.find((c) => c.problem || !c.origin);
  if (bad)
    return { why: `${pkg.dir}/${bad.file}: ${bad.problem ?? "getServerSession is not given the package's options"}` };

  const { origin, code, call } = calls[0];
  const same = (c: Call) => c.origin!.file === origin!.file && c.origin!.name === origin!.name && c.call === call;
  if (!calls.every(same)) return { why: `${pkg.dir}'s getServerSession calls are given different options` };
  const callers = [...new Set(calls.map((c) => c.file))];
  const file = callers.includes(origin!.file) ? origin!.file : callers.length === 1 ? callers[0] : undefined;
  if (!file)
    return {
      why: `${callers.length} modules of ${pkg.dir} call getServerSession and none of them holds the options: NextAuth would have to go into one of them, or into ${origin!.file}, by hand`,
    };
  const authModule = stripExt(file);
  const text = project.read(file) ?? "";
  if (/\bmodule\.exports\b|\bexports\.\w+\s*=/.test(text)) return { why: `${pkg.dir}/${file} is CommonJS` };
  const clash = AUTH_EXPORTS.filter((name) => bindsTopLevel(project, file, name));
  if (clash.length)
    return {
      why: `${pkg.dir}/${file} already has ${clash.map((n) => `\`${n}\``).join(", ")} of its own, which v5's exports would take`,
    };
  // Every other caller imports auth from that module: it may not import any of them back.
  const back = callers.find((c) => c !== file && reaches(project, file, c));
  if (back)
    return {
      why: `${pkg.dir}/${file} imports ${back} (through its imports), which would import auth from it: an import cycle`,
    };
  const plan: SharedAuth = {
    dir: pkg.dir,
    module: authModule,
    file,
    // v5 assigns config.providers (setEnvDefaults): options with getters (cap's lazy providers) are copied first.
    config: call
      ? /\bget\s+\w+\s*\(/.test(project.read(origin!.file) ?? "")
        ? `() => ({ ...${code} })`
        : `() => ${code}`
      : code,
    declared: origin!.file === file ? origin!.name : undefined,
    reexport: undefined,
    routes: new Map(),
  };
  const apps = unit.packages.filter((p) => p.app);
  for (const app of apps) {
    const appProject = new Project(app.dir, app.files, { read: prefixed(app.dir, read) });
    const route = appProject.routeFile;
    if (!route) continue;
    const given = routeOptions(appProject, route, pkg);
    if (typeof given === "string") return { why: `${app.dir ? `${app.dir}/` : ""}${route}: ${given}` };
    const target = resolveInPackage(pkg, project, given.specifier);
    const declared = target && followExport(project, target, given.name);
    if (!declared || declared.file !== origin!.file || declared.name !== origin!.name || given.call !== call)
      return {
        why: `${app.dir ? `${app.dir}/` : ""}${route} gives NextAuth other options than ${pkg.dir}'s getServerSession (${code})`,
      };
    // The route imports handlers the way it imports the options, when that module is the auth module or
    // can re-export it (an index the auth module does not import); else by the package's path to it.
    let specifier: string | undefined;
    if (target === file || exportsAllOf(project, target, file)) specifier = given.specifier;
    else if (
      !reaches(project, file, target) &&
      !AUTH_EXPORTS.some((name) => bindsTopLevel(project, target, name)) &&
      (plan.reexport ?? target) === target
    ) {
      plan.reexport = target;
      specifier = given.specifier;
    } else specifier = packageSpecifier(pkg, project, file);
    if (!specifier)
      return {
        why: `${app.dir ? `${app.dir}/` : ""}${route} could not import handlers from ${pkg.dir}/${file}: ${pkg.name ?? pkg.dir} exports no path to it`,
      };
    plan.routes.set(app.dir, specifier);
  }
  if (plan.routes.size === 0) return { why: `no app of ${pkg.dir} has a next-auth route to mount its handlers` };
  return { plan };
}

function prefixed(dir: string, read: FileReader): FileReader {
  return (file) => read(dir ? `${dir}/${file}` : file);
}

function packageProject(pkg: Pkg, read: FileReader): Project {
  return new Project(pkg.dir, pkg.files, { read: prefixed(pkg.dir, read) });
}

const parsedCache = new WeakMap<Project, Map<string, Parsed | null>>();

function parsedFile(project: Project, file: string): Parsed | null {
  let cache = parsedCache.get(project);
  if (!cache) parsedCache.set(project, (cache = new Map()));
  if (!cache.has(file)) {
    const text = project.read(file);
    let parsed: Parsed | null = null;
    try {
      parsed = text === null ? null : parseForReading(file, text);
    } catch {
      parsed = null;
    }
    cache.set(file, parsed);
  }
  return cache.get(file)!;
}

const CODE = /\.[cm]?[jt]sx?$/;

/** The package's getServerSession calls, with the options each is given; "require" when one is required. */
function sessionCalls(project: Project): Call[] | "require" {
  const calls: Call[] = [];
  for (const file of project.files) {
    if (!CODE.test(file) || file.endsWith(".d.ts")) continue;
    const text = project.read(file) ?? "";
    if (!SESSION_FUNCTIONS.some((f) => text.includes(f)) || !/["']next-auth(\/next)?["']/.test(text)) continue;
    const parsed = parsedFile(project, file);
    if (!parsed) continue;
    const locals = SESSION_FUNCTIONS.flatMap((name) => namedImports(parsed, SESSION_SOURCES, name).map((i) => i.local));
    if (locals.length === 0) {
      if (/\brequire\s*\(\s*["']next-auth(\/next)?["']/.test(text)) return "require";
      continue;
    }
    parsed.root
      .find(parsed.j.CallExpression)
      .filter((p) => p.node.callee.type === "Identifier" && locals.includes((p.node.callee as { name: string }).name))
      .forEach((p) => {
        const args = p.node.arguments as Node[];
        const options = args.length === 1 || args.length === 3 ? args[args.length - 1] : undefined;
        const code = options ? parsed.source.slice(range(options).start, range(options).end) : "";
        const name =
          options?.type === "Identifier"
            ? options.name
            : options?.type === "CallExpression" &&
                options.callee.type === "Identifier" &&
                options.arguments.length === 0
              ? options.callee.name
              : undefined;
        const origin = name ? bindingOrigin(project, file, name) : undefined;
        calls.push({
          file,
          code,
          call: options?.type === "CallExpression",
          origin,
          problem: !options
            ? `getServerSession is called with ${args.length} arguments`
            : !name
              ? `getServerSession is given \`${code}\`, not the options by name`
              : !origin
                ? `the options \`${name}\` it gives getServerSession are not declared in the package`
                : undefined,
        });
      });
    // Step 2 rewrites calls only: a getServerSession passed on as a value would stay v4's.
    const called = calls.filter((c) => c.file === file).length;
    const used = locals.reduce((n, local) => n + references(parsed, local).size(), 0);
    if (used > called)
      calls.push({ file, code: "", call: false, origin: undefined, problem: "getServerSession is used as a value" });
  }
  return calls;
}

/** Where the top-level binding `name` of `file` is declared in the package: this file, or one it imports from. */
function bindingOrigin(project: Project, file: string, name: string): Origin | undefined {
  const parsed = parsedFile(project, file);
  if (!parsed) return undefined;
  for (const d of topImports(parsed).nodes()) {
    for (const s of d.specifiers ?? []) {
      if (localName(s) !== name) continue;
      if (s.type !== "ImportSpecifier") return undefined;
      const target = project.resolve(file, String(d.source.value));
      const targetFile = target === undefined ? undefined : project.has(target);
      return targetFile ? followExport(project, targetFile, importedName(s)) : undefined;
    }
  }
  return declaresTopLevel(parsed, name) ? { file, name } : undefined;
}

/** The declaration `file`'s export `name` comes from, through `export { x } from` and `export *` in the package. */
function followExport(project: Project, file: string, name: string, depth = 0): Origin | undefined {
  const parsed = parsedFile(project, file);
  if (!parsed || depth > 8) return undefined;
  const body = (parsed.root.find(parsed.j.Program).get().node as { body: Node[] }).body;
  for (const st of body) {
    if (st.type === "ExportNamedDeclaration" && !st.source) {
      if (st.declaration && declares(st.declaration, name)) return { file, name };
      for (const s of st.specifiers ?? [])
        if (s.exported?.name === name) return bindingOrigin(project, file, s.local?.name ?? name);
    }
    if (st.type === "ExportNamedDeclaration" && st.source) {
      for (const s of st.specifiers ?? []) {
        if (s.exported?.name !== name) continue;
        const next = moduleFile(project, file, String(st.source.value));
        return next ? followExport(project, next, s.local?.name ?? name, depth + 1) : undefined;
      }
    }
  }
  for (const st of body) {
    if (st.type !== "ExportAllDeclaration" || st.exported) continue;
    const next = moduleFile(project, file, String(st.source.value));
    const found = next && followExport(project, next, name, depth + 1);
    if (found) return found;
  }
  return undefined;
}

function moduleFile(project: Project, from: string, spec: string): string | undefined {
  const target = project.resolve(from, spec);
  return target === undefined ? undefined : project.has(target);
}

function declares(declaration: Node, name: string): boolean {
  if (declaration.type === "VariableDeclaration")
    return declaration.declarations.some((d: Node) => d.id?.type === "Identifier" && d.id.name === name);
  return declaration.id?.name === name;
}

function declaresTopLevel(parsed: Parsed, name: string): boolean {
  const body = (parsed.root.find(parsed.j.Program).get().node as { body: Node[] }).body;
  return body.some((st) => {
    const declaration = st.type === "ExportNamedDeclaration" ? st.declaration : st;
    return declaration && /Declaration$/.test(declaration.type) && declares(declaration, name);
  });
}

/** Whether `file` has a top-level binding or an export called `name` (declared, imported or re-exported). */
export function bindsTopLevel(project: Project, file: string, name: string): boolean {
  const parsed = parsedFile(project, file);
  if (!parsed) return true;
  if (declaresTopLevel(parsed, name)) return true;
  if (
    topImports(parsed)
      .nodes()
      .some((d) => (d.specifiers ?? []).some((s) => localName(s) === name))
  )
    return true;
  const body = (parsed.root.find(parsed.j.Program).get().node as { body: Node[] }).body;
  return body.some(
    (st) =>
      (st.type === "ExportNamedDeclaration" && (st.specifiers ?? []).some((s: Node) => s.exported?.name === name)) ||
      (st.type === "ExportAllDeclaration" && !st.exported),
  );
}

/** Whether `file` re-exports everything of `module` (`export * from "./src/get-session"`): v5's exports too, then. */
function exportsAllOf(project: Project, file: string, module: string): boolean {
  const parsed = parsedFile(project, file);
  if (!parsed) return false;
  const body = (parsed.root.find(parsed.j.Program).get().node as { body: Node[] }).body;
  return body.some(
    (st) =>
      st.type === "ExportAllDeclaration" &&
      !st.exported &&
      st.exportKind !== "type" &&
      moduleFile(project, file, String(st.source.value)) === module,
  );
}

/** Whether `from` imports `to`, directly or through other modules of the package. */
function reaches(project: Project, from: string, to: string): boolean {
  const seen = new Set<string>();
  const queue = [from];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = project.read(file) ?? "";
    for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)(["'])([^"'\n]+)\1/g)) {
      const next = moduleFile(project, file, m[2]);
      if (next === to) return true;
      if (next) queue.push(next);
    }
  }
  return false;
}

/** The options the route gives NextAuth: `X` or `X()`, X imported by name from the package. */
function routeOptions(
  app: Project,
  route: string,
  pkg: Pkg,
): { specifier: string; name: string; call: boolean } | string {
  const parsed = parsedFile(app, route);
  if (!parsed) return "it does not parse";
  const nextAuth = topImports(parsed)
    .nodes()
    .filter((d) => SESSION_SOURCES.includes(String(d.source.value)))
    .flatMap((d) => d.specifiers ?? [])
    .find((s) => s.type === "ImportDefaultSpecifier");
  if (!nextAuth) return "no NextAuth import";
  const calls = parsed.root
    .find(parsed.j.CallExpression, { callee: { type: "Identifier", name: localName(nextAuth) } })
    .nodes();
  if (calls.length !== 1 || calls[0].arguments.length !== 1) return "NextAuth is not called once with the options";
  const options = calls[0].arguments[0] as Node;
  const local =
    options.type === "Identifier"
      ? options.name
      : options.type === "CallExpression" && options.callee.type === "Identifier" && options.arguments.length === 0
        ? options.callee.name
        : undefined;
  if (!local) return "NextAuth is not given the package's options by name";
  for (const d of topImports(parsed).nodes()) {
    const spec = String(d.source.value);
    const s = (d.specifiers ?? []).find((x) => localName(x) === local);
    if (!s) continue;
    if (s.type !== "ImportSpecifier" || !pkg.name || (spec !== pkg.name && !spec.startsWith(`${pkg.name}/`)))
      return `NextAuth's options are not imported by name from ${pkg.name ?? pkg.dir}`;
    return { specifier: spec, name: importedName(s), call: options.type === "CallExpression" };
  }
  return `NextAuth's options are not imported from ${pkg.name ?? pkg.dir}`;
}

interface PackageJson {
  name?: string;
  main?: string;
  module?: string;
  types?: string;
  exports?: unknown;
}

function packageJson(pkg: Pkg, project: Project): PackageJson {
  try {
    return parseJsonc(project.read("package.json") ?? "{}");
  } catch {
    return {};
  }
}

/** The path a conditional export target names (`{ import, default, types }`), or undefined. */
function targetPath(target: unknown): string | undefined {
  if (typeof target === "string") return target;
  if (!target || typeof target !== "object" || Array.isArray(target)) return undefined;
  const t = target as Record<string, unknown>;
  for (const key of ["import", "default", "module", "require", "node", "types", ...Object.keys(t)]) {
    const found = key in t ? targetPath(t[key]) : undefined;
    if (found) return found;
  }
  return undefined;
}

/** The package's `exports` as subpath → target path (a bare target or conditions stand for "."). */
function exportsMap(json: PackageJson): Map<string, string> | undefined {
  const { exports } = json;
  if (exports === undefined) return undefined;
  const map = new Map<string, string>();
  const single = targetPath(exports);
  if (
    typeof exports === "string" ||
    (exports && typeof exports === "object" && !Object.keys(exports).some((k) => k.startsWith(".")))
  ) {
    if (single) map.set(".", single);
    return map;
  }
  for (const [key, value] of Object.entries(exports as Record<string, unknown>)) {
    const target = targetPath(value);
    if (target) map.set(key, target);
  }
  return map;
}

/** The package file an import of `specifier` (the package's name, or a path under it) lands on. */
function resolveInPackage(pkg: Pkg, project: Project, specifier: string): string | undefined {
  const json = packageJson(pkg, project);
  const sub = `.${specifier.slice(pkg.name!.length)}`;
  const map = exportsMap(json);
  const file = (p: string | undefined) =>
    p === undefined
      ? undefined
      : (project.has(stripExt(path.posix.normalize(p))) ?? project.has(path.posix.normalize(p)));
  if (map) {
    for (const [key, target] of map) {
      if (key === sub) return file(target);
      const star = key.indexOf("*");
      if (star < 0 || !sub.startsWith(key.slice(0, star)) || !sub.endsWith(key.slice(star + 1))) continue;
      const rest = sub.slice(star, sub.length - (key.length - star - 1));
      return file(target.replace("*", rest));
    }
    return undefined;
  }
  if (sub === ".") return file(json.main ?? json.module ?? json.types ?? "index");
  return file(sub);
}

/** A specifier of the package that lands on `file`: an `exports` entry, or its path when the package has no `exports`. */
function packageSpecifier(pkg: Pkg, project: Project, file: string): string | undefined {
  if (!pkg.name) return undefined;
  const json = packageJson(pkg, project);
  if (resolveInPackage(pkg, project, pkg.name) === file) return pkg.name;
  const map = exportsMap(json);
  if (!map) return `${pkg.name}/${stripExt(file)}`;
  const candidates = [...map.keys()].map((key) => {
    const target = map.get(key)!;
    const star = key.indexOf("*");
    if (star < 0) return key;
    // The wildcard's part of the file's path, when the target's pattern matches it.
    const t = path.posix.normalize(target);
    const ts = t.indexOf("*");
    const [before, after] = [t.slice(0, ts), t.slice(ts + 1)];
    const normalized = path.posix.normalize(file);
    if (!normalized.startsWith(before.replace(/^\.\//, "")) || !normalized.endsWith(after)) return undefined;
    return key.replace("*", normalized.slice(before.replace(/^\.\//, "").length, normalized.length - after.length));
  });
  const found = candidates.find((key) => key && resolveInPackage(pkg, project, `${pkg.name}${key.slice(1)}`) === file);
  return found === undefined ? undefined : `${pkg.name}${found.slice(1)}`;
}
