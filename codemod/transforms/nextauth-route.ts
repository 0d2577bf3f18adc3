import path from "node:path";
import {
  applyEdits,
  dropUnusedImports,
  lineOf,
  localName,
  parseInput,
  quoteOf,
  range,
  topImports,
  importedName,
  isTypeScript,
  usesSemicolons,
  type Parsed,
  Node,
} from "../lib/ast";
import type { Project } from "../lib/project";
import type { Finding, FileChange, OptionsOrigin, Transform, TransformInput, TransformResult } from "../lib/types";
import { BRIDGE_MARKER, BRIDGE_NOTE, bridgeImport, bridgeModule } from "./legacy-bridge";
import { lazyAppRoute, lazyRoute, type LazyRoute } from "./lazy-config";

type LazyStyle = Parameters<typeof lazyRoute>[3];

/** Marks the v4 helper that step 2 writes, so that step 6 may replace it. */
export const V4_HELPER_MARKER = "Written by next-auth-v5-codemod (step 2)";

const NEXT_CONFIGS = ["next.config.js", "next.config.mjs", "next.config.cjs", "next.config.ts"];
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
    const { file, source, project } = input;
    const beside = project.optionsBesideHelper;
    if (beside && file === beside.file) return authBesideOptions(input, beside);
    if (file !== project.routeFile) return { findings: [] };
    // `export { authHandler as GET, authHandler as POST }` of a handler made beside the options.
    if (beside?.handler) return routeBesideOptions(input, beside, lineAt(source, /^export\b/m), true);
    const parsed = parseInput(input);
    const { j, root } = parsed;
    const findings: Finding[] = [];
    const todo = (line: number, kind: string, message: string) =>
      findings.push({ step: 6, file, line, kind, message, action: "todo" });

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
        `no \`export default NextAuth(...)\` found: write auth.ts and app/api/auth/[...nextauth]/route.ts by hand.\n${handlerTemplate(project, file, source)}`,
      );
      return { findings };
    }
    // The file's own style: a statement-ending semicolon only where the file writes one.
    const semi = usesSemicolons(source) ? ";" : "";
    const q = quoteOf(source);
    const style = { typescript: isTypeScript(file), semi, q, project, file };
    const found = appRoute
      ? appRouterHandler(parsed, nextAuthLocal, style)
      : pagesHandler(parsed, nextAuthLocal, style);
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
    if (beside && config.type === "Identifier" && importedFrom(parsed, config.name, project, file) === beside) {
      return routeBesideOptions(input, beside, line, appRoute);
    }
    const existing = project.has(project.authModule);

    // auth.ts is this file (as text), with the default export replaced and relative imports re-pathed.
    const ext = path.extname(file).replace(/x$/, "");
    const authFile = project.authModule + ext;
    const slice = (n: unknown) => source.slice(range(n).start, range(n).end);
    const lazy = isLazyRoute(config) ? config : undefined;
    // A route mounted away from /api/auth keeps its path: v5 reads it as basePath.
    const basePath = project.basePath;
    const withBasePath = (text: string) => {
      if (!basePath || !text.startsWith("{")) return text;
      const indent = text.match(/^\{\n([ \t]*)\S/)?.[1];
      const entry = `basePath: ${q}${basePath}${q},`;
      return indent === undefined ? `{ ${entry}${text.slice(1)}` : `{\n${indent}${entry}${text.slice(1)}`;
    };
    const lazyOptions = (config as { lazy?: Node }).lazy;
    const configText = lazy
      ? lazy.config
      : (config as Node).type === "ArrowFunctionExpression" && lazyOptions
        ? `() => ${lazyOptions.type === "ObjectExpression" ? `(${withBasePath(slice(lazyOptions))})` : slice(lazyOptions)}`
        : withBasePath(slice(config));
    if (basePath && !/^(?:\(\) => \()?\{\s*basePath: /.test(configText)) {
      todo(
        line,
        "nextauth-route",
        `the route is mounted at ${basePath}, not /api/auth: v5 needs \`basePath: "${basePath}"\` in the config, which the codemod writes only into an options object written in the route. Add it to the options by hand, or move them into the route, then run again`,
      );
      return { findings };
    }
    // withLegacyV4: the session bridge (./legacy-v4-session, written below) keeps v4 cookies signed in.
    const nextAuthLine = `export const { handlers, auth, signIn, signOut } = withLegacyV4(${nextAuthLocal})(${configText})${semi}`;
    const edits = [{ ...range(replace), text: nextAuthLine + (lazy?.helpers ? `\n${lazy.helpers.trimEnd()}` : "") }];
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
    const guardImports = lazy?.guards
      ? root
          .find(j.ImportDeclaration)
          .nodes()
          .filter((d) =>
            (d.specifiers ?? []).some((sp) => new RegExp(`\\b${localName(sp)}\\b`).test(lazy.guards!.code)),
          )
          .map((d) => {
            const spec = String(d.source.value);
            const target = spec.startsWith(".") ? project.resolve(file, spec) : undefined;
            const text = slice(d);
            return target === undefined
              ? text
              : text.replace(slice(d.source), `${q}${project.importSpecifier(routeFile, target)}${q}`);
          })
          .map((text) => `${text}\n`)
          .join("")
      : "";
    const routeSource = appRoute
      ? `import { handlers } from ${q}${project.importSpecifier(routeFile, project.authModule)}${q}${semi}\n\n${segmentConfig.map((n) => `${slice(n)}\n\n`).join("")}export const { GET, POST } = handlers${semi}\n`
      : dropUnusedImports(
          routeFile,
          `${lazy?.guards?.imports ?? ""}import { ${["handlers", ...(lazy?.authImports ?? [])].join(", ")} } from ${q}${project.importSpecifier(routeFile, project.authModule)}${q}${semi}\n${guardImports}\n// Auth.js v5 has no Pages API handler: its endpoints live here; everything else stays in pages/.\n${lazy?.guards?.code ?? `export const { GET, POST } = handlers${semi}\n`}`,
        );
    if (existing && !isV4Helper(project, existing)) {
      // A second, App Router route already there (beside the Pages one) gives way to v5's.
      const otherRoute = appRoute ? undefined : project.has(routeFile.replace(/\.[cm]?[jt]sx?$/, ""));
      todo(
        line,
        "nextauth-route",
        `${existing} already exists: add \`export const { handlers, auth, signIn, signOut } = NextAuth(config)\` to it by hand.\nThe code to write: merge this into ${existing} (in place of its own session helper: v5's \`auth\` is it; its other importers then import \`auth\`, \`signIn\`, \`signOut\` from it); then ${appRoute ? `replace ${file} with the route below` : `delete ${file}${otherRoute ? ` and replace ${otherRoute} with the route below` : ""}`}, copy the session bridge (the codemod's templates/legacy-v4-session.ts) beside ${existing}, set next-auth to 5.0.0-beta.32, and run again:\n${codeBlock(authFile, authSource)}\n${codeBlock(routeFile, routeSource)}`,
      );
      return { findings };
    }
    if (lazy?.problems.length) {
      todo(
        line,
        "nextauth-route",
        `advanced initialization: ${lazy.problems.join("; ")}.\nThe code to write, with those lines changed by hand; then delete ${file}, copy the session bridge (the codemod's templates/legacy-v4-session.ts) beside ${authFile}, set next-auth to 5.0.0-beta.32, and run again:\n${codeBlock(authFile, authSource)}\n${codeBlock(routeFile, routeSource)}`,
      );
      return { findings };
    }
    const bridge = bridgeModule(project, ext);
    const ownBridge = project.has(bridge.path.replace(/\.[cm]?[jt]s$/, ""));
    if (ownBridge && !project.read(ownBridge)?.includes(BRIDGE_MARKER)) {
      todo(
        line,
        "nextauth-route",
        `${ownBridge} already exists and is not the codemod's session bridge: rename it, then run again (or do MIGRATION.md step 6 by hand)`,
      );
      return { findings };
    }
    findings.push(bridgeWritten(bridge.path, authFile));
    if (appRoute) {
      findings.push({
        step: 6,
        file,
        line,
        kind: "nextauth-route",
        action: "rewrite",
        message: `NextAuth(…) route handler → ${authFile}; ${file} exports its handlers`,
      });
      return { findings, source: routeSource, create: [{ path: authFile, source: authSource }, bridge] };
    }
    findings.push({
      step: 6,
      file,
      line,
      kind: "nextauth-route",
      action: "rewrite",
      message: `export default NextAuth(…) → ${authFile} + ${routeFile}; ${file} deleted`,
    });
    const transpile = transpileTodo(project, file);
    if (transpile) findings.push(transpile);
    return {
      findings,
      create: [{ path: authFile, source: authSource }, { path: routeFile, source: routeSource }, bridge],
      remove: true,
    };
  },
};

type Beside = NonNullable<Project["optionsBesideHelper"]>;

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

const AUTH_EXPORTS = ["handlers", "auth", "signIn", "signOut"];

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
  const declared = AUTH_EXPORTS.filter((name) =>
    new RegExp(
      `^(?:export\\s+)?(?:(?:async\\s+)?function\\*?|const|let|var|class)\\s+${name}\\b|^import[^;]*\\b${name}\\b[^;]*from`,
      "m",
    ).test(text),
  );
  if (!declared.length) return undefined;
  return `${beside.file} already exists and already defines ${declared.map((n) => `\`${n}\``).join(", ")}: rename ${declared.length === 1 ? "it" : "them"}, then run again, or add \`export const { handlers, auth, signIn, signOut } = NextAuth(${beside.name})\` to it by hand`;
}

/**
 * The route of an app whose options module also holds the session helper (create-t3-app's
 * `src/server/auth.ts`): that module becomes the auth module (see authBesideOptions), and the
 * route only mounts its handlers.
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
  const routeSource =
    `import { handlers } from ${q}${project.importSpecifier(routeFile, beside.module)}${q}${semi}\n\n` +
    (appRoute
      ? ""
      : "// Auth.js v5 has no Pages API handler: its endpoints live here; everything else stays in pages/.\n") +
    `export const { GET, POST } = handlers${semi}\n`;
  findings.push(bridgeWritten(bridge.path, beside.file));
  findings.push({
    step: 6,
    file,
    line,
    kind: "nextauth-route",
    action: "rewrite",
    message: `NextAuth(${beside.name}) → ${beside.file}, beside the options and the session helper (v5's T3 layout: no module imports it back); ${
      appRoute ? `${file} exports its handlers` : `${routeFile} exports its handlers; ${file} deleted`
    }`,
  });
  if (appRoute) return { findings, source: routeSource, create: [bridge] };
  const transpile = transpileTodo(project, file);
  if (transpile) findings.push(transpile);
  return { findings, create: [{ path: routeFile, source: routeSource }, bridge], remove: true };
}

/**
 * The options module beside the session helper: `export const { handlers, auth, signIn, signOut }
 * = withLegacyV4(NextAuth)(authOptions)` right after the options, as v5's T3 template has it; the
 * helper (rewritten to auth() by step 2) reads the auth that this module now exports.
 */
function authBesideOptions(input: TransformInput, beside: Beside): TransformResult {
  const { file, source, project } = input;
  if (!project.routeFile || besideConflict(project, beside)) return { findings: [] };
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
  const q = quoteOf(source);
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
 * A Pages Router app on v5 whose Next config does not transpile next-auth: found again on an
 * applied tree (package.json). `movedRoute`, the Pages route this run moves to app/, is no page.
 */
export function transpileTodo(project: Project, movedRoute?: string): Finding | undefined {
  if (!project.files.some((f) => /^(src\/)?pages\//.test(f) && f !== movedRoute)) return undefined;
  const nextConfig = NEXT_CONFIGS.find((name) => project.read(name) !== null);
  if (/transpilePackages[^\]]*["']next-auth["']/.test(nextConfig ? project.read(nextConfig)! : "")) return undefined;
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
  return { replace: node, remove: [], config: configExpression(parsed, node.declaration, nextAuth, style) };
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
 * Step 6 (and a step-1 finding in scan): files that import from the Pages route file, usually
 * `authOptions`. After the switch the options live in the auth module: re-point the import.
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
    topImports(parsed).forEach((p) => {
      if (project.resolve(file, String(p.node.source.value)) !== target) return;
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
        text: `${quote}${project.importSpecifier(file, project.authModule)}${quote}`,
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
