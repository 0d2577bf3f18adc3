import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseForReading } from "./ast";
import { findV4AuthHelper, helperMisuses } from "./auth-helper";

/**
 * What a transform needs to know about the whole codebase: where the root `auth.ts` goes, how a
 * file imports it (tsconfig `paths` alias or a relative path), and where the Pages API route is.
 */
export class Project {
  /**
   * e.g. "auth" or "src/auth": the v5 auth module, without extension. When the module the route
   * takes its options from also holds the session helper (create-t3-app's `src/server/auth.ts`),
   * that module: NextAuth(config) goes beside the config there, as v5's T3 template has it, and no
   * root auth.ts imports it back (an import cycle).
   */
  get authModule(): string {
    return this.sharedAuth?.module ?? this.optionsBesideHelper?.module ?? this.rootAuthModule;
  }
  /**
   * In a shared package that calls getServerSession, the module that gets NextAuth (see
   * lib/shared-auth.ts); in an app that uses it, the specifier its route imports the handlers from.
   */
  readonly sharedAuth: SharedAuthModule | undefined;
  readonly authFrom: string | undefined;
  private readonly rootAuthModule: string;
  /** "app" or "src/app". */
  readonly appDir: string;
  /** The v4 route file, e.g. "pages/api/auth/[...nextauth].ts" or an App Router route.ts, if there is one. */
  readonly routeFile: string | undefined;
  /** Whether the project is TypeScript (decides auth.ts vs auth.js). */
  readonly typescript: boolean;
  /** The next-auth major in package.json, if any. */
  readonly nextAuthMajor: number | undefined;
  private readonly paths: { prefix: string; target: string }[];
  /** tsconfig's `baseUrl`, project-relative ("" for "."), when it sets one: `import { auth } from "auth"`. */
  private readonly baseUrl: string | undefined;
  /** Provider modules the app's auth options import (`github`, `azure-ad`); undefined: not known, all. */
  readonly providers: ReadonlySet<string> | undefined;
  /** Reads a project-relative file (null: absent): from disk, or from a caller's in-memory view. */
  readonly read: FileReader;

  constructor(
    readonly root: string,
    readonly files: readonly string[],
    /** Tests pin these instead of reading tsconfig.json and package.json. */
    overrides: {
      paths?: Record<string, string>;
      typescript?: boolean;
      nextAuthMajor?: number;
      read?: FileReader;
      providers?: ReadonlySet<string>;
      sharedAuth?: SharedAuthModule;
      authFrom?: string;
      workspaceModule?: WorkspaceModule;
    } = {},
  ) {
    this.providers = overrides.providers;
    this.sharedAuth = overrides.sharedAuth;
    this.authFrom = overrides.authFrom;
    this.workspaceModule = overrides.workspaceModule;
    this.read = overrides.read ?? diskReader(root);
    const inSrc = files.some((f) => f.startsWith("src/pages/") || f.startsWith("src/app/"));
    const base = inSrc ? "src/" : "";
    this.rootAuthModule = `${base}auth`;
    this.appDir = `${base}app`;
    this.routeFile =
      files.find((f) => /^(src\/)?pages\/api\/auth\/\[\.\.\.nextauth\]\.(ts|js|tsx|jsx|mjs)$/.test(f)) ??
      // Mounted elsewhere (`pages/api/v1/auth/[...nextauth].ts`, NEXTAUTH_URL naming that path): basePath.
      files.find((f) => /^(src\/)?pages\/api\/(?:[\w-]+\/)+\[\.\.\.nextauth\]\.(ts|js|tsx|jsx|mjs)$/.test(f)) ??
      files.find((f) => /^(src\/)?app\/api\/auth\/\[\.\.\.nextauth\]\/route\.(ts|tsx|js|jsx|mjs)$/.test(f));
    this.typescript = overrides.typescript ?? this.read("tsconfig.json") !== null;
    this.paths = overrides.paths
      ? Object.entries(overrides.paths).map(([prefix, target]) => ({ prefix, target }))
      : readPathAliases(this.read);
    this.baseUrl = overrides.paths ? undefined : readBaseUrl(this.read);
    this.nextAuthMajor = "nextAuthMajor" in overrides ? overrides.nextAuthMajor : readNextAuthMajor(this.read);
  }

  /**
   * The path the v4 route is mounted at when it is not next-auth's default `/api/auth`
   * (`pages/api/v1/auth/[...nextauth].ts` → "/api/v1/auth"): v5's `basePath`.
   */
  get basePath(): string | undefined {
    const mounted = this.routeFile?.match(/^(?:src\/)?(?:pages|app)(\/.*)\/\[\.\.\.nextauth\]/)?.[1];
    return mounted && mounted !== "/api/auth" ? mounted : undefined;
  }

  /** Where v5's App Router route goes for the v4 Pages route `file`, with extension `ext`. */
  appRouteFor(file: string, ext: string): string {
    const mounted = file.match(/^(?:src\/)?pages(\/.*)\/\[\.\.\.nextauth\]/)?.[1] ?? "/api/auth";
    return `${this.appDir}${mounted}/[...nextauth]/route${ext}`;
  }

  /** The specifier `file` uses to import the module at project-relative `target` (no extension). */
  importSpecifier(file: string, target: string): string {
    for (const alias of this.paths) {
      if (target.startsWith(alias.target)) return alias.prefix + target.slice(alias.target.length);
    }
    let rel = path.posix.relative(path.posix.dirname(file), target);
    if (!rel.startsWith(".")) rel = `./${rel}`;
    return rel;
  }

  /** The specifier `file` imports v5's `auth` from: the auth module, or the shared package's. */
  authImport(file: string): string {
    return this.authFrom ?? this.importSpecifier(file, this.authModule);
  }

  /** Project-relative path (no extension) that `spec` in `file` points to, or undefined for a package. */
  resolve(file: string, spec: string): string | undefined {
    if (spec.startsWith(".")) return stripExt(path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)));
    for (const alias of this.paths) {
      if (spec.startsWith(alias.prefix))
        return stripExt(path.posix.normalize(alias.target + spec.slice(alias.prefix.length)));
    }
    // Under a baseUrl a bare name is a module of the project when one is there (else a package).
    if (this.baseUrl !== undefined && !spec.startsWith("/")) {
      const target = stripExt(path.posix.normalize(this.baseUrl + spec));
      if (this.has(target)) return target;
    }
    return undefined;
  }

  /**
   * The app's own v4 auth module, when it exports a session helper `auth` that v5's `auth` can
   * replace (see findV4AuthHelper): its file, the options it gives getServerSession, and the
   * argument counts it passes on.
   */
  get authHelper(): AuthHelperModule | undefined {
    if (this.cachedHelper === undefined) this.cachedHelper = this.findAuthHelper() ?? null;
    return this.cachedHelper ?? undefined;
  }
  private cachedHelper: AuthHelperModule | null | undefined;

  private findAuthHelper(): AuthHelperModule | undefined {
    const file = this.has(this.authModule);
    const text = file && this.read(file);
    if (!file || !text || !/\bgetServerSession\b/.test(text)) return undefined;
    let helper;
    try {
      helper = findV4AuthHelper(parseForReading(file, text));
    } catch {
      return undefined;
    }
    if (!helper) return undefined;
    let misuses: string[] | undefined;
    // Found once, when first asked (its callers are read only when the switch is decided).
    const find = () => (misuses ??= helperMisuses(this, file, helper.arities));
    return {
      file,
      options: helper.options,
      arities: helper.arities,
      get misuses() {
        return find();
      },
    };
  }

  /**
   * The module `spec` names in `file`: one of this package's (relative, `paths` alias), or a
   * workspace package's (`@acme/lib/x`, its path then the repository's), with its text.
   */
  module(file: string, spec: string): { path: string; source: string } | undefined {
    const target = this.resolve(file, spec);
    if (target === undefined) return this.workspaceModule?.(spec);
    const found = this.has(target);
    const source = found === undefined ? null : this.read(found);
    return found !== undefined && source !== null ? { path: found, source } : undefined;
  }
  private readonly workspaceModule: WorkspaceModule | undefined;

  /** Whether project-relative `file` exists (as given, with a source extension, or as a folder's index). */
  has(modulePath: string): string | undefined {
    return expandModulePath(modulePath).find((f) => this.fileSet.has(f));
  }

  /**
   * The options module that also calls getServerSession (the session helper beside the options),
   * and the name it exports the options under, when the route passes them to NextAuth as they are.
   */
  get optionsBesideHelper(): OptionsBesideHelper | undefined {
    if (this.cachedBeside === undefined) this.cachedBeside = this.findOptionsBesideHelper() ?? null;
    return this.cachedBeside ?? undefined;
  }
  private cachedBeside: OptionsBesideHelper | null | undefined;

  private findOptionsBesideHelper(): OptionsBesideHelper | undefined {
    const route = this.routeFile && this.read(this.routeFile);
    if (!route) return undefined;
    // `NextAuth(authOptions)`: the default export, or v4's App Router `const handler = NextAuth(authOptions)`.
    const local = route.match(/\bNextAuth\(\s*(\w+)\s*\)/)?.[1];
    if (!local) return this.findHandlerBesideHelper(route) ?? this.findBuilderBesideHelper(route);
    for (const m of route.matchAll(/\bimport\s*(?:type\s+)?\{([^}]*)\}\s*from\s*["']([^"']+)["']/g)) {
      const specifier = m[1]
        .split(",")
        .map((s) => s.trim().split(/\s+as\s+/))
        .find((parts) => (parts[1] ?? parts[0]) === local);
      if (!specifier) continue;
      const target = this.resolve(this.routeFile!, m[2]);
      const file = target === undefined ? undefined : this.has(target);
      const text = file && this.read(file);
      if (!file || !text || !/["']next-auth(\/next)?["']/.test(text)) return undefined;
      if (!/\b(unstable_)?getServerSession\s*\(/.test(text)) return undefined;
      return { module: stripExt(file), file, name: specifier[0] };
    }
    return undefined;
  }

  /**
   * A per-request Pages route (`return NextAuth(req, res, options)`) whose options it builds with
   * `await getAuthOptions(…)`, a builder the module beside the session helper exports: v5's lazy
   * config goes into that module (the route's own code stays in its GET and POST). The same for
   * an App Router route's `NextAuth(request as any, context as any, options)`, whose builder may
   * be synchronous.
   */
  private findBuilderBesideHelper(route: string): OptionsBesideHelper | undefined {
    const routeFile = this.routeFile!;
    const appRoute = /\/route\.[cm]?[jt]sx?$/.test(routeFile);
    const perRequest = appRoute
      ? /\bNextAuth\(\s*\w+(?:\s+as\s+any)?\s*,\s*\w+(?:\s+as\s+any)?\s*,\s*\w+\s*\)/
      : /\bNextAuth\(\s*req\s*,\s*res\s*,\s*\w+\s*\)/;
    if (!perRequest.test(route)) return undefined;
    for (const m of route.matchAll(/\bimport\s*\{([^}]*)\}\s*from\s*["']([^"']+)["']/g)) {
      const target = this.resolve(routeFile, m[2]);
      const file = target === undefined ? undefined : this.has(target);
      const text = file && this.read(file);
      if (!file || !text || !/["']next-auth(\/next)?["']/.test(text)) continue;
      if (!/\b(unstable_)?getServerSession\s*\(/.test(text)) continue;
      const names = m[1].split(",").map((s) => s.trim().split(/\s+as\s+/));
      // One builder, imported under its own name and called with await in the route.
      const builders = names.filter(
        ([name, as]) =>
          (as === undefined || as === name) &&
          new RegExp(`\\b${appRoute ? "" : "await\\s+"}${name}\\(`).test(route) &&
          (appRoute
            ? exportsFunction(file, text, name)
            : new RegExp(`^export\\s+(?:async\\s+function\\s+${name}\\b|const\\s+${name}\\s*=\\s*async\\b)`, "m").test(
                text,
              )),
      );
      if (builders.length !== 1) return undefined;
      return { module: stripExt(file), file, name: builders[0][0], lazy: true };
    }
    return undefined;
  }

  /**
   * An App Router route that only re-exports a handler made beside the options and the session
   * helper: `export { authHandler as GET, authHandler as POST }`, with `export const authHandler =
   * NextAuth(authOptions)` in that module. The handler is then the route's alone.
   */
  private findHandlerBesideHelper(route: string): OptionsBesideHelper | undefined {
    const routeFile = this.routeFile!;
    if (!/\/route\.[cm]?[jt]sx?$/.test(routeFile)) return undefined;
    const statements = route
      .replace(/\/\/.*$/gm, "")
      .split(/;|\n(?=\s*(?:import|export)\b)/)
      .map((s) => s.trim())
      .filter(Boolean);
    const imported =
      statements.length === 2 ? statements[0].match(/^import\s*\{\s*(\w+)\s*\}\s*from\s*["']([^"']+)["']$/) : null;
    const reexport = statements[1]?.match(
      /^export\s*\{\s*(\w+)\s+as\s+(GET|POST)\s*,\s*(\w+)\s+as\s+(GET|POST)\s*,?\s*\}$/,
    );
    if (!imported || !reexport) return undefined;
    const handler = imported[1];
    if (reexport[1] !== handler || reexport[3] !== handler || reexport[2] === reexport[4]) return undefined;
    const target = this.resolve(routeFile, imported[2]);
    const file = target === undefined ? undefined : this.has(target);
    const text = file && this.read(file);
    if (!file || !text || !/["']next-auth(\/next)?["']/.test(text)) return undefined;
    if (!/\b(unstable_)?getServerSession\s*\(/.test(text)) return undefined;
    const made = text.match(
      new RegExp(`^export\\s+const\\s+${handler}\\s*=\\s*NextAuth\\(\\s*(\\w+)\\s*\\)\\s*;?\\s*$`, "m"),
    );
    if (!made) return undefined;
    return { module: stripExt(file), file, name: made[1], handler };
  }

  private get fileSet(): Set<string> {
    return (this.cachedFileSet ??= new Set(this.files));
  }
  private cachedFileSet: Set<string> | undefined;

  /** Interfaces and types the app declares itself in `declare module "next-auth"` (v5 has them too, then). */
  get augmentedTypes(): Set<string> {
    if (this.cachedAugmented) return this.cachedAugmented;
    const names = new Set<string>();
    for (const file of this.files) {
      if (!/\.[cm]?tsx?$/.test(file)) continue;
      const text = this.read(file);
      if (!text?.includes("declare module")) continue;
      for (const block of text.matchAll(/declare\s+module\s+["']next-auth["']\s*\{([\s\S]*?)\n\}/g)) {
        for (const m of block[1].matchAll(/\b(?:interface|type)\s+(\w+)/g)) names.add(m[1]);
      }
    }
    return (this.cachedAugmented = names);
  }
  private cachedAugmented: Set<string> | undefined;
}

export type FileReader = (file: string) => string | null;

/** The auth module with a v4 `auth` helper (see Project.authHelper). */
export interface AuthHelperModule {
  file: string;
  /** The options it gives getServerSession (declared in or imported into the module). */
  options: string;
  arities: number[];
  /** Where the app uses `auth` other than v5's auth() takes it as the helper did (`file:line`). */
  readonly misuses: string[];
}

/** A workspace package's module by its specifier (`@acme/lib/x`): its repository path and text. */
export type WorkspaceModule = (spec: string) => { path: string; source: string } | undefined;

/** The options module that also holds the session helper (see Project.optionsBesideHelper). */
export interface OptionsBesideHelper {
  /** Project-relative, without extension. */
  module: string;
  file: string;
  /** The name the module exports the options under. */
  name: string;
  /** The handler the module makes with `NextAuth(options)`, when the route only re-exports it. */
  handler?: string;
  /**
   * The route builds the options per request with `name`, this module's builder: the module gets
   * v5's lazy config (`withLegacyV4(NextAuth)(async (req) => …)`), `name` the builder, not options.
   */
  lazy?: boolean;
}

/** The module of a shared package that gets NextAuth (lib/shared-auth.ts). */
export interface SharedAuthModule {
  /** Package-relative, without extension, and its file. */
  module: string;
  file: string;
  /** What NextAuth is given (`authOptions`, or per request `() => authOptions()`, copied when it has getters). */
  config: string;
  /** The options' name when `file` declares them (NextAuth goes after them). */
  declared: string | undefined;
  /** A module the apps import that re-exports v5's exports from `module`. */
  reexport: string | undefined;
}

export function diskReader(root: string): FileReader {
  return (file) => {
    const full = path.join(root, file);
    return existsSync(full) ? readFileSync(full, "utf8") : null;
  };
}

export const SOURCE_EXTENSIONS = [".ts", ".tsx", ".js", ".jsx", ".mjs", ".cjs", ".mts", ".cts"];

/** The files a module path (no extension) may name, in resolution order: as given, with a source extension, a folder's index. */
export function expandModulePath(modulePath: string): string[] {
  return [
    modulePath,
    ...SOURCE_EXTENSIONS.map((ext) => modulePath + ext),
    ...SOURCE_EXTENSIONS.map((ext) => `${modulePath}/index${ext}`),
  ];
}

export function stripExt(p: string): string {
  return p.replace(/\.(d\.ts|[cm]?[jt]sx?)$/, "");
}

/** tsconfig/jsconfig `paths` entries of the form "@/*": ["./*"], as prefix → project-relative target. */
function readPathAliases(read: FileReader): { prefix: string; target: string }[] {
  for (const name of ["tsconfig.json", "jsconfig.json"]) {
    const text = read(name);
    if (text === null) continue;
    try {
      const options = parseJsonc(text).compilerOptions ?? {};
      const baseUrl: string = options.baseUrl ?? ".";
      const aliases: { prefix: string; target: string }[] = [];
      for (const [key, targets] of Object.entries<string[]>(options.paths ?? {})) {
        if (!key.endsWith("/*") || !targets[0]?.endsWith("/*")) continue;
        let target = path.posix.normalize(path.posix.join(baseUrl, targets[0].slice(0, -1)));
        target = target === "./" || target === "." ? "" : target.replace(/^\.\//, "");
        aliases.push({ prefix: key.slice(0, -1), target });
      }
      // The most specific target first: "~/*" → "src/*" wins over "@/*" → "*" for files in src/.
      return aliases.sort((a, b) => b.target.length - a.target.length);
    } catch {
      return [];
    }
  }
  return [];
}

/** tsconfig/jsconfig `compilerOptions.baseUrl`, project-relative with a trailing "/" ("" for the root). */
function readBaseUrl(read: FileReader): string | undefined {
  for (const name of ["tsconfig.json", "jsconfig.json"]) {
    const text = read(name);
    if (text === null) continue;
    try {
      const baseUrl: unknown = parseJsonc(text).compilerOptions?.baseUrl;
      if (typeof baseUrl !== "string" || baseUrl.startsWith("..")) return undefined;
      const dir = path.posix
        .normalize(baseUrl)
        .replace(/^\.\/?/, "")
        .replace(/\/$/, "");
      return dir ? `${dir}/` : "";
    } catch {
      return undefined;
    }
  }
  return undefined;
}

function readNextAuthMajor(read: FileReader): number | undefined {
  try {
    const pkg = JSON.parse(read("package.json") ?? "");
    const version: string | undefined = pkg.dependencies?.["next-auth"] ?? pkg.devDependencies?.["next-auth"];
    const major = version?.match(/\d+/)?.[0];
    return major ? Number(major) : undefined;
  } catch {
    return undefined;
  }
}

/** JSON with comments and trailing commas, as tsconfig.json allows. */
export function parseJsonc(text: string) {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      const end = findStringEnd(text, i);
      out += text.slice(i, end + 1);
      i = end;
    } else if (c === "/" && text[i + 1] === "/") {
      while (i < text.length && text[i] !== "\n") i++;
      out += "\n";
    } else if (c === "/" && text[i + 1] === "*") {
      i = text.indexOf("*/", i + 2) + 1;
    } else out += c;
  }
  return JSON.parse(out.replace(/,(\s*[}\]])/g, "$1"));
}

function findStringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (text[i] === '"') return i;
  }
  return text.length - 1;
}

/** Whether the module exports `name` as a function (`export function`, `export const name: T = (…) => …`). */
function exportsFunction(file: string, text: string, name: string): boolean {
  try {
    const { j, root } = parseForReading(file, text);
    const exported = root.find(j.ExportNamedDeclaration).nodes();
    return exported.some(({ declaration }) =>
      declaration?.type === "FunctionDeclaration"
        ? declaration.id?.name === name
        : declaration?.type === "VariableDeclaration" &&
          declaration.declarations.some(
            (d) =>
              d.type === "VariableDeclarator" &&
              d.id.type === "Identifier" &&
              d.id.name === name &&
              /^(?:ArrowFunctionExpression|FunctionExpression)$/.test(d.init?.type ?? ""),
          ),
    );
  } catch {
    return false;
  }
}
