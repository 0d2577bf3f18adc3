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
  usesSemicolons,
  type Parsed,
  Node,
} from "../lib/ast";
import type { Project } from "../lib/project";
import type { Finding, FileChange, OptionsOrigin, Transform, TransformInput, TransformResult } from "../lib/types";
import { BRIDGE_MARKER, BRIDGE_NOTE, bridgeImport, bridgeModule } from "./legacy-bridge";

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
    if (file !== project.routeFile) return { findings: [] };
    const parsed = parseInput(input);
    const { j, root } = parsed;
    const findings: Finding[] = [];
    const todo = (line: number, kind: string, message: string) =>
      findings.push({ step: 6, file, line, kind, message, action: "todo" });

    const nextAuthLocal = root
      .find(j.ImportDeclaration, { source: { value: "next-auth" } })
      .nodes()
      .flatMap((d) => d.specifiers ?? [])
      .map((s) => (s.type === "ImportDefaultSpecifier" ? localName(s) : ""))
      .find(Boolean);
    const appRoute = /\/route\.[cm]?[jt]sx?$/.test(file);
    // An App Router route without v4's NextAuth import is v5's already (or not next-auth's).
    if (!nextAuthLocal && appRoute) return { findings };
    if (!nextAuthLocal) {
      todo(
        1,
        "nextauth-route",
        "no `export default NextAuth(...)` found: write auth.ts and app/api/auth/[...nextauth]/route.ts by hand",
      );
      return { findings };
    }
    const found = appRoute ? appRouterHandler(parsed, nextAuthLocal) : pagesHandler(parsed, nextAuthLocal);
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
    const existing = project.has(project.authModule);
    if (existing && !isV4Helper(project, existing)) {
      todo(
        line,
        "nextauth-route",
        `${existing} already exists: add \`export const { handlers, auth, signIn, signOut } = NextAuth(config)\` to it by hand`,
      );
      return { findings };
    }

    // auth.ts is this file (as text), with the default export replaced and relative imports re-pathed.
    const ext = path.extname(file).replace(/x$/, "");
    const authFile = project.authModule + ext;
    const slice = (n: unknown) => source.slice(range(n).start, range(n).end);
    const configText =
      config.type === "ArrowFunctionExpression" && (config as { lazy?: Node }).lazy
        ? `() => ${slice((config as { lazy?: Node }).lazy)}`
        : slice(config);
    // The file's own style: a statement-ending semicolon only where the file writes one.
    const semi = usesSemicolons(source) ? ";" : "";
    const q = quoteOf(source);
    // withLegacyV4: the session bridge (./legacy-v4-session, written below) keeps v4 cookies signed in.
    const edits = [
      {
        ...range(replace),
        text: `export const { handlers, auth, signIn, signOut } = withLegacyV4(${nextAuthLocal})(${configText})${semi}`,
      },
    ];
    for (const node of removeNodes) edits.push({ ...range(node), text: "" });
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
    const routeFile = appRoute ? file : `${project.appDir}/api/auth/[...nextauth]/route${ext}`;
    const routeSource = appRoute
      ? `import { handlers } from ${q}${project.importSpecifier(routeFile, project.authModule)}${q}${semi}\n\nexport const { GET, POST } = handlers${semi}\n`
      : `import { handlers } from ${q}${project.importSpecifier(routeFile, project.authModule)}${q}${semi}\n\n// Auth.js v5 has no Pages API handler: its endpoints live here; everything else stays in pages/.\nexport const { GET, POST } = handlers${semi}\n`;
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
    findings.push({
      step: 6,
      file: bridge.path,
      line: 1,
      kind: "session-bridge",
      action: "rewrite",
      message: `written, wired into ${path.posix.basename(authFile)} beside it: ${BRIDGE_NOTE}`,
    });
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
  config: Node | string;
}

/** Pages: `export default NextAuth(options)` or a handler around `NextAuth(req, res, options)`. */
function pagesHandler(parsed: Parsed, nextAuth: string): Handler | string {
  const exported = parsed.root.find(parsed.j.ExportDefaultDeclaration);
  if (exported.size() !== 1)
    return "no `export default NextAuth(...)` found: write auth.ts and app/api/auth/[...nextauth]/route.ts by hand";
  const node = exported.get().node;
  return { replace: node, remove: [], config: configExpression(parsed, node.declaration, nextAuth) };
}

/** App Router (v4): `const handler = NextAuth(options); export { handler as GET, handler as POST }`. */
function appRouterHandler(parsed: Parsed, nextAuth: string): Handler | string {
  const { j, root } = parsed;
  const program = root.find(j.Program).get().node as { body: Node[] };
  for (const statement of program.body) {
    const declaration = statement.type === "ExportNamedDeclaration" ? statement.declaration : statement;
    if (declaration?.type !== "VariableDeclaration" || declaration.declarations.length !== 1) continue;
    const declarator = declaration.declarations[0];
    if (
      declarator.id.type !== "Identifier" ||
      declarator.init?.type !== "CallExpression" ||
      declarator.init.callee.type !== "Identifier" ||
      declarator.init.callee.name !== nextAuth
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
    const args = declarator.init.arguments;
    const config =
      args.length === 1 && args[0].type !== "SpreadElement"
        ? args[0]
        : "NextAuth called with an unexpected argument list: write auth.ts by hand";
    return { replace: statement, remove: reexports, config };
  }
  return "no `const handler = NextAuth(options); export { handler as GET, handler as POST }` found: write auth.ts and the route's `export const { GET, POST } = handlers` by hand";
}

/** The config argument for v5's NextAuth(), or why there is none. */
function configExpression({ j }: Parsed, declaration: Node, nextAuth: string): Node | string {
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
      if (usesRequest)
        return "advanced initialization reads the request: move that logic into NextAuth((req) => config) in auth.ts by hand";
      if (options.type === "Identifier") return options;
      return { type: "ArrowFunctionExpression", lazy: options } as unknown as Node;
    }
    return "advanced initialization (a handler around NextAuth(req, res, options)): move its logic into NextAuth((req) => config) in auth.ts by hand";
  }
  return "the default export is not NextAuth(...): write auth.ts by hand";
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
