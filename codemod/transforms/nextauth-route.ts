import path from "node:path";
import type { ImportDeclaration } from "jscodeshift";
import {
  applyEdits,
  dropUnusedImports,
  lineOf,
  localName,
  parseForReading,
  parseInput,
  quoteOf,
  range,
  references,
  topImports,
  importedName,
  isTypeScript,
  usesSemicolons,
  type Parsed,
  Node,
  specifierRemovals,
} from "../lib/ast";
import { findV4AuthHelper, inHelper, V4_HELPER_MARKER } from "../lib/auth-helper";
import { findingsOf } from "../lib/findings";
import { stripExt, type Project, type SharedAuthModule } from "../lib/project";
import { AUTH_EXPORTS, bindsTopLevel } from "../lib/shared-auth";
import type { Finding, FileChange, OptionsOrigin, Transform, TransformInput, TransformResult } from "../lib/types";
import { BRIDGE_MARKER, BRIDGE_NAME, BRIDGE_NOTE, bridgeImport, bridgeModule } from "./legacy-bridge";
import { lazyAppRoute, lazyRoute, type LazyRoute } from "./lazy-config";
import { NEXT_CONFIGS, newNextConfig, withTranspiledNextAuth } from "./next-config";
import { contextCast, contextTypeImport, destructuredContext } from "./server-session";
import { keptStrictNullChecks } from "./tsconfig-null-checks";

type LazyStyle = Parameters<typeof lazyRoute>[3];

export const TRANSPILE_TODO =
  'add `transpilePackages: ["next-auth"]` to the Next.js config: next-auth 5 imports "next/server" without an extension, which Node cannot resolve when a Pages Router page loads it unbundled (`next build` fails collecting page data)';

export const CONTINUITY_TODO =
  'v5 neither reads the v4 cookie (next-auth.session-token) nor decrypts it: every signed-in user is signed out at deploy unless the session bridge is in place (MIGRATION.md: "Why the upgrade normally signs everyone out", and step 6)';

/**
 * Step 6. `pages/api/auth/[...nextauth].ts` → root `auth.ts` (`NextAuth(config)` exporting
 * handlers, auth, signIn, signOut) + `app/api/auth/[...nextauth]/route.ts`; the pages route is
 * deleted (v5 has no Pages API handler). Handles:
 *   export default NextAuth(authOptions)               options imported or defined in the file
 *   export default NextAuth({ ... })                   inline options
 *   export default function h(req, res) { return NextAuth(req, res, options) }   lazy: NextAuth(() => options)
 * A handler with more logic than that is reported.
 */
export const nextAuthRoute: Transform = {
  name: "nextauth-route",
  step: 6,
  kind: "source",
  run(input: TransformInput): TransformResult {
    return convertRoute(input);
  },
};

/** What the route's conversion writes as the auth module, for the module beside the helper (lazyBesideOptions). */
interface Capture {
  authSource?: string;
}

function convertRoute(input: TransformInput, capture?: Capture): TransformResult {
  const { file, source, project } = input;
  const shared = project.sharedAuth;
  if (shared && file === shared.file) return sharedAuthModule(input, shared);
  if (shared && file === shared.reexport) return sharedReexport(input, shared);
  const beside = project.optionsBesideHelper;
  // An existing auth module whose `auth` is a v4 helper over its own options: v5's exports go there, in its place.
  const helperModule = beside ? undefined : helperOptionsModule(project);
  if (beside?.lazy && file === beside.file) return lazyBesideOptions(input, beside);
  if (beside && file === beside.file) return authBesideOptions(input, beside);
  if (helperModule && file === helperModule.file) return authBesideOptions(input, helperModule);
  if (file === secondAppRoute(project) && (beside ?? helperModule))
    return secondRouteGivesWay(input, (beside ?? helperModule)!);
  if (file !== project.routeFile) return { findings: [] };
  const handlerImported = handlerImportersTodo(input);
  if (handlerImported) return handlerImported;
  if (project.authFrom) return routeToSharedPackage(input, project.authFrom);
  // `export { authHandler as GET, authHandler as POST }` of a handler made beside the options.
  if (beside?.handler) return routeBesideOptions(input, beside, lineAt(source, /^export\b/m), true);
  const parsed = parseInput(input);
  const { j, root } = parsed;
  const { findings, note: todo } = findingsOf(6, file);

  // v4's NextAuth, from "next-auth" or "next-auth/next" (which v5 does not have: auth.ts imports it from "next-auth").
  const nextAuthImport = root
    .find(j.ImportDeclaration)
    .nodes()
    .find(
      (d) =>
        ["next-auth", "next-auth/next"].includes(String(d.source.value)) &&
        (d.specifiers ?? []).some((s) => s.type === "ImportDefaultSpecifier"),
    );
  const nextAuthLocal = nextAuthImport
    ? localName((nextAuthImport.specifiers ?? []).find((s) => s.type === "ImportDefaultSpecifier")!)
    : undefined;
  const appRoute = /\/route\.[cm]?[jt]sx?$/.test(file);
  // An App Router route without v4's NextAuth import is v5's already (or not next-auth's).
  if (!nextAuthLocal && appRoute) return { findings };
  if (!nextAuthLocal) {
    todo(
      1,
      "nextauth-route",
      `no \`export default NextAuth(...)\` found${composedHandler(project, parsed, file) ?? ""}: write auth.ts and app/api/auth/[...nextauth]/route.ts by hand.\n${handlerTemplate(project, file, source)}`,
    );
    return { findings };
  }
  // The file's own style: a statement-ending semicolon only where the file writes one.
  const semi = usesSemicolons(source) ? ";" : "";
  const q = quoteOf(source);
  const style = { typescript: isTypeScript(file), semi, q, project, file };
  const found = appRoute ? appRouterHandler(parsed, nextAuthLocal, style) : pagesHandler(parsed, nextAuthLocal, style);
  if (typeof found === "string") {
    todo(1, "nextauth-route", found);
    return { findings };
  }
  const { replace, remove: removeNodes, config } = found;
  const line = lineOf(replace, source);
  if (typeof config === "string") {
    todo(line, "nextauth-route", config);
    return { findings };
  }
  if (beside?.lazy && !isLazyRoute(config)) {
    todo(
      line,
      "nextauth-route",
      `the options come from ${beside.name}() in ${beside.file}, beside the session helper, but the route is not one the codemod converts to v5's lazy config: add \`export const { handlers, auth, signIn, signOut } = NextAuth(async (req) => ${beside.name}(…))\` to ${beside.file} by hand, and a route that mounts its handlers`,
    );
    return { findings };
  }
  if (beside && config.type === "Identifier" && importedFrom(parsed, config.name, project, file) === beside) {
    return routeBesideOptions(input, beside, line, appRoute);
  }
  // The route's options, built once (not per request), give way to the auth module's (a to-do there names what differs).
  if (helperModule && !isLazyRoute(config) && !(config as { lazy?: Node }).lazy)
    return routeBesideOptions(input, helperModule, line, appRoute);
  const existing = project.has(project.authModule);

  const lazy = isLazyRoute(config) ? config : undefined;
  const configText = configTextOf(source, config, lazy, project.basePath, q);
  // A route mounted away from /api/auth keeps its path: v5 reads it as basePath.
  const basePath = project.basePath;
  if (basePath && !/^(?:\(\) => \()?\{\s*basePath: /.test(configText)) {
    todo(
      line,
      "nextauth-route",
      `the route is mounted at ${basePath}, not /api/auth: v5 needs \`basePath: "${basePath}"\` in the config, which the codemod writes only into an options object written in the route. Add it to the options by hand, or move them into the route, then run again`,
    );
    return { findings };
  }
  return writeConverted(
    input,
    {
      parsed,
      nextAuthLocal,
      nextAuthImport,
      replace,
      removeNodes,
      lazy,
      configText,
      line,
      appRoute,
      q,
      semi,
      beside,
      existing,
    },
    capture,
  );
}

/** The config NextAuth is given, as text: the route's options (with `basePath` where the route is mounted elsewhere), or the lazy config. */
function configTextOf(
  source: string,
  config: Node | LazyRoute,
  lazy: LazyRoute | undefined,
  basePath: string | undefined,
  q: string,
): string {
  if (lazy) return lazy.config;
  const slice = (n: unknown) => source.slice(range(n).start, range(n).end);
  const withBasePath = (text: string) => {
    if (!basePath || !text.startsWith("{")) return text;
    const indent = text.match(/^\{\n([ \t]*)\S/)?.[1];
    const entry = `basePath: ${q}${basePath}${q},`;
    return indent === undefined ? `{ ${entry}${text.slice(1)}` : `{\n${indent}${entry}${text.slice(1)}`;
  };
  const lazyOptions = (config as { lazy?: Node }).lazy;
  return (config as Node).type === "ArrowFunctionExpression" && lazyOptions
    ? `() => ${lazyOptions.type === "ObjectExpression" ? `(${withBasePath(slice(lazyOptions))})` : slice(lazyOptions)}`
    : withBasePath(slice(config));
}

/** A Pages route whose default export (v4's handler) other files import: they would import nothing once it is deleted. */
function handlerImportersTodo({ file, source, project }: TransformInput): TransformResult | undefined {
  const handlerUsers = /\/route\.[cm]?[jt]sx?$/.test(file) ? [] : routeHandlerImporters(project);
  if (!handlerUsers.length) return undefined;
  {
    const them = handlerUsers.length === 1 ? "it" : "them";
    return {
      findings: [
        {
          step: 6,
          file,
          line: lineAt(source, /^export\s+default\b/m),
          kind: "nextauth-route",
          action: "todo",
          message: `${handlerUsers.join(", ")} import${handlerUsers.length === 1 ? "s" : ""} the route's default export, v4's NextAuth handler, which v5 does not have (its endpoints become GET and POST in ${project.appRouteFor(file, path.extname(file).replace(/x$/, ""))}): rewrite ${them} against those, or delete ${them}; then run again`,
        },
      ],
    };
  }
}

/** What convertRoute found in a route it converts: the handler, the config as written, the file's style. */
interface ConvertedRoute {
  parsed: Parsed;
  nextAuthLocal: string;
  nextAuthImport: ImportDeclaration | undefined;
  replace: Node;
  removeNodes: Node[];
  lazy: LazyRoute | undefined;
  configText: string;
  line: number;
  appRoute: boolean;
  q: string;
  semi: string;
  beside: Beside | undefined;
  existing: string | undefined;
}

/** The auth module and the route a converted route becomes, or the to-do that says why they are not written. */
function writeConverted(input: TransformInput, route: ConvertedRoute, capture?: Capture): TransformResult {
  const { file, source, project } = input;
  const { parsed, nextAuthLocal, nextAuthImport, replace, removeNodes, lazy, configText, line, appRoute, q, semi } =
    route;
  const { beside, existing } = route;
  const { j, root } = parsed;
  const { findings, note } = findingsOf(6, file);
  const ext = path.extname(file).replace(/x$/, "");
  const authFile = project.authModule + ext;
  const slice = (n: unknown) => source.slice(range(n).start, range(n).end);
  // withLegacyV4: the session bridge (./legacy-v4-session, written below) keeps v4 cookies signed in.
  const nextAuthLine = `export const { handlers, auth, signIn, signOut } = withLegacyV4(${nextAuthLocal})(${configText})${semi}`;
  const nextAuthCode = nextAuthLine + (lazy?.helpers ? `\n${lazy.helpers.trimEnd()}` : "");
  const edits = nextAuthEdits(parsed, replace, lazy ? undefined : configText, nextAuthCode);
  for (const node of removeNodes) edits.push({ ...range(node), text: "" });
  edits.push(...(lazy?.fileEdits ?? []));
  if (nextAuthImport?.source.value === "next-auth/next" && nextAuthImport.specifiers?.length === 1)
    edits.push({ ...range(nextAuthImport.source), text: `${q}next-auth${q}` });
  // The route's segment config (`export const dynamic = "force-dynamic"`) stays with the route.
  const segmentConfig = appRoute ? segmentConfigOf(parsed) : [];
  for (const node of segmentConfig) edits.push({ ...range(node), text: "" });
  const imports = root.find(j.ImportDeclaration).nodes();
  const afterImports = range(imports[imports.length - 1]).end;
  edits.push({ start: afterImports, end: afterImports, text: `\n${bridgeImport(q, semi).trimEnd()}` });
  root.find(j.ImportDeclaration).forEach((p) => {
    const spec = String(p.node.source.value);
    if (!spec.startsWith(".")) return;
    let rel = path.posix.relative(path.posix.dirname(authFile), path.posix.join(path.posix.dirname(file), spec));
    if (!rel.startsWith(".")) rel = `./${rel}`;
    const quote = source[range(p.node.source).start];
    edits.push({ ...range(p.node.source), text: `${quote}${rel}${quote}` });
  });
  const authSource = dropUnusedImports(authFile, applyEdits(source, edits)).replace(/\n\s*\n+$/, "\n");
  const routeFile = appRoute ? file : project.appRouteFor(file, ext);
  // The guards' own imports (a URL check the route calls) come along, re-pathed for the route.
  const guardImports = lazy?.guards ? guardImportsOf(parsed, input, lazy.guards.code, routeFile, q) : "";
  const routeSource = appRoute
    ? `import { handlers } from ${q}${project.importSpecifier(routeFile, project.authModule)}${q}${semi}\n\n${segmentConfig.map((n) => `${slice(n)}\n\n`).join("")}export const { GET, POST } = handlers${semi}\n`
    : dropUnusedImports(
        routeFile,
        `${lazy?.guards?.imports ?? ""}import { ${["handlers", ...(lazy?.authImports ?? [])].join(", ")} } from ${q}${project.importSpecifier(routeFile, project.authModule)}${q}${semi}\n${guardImports}\n// Auth.js v5 has no Pages API handler: its endpoints live here; everything else stays in pages/.\n${lazy?.guards?.code ?? `export const { GET, POST } = handlers${semi}\n`}`,
      );
  // The lazy config goes into the module beside the helper (lazyBesideOptions), not a new auth module.
  const intoBeside = !!(beside?.lazy && lazy);
  if (intoBeside && capture) capture.authSource = authSource;
  const besideProblem = intoBeside ? lazyBesideConflict(project, beside!, authSource) : undefined;
  if (besideProblem) {
    note(
      line,
      "nextauth-route",
      `${besideProblem}.\nThe code to write: add this to ${authFile} (v5's exports beside its options builder and session helper); then delete ${file}, copy the session bridge (the codemod's templates/legacy-v4-session.ts) beside ${authFile}, set next-auth to 5.0.0-beta.32, and run again:\n${codeBlock(authFile, authSource)}\n${codeBlock(project.appRouteFor(file, ext), routeSource)}`,
    );
    return { findings };
  }
  if (existing && !intoBeside && !isV4Helper(project, existing)) {
    // A second, App Router route already there (beside the Pages one) gives way to v5's.
    const otherRoute = appRoute ? undefined : project.has(routeFile.replace(/\.[cm]?[jt]sx?$/, ""));
    note(
      line,
      "nextauth-route",
      `${existing} already exists: add \`export const { handlers, auth, signIn, signOut } = NextAuth(config)\` to it by hand.\nThe code to write: merge this into ${existing} (in place of its own session helper: v5's \`auth\` is it; its other importers then import \`auth\`, \`signIn\`, \`signOut\` from it); then ${appRoute ? `replace ${file} with the route below` : `delete ${file}${otherRoute ? ` and replace ${otherRoute} with the route below` : ""}`}, copy the session bridge (the codemod's templates/legacy-v4-session.ts) beside ${existing}, set next-auth to 5.0.0-beta.32, and run again:\n${codeBlock(authFile, authSource)}\n${codeBlock(routeFile, routeSource)}`,
    );
    return { findings };
  }
  if (lazy?.problems.length) {
    note(
      line,
      "nextauth-route",
      `advanced initialization: ${lazy.problems.join("; ")}.\nThe code to write, with those lines changed by hand; then delete ${file}, copy the session bridge (the codemod's templates/legacy-v4-session.ts) beside ${authFile}, set next-auth to 5.0.0-beta.32, and run again:\n${codeBlock(authFile, authSource)}\n${codeBlock(routeFile, routeSource)}`,
    );
    return { findings };
  }
  const bridge = bridgeModule(project, ext);
  const ownBridge = project.has(bridge.path.replace(/\.[cm]?[jt]s$/, ""));
  if (ownBridge && !project.read(ownBridge)?.includes(BRIDGE_MARKER)) {
    note(
      line,
      "nextauth-route",
      `${ownBridge} already exists and is not the codemod's session bridge: rename it, then run again (or do MIGRATION.md step 6 by hand)`,
    );
    return { findings };
  }
  findings.push(bridgeWritten(bridge.path, authFile));
  // A note in a workspace package's module (its path the repository's) is given relative to this app.
  for (const address of lazy?.notes ?? [])
    findings.push({
      step: 6,
      ...address,
      file: project.has(address.file) ? address.file : path.posix.relative(project.root, address.file),
      kind: "request-address",
      action: "todo",
    });
  if (appRoute) {
    const into = intoBeside ? `${authFile}, beside ${beside!.name}() and the session helper` : authFile;
    note(line, "nextauth-route", `NextAuth(…) route handler → ${into}; ${file} exports its handlers`, "rewrite");
    const created = intoBeside ? [] : [{ path: authFile, source: authSource }];
    return { findings, source: routeSource, create: [...created, bridge] };
  }
  note(
    line,
    "nextauth-route",
    intoBeside
      ? `export default NextAuth(…) → v5's lazy config in ${authFile}, beside ${beside!.name}() and the session helper (v5's T3 layout: no module imports it back); ${routeFile} exports its handlers; ${file} deleted`
      : `export default NextAuth(…) → ${authFile} + ${routeFile}; ${file} deleted`,
    "rewrite",
  );
  return {
    findings,
    create: [
      ...(intoBeside ? [] : [{ path: authFile, source: authSource }]),
      { path: routeFile, source: routeSource },
      bridge,
      ...pagesRouteMoved(project, file, { q, semi }, findings),
    ],
    remove: true,
  };
}

/** The imports of the route's file that its guards use, each re-pathed for the new route. */
function guardImportsOf(
  { j, root }: Parsed,
  { file, source, project }: TransformInput,
  guards: string,
  routeFile: string,
  q: string,
): string {
  const slice = (n: unknown) => source.slice(range(n).start, range(n).end);
  return root
    .find(j.ImportDeclaration)
    .nodes()
    .filter((d) => (d.specifiers ?? []).some((sp) => new RegExp(`\\b${localName(sp)}\\b`).test(guards)))
    .map((d) => {
      const spec = String(d.source.value);
      const target = spec.startsWith(".") ? project.resolve(file, spec) : undefined;
      const text = slice(d);
      return target === undefined
        ? text
        : text.replace(slice(d.source), `${q}${project.importSpecifier(routeFile, target)}${q}`);
    })
    .map((text) => `${text}\n`)
    .join("");
}

type Beside = NonNullable<Project["optionsBesideHelper"]>;

/** The files that import the Pages route's default export (its v4 handler), or the whole module. */
function routeHandlerImporters(project: Project): string[] {
  const route = project.routeFile!;
  const target = route.replace(/\.[^.]+$/, "");
  return project.files.filter((f) => {
    if (f === route || !/\.[cm]?[jt]sx?$/.test(f)) return false;
    const text = project.read(f);
    if (!text?.includes("nextauth]")) return false;
    return [...text.matchAll(/\bimport\s+(?:type\s+)?([^;]*?)\s*from\s*["']([^"']+)["']/g)].some(
      (m) =>
        project.resolve(f, m[2]) === target &&
        (/^(?:\w+|\*\s*as\s+\w+)\s*(?:,|$)/.test(m[1].trim()) || /\bdefault\b/.test(m[1])),
    );
  });
}

/** The imports of `text` (a module of `file`): local name → what it binds (`module:imported`). */
function importBindings(project: Project, file: string, parsed: Parsed): Map<string, string> {
  const bindings = new Map<string, string>();
  for (const d of topImports(parsed).nodes()) {
    const spec = String(d.source.value);
    const from = project.resolve(file, spec) ?? spec;
    for (const sp of d.specifiers ?? [])
      bindings.set(
        localName(sp),
        `${from}:${sp.type === "ImportSpecifier" ? importedName(sp) : sp.type === "ImportDefaultSpecifier" ? "default" : "*"}`,
      );
  }
  return bindings;
}

/** The names `text` declares at its top level (functions, classes, variables). */
function declaresTopLevel(text: string, name: string): boolean {
  return new RegExp(`^(?:export\\s+)?(?:(?:async\\s+)?function\\*?|const|let|var|class)\\s+${name}\\b`, "m").test(text);
}

/**
 * Why the lazy config (`authSource`, as the route's conversion writes it for the module beside the
 * helper) cannot go into that module, if it cannot: a name it brings is bound there to something else.
 */
function lazyBesideConflict(project: Project, beside: Beside, authSource: string): string | undefined {
  const own = besideConflict(project, beside);
  if (own) return own;
  const text = project.read(beside.file) ?? "";
  if (declaresTopLevel(text, "v4RequestOf") || /\bv4RequestOf\b/.test(text))
    return `${beside.file} already uses the name \`v4RequestOf\`: rename it, then run again`;
  const mine = importBindings(project, beside.file, parseForReading(beside.file, text));
  const theirs = importBindings(project, beside.file, parseForReading(beside.file, authSource));
  for (const [local, what] of theirs) {
    if (what.startsWith(`${beside.module}:`) || what === `./${BRIDGE_NAME}:withLegacyV4`) continue;
    if (what.startsWith("next-auth:")) {
      if (what !== "next-auth:default")
        return `the route imports ${local} from next-auth for its options, which the codemod does not move`;
      continue;
    }
    const bound = mine.get(local);
    if ((bound !== undefined && bound !== what) || (bound === undefined && declaresTopLevel(text, local)))
      return `the lazy config uses \`${local}\`, which ${beside.file} binds to something else already: rename one, then run again`;
  }
  return undefined;
}

/**
 * The module beside the session helper whose builder the per-request route calls: v5's lazy config
 * (what the route's conversion writes as the auth module: `export const { handlers, auth, signIn,
 * signOut } = withLegacyV4(NextAuth)(async (req) => …)` and `v4RequestOf`) right after the builder,
 * with the imports it needs; the helper (rewritten to auth() by step 2) reads the auth this module
 * now exports, and the route's GET and POST import handlers from it.
 */
function lazyBesideOptions(input: TransformInput, beside: Beside): TransformResult {
  const { file, source, project } = input;
  const routeFile = project.routeFile;
  const route = routeFile && project.read(routeFile);
  if (!routeFile || !route) return { findings: [] };
  const capture: Capture = {};
  const routed = convertRoute({ ...input, file: routeFile, source: route, trees: undefined }, capture);
  if (!capture.authSource || routed.findings.some((f) => f.action === "todo" && f.kind === "nextauth-route"))
    return { findings: [] };
  const authSource = capture.authSource;
  const parsed = parseInput(input);
  const { j, root } = parsed;
  const program = root.find(j.Program).get().node as { body: Node[] };
  const builder = program.body.find((st) => {
    const declaration = st.type === "ExportNamedDeclaration" ? st.declaration : st;
    if (declaration?.type === "FunctionDeclaration") return declaration.id?.name === beside.name;
    return (
      declaration?.type === "VariableDeclaration" &&
      declaration.declarations.some((d: Node) => d.id?.type === "Identifier" && d.id.name === beside.name)
    );
  });
  if (!builder) return { findings: [] };
  const semi = usesSemicolons(source) ? ";" : "";
  const { nextAuth, edits } = nextAuthImportEdits(parsed, quoteOf(source), semi);
  // The lazy config's own imports the module does not have yet (the builder's is the module itself).
  const lazyParsed = parseForReading(file, authSource);
  const lazyImports = topImports(lazyParsed).nodes();
  const mine = importBindings(project, file, parsed);
  const added: string[] = [];
  for (const d of lazyImports) {
    const spec = String(d.source.value);
    const from = project.resolve(file, spec) ?? spec;
    if (from === beside.module || spec === "next-auth" || spec === `./${BRIDGE_NAME}`) continue;
    const specifiers: Node[] = (d.specifiers ?? []).filter((sp: Node) => !mine.has(localName(sp)));
    if (!specifiers.length) continue;
    if (specifiers.length === (d.specifiers ?? []).length) {
      added.push(authSource.slice(range(d).start, range(d).end));
      continue;
    }
    const named = specifiers.filter((sp) => sp.type === "ImportSpecifier");
    if (named.length !== specifiers.length) return { findings: [] };
    const names = named.map((sp) =>
      importedName(sp) === localName(sp) ? localName(sp) : `${importedName(sp)} as ${localName(sp)}`,
    );
    added.push(
      `import { ${names.join(", ")} } from ${authSource[range(d.source).start]}${spec}${authSource[range(d.source).start]}${semi}`,
    );
  }
  const last = lazyImports[lazyImports.length - 1];
  const body = (last ? authSource.slice(range(last).end) : authSource)
    .trim()
    .replace(/\bwithLegacyV4\(\w+\)/, `withLegacyV4(${nextAuth})`);
  const imports = topImports(parsed).nodes();
  const afterImports = imports.length ? range(imports[imports.length - 1]).end : 0;
  if (added.length) edits.push({ start: afterImports, end: afterImports, text: `\n${added.join("\n")}` });
  // After the builder and the module's own options the config reads (`export const authOptions = getAuthOptions()`),
  // unless a statement between them reads v5's exports as the module loads.
  const config = body.split("\n/**")[0];
  const readByConfig = (st: Node) => {
    const declaration = st.type === "ExportNamedDeclaration" ? st.declaration : st;
    return (
      declaration?.type === "VariableDeclaration" &&
      declaration.declarations.some(
        (d: Node) => d.id?.type === "Identifier" && new RegExp(`\\b${d.id.name}\\b`).test(config),
      )
    );
  };
  const lastRead = [builder, ...program.body.filter(readByConfig)].reduce((a, b) =>
    range(b).end > range(a).end ? b : a,
  );
  const between = source.slice(range(builder).end, range(lastRead).end);
  const after = /\b(?:handlers|auth|signIn|signOut)\b/.test(between) ? builder : lastRead;
  edits.push({ start: range(after).end, end: range(after).end, text: `\n\n${body}` });
  return {
    source: applyEdits(source, edits),
    findings: [
      {
        step: 6,
        file,
        line: lineOf(builder, source),
        kind: "auth-module",
        action: "rewrite",
        message: `v5's lazy config here, beside ${beside.name}() and the session helper: this module exports handlers, auth, signIn, signOut`,
      },
    ],
  };
}

/** The module `name` is imported from in `file`, when it is the options module beside the helper. */
function importedFrom(parsed: Parsed, name: string, project: Project, file: string): Beside | undefined {
  const beside = project.optionsBesideHelper;
  const found = topImports(parsed)
    .nodes()
    .some(
      (d) =>
        project.resolve(file, String(d.source.value)) === beside?.module &&
        (d.specifiers ?? []).some(
          (s) => s.type === "ImportSpecifier" && localName(s) === name && importedName(s) === beside?.name,
        ),
    );
  return found ? beside : undefined;
}

/**
 * The auth module with a v4 `auth` helper (Project.authHelper), as the module v5's exports go into:
 * `NextAuth(options)` in place of the helper, over the options the helper gives getServerSession.
 */
function helperOptionsModule(project: Project): Beside | undefined {
  const helper = project.authHelper;
  return helper && { module: stripExt(helper.file), file: helper.file, name: helper.options };
}

/** Whether `beside` is the auth module's v4 helper's own module and options: its `auth` is v4's, which v5's replaces. */
function replacesHelper(project: Project, beside: Beside): boolean {
  const helper = project.authHelper;
  return !!helper && !beside.handler && helper.file === beside.file && helper.options === beside.name;
}

/**
 * A v4 App Router route beside the Pages route (`app/api/auth/[...nextauth]/route.ts` beside
 * `pages/api/auth/[...nextauth].ts`, as next-auth-example has): v5's route takes its place.
 */
function secondAppRoute(project: Project): string | undefined {
  const route = project.routeFile;
  if (!route || /\/route\.[cm]?[jt]sx?$/.test(route)) return undefined;
  return project.has(project.appRouteFor(route, ""));
}

/** The second App Router route, rewritten to mount v5's handlers (besideConflict has checked it). */
function secondRouteGivesWay(input: TransformInput, beside: Beside): TransformResult {
  const { file, source, project } = input;
  if (besideConflict(project, beside)) return { findings: [] };
  const semi = usesSemicolons(source) ? ";" : "";
  const q = quoteOf(source);
  // The specifier the route already imports the auth module by (`"auth"` under a baseUrl), else a new one.
  const spec =
    topImports(parseInput(input))
      .nodes()
      .map((d) => String(d.source.value))
      .find((sp) => project.resolve(file, sp) === beside.module) ?? project.importSpecifier(file, beside.module);
  return {
    source: `import { handlers } from ${q}${spec}${q}${semi}\n\nexport const { GET, POST } = handlers${semi}\n`,
    findings: [
      {
        step: 6,
        file,
        line: lineAt(source, /^export\b/m),
        kind: "nextauth-route",
        action: "rewrite",
        message: `NextAuth(${beside.name}) route handler → v5's handlers from ${beside.file} (v5 has one route: ${project.routeFile} goes)`,
      },
    ],
  };
}

/** Why the second App Router route cannot simply mount v5's handlers: it gives NextAuth other options, or does more. */
function secondRouteProblem(project: Project, beside: Beside): string | undefined {
  const file = secondAppRoute(project);
  const text = file && project.read(file);
  if (!file || !text) return undefined;
  let parsed: Parsed;
  try {
    parsed = parseForReading(file, text);
  } catch {
    return `${file} does not parse: make it mount v5's handlers from ${beside.file} by hand, then run again`;
  }
  const nextAuth = nextAuthImport(parsed);
  const found = nextAuth ? appRouterHandler(parsed, localName(nextAuth), { typescript: false, semi: "", q: '"' }) : "";
  const config = typeof found === "string" ? undefined : found.config;
  const same =
    config &&
    !isLazyRoute(config) &&
    config.type === "Identifier" &&
    importsAs(parsed, project, file, beside, config.name);
  if (same) return undefined;
  return `${file}, a second route beside ${project.routeFile}, does more than \`NextAuth(${beside.name})\` with ${beside.name} from ${beside.file}: v5 has one route; make ${file} \`export const { GET, POST } = handlers\` (handlers from ${beside.file}) by hand, keeping what else it does, then run again`;
}

/** The default import of NextAuth (from next-auth or next-auth/next), if the file has one. */
function nextAuthImport(parsed: Parsed) {
  return topImports(parsed)
    .nodes()
    .filter((d) => ["next-auth", "next-auth/next"].includes(String(d.source.value)))
    .flatMap((d) => d.specifiers ?? [])
    .find((sp) => sp.type === "ImportDefaultSpecifier");
}

/** Whether `file` imports `local` as the options `beside` exports (its name, from its module). */
function importsAs(
  parsed: Parsed,
  project: Project,
  file: string,
  beside: { module: string; name: string },
  local: string,
): boolean {
  return topImports(parsed)
    .nodes()
    .some(
      (d) =>
        project.resolve(file, String(d.source.value)) === beside.module &&
        (d.specifiers ?? []).some(
          (sp) => sp.type === "ImportSpecifier" && localName(sp) === local && importedName(sp) === beside.name,
        ),
    );
}

/**
 * Calls of the v4 helper `auth` that v5's auth() would not take as the helper did: spread
 * arguments, an argument count the helper does not pass on, or `auth` used other than called.
 */
function helperCallersProblem(project: Project): string | undefined {
  const helper = project.authHelper;
  if (!helper) return undefined;
  const bad = helper.misuses;
  if (!bad.length) return undefined;
  const forms = helper.arities.map((n) => `auth(${["", "ctx", "req, res"][n] ?? "…"})`).join(", ");
  return `${bad.slice(0, 5).join(", ")}${bad.length > 5 ? ` and ${bad.length - 5} more` : ""} ${bad.length === 1 ? "uses" : "use"} ${helper.file}'s v4 helper \`auth\` other than as it takes it (${forms}): v5's auth() would answer ${bad.length === 1 ? "that use" : "those uses"} otherwise than the helper did. Make ${bad.length === 1 ? "it" : "them"} one of those forms (or what v5's auth() is to read: auth(), auth(ctx), auth(req, res)), then run again`;
}

/** Why the options module cannot take v5's exports (it has names of its own that clash), or undefined. */
function besideConflict(project: Project, beside: Beside): string | undefined {
  const text = project.read(beside.file) ?? "";
  if (beside.handler) {
    // v5's handlers are { GET, POST }, not v4's handler: nothing else may use the old one.
    const word = new RegExp(`\\b${beside.handler}\\b`);
    const users = [
      ...(text.split(word).length > 2 ? [beside.file] : []),
      ...project.files.filter(
        (f) =>
          f !== beside.file && f !== project.routeFile && /\.[cm]?[jt]sx?$/.test(f) && word.test(project.read(f) ?? ""),
      ),
    ];
    if (users.length)
      return `${users.join(", ")} ${users.length === 1 ? "uses" : "use"} \`${beside.handler}\`, v4's NextAuth handler, which v5 replaces with \`handlers.GET\` and \`handlers.POST\`: change ${users.length === 1 ? "it" : "them"}, then run again`;
  }
  const helper = replacesHelper(project, beside);
  // Read from the syntax tree: a line-based match would take `@next-auth/…` in an import for `auth`.
  const declared = AUTH_EXPORTS.filter(
    (name) => !(helper && name === "auth") && bindsTopLevel(project, beside.file, name),
  );
  // An `auth` that does more than pass its arguments on to getServerSession is the app's to replace.
  const own =
    declared.includes("auth") && /\bgetServerSession\b/.test(text)
      ? ` (its \`auth\` is not a v4 helper that v5's can replace: one \`return getServerSession(…, ${beside.name})\` passing its arguments on)`
      : "";
  if (declared.length)
    return `${beside.file} already exists and already defines ${declared.map((n) => `\`${n}\``).join(", ")}${own}: rename ${declared.length === 1 ? "it" : "them"}, then run again, or add \`export const { handlers, auth, signIn, signOut } = NextAuth(${beside.name})\` to it by hand`;
  return (helper ? helperCallersProblem(project) : undefined) ?? secondRouteProblem(project, beside);
}

/**
 * The route of an app whose options module also holds the session helper (create-t3-app's
 * `src/server/auth.ts`), or whose auth module has a v4 helper `auth` (next-auth-example): that
 * module becomes the auth module (see authBesideOptions), and the route only mounts its handlers.
 */
function routeBesideOptions(input: TransformInput, beside: Beside, line: number, appRoute: boolean): TransformResult {
  const { file, source, project } = input;
  const findings: Finding[] = [];
  const todo = (message: string) =>
    findings.push({ step: 6, file, line, kind: "nextauth-route", action: "todo", message });
  const conflict =
    besideConflict(project, beside) ??
    (project.basePath &&
      `the route is mounted at ${project.basePath}, not /api/auth: add \`basePath: "${project.basePath}"\` to ${beside.name} in ${beside.file} by hand, then run again`);
  if (conflict) {
    todo(conflict);
    return { findings };
  }
  const authExt = path.extname(beside.file);
  const bridge = bridgeModule(project, authExt);
  const ownBridge = project.has(bridge.path.replace(/\.[cm]?[jt]s$/, ""));
  if (ownBridge && !project.read(ownBridge)?.includes(BRIDGE_MARKER)) {
    todo(
      `${ownBridge} already exists and is not the codemod's session bridge: rename it, then run again (or do MIGRATION.md step 6 by hand)`,
    );
    return { findings };
  }
  const ext = path.extname(file).replace(/x$/, "");
  const semi = usesSemicolons(source) ? ";" : "";
  const q = quoteOf(source);
  const routeFile = appRoute ? file : project.appRouteFor(file, ext);
  // An App Router route already there is rewritten in its own pass (secondRouteGivesWay).
  const second = appRoute ? undefined : secondAppRoute(project);
  const routeSource =
    `import { handlers } from ${q}${project.importSpecifier(routeFile, beside.module)}${q}${semi}\n\n` +
    (appRoute
      ? ""
      : "// Auth.js v5 has no Pages API handler: its endpoints live here; everything else stays in pages/.\n") +
    `export const { GET, POST } = handlers${semi}\n`;
  findings.push(bridgeWritten(bridge.path, beside.file));
  const where = replacesHelper(project, beside)
    ? `in place of its v4 helper auth() (v5's auth() takes the helper's arguments)`
    : `beside the options and the session helper (v5's T3 layout: no module imports it back)`;
  findings.push({
    step: 6,
    file,
    line,
    kind: "nextauth-route",
    action: "rewrite",
    message: `NextAuth(${beside.name}) → ${beside.file}, ${where}; ${
      appRoute ? `${file} exports its handlers` : `${second ?? routeFile} exports its handlers; ${file} deleted`
    }`,
  });
  if (appRoute) return { findings, source: routeSource, create: [bridge] };
  return {
    findings,
    create: [
      ...(second ? [] : [{ path: routeFile, source: routeSource }]),
      bridge,
      ...pagesRouteMoved(project, file, { q, semi }, findings),
    ],
    remove: true,
  };
}

/**
 * The options module beside the session helper: `export const { handlers, auth, signIn, signOut }
 * = withLegacyV4(NextAuth)(authOptions)` right after the options, as v5's T3 template has it; the
 * helper (rewritten to auth() by step 2) reads the auth that this module now exports. An auth
 * module's v4 helper `auth` is replaced by that line instead (authInPlaceOfHelper).
 */
function authBesideOptions(input: TransformInput, beside: Beside): TransformResult {
  const { file, source, project } = input;
  if (!project.routeFile || besideConflict(project, beside)) return { findings: [] };
  if (replacesHelper(project, beside)) return authInPlaceOfHelper(input, beside);
  const parsed = parseInput(input);
  const { j, root } = parsed;
  const program = root.find(j.Program).get().node as { body: Node[] };
  // Right after the options, or in place of the v4 handler made from them (`export const authHandler = NextAuth(authOptions)`).
  const declares = (name: string) => (st: Node) => {
    const declaration = st.type === "ExportNamedDeclaration" ? st.declaration : st;
    return (
      declaration?.type === "VariableDeclaration" &&
      declaration.declarations.some((d: Node) => d.id?.type === "Identifier" && d.id.name === name)
    );
  };
  const handler = beside.handler ? program.body.find(declares(beside.handler)) : undefined;
  if (beside.handler && !handler) return { findings: [] };
  const statement = handler ?? program.body.find(declares(beside.name));
  if (!statement) return { findings: [] };
  const semi = usesSemicolons(source) ? ";" : "";
  const { nextAuth, edits } = nextAuthImportEdits(parsed, quoteOf(source), semi);
  const v5 = `export const { handlers, auth, signIn, signOut } = withLegacyV4(${nextAuth})(${beside.name})${semi}`;
  if (handler) edits.push({ ...range(handler), text: v5 });
  else edits.push({ start: range(statement).end, end: range(statement).end, text: `\n\n${v5}` });
  return {
    source: applyEdits(source, edits),
    findings: [
      {
        step: 6,
        file,
        line: lineOf(statement, source),
        kind: "auth-module",
        action: "rewrite",
        message: `NextAuth(${beside.name}) here, beside the options: this module exports handlers, auth, signIn, signOut`,
      },
    ],
  };
}

/**
 * An auth module whose `auth` is a v4 helper (`return getServerSession(...args, config)`):
 * `export const { handlers, auth, signIn, signOut } = withLegacyV4(NextAuth)(config)` takes its
 * place, and the imports only the helper used go. When the route gave NextAuth other options,
 * a to-do here names what differs (routeOptionsTodo).
 */
function authInPlaceOfHelper(input: TransformInput, beside: Beside): TransformResult {
  const { file, source, project } = input;
  const parsed = parseInput(input);
  const helper = findV4AuthHelper(parsed);
  if (!helper) return { findings: [] };
  const semi = usesSemicolons(source) ? ";" : "";
  const q = quoteOf(source);
  const edits: { start: number; end: number; text: string }[] = [];
  const imports = topImports(parsed).nodes();
  // Names only the helper used (getServerSession, the request types of its parameters).
  const gone = (sp: Node) => {
    const refs = references(parsed, localName(sp));
    return refs.size() > 0 && refs.filter((p) => !inHelper(helper, p.node)).size() === 0;
  };
  const nextAuthValue = (d: Node) => d.source.value === "next-auth" && d.importKind !== "type";
  const defaultImport = imports
    .filter(nextAuthValue)
    .flatMap((d) => d.specifiers ?? [])
    .find((sp) => sp.type === "ImportDefaultSpecifier");
  const nextAuth = defaultImport ? localName(defaultImport) : "NextAuth";
  let placed = !!defaultImport;
  for (const d of imports) {
    const specifiers: Node[] = d.specifiers ?? [];
    const going = specifiers.filter(gone);
    if (!going.length) continue;
    const { start, end } = range(d);
    if (going.length === specifiers.length) {
      // The next-auth import that goes makes room for NextAuth's, in the same place.
      if (!placed && nextAuthValue(d)) {
        edits.push({ start, end, text: `import ${nextAuth} from ${q}next-auth${q}${semi}` });
        placed = true;
      } else edits.push({ start, end: source[end] === "\n" ? end + 1 : end, text: "" });
      continue;
    }
    edits.push(...specifierRemovals(specifiers, going));
  }
  const named = imports.find(
    (d) => nextAuthValue(d) && (d.specifiers ?? []).some((sp: Node) => sp.type === "ImportSpecifier" && !gone(sp)),
  );
  if (!placed && named && (named.specifiers ?? []).every((sp: Node) => sp.type === "ImportSpecifier")) {
    const at = range(named).start + "import".length;
    edits.push({ start: at, end: at, text: ` ${nextAuth},` });
    placed = true;
  }
  const newImports = `${placed ? "" : `import ${nextAuth} from ${q}next-auth${q}${semi}\n`}${bridgeImport(q, semi)}`;
  const last = imports[imports.length - 1];
  if (last) edits.push({ start: range(last).end, end: range(last).end, text: `\n${newImports.trimEnd()}` });
  else edits.push({ start: 0, end: 0, text: `${newImports}\n` });
  edits.push({
    ...range(helper.statement),
    text: `export const { handlers, auth, signIn, signOut } = withLegacyV4(${nextAuth})(${beside.name})${semi}`,
  });
  const after = applyEdits(source, edits);
  const findings: Finding[] = [
    {
      step: 6,
      file,
      line: lineOf(helper.statement, source),
      kind: "auth-module",
      action: "rewrite",
      message: `v4 helper auth() → NextAuth(${beside.name}): this module exports handlers, auth, signIn, signOut (v5's auth() takes the helper's arguments)`,
    },
  ];
  const differ = routeOptionsTodo(
    project,
    beside,
    lineAt(after, new RegExp(`\\b(?:const|let|var)\\s+${beside.name}\\b`)),
  );
  if (differ) findings.push(differ);
  return { source: after, findings };
}

/** Opens the to-do that the route's own options, gone with it, differ from the auth module's. */
export const ROUTE_OPTIONS_TODO = "v5 has one route, and it reads only these options:";

/**
 * When the route gave NextAuth options of its own (next-auth-example's Pages route, beside its
 * root auth.ts helper over `config`), v5's one route reads the auth module's instead: a to-do
 * at those, naming the keys that differ and showing the route's code for them (the route is
 * deleted). No scan finds it again once done: apply carries it until it is ticked.
 */
function routeOptionsTodo(project: Project, beside: Beside, line: number): Finding | undefined {
  const route = project.routeFile;
  const text = route && project.read(route);
  const own = project.read(beside.file);
  if (!route || !text || !own) return undefined;
  let parsed: Parsed;
  let auth: Parsed;
  try {
    parsed = parseForReading(route, text);
    auth = parseForReading(beside.file, own);
  } catch {
    return undefined;
  }
  const nextAuth = nextAuthImport(parsed);
  if (!nextAuth) return undefined;
  const call = parsed.root
    .find(parsed.j.CallExpression, { callee: { type: "Identifier", name: localName(nextAuth) } })
    .nodes()
    .find((c) => c.arguments.length === 1);
  const given: Node = call?.arguments[0];
  if (!given) return undefined;
  const code = (p: Parsed, n: Node) => p.source.slice(range(n).start, range(n).end);
  // The same options, imported from the auth module: nothing differs.
  if (given.type === "Identifier" && importsAs(parsed, project, route, beside, given.name)) return undefined;
  const routeObject = objectOf(parsed, given);
  const moduleObject = objectOf(auth, { type: "Identifier", name: beside.name });
  const name = given.type === "Identifier" ? given.name : "the options written in the route";
  const head = `${ROUTE_OPTIONS_TODO} \`${beside.name}\`. ${route} (${/\/route\.[cm]?[jt]sx?$/.test(route) ? "now v5's route" : "deleted"}) gave NextAuth ${given.type === "Identifier" ? `options of its own, \`${name}\`` : name}`;
  const todo = (message: string): Finding => ({
    step: 6,
    file: beside.file,
    line,
    kind: "route-options",
    action: "todo",
    message,
  });
  if (!routeObject || !moduleObject)
    return todo(
      `${head}, not \`${beside.name}\`: compare them, and copy into \`${beside.name}\` what the app needs of it`,
    );
  const entries = (p: Parsed, o: Node) =>
    new Map<string, Node>(
      (o.properties as Node[]).map((prop, i) => [
        prop.type !== "SpreadElement" && !prop.computed && prop.key
          ? String(prop.key.name ?? prop.key.value)
          : `…${code(p, prop.argument ?? prop)}#${i}`,
        prop,
      ]),
    );
  const theirs = entries(parsed, routeObject);
  const ours = entries(auth, moduleObject);
  const differs = [...theirs].filter(
    ([key, prop]) => !ours.has(key) || withoutComments(auth, ours.get(key)!) !== withoutComments(parsed, prop),
  );
  const missing = [...ours.keys()].filter((key) => !theirs.has(key));
  if (!differs.length && !missing.length) return undefined;
  const names = [
    ...differs.map(([key]) => `\`${key}\`${ours.has(key) ? "" : ` (only in ${name})`}`),
    ...missing.map((key) => `\`${key}\` (only in ${beside.name})`),
  ];
  const block = differs.length
    ? `; ${name} had:\n${codeBlock(route, dedent(differs.map(([, prop]) => `${indentOf(text, prop)}${code(parsed, prop)},`).join("\n")))}`
    : "";
  return todo(
    `${head}, which differ${given.type === "Identifier" ? "s" : ""} from \`${beside.name}\` in ${names.join(", ")}. Copy into \`${beside.name}\` what the app needs of them${block}`,
  );
}

/** The whitespace before `node` on its line (the column its code starts at). */
function indentOf(source: string, node: Node): string {
  const start = range(node).start;
  return source.slice(source.lastIndexOf("\n", start - 1) + 1, start).replace(/\S/g, " ");
}

/** Code with the indentation its lines share taken off. */
function dedent(code: string): string {
  const lines = code.split("\n");
  const common = Math.min(...lines.filter((l) => l.trim()).map((l) => l.match(/^[ \t]*/)![0].length));
  return lines.map((l) => l.slice(common)).join("\n");
}

/** The object literal an options expression is (through `satisfies`, `as` and a const of the module), if it is one. */
function objectOf(parsed: Parsed, node: Node): Node | undefined {
  let n = node;
  for (let i = 0; i < 5 && n; i++) {
    if (n.type === "ObjectExpression") return n;
    if (/^TS(Satisfies|As)Expression$|^TSNonNullExpression$/.test(n.type)) n = n.expression;
    else if (n.type === "Identifier") {
      const name = n.name;
      const program = parsed.root.find(parsed.j.Program).get().node as { body: Node[] };
      const declarator = program.body
        .map((st) => (st.type === "ExportNamedDeclaration" ? st.declaration : st))
        .filter((d) => d?.type === "VariableDeclaration")
        .flatMap((d) => d.declarations as Node[])
        .find((d) => d.id.type === "Identifier" && d.id.name === name);
      n = declarator?.init;
    } else return undefined;
  }
  return undefined;
}

/** A node's code without comments or whitespace, to compare two options' entries. */
function withoutComments(parsed: Parsed, node: Node): string {
  const { start, end } = range(node);
  const comments = ((parsed.root.get().node as { comments?: Node[] }).comments ?? []).filter(
    (c) => c.start >= start && c.end <= end,
  );
  let text = "";
  let at = start;
  for (const c of comments.sort((a, b) => a.start - b.start)) {
    text += parsed.source.slice(at, c.start);
    at = c.end;
  }
  return (text + parsed.source.slice(at, end)).replace(/\s+/g, "").replace(/,([}\])])/g, "$1");
}

/**
 * The imports an auth module gains: v5's NextAuth (the default import of "next-auth", added to a
 * named import of it when there is one) and the session bridge, after its last import (at the top
 * when it has none).
 */
function nextAuthImportEdits(
  parsed: Parsed,
  q: string,
  semi: string,
): { nextAuth: string; edits: { start: number; end: number; text: string }[] } {
  const edits: { start: number; end: number; text: string }[] = [];
  const imports = topImports(parsed).nodes();
  const nextAuthImports = imports.filter((d) => d.source.value === "next-auth" && d.importKind !== "type");
  const defaultImport = nextAuthImports
    .flatMap((d) => d.specifiers ?? [])
    .find((s) => s.type === "ImportDefaultSpecifier");
  const nextAuth = defaultImport ? localName(defaultImport) : "NextAuth";
  const named = nextAuthImports.find((d) => (d.specifiers ?? []).every((s) => s.type === "ImportSpecifier"));
  const last = imports[imports.length - 1];
  if (!defaultImport && named && (named.specifiers ?? []).length) {
    const at = range(named).start + "import".length;
    edits.push({ start: at, end: at, text: ` ${nextAuth},` });
  }
  const newImports =
    (!defaultImport && !(named && (named.specifiers ?? []).length)
      ? `import ${nextAuth} from ${q}next-auth${q}${semi}\n`
      : "") + bridgeImport(q, semi);
  if (last) edits.push({ start: range(last).end, end: range(last).end, text: `\n${newImports.trimEnd()}` });
  else edits.push({ start: 0, end: 0, text: `${newImports}\n` });
  return { nextAuth, edits };
}

/**
 * The module of a shared package that calls getServerSession (lib/shared-auth.ts): v5's exports
 * right after the options it declares, or after its imports when it imports them; its
 * getServerSession calls, rewritten to auth() by step 2, read the auth it now exports. The session
 * bridge goes beside it. Options given as a call (`authOptions()`) stay per request: a lazy config.
 */
function sharedAuthModule(input: TransformInput, shared: SharedAuthModule): TransformResult {
  const { file, source, project } = input;
  const bridge = bridgeModule(project, path.extname(file), /\.[cm]?tsx?$/.test(file));
  const ownBridge = project.has(bridge.path.replace(/\.[cm]?[jt]s$/, ""));
  if (ownBridge && !project.read(ownBridge)?.includes(BRIDGE_MARKER))
    return {
      findings: [
        {
          step: 6,
          file,
          line: 1,
          kind: "nextauth-route",
          action: "todo",
          message: `${ownBridge} already exists and is not the codemod's session bridge: rename it, then run again (or do MIGRATION.md step 6 by hand)`,
        },
      ],
    };
  const parsed = parseInput(input);
  const program = parsed.root.find(parsed.j.Program).get().node as { body: Node[] };
  const declared =
    shared.declared === undefined
      ? undefined
      : program.body.find((st) => {
          const declaration = st.type === "ExportNamedDeclaration" ? st.declaration : st;
          return (
            (declaration?.type === "VariableDeclaration" &&
              declaration.declarations.some(
                (d: Node) => d.id?.type === "Identifier" && d.id.name === shared.declared,
              )) ||
            (declaration?.type === "FunctionDeclaration" && declaration.id?.name === shared.declared)
          );
        });
  if (shared.declared !== undefined && !declared) return { findings: [] };
  const semi = usesSemicolons(source) ? ";" : "";
  const { nextAuth, edits } = nextAuthImportEdits(parsed, quoteOf(source), semi);
  const v5 = `export const { handlers, auth, signIn, signOut } = withLegacyV4(${nextAuth})(${shared.config})${semi}`;
  const imports = topImports(parsed).nodes();
  // Right after the options; else after the imports, below the bridge's import (added at the same offset).
  if (declared) edits.push({ start: range(declared).end, end: range(declared).end, text: `\n\n${v5}` });
  else if (imports.length) edits[edits.length - 1].text += `\n\n${v5}`;
  else edits[edits.length - 1].text += `${v5}\n\n`;
  return {
    source: applyEdits(source, edits),
    create: [bridge],
    findings: [
      bridgeWritten(bridge.path, file),
      {
        step: 6,
        file,
        line: declared ? lineOf(declared, source) : 1,
        kind: "auth-module",
        action: "rewrite",
        message: `NextAuth(${shared.config}) here, in the shared package that calls getServerSession: this module exports handlers, auth, signIn, signOut, and the apps' routes mount its handlers`,
      },
    ],
  };
}

/** The package module the apps import (its index) re-exports v5's exports from the auth module. */
function sharedReexport(input: TransformInput, shared: SharedAuthModule): TransformResult {
  const { file, source, project } = input;
  const parsed = parseInput(input);
  const program = parsed.root.find(parsed.j.Program).get().node as { body: Node[] };
  const existing = program.body.find(
    (st) =>
      st.type === "ExportNamedDeclaration" &&
      st.source &&
      st.exportKind !== "type" &&
      (st.specifiers ?? []).length > 0 &&
      project.resolve(file, String(st.source.value)) === shared.module,
  );
  const names = "handlers, auth, signIn, signOut";
  const edits: { start: number; end: number; text: string }[] = [];
  if (existing) {
    const last = existing.specifiers[existing.specifiers.length - 1];
    edits.push({ start: range(last).end, end: range(last).end, text: `, ${names}` });
  } else {
    const semi = usesSemicolons(source) ? ";" : "";
    const q = quoteOf(source);
    let rel = path.posix.relative(path.posix.dirname(file), shared.module);
    if (!rel.startsWith(".")) rel = `./${rel}`;
    const anchors = program.body.filter(
      (st) =>
        st.type === "ImportDeclaration" ||
        st.type === "ExportAllDeclaration" ||
        (st.type === "ExportNamedDeclaration" && st.source),
    );
    const at = anchors.length ? range(anchors[anchors.length - 1]).end : 0;
    const line = `export { ${names} } from ${q}${rel}${q}${semi}`;
    edits.push({ start: at, end: at, text: at ? `\n${line}` : `${line}\n` });
  }
  return {
    source: applyEdits(source, edits),
    findings: [
      {
        step: 6,
        file,
        line: existing ? lineOf(existing, source) : 1,
        kind: "auth-module",
        action: "rewrite",
        message: `re-exports handlers, auth, signIn, signOut from ${shared.file}, where NextAuth is: the apps import them as they import the options`,
      },
    ],
  };
}

/**
 * The route of an app whose shared package gets NextAuth (lib/shared-auth.ts): it mounts the
 * package's handlers, imported from `from`; a Pages route moves to app/. Only a route that does
 * nothing but `NextAuth(options)` (and an App Router route's segment config) is certain.
 */
function routeToSharedPackage(input: TransformInput, from: string): TransformResult {
  const { file, source, project } = input;
  const findings: Finding[] = [];
  const todo = (line: number, message: string) =>
    findings.push({ step: 6, file, line, kind: "nextauth-route", action: "todo", message });
  const parsed = parseInput(input);
  const nextAuthImport = topImports(parsed)
    .nodes()
    .find(
      (d) =>
        ["next-auth", "next-auth/next"].includes(String(d.source.value)) &&
        (d.specifiers ?? []).some((sp) => sp.type === "ImportDefaultSpecifier"),
    );
  const appRoute = /\/route\.[cm]?[jt]sx?$/.test(file);
  // An App Router route without v4's NextAuth is v5's already.
  if (!nextAuthImport) {
    if (!appRoute)
      todo(1, `no \`export default NextAuth(...)\` found: write the route that mounts the handlers of ${from} by hand`);
    return { findings };
  }
  const nextAuth = localName(nextAuthImport.specifiers!.find((sp) => sp.type === "ImportDefaultSpecifier"));
  const semi = usesSemicolons(source) ? ";" : "";
  const q = quoteOf(source);
  const style = { typescript: isTypeScript(file), semi, q };
  const found = appRoute ? appRouterHandler(parsed, nextAuth, style) : pagesHandler(parsed, nextAuth, style);
  const segmentConfig = appRoute ? segmentConfigOf(parsed) : [];
  const program = parsed.root.find(parsed.j.Program).get().node as { body: Node[] };
  const others =
    typeof found === "string"
      ? []
      : program.body.filter(
          (st) =>
            st.type !== "ImportDeclaration" &&
            st !== found.replace &&
            !found.remove.includes(st) &&
            !segmentConfig.includes(st),
        );
  const line = typeof found === "string" ? 1 : lineOf(others[0] ?? found.replace, source);
  if (typeof found === "string" || typeof found.config === "string" || isLazyRoute(found.config) || others.length) {
    todo(
      line,
      `the route does more than NextAuth(options) with the options of ${from}: mount its handlers by hand (\`export const { GET, POST } = handlers\`, imported from ${from}), keeping what else it does`,
    );
    return { findings };
  }
  if (project.basePath) {
    todo(
      line,
      `the route is mounted at ${project.basePath}, not /api/auth: add \`basePath: "${project.basePath}"\` to the options in ${from} by hand, then run again`,
    );
    return { findings };
  }
  const ext = path.extname(file).replace(/x$/, "");
  const routeFile = appRoute ? file : project.appRouteFor(file, ext);
  const slice = (n: Node) => source.slice(range(n).start, range(n).end);
  const routeSource =
    `import { handlers } from ${q}${from}${q}${semi}\n\n` +
    segmentConfig.map((n) => `${slice(n)}\n\n`).join("") +
    (appRoute
      ? ""
      : "// Auth.js v5 has no Pages API handler: its endpoints live here; everything else stays in pages/.\n") +
    `export const { GET, POST } = handlers${semi}\n`;
  findings.push({
    step: 6,
    file,
    line,
    kind: "nextauth-route",
    action: "rewrite",
    message: `NextAuth(…) → the handlers of the shared package (${from}); ${appRoute ? `${file} exports them` : `${routeFile} exports them; ${file} deleted`}`,
  });
  if (appRoute) return { findings, source: routeSource };
  return {
    findings,
    create: [{ path: routeFile, source: routeSource }, ...pagesRouteMoved(project, file, { q, semi }, findings)],
    remove: true,
  };
}

/**
 * What moving the Pages route `file` to app/ also needs, as files to write (their findings pushed
 * onto `findings`): a Next config that transpiles next-auth where the app has none (else a to-do
 * where the next-config transform cannot edit it), and strictNullChecks kept off for a non-strict
 * app whose first app/ file this is.
 */
function pagesRouteMoved(
  project: Project,
  file: string,
  style: { q: string; semi: string },
  findings: Finding[],
): FileChange[] {
  const transpile = transpileTodo(project, file);
  const nextConfig = newNextConfig(project, file, style);
  const tsconfig = keptStrictNullChecks(project, file);
  for (const finding of [transpile, nextConfig?.finding, tsconfig?.finding]) if (finding) findings.push(finding);
  return [nextConfig?.file, tsconfig?.file].filter((f): f is FileChange => f !== undefined);
}

/**
 * A Pages Router app on v5 whose Next config does not transpile next-auth: found again on an
 * applied tree (package.json). `movedRoute`, the Pages route this run moves to app/, is no page.
 */
export function transpileTodo(project: Project, movedRoute?: string): Finding | undefined {
  if (!project.files.some((f) => /^(src\/)?pages\//.test(f) && f !== movedRoute)) return undefined;
  const nextConfig = NEXT_CONFIGS.find((name) => project.read(name) !== null);
  if (/transpilePackages[^\]]*["']next-auth["']/.test(nextConfig ? project.read(nextConfig)! : "")) return undefined;
  // This run writes it: into the config (the next-config transform), or a new one (newNextConfig).
  if (project.nextAuthMajor !== 5 && (!nextConfig || withTranspiledNextAuth(nextConfig, project.read(nextConfig)!)))
    return undefined;
  return {
    step: 6,
    file: nextConfig ?? "next.config.js",
    line: 1,
    kind: "transpile-next-auth",
    action: "todo",
    message: TRANSPILE_TODO,
  };
}

interface Handler {
  /** The statement that becomes `export const { handlers, auth, signIn, signOut } = NextAuth(config)`. */
  replace: Node;
  /** Statements auth.ts drops (the App Router route's `export { handler as GET, handler as POST }`). */
  remove: Node[];
  config: Node | LazyRoute | string;
}

/** Pages: `export default NextAuth(options)` or a handler around `NextAuth(req, res, options)`. */
function pagesHandler(parsed: Parsed, nextAuth: string, style: LazyStyle): Handler | string {
  const exported = parsed.root.find(parsed.j.ExportDefaultDeclaration);
  if (exported.size() !== 1)
    return "no `export default NextAuth(...)` found: write auth.ts and app/api/auth/[...nextauth]/route.ts by hand";
  const node = exported.get().node;
  const named = namedHandler(parsed, node.declaration);
  if (named)
    return { replace: node, remove: [named.statement], config: configExpression(parsed, named.fn, nextAuth, style) };
  return { replace: node, remove: [], config: configExpression(parsed, node.declaration, nextAuth, style) };
}

/**
 * `replace` becomes the NextAuth statement; but where the options (`configName`) are declared below
 * it, it goes after them, or it would read them before they exist.
 */
function nextAuthEdits(parsed: Parsed, replace: Node, configName: string | undefined, code: string) {
  const laterOptions = configName === undefined ? undefined : declaredAfter(parsed, configName, replace);
  if (!laterOptions) return [{ ...range(replace), text: code }];
  const after = range(laterOptions).end;
  return [
    { ...range(replace), text: "" },
    { start: after, end: after, text: `\n\n${code}` },
  ];
}

/** The top-level statement that declares `name` when it comes after `statement`, else undefined. */
function declaredAfter(parsed: Parsed, name: string, statement: Node): Node | undefined {
  if (!/^[\w$]+$/.test(name)) return undefined;
  const program = parsed.root.find(parsed.j.Program).get().node as { body: Node[] };
  return program.body.find((st) => {
    const declaration = st.type === "ExportNamedDeclaration" ? st.declaration : st;
    const names =
      declaration?.type === "VariableDeclaration"
        ? declaration.declarations.map((d: Node) => d.id?.name)
        : [declaration?.id?.name];
    return names.includes(name) && range(st).start > range(statement).start;
  });
}

/**
 * `const authHandler: NextApiHandler = (req, res) => NextAuth(req, res, options); export default authHandler`
 * (Prisma's Next.js tutorial): the handler the default export names, when nothing else uses it.
 */
function namedHandler(parsed: Parsed, exported: Node): { statement: Node; fn: Node } | undefined {
  if (exported.type !== "Identifier") return undefined;
  const { j, root } = parsed;
  const program = root.find(j.Program).get().node as { body: Node[] };
  for (const statement of program.body) {
    const declarator =
      statement.type === "FunctionDeclaration"
        ? statement
        : statement.type === "VariableDeclaration" && statement.declarations.length === 1
          ? statement.declarations[0]
          : undefined;
    if (declarator?.id?.type !== "Identifier" || declarator.id.name !== exported.name) continue;
    const fn = statement.type === "FunctionDeclaration" ? statement : declarator.init;
    if (!["FunctionDeclaration", "ArrowFunctionExpression", "FunctionExpression"].includes(fn?.type)) return undefined;
    const uses = references(parsed, exported.name).filter((p) => p.node !== declarator.id && p.node !== exported);
    return uses.size() === 0 ? { statement, fn } : undefined;
  }
  return undefined;
}

/** App Router (v4): `const handler = NextAuth(options); export { handler as GET, handler as POST }`. */
function appRouterHandler(parsed: Parsed, nextAuth: string, style: LazyStyle): Handler | string {
  const { j, root } = parsed;
  const program = root.find(j.Program).get().node as { body: Node[] };
  for (const statement of program.body) {
    const declaration = statement.type === "ExportNamedDeclaration" ? statement.declaration : statement;
    // A handler that builds the options per request: `const handler = async (req, ctx) => … NextAuth(options)(req, ctx)`.
    const perRequest =
      declaration?.type === "FunctionDeclaration"
        ? declaration
        : declaration?.type === "VariableDeclaration" &&
            declaration.declarations.length === 1 &&
            ["ArrowFunctionExpression", "FunctionExpression"].includes(declaration.declarations[0].init?.type)
          ? declaration.declarations[0].init
          : undefined;
    const lazy = perRequest ? lazyAppRoute(parsed, perRequest, nextAuth, style) : undefined;
    if (!lazy && (declaration?.type !== "VariableDeclaration" || declaration.declarations.length !== 1)) continue;
    const declarator = lazy
      ? declaration.type === "FunctionDeclaration"
        ? declaration
        : declaration.declarations[0]
      : declaration.declarations[0];
    if (
      !lazy &&
      (declarator.id.type !== "Identifier" ||
        declarator.init?.type !== "CallExpression" ||
        declarator.init.callee.type !== "Identifier" ||
        declarator.init.callee.name !== nextAuth)
    )
      continue;
    const handler: string = declarator.id.name;
    const exportsHandler = (n: Node) =>
      n.type === "ExportNamedDeclaration" &&
      !n.declaration &&
      !n.source &&
      n.specifiers.every((s: Node) => s.local?.name === handler && ["GET", "POST"].includes(s.exported?.name));
    const reexports = program.body.filter(exportsHandler);
    const otherUses = j(program as never)
      .find(j.Identifier, { name: handler })
      .filter(
        (p) =>
          p.node !== declarator.id &&
          !reexports.some((r) => r.specifiers.some((s: Node) => s.local === p.node || s.exported === p.node)),
      );
    if (statement.type === "ExportNamedDeclaration" || reexports.length === 0 || otherUses.size() > 0) break;
    if (lazy) return { replace: statement, remove: reexports, config: lazy };
    const args = declarator.init.arguments;
    const config =
      args.length === 1 && args[0].type !== "SpreadElement"
        ? args[0]
        : "NextAuth called with an unexpected argument list: write auth.ts by hand";
    return { replace: statement, remove: reexports, config };
  }
  return "no `const handler = NextAuth(options); export { handler as GET, handler as POST }` found: write auth.ts and the route's `export const { GET, POST } = handlers` by hand";
}

const SEGMENT_CONFIG = new Set([
  "dynamic",
  "dynamicParams",
  "revalidate",
  "fetchCache",
  "runtime",
  "preferredRegion",
  "maxDuration",
]);

/** An App Router route's segment config exports (`export const fetchCache = "force-no-store"`), which Next reads from the route file. */
function segmentConfigOf(parsed: Parsed): Node[] {
  const program = parsed.root.find(parsed.j.Program).get().node as { body: Node[] };
  return program.body.filter(
    (st) =>
      st.type === "ExportNamedDeclaration" &&
      st.declaration?.type === "VariableDeclaration" &&
      st.declaration.declarations.every(
        (d: Node) => d.id.type === "Identifier" && SEGMENT_CONFIG.has(d.id.name) && /Literal$/.test(d.init?.type ?? ""),
      ),
  );
}

/** The config argument for v5's NextAuth(), or why there is none. */
function configExpression(
  parsed: Parsed,
  declaration: Node,
  nextAuth: string,
  style: LazyStyle,
): Node | LazyRoute | string {
  const { j } = parsed;
  const isNextAuthCall = (n: Node): boolean =>
    n?.type === "CallExpression" && n.callee.type === "Identifier" && n.callee.name === nextAuth;
  if (isNextAuthCall(declaration)) {
    if (declaration.arguments.length === 1 && declaration.arguments[0].type !== "SpreadElement")
      return declaration.arguments[0];
    return "NextAuth called with an unexpected argument list: write auth.ts by hand";
  }
  if (
    declaration.type === "FunctionDeclaration" ||
    declaration.type === "ArrowFunctionExpression" ||
    declaration.type === "FunctionExpression"
  ) {
    const fn = declaration as { params: Node[]; body: Node };
    const body =
      fn.body.type === "BlockStatement"
        ? (fn.body as { body: Node[] }).body
        : [{ type: "ReturnStatement", argument: fn.body } as Node];
    const call =
      body.length === 1 && body[0].type === "ReturnStatement" ? (body[0] as { argument?: Node }).argument : undefined;
    const unwrapped = call?.type === "AwaitExpression" ? (call as { argument: Node }).argument : call;
    if (isNextAuthCall(unwrapped) && unwrapped.arguments.length === 3) {
      const options = unwrapped.arguments[2];
      const params = fn.params.flatMap((p) => (p.type === "Identifier" ? [(p as { name: string }).name] : []));
      const usesRequest = params.some(
        (name) =>
          j(options as never)
            .find(j.Identifier, { name })
            .size() > 0,
      );
      if (!usesRequest && options.type === "Identifier") return options;
      if (!usesRequest) return { type: "ArrowFunctionExpression", lazy: options } as unknown as Node;
    }
    // Options built per request, guards before NextAuth: v5's lazy initialisation.
    return (
      lazyRoute(parsed, declaration, nextAuth, style) ??
      "advanced initialization (a handler that does more than `return NextAuth(req, res, options)` after its checks): move its logic into NextAuth((req) => config) in auth.ts by hand"
    );
  }
  return "the default export is not NextAuth(...): write auth.ts by hand";
}

function isLazyRoute(config: Node | LazyRoute): config is LazyRoute {
  return typeof (config as LazyRoute).config === "string";
}

/** The 1-based line of the first match of `re` in `source` (1 when none). */
function lineAt(source: string, re: RegExp): number {
  const at = source.search(re);
  return at < 0 ? 1 : source.slice(0, at).split("\n").length;
}

/**
 * The code to write for a Pages route that calls no NextAuth itself (it composes a v4 handler made
 * elsewhere with others): v5's exports in the auth module, the route mounting them. The options are
 * the person's to name: the codemod did not find the NextAuth call that takes them.
 */
function handlerTemplate(project: Project, file: string, source: string): string {
  const semi = usesSemicolons(source) ? ";" : "";
  const q = quoteOf(source);
  const ext = path.extname(file).replace(/x$/, "");
  const authFile = project.has(project.authModule) ?? project.authModule + ext;
  const routeFile = project.appRouteFor(file, ext);
  const authSource = `import NextAuth from ${q}next-auth${q}${semi}\n${bridgeImport(q, semi)}\n// config: the options your v4 handler passes to NextAuth; built per request, they become \`async (req) => config\` (MIGRATION.md step 6)\nexport const { handlers, auth, signIn, signOut } = withLegacyV4(NextAuth)(config)${semi}\n`;
  const routeSource = `import { handlers } from ${q}${project.importSpecifier(routeFile, project.authModule)}${q}${semi}\n\n// What ${file} does besides NextAuth (a method guard, another handler it combines) wraps GET and POST here.\nexport const { GET, POST } = handlers${semi}\n`;
  return `The code to write: this in ${authFile}, in place of the v4 handler ${file} calls (and its NextAuth(req, res, options) call); then delete ${file}, copy the session bridge (the codemod's templates/legacy-v4-session.ts) beside ${authFile}, set next-auth to 5.0.0-beta.32, and run again:\n${codeBlock(authFile, authSource)}\n${codeBlock(routeFile, routeSource)}`;
}

/**
 * What a Pages route that calls no NextAuth does instead (rallly: `composeApiHandlers(AuthApiRoute,
 * posthogApiHandler)(req, res)` after a HEAD answer), for the refusal to say why it is the app's
 * to decide: the functions it calls, and where one of its project's modules calls
 * `NextAuth(req, res, options)`, how those options are built and where they read the request.
 */
function composedHandler(project: Project, parsed: Parsed, file: string): string | undefined {
  const { source } = parsed;
  const called = new Set(
    parsed.root
      .find(parsed.j.Identifier)
      .nodes()
      .map((n) => n.name),
  );
  const inProject: string[] = [];
  const other: string[] = [];
  const notes: string[] = [];
  for (const d of topImports(parsed).nodes()) {
    if (d.importKind === "type") continue;
    const spec = String(d.source.value);
    const target = project.resolve(file, spec);
    const moduleFile = target === undefined ? undefined : project.has(target);
    for (const sp of d.specifiers ?? []) {
      const local = localName(sp);
      if ((sp as Node).importKind === "type" || !called.has(local) || references(parsed, local).size() === 0) continue;
      const note = moduleFile
        ? nextAuthCallIn(project, moduleFile, sp.type === "ImportSpecifier" ? importedName(sp) : "")
        : undefined;
      if (note) {
        inProject.push(`\`${local}\` (${spec})`);
        notes.push(note);
      } else other.push(`\`${local}\` (${spec})`);
    }
  }
  if (!inProject.length && !other.length) return undefined;
  const guard = /\breq\.method\b/.test(source) ? ", and answers by req.method itself" : "";
  return `: the route calls ${[...inProject, ...other].join(", ")} instead${guard}${notes.length ? `; ${notes.join("; ")}` : ""}${other.length ? `; ${other.map((o) => o.split(" ")[0]).join(", ")} ${other.length === 1 ? "runs" : "run"} on the Pages route's req and res, which v5's GET and POST do not have (they take a Web Request)` : ""}. How v5's GET and POST carry that is the app's to decide`;
}

/**
 * Where `module`'s export `name` calls `NextAuth(req, res, options)`: the call, how the options
 * are built, and where that builder reads the request inside the options (`getServerSession(...args)`
 * in a callback), which v5's lazy config, given a Web Request or none, cannot pass on.
 */
function nextAuthCallIn(project: Project, moduleFile: string, name: string): string | undefined {
  const text = project.read(moduleFile);
  if (!text || !name || !/\bNextAuth\b/.test(text)) return undefined;
  let parsed: Parsed;
  try {
    parsed = parseForReading(moduleFile, text);
  } catch {
    return undefined;
  }
  const { j, root } = parsed;
  const nextAuth = nextAuthImport(parsed);
  if (!nextAuth) return undefined;
  const code = (n: Node) => text.slice(range(n).start, range(n).end);
  const program = root.find(j.Program).get().node as { body: Node[] };
  const declarations = program.body.map((st) => (st.type === "ExportNamedDeclaration" ? st.declaration : st));
  const fnOf = (fnName: string): Node | undefined => {
    for (const d of declarations) {
      if (d?.type === "FunctionDeclaration" && d.id?.name === fnName) return d;
      if (d?.type === "VariableDeclaration")
        for (const v of d.declarations)
          if (v.id.type === "Identifier" && v.id.name === fnName && /Function/.test(v.init?.type ?? "")) return v.init;
    }
    return undefined;
  };
  const handler = fnOf(name);
  if (!handler) return undefined;
  const call = j(handler)
    .find(j.CallExpression, { callee: { type: "Identifier", name: localName(nextAuth) } })
    .nodes()
    .find((c) => c.arguments.length === 3);
  if (!call) return undefined;
  const options = call.arguments[2];
  let built = "";
  let reads = "";
  if (options.type === "Identifier") {
    const declarator = j(handler)
      .find(j.VariableDeclarator, { id: { type: "Identifier", name: options.name } })
      .nodes()[0];
    const init = declarator?.init;
    if (init) built = `, \`${code(declarator)}\``;
    const builder =
      init?.type === "CallExpression" && init.callee.type === "Identifier" ? fnOf(init.callee.name) : undefined;
    if (builder) {
      // The builder's parameters read inside the options' own functions (callbacks, an adapter's hooks).
      const params = (builder.params as Node[]).map((p) => (p.type === "RestElement" ? p.argument.name : p.name));
      const inner = j(builder.body)
        .find(j.Identifier)
        .filter((p) => params.includes(p.node.name) && p.parent?.node.type !== "MemberExpression")
        .filter((p) => {
          for (let q = p.parent; q && q.node !== builder; q = q.parent)
            if (/Function|ObjectMethod/.test(q.node.type)) return true;
          return false;
        })
        .paths()
        .map((p) => {
          let q = p.parent;
          while (q && q.node.type !== "CallExpression") q = q.parent;
          return q
            ? `\`${code(q.node)}\` at ${moduleFile}:${lineOf(q.node, text)}`
            : `${moduleFile}:${lineOf(p.node, text)}`;
        });
      if (inner.length)
        reads = `; the options read v4's (req, res) inside their own functions (${[...new Set(inner)].join(", ")}), which v5's lazy config, given a Web Request or none, cannot pass on`;
    }
  }
  return `${name} (${moduleFile}:${lineOf(call, text)}) calls \`${code(call)}\`${built}: options built per request${reads}`;
}

/**
 * The code to write when a shared package calls getServerSession: NextAuth in that package (v5's
 * auth() there, which its callers and the apps import), the app's route mounting its handlers.
 * `caller` is the package file, `callerSource` its v4 text; paths are the repository's.
 */
export function sharedPackageCode(
  pkg: { dir: string; name: string | undefined },
  caller: string,
  callerSource: string,
  app: { dir: string; project: Project } | undefined,
): string {
  const semi = usesSemicolons(callerSource) ? ";" : "";
  const q = quoteOf(callerSource);
  // NextAuth goes into the caller, beside or importing the options it gives getServerSession: no
  // module of the package imports it back, so no cycle (v5's T3 layout when the options are there).
  const given = callerSource.match(/\w*getServerSession\w*\s*\(([^()]*(?:\([^()]*\))?)\)/i)?.[1];
  const last = given?.split(",").pop()?.trim() ?? "";
  // An identifier or a call without arguments (`authOptions()`); anything else is the person's to name.
  const options = /^[\w$.]+(?:\(\))?$/.test(last) ? last : "config";
  const authSource = `import NextAuth from ${q}next-auth${q}${semi}\n${bridgeImport(q, semi)}\n// ${options}: what this module gives getServerSession; its getServerSession(…) calls become auth(…)\nexport const { handlers, auth, signIn, signOut } = withLegacyV4(NextAuth)(${options})${semi}\n`;
  const blocks = [codeBlock(caller, authSource)];
  let routeNote = "";
  if (app) {
    const route = app.project.routeFile;
    const appRoute =
      route && /\/route\.[cm]?[jt]sx?$/.test(route) ? route : app.project.appRouteFor(route ?? "", ".ts");
    if (route && route !== appRoute) routeNote = `, delete ${app.dir ? `${app.dir}/` : ""}${route}`;
    // The package's name, with the caller's path in it unless the caller is its index.
    const inPackage = caller.slice(pkg.dir ? pkg.dir.length + 1 : 0).replace(/(^|\/)?(?:index)?\.[cm]?[jt]sx?$/, "");
    const from = pkg.name
      ? `${pkg.name}${inPackage ? `/${inPackage}` : ""}`
      : path.posix.relative(path.posix.dirname(`${app.dir}/${appRoute}`), caller.replace(/\.[cm]?[jt]sx?$/, ""));
    blocks.push(
      codeBlock(
        `${app.dir ? `${app.dir}/` : ""}${appRoute}`,
        `import { handlers } from ${q}${from}${q}${semi}\n\nexport const { GET, POST } = handlers${semi}\n`,
      ),
    );
  }
  return `The code to write: add this to ${caller} (the app's route and the package's callers import from it); then${routeNote ? `${routeNote.slice(1)},` : ""} copy the session bridge (the codemod's templates/legacy-v4-session.ts) beside ${caller}, set next-auth to 5.0.0-beta.32, and run again:\n${blocks.join("\n")}`;
}

/** Code for a person to write, fenced, indented to stay inside a to-do list item. */
function codeBlock(file: string, code: string): string {
  const lang = /\.[cm]?ts$/.test(file) ? "ts" : "js";
  return ["```" + lang, `// ${file}`, ...code.trim().split("\n"), "```"].map((l) => (l ? `  ${l}` : l)).join("\n");
}

function isV4Helper(project: Project, file: string): boolean {
  return project.read(file)?.includes(V4_HELPER_MARKER) ?? false;
}

/**
 * Step 6: callers of an auth module's v4 helper `auth` (Project.authHelper) that pass a page's
 * `ctx.req, ctx.res`: v5's auth() takes them typed as an API route's request and response, and
 * the context whole (it reads only ctx.req and ctx.res), so `auth(ctx.req, ctx.res)` → `auth(ctx)`.
 */
export const helperCallers: Transform = {
  name: "helper-callers",
  step: 6,
  kind: "source",
  run(input: TransformInput): TransformResult {
    const { file, source, project } = input;
    const helper = project.authHelper;
    if (!helper || file === helper.file || !/\bauth\b/.test(source) || !/\breq\b/.test(source)) return { findings: [] };
    const parsed = parseInput(input);
    const locals = topImports(parsed)
      .nodes()
      .filter((d) => project.resolve(file, String(d.source.value)) === stripExt(helper.file))
      .flatMap((d) => d.specifiers ?? [])
      .filter((sp) => sp.type === "ImportSpecifier" && importedName(sp) === "auth")
      .map((sp) => localName(sp));
    if (!locals.length) return { findings: [] };
    const target = project.optionsBesideHelper ?? helperOptionsModule(project);
    if (!target || !replacesHelper(project, target) || besideConflict(project, target)) return { findings: [] };
    const code = (n: Node) => source.slice(range(n).start, range(n).end);
    const owner = (n: Node, prop: string) =>
      n.type === "MemberExpression" && !n.computed && n.property.type === "Identifier" && n.property.name === prop
        ? n.object
        : undefined;
    const edits: { start: number; end: number; text: string }[] = [];
    const contextType = contextTypeImport(parsed, edits);
    const findings: Finding[] = [];
    for (const local of locals)
      references(parsed, local).forEach((p) => {
        const call = p.parent?.node;
        if (call?.type !== "CallExpression" || call.callee !== p.node || call.arguments.length !== 2) return;
        const args: Node[] = call.arguments;
        const [req, res] = [owner(args[0], "req"), owner(args[1], "res")];
        // `{ req, res }` destructured from a page's context: the context, typed as one (v4's helper took it too).
        const context =
          req && res
            ? code(req) === code(res)
              ? (contextCast(parsed, p, req) ?? code(req))
              : undefined
            : isTypeScript(file)
              ? destructuredContext(parsed, p, args, contextType)
              : undefined;
        if (!context) return;
        edits.push({ start: range(args[0]).start, end: range(args[1]).end, text: context });
        findings.push({
          step: 6,
          file,
          line: lineOf(call, source),
          kind: "auth-call",
          action: "rewrite",
          message: `${local}(${code(args[0])}, ${code(args[1])}) → ${local}(${context}): v5's auth() takes a page's context whole`,
        });
      });
    return { source: edits.length ? applyEdits(source, edits) : undefined, findings };
  },
};

/** What an App Router route exports for Next to call (v4's `handler as GET`, v5's `handlers`' GET). */
const ROUTE_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"]);

/**
 * Step 6 (and a step-1 finding in scan): files that import from the Pages route file, usually
 * `authOptions`. After the switch the options live in the auth module: re-point the import.
 * Importing only an App Router route's methods (`import { GET } from ".../route"`) stays: the
 * route exports them on v4 and on v5, and the auth module never does.
 */
export const routeImporters: Transform = {
  name: "route-importers",
  step: 6,
  kind: "source",
  run(input: TransformInput): TransformResult {
    const { file, source, project } = input;
    const route = project.routeFile;
    if (!route || file === route || !source.includes("nextauth]")) return { findings: [] };
    const parsed = parseInput(input);
    const findings: Finding[] = [];
    const edits: { start: number; end: number; text: string }[] = [];
    const target = route.replace(/\.[^.]+$/, "");
    const appRoute = /\/route\.[cm]?[jt]sx?$/.test(route);
    topImports(parsed).forEach((p) => {
      if (project.resolve(file, String(p.node.source.value)) !== target) return;
      const specifiers = p.node.specifiers ?? [];
      const methodsOnly =
        specifiers.length > 0 &&
        specifiers.every((sp) => sp.type === "ImportSpecifier" && ROUTE_METHODS.has(importedName(sp)));
      if (appRoute && methodsOnly) return;
      const line = lineOf(p.node, source);
      findings.push({
        step: 1,
        file,
        line,
        kind: "route-import",
        action: "todo",
        message: "imports from the Pages API route file: keep the options in one auth module (MIGRATION.md step 1)",
      });
      // As text: the rest of the file keeps its formatting, and the shared tree stays as parsed.
      const quote = source[range(p.node.source).start];
      edits.push({
        ...range(p.node.source),
        text: `${quote}${project.authImport(file)}${quote}`,
      });
      findings.push({
        step: 6,
        file,
        line,
        kind: "route-import",
        action: "rewrite",
        message: `import from ${route} → the auth module`,
      });
    });
    return { source: edits.length ? applyEdits(source, edits) : undefined, findings };
  },
};

/**
 * Step 2 without step 6: call sites now import `auth` from the root module, which does not exist
 * on v4 yet. Write a v4 helper with v5's signatures there (step 6 replaces it).
 */
export function v4Helper(project: Project, options: OptionsOrigin): FileChange {
  const ts = project.typescript;
  const file = project.authModule + (ts ? ".ts" : ".js");
  const fn = options.code.match(/^(\w+)/)?.[1] ?? options.code;
  const importLine = options.imported
    ? options.imported.name === "default"
      ? `import ${fn} from "${project.importSpecifier(file, options.imported.module)}";\n`
      : `import { ${options.imported.name === fn ? fn : `${options.imported.name} as ${fn}`} } from "${project.importSpecifier(file, options.imported.module)}";\n`
    : "";
  const header = `// ${V4_HELPER_MARKER}: v5's auth() signatures on next-auth v4, so that call sites move\n// before the package does. Step 6 replaces this file with NextAuth(config).\n`;
  const body = ts
    ? `import type { GetServerSidePropsContext, NextApiRequest, NextApiResponse } from "next";
import { getServerSession } from "next-auth";
${importLine}
type Context = Pick<GetServerSidePropsContext, "req" | "res">;

/** auth(ctx) in getServerSideProps, auth(req, res) in API routes, auth() in the App Router. */
export function auth(...args: [] | [Context] | [Context["req"] | NextApiRequest, Context["res"] | NextApiResponse]) {
  if (args.length === 0) return getServerSession(${options.code});
  const [req, res] = args.length === 1 ? [args[0].req, args[0].res] : args;
  return getServerSession(req, res, ${options.code});
}
`
    : `import { getServerSession } from "next-auth";
${importLine}
/** auth(ctx) in getServerSideProps, auth(req, res) in API routes, auth() in the App Router. */
export function auth(...args) {
  if (args.length === 0) return getServerSession(${options.code});
  const [req, res] = args.length === 1 ? [args[0].req, args[0].res] : args;
  return getServerSession(req, res, ${options.code});
}
`;
  return { path: file, source: header + body };
}

/** The finding that says where the session bridge was written and which auth module wraps NextAuth in it. */
function bridgeWritten(bridgeFile: string, authFile: string): Finding {
  return {
    step: 6,
    file: bridgeFile,
    line: 1,
    kind: "session-bridge",
    action: "rewrite",
    message: `written, wired into ${path.posix.basename(authFile)} beside it: ${BRIDGE_NOTE}`,
  };
}
