import type { ASTPath, CallExpression, Collection, ImportDeclaration } from "jscodeshift";
import {
  applyEdits,
  freeName,
  identifiersNamed,
  importsFrom,
  isTypeScript,
  lineOf,
  namedImports,
  parseInput,
  quoteOf,
  range,
  references,
  topImports,
  usesSemicolons,
  type Parsed,
  importedName,
  localName,
  type Node,
  specifierRemovals,
} from "../lib/ast";
import { findV4AuthHelper, inHelper, V4_HELPER_MARKER } from "../lib/auth-helper";
import type { Finding, OptionsOrigin, Transform, TransformInput, TransformResult } from "../lib/types";

type Edit = { start: number; end: number; text: string };

/**
 * Step 2. `getServerSession(...)` / `unstable_getServerSession(...)` from "next-auth" or
 * "next-auth/next" become v5's `auth(...)`:
 *   (ctx.req, ctx.res, options) → auth(ctx)       getServerSideProps
 *   (req, res, options)         → auth(req, res)  API routes, and `{ req, res }` destructured
 *   (options), ()               → auth()          App Router only
 *   (ctx, options)              → auth(ctx)       next-auth 4.2
 *   ({ req, res }, options)     → auth(req, res)  next-auth 4.2 (as (req, res, options))
 * `auth` is imported from the root auth module (tsconfig `paths` alias or a relative path), and an
 * options import nothing else uses is removed, and so is a session function's import nothing uses.
 * Anything else is reported, not guessed.
 */
export const SESSION_SOURCES = ["next-auth", "next-auth/next"];
export const SESSION_FUNCTIONS = ["getServerSession", "unstable_getServerSession"];

export const serverSession: Transform = {
  name: "server-session",
  step: 2,
  kind: "source",
  run(input: TransformInput): TransformResult {
    const { file, source, project, context, steps } = input;
    if (!SESSION_FUNCTIONS.some((f) => source.includes(f)) || !/["']next-auth(\/next)?["']/.test(source))
      return { findings: [] };
    // The v4 helper step 2 wrote is getServerSession behind auth(): a second run of step 2 leaves it to step 6.
    if (source.includes(V4_HELPER_MARKER)) return { findings: [] };
    const parsed = parseInput(input);
    const findings: Finding[] = [];
    const report = (node: Node, kind: string, message: string, action: Finding["action"] = "todo") =>
      findings.push({ step: 2, file, line: lineOf(node, source), kind, message, action });

    const imports = SESSION_FUNCTIONS.flatMap((name) =>
      namedImports(parsed, SESSION_SOURCES, name).map((i) => ({ ...i, name })),
    );
    // A call left as it is keeps its import, which breaks the whole file in v5.
    const leftAsIs = (name: string, message: string) => `${message}. ${brokenImport(imports, name)}`;
    // CommonJS: `const { getServerSession } = require("next-auth")` is reported, not rewritten.
    if (source.includes("require"))
      for (const call of sessionRequires(parsed)) report(call, "getServerSession-require", REQUIRE_TODO);
    if (imports.length === 0) return { findings };
    const withoutUnused = withoutUnusedImports(parsed, imports, report);
    if (withoutUnused !== undefined) return { source: withoutUnused, findings };
    // The auth module's own v4 helper `auth` is v4's auth(): step 6 replaces it whole, with v5's.
    const helper = project.authHelper?.file === file ? findV4AuthHelper(parsed) : undefined;
    const ownCall = (node: Node) => !!helper && inHelper(helper, node);

    // The options module that also holds the session helper becomes the auth module in step 6
    // (NextAuth(config) beside the config): auth() exists there only once step 6 runs too.
    const beside = project.optionsBesideHelper ?? (project.sharedAuth && { file: project.sharedAuth.file });
    // In a shared package (or an app that uses one), v5's auth() lives in the package.
    const shared = project.sharedAuth
      ? "in this shared package"
      : project.authFrom
        ? "in the shared package"
        : undefined;
    const later = beside?.file ?? project.authFrom;
    if (later && !steps.has(6)) {
      const why = `v5's auth() will live in ${later}, ${shared ?? "beside the options"} (step 6 puts NextAuth(config) there): run step 2 together with step 6 (\`apply --step 2 --step 6\`, or \`--all\`)`;
      for (const call of sessionCalls(parsed, imports, ownCall))
        report(call, "getServerSession-call", leftAsIs((call.callee as { name: string }).name, why));
      return { findings };
    }
    // The auth module's own v4 helper `auth` gives way to v5's auth, declared in this very file.
    const ownHelper = project.authHelper?.file === file;
    const selfImport = (beside !== undefined && file === beside.file) || ownHelper;
    const inPages = /^(src\/)?pages\//.test(file);
    const authName =
      !ownHelper && (references(parsed, "auth").size() > 0 || namedImports(parsed, SESSION_SOURCES, "auth").length)
        ? freeName(parsed, "auth")
        : "auth";
    const optionNames = new Set<string>();
    const edits: { start: number; end: number; text: string }[] = [];
    const replaced: { start: number; end: number }[] = [];
    let rewrote = 0;
    // GetServerSidePropsContext's local name, imported from "next" once when a destructured context needs it.
    const contextType = contextTypeImport(parsed, edits);

    for (const imp of imports) {
      identifiersNamed(parsed, imp.local).forEach((p) => {
        const parent = p.parent.node;
        if (parent.type === "ImportSpecifier" || ownCall(p.node)) return;
        if (parent.type !== "CallExpression" || parent.callee !== p.node) {
          report(
            p.node,
            "getServerSession-reference",
            leftAsIs(imp.local, `${imp.local} is used as a value, not called: replace it with auth by hand`),
          );
          return;
        }
        const call = parent as CallExpression;
        const args = call.arguments;
        const replacement = rewriteArgs(parsed, call, inPages);
        if (typeof replacement === "string") {
          report(call, "getServerSession-call", leftAsIs(imp.local, replacement));
          return;
        }
        const options = args[args.length - 1];
        if (options?.type === "Identifier") optionNames.add(options.name);
        if (options) recordOptions(parsed, file, project, options, context.sessionOptions);
        const cast =
          replacement.length === 1
            ? contextCast(parsed, p, replacement[0])
            : isTypeScript(file) && replacement.length === 2
              ? (destructuredContext(parsed, p, replacement, contextType) ??
                pageRequestParams(parsed, p, replacement, contextType))
              : undefined;
        edits.push({
          ...range(call),
          text: `${authName}(${cast ?? replacement.map((a) => source.slice(range(a).start, range(a).end)).join(", ")})`,
        });
        replaced.push(range(call));
        report(
          call,
          "getServerSession-call",
          `${imp.name}(${args.length} arguments) → ${authName}(${replacement.length ? "…" : ""})`,
          "rewrite",
        );
        rewrote++;
      });
    }
    if (rewrote === 0) return { findings };

    // Text edits, not a reprint: the file keeps its quotes, semicolons and blank lines.
    edits.push(...importEdits(parsed, input, { imports, optionNames, replaced, authName, selfImport }));
    return { source: applyEdits(source, edits), findings };
  },
};

/** The calls of the imported session functions, the v4 helper's own calls aside. */
function sessionCalls(parsed: Parsed, imports: SessionImport[], ownCall: (node: Node) => boolean): CallExpression[] {
  const { j, root } = parsed;
  return root
    .find(j.CallExpression)
    .filter(
      (p) =>
        p.node.callee.type === "Identifier" &&
        imports.some((i) => i.local === (p.node.callee as { name: string }).name) &&
        !ownCall(p.node),
    )
    .nodes();
}

type SessionImport = { name: string; local: string; path: ASTPath<ImportDeclaration> };

/**
 * The file without its session functions' imports when it uses none of them (v5 exports no
 * getServerSession: the import alone fails the type check); undefined when it uses one.
 */
function withoutUnusedImports(
  parsed: Parsed,
  imports: SessionImport[],
  report: (node: Node, kind: string, message: string, action: Finding["action"]) => void,
): string | undefined {
  if (imports.some((i) => references(parsed, i.local).size() > 0)) return undefined;
  for (const i of imports)
    report(i.path.node, "getServerSession-import", `unused ${i.name} import removed: v5 has none`, "rewrite");
  return applyEdits(parsed.source, unusedImportRemovals(parsed, imports));
}

/** Edits taking the session functions out of their imports: a declaration left empty goes whole. */
function unusedImportRemovals({ source }: Parsed, imports: SessionImport[]) {
  const edits: Edit[] = [];
  for (const decl of new Set(imports.map((i) => i.path.node))) {
    const specifiers = decl.specifiers ?? [];
    const gone = specifiers.filter((sp) => imports.some((i) => i.path.node === decl && i.local === localName(sp)));
    if (gone.length < specifiers.length) {
      edits.push(...specifierRemovals(specifiers, gone));
      continue;
    }
    const { start, end } = range(decl);
    edits.push({
      start,
      end: source[end] === "\n" ? end + 1 : source.slice(end, end + 2) === "\r\n" ? end + 2 : end,
      text: "",
    });
  }
  return edits;
}

/** What a getServerSession left in place does to its file under v5: the import itself fails. */
function brokenImport(imports: { local: string; path: ASTPath<ImportDeclaration> }[], local: string): string {
  const from = imports.find((i) => i.local === local)?.path.node.source.value;
  return from === "next-auth/next"
    ? 'Until then the whole file fails: its import from "next-auth/next" throws in v5 (that module only throws), so every page or route that loads it errors'
    : "Until then the whole file fails: next-auth v5 does not export getServerSession (tsc: TS2305; at run time the call is of undefined)";
}

const REQUIRE_TODO =
  'require() of getServerSession: convert the file to ES imports, then run the codemod again. Until then the whole file fails: next-auth v5 has no getServerSession, and require("next-auth/next") throws';

/** The require() calls of next-auth that take a session function. */
function sessionRequires({ j, root, source }: Parsed): Node[] {
  return root
    .find(j.CallExpression, { callee: { type: "Identifier", name: "require" } })
    .filter(
      (p) =>
        SESSION_SOURCES.includes(String((p.node.arguments[0] as { value?: unknown })?.value)) &&
        SESSION_FUNCTIONS.some((f) => source.slice(range(p.parent.node).start, range(p.parent.node).end).includes(f)),
    )
    .nodes();
}

/** What the session calls' rewrite does to the imports. */
interface Rewritten {
  /** The session functions' imports. */
  imports: { local: string }[];
  /** The options' local names the calls passed. */
  optionNames: ReadonlySet<string>;
  /** The rewritten calls. */
  replaced: { start: number; end: number }[];
  /** auth's local name. */
  authName: string;
  /** Whether auth is declared in this file (the auth module itself), so not imported. */
  selfImport: boolean;
}

/**
 * The import edits once the calls are rewritten: the imports nothing uses any more go, and auth
 * is imported from the auth module (in the place of the first import that goes).
 */
export function importEdits(
  parsed: Parsed,
  { file, source, project, context, steps }: TransformInput,
  { imports, optionNames, replaced, authName, selfImport }: Rewritten,
): Edit[] {
  const edits: Edit[] = [];
  const inReplaced = (n: Node) => replaced.some((r) => range(n).start >= r.start && range(n).end <= r.end);
  const unused = (name: string) =>
    references(parsed, name)
      .filter((p) => !inReplaced(p.node))
      .size() === 0;
  // The shared package's auth module gives its options to NextAuth (step 6): their import stays.
  const keepOptions = project.sharedAuth?.file === file;
  let nextAuthHere =
    keepOptions &&
    steps.has(6) &&
    references(parsed, "NextAuth").size() === 0 &&
    !importsFrom(parsed, SESSION_SOURCES)
      .nodes()
      .some((d) => (d.specifiers ?? []).some((sp) => sp.type !== "ImportSpecifier"));
  const candidates = new Set([
    ...imports.map((i) => i.local),
    ...(keepOptions ? [] : optionNames),
    ...(keepOptions ? [] : context.sessionOptions.flatMap(({ code }) => code.match(/^(\w+)\(.*\)$/s)?.[1] ?? [])),
  ]);
  const spec = project.authImport(file);
  const q = quoteOf(source);
  const semi = usesSemicolons(source) ? ";" : "";
  const authSpecifier = authName === "auth" ? "auth" : `auth as ${authName}`;
  // In the auth module itself, auth is the NextAuth(config) result step 6 writes beside the options.
  let placed = selfImport;
  const declarations = topImports(parsed).nodes();
  const goneOf = new Map(
    declarations.map((d) => [
      d,
      (d.specifiers ?? []).filter((s) => candidates.has(localName(s)) && unused(localName(s))),
    ]),
  );
  const removed = new Set(
    declarations.filter((d) => goneOf.get(d)!.length > 0 && goneOf.get(d)!.length === (d.specifiers ?? []).length),
  );
  const kept = importsFrom(parsed, [spec]).filter((p) => !removed.has(p.node));
  for (const decl of declarations) {
    const specifiers = decl.specifiers ?? [];
    const gone = goneOf.get(decl)!;
    if (gone.length === 0) continue;
    const { start, end } = range(decl);
    if (removed.has(decl)) {
      // The first import that goes away makes room for the new one, in the same place.
      if (!placed && !kept.size()) {
        edits.push({ start, end, text: `import { ${authSpecifier} } from ${q}${spec}${q}${semi}` });
        placed = true;
      } else if (nextAuthHere && SESSION_SOURCES.includes(String(decl.source.value))) {
        // The shared package's auth module: v5's NextAuth (step 6) takes the place of getServerSession.
        edits.push({ start, end, text: `import NextAuth from ${q}next-auth${q}${semi}` });
        nextAuthHere = false;
      } else
        edits.push({
          start,
          end: source[end] === "\n" ? end + 1 : source.slice(end, end + 2) === "\r\n" ? end + 2 : end,
          text: "",
        });
      continue;
    }
    edits.push(...specifierRemovals(specifiers, gone));
  }
  if (!placed)
    edits.push(
      ...authImportEdit(parsed, kept, declarations, {
        name: authName,
        specifier: authSpecifier,
        line: `import { ${authSpecifier} } from ${q}${spec}${q}${semi}`,
      }),
    );
  return edits;
}

/** Imports auth where no import made room for it: beside an import from the auth module, or after the last import. */
function authImportEdit(
  { j, root }: Parsed,
  kept: Collection<ImportDeclaration>,
  declarations: ImportDeclaration[],
  auth: { name: string; specifier: string; line: string },
): Edit[] {
  const alreadyHas = kept
    .nodes()
    .some((d) =>
      (d.specifiers ?? []).some(
        (s) => s.type === "ImportSpecifier" && importedName(s) === "auth" && localName(s) === auth.name,
      ),
    );
  if (alreadyHas) return [];
  const existing = kept.filter(
    (p) =>
      (p.node.importKind ?? "value") === "value" && (p.node.specifiers ?? []).some((s) => s.type === "ImportSpecifier"),
  );
  if (existing.size() > 0) {
    const specifiers = existing.get().node.specifiers;
    const end = range(specifiers[specifiers.length - 1]).end;
    return [{ start: end, end, text: `, ${auth.specifier}` }];
  }
  const last = declarations[declarations.length - 1];
  const directives = ((root.find(j.Program).get().node as { directives?: Node[] }).directives ?? []) as Node[];
  if (last) return [{ start: range(last).end, end: range(last).end, text: `\n${auth.line}` }];
  if (directives.length) {
    const end = range(directives[directives.length - 1]).end;
    return [{ start: end, end, text: `\n\n${auth.line}` }];
  }
  return [{ start: 0, end: 0, text: `${auth.line}\n` }];
}

/**
 * GetServerSidePropsContext's local name in the file; `add()` imports it from "next" (an edit
 * pushed to `edits`) the first time a destructured context needs it.
 */
export function contextTypeImport(
  parsed: Parsed,
  edits: { start: number; end: number; text: string }[],
): { name: string | undefined; add: () => string } {
  const { source } = parsed;
  const contextType = {
    name: namedImports(parsed, ["next"], "GetServerSidePropsContext")[0]?.local,
    add: () => {
      contextType.name = "GetServerSidePropsContext";
      const next = importsFrom(parsed, ["next"])
        .filter((d) => (d.node.specifiers ?? []).some((s) => s.type === "ImportSpecifier"))
        .nodes()[0];
      if (next) {
        const specifiers = next.specifiers!;
        const typeOnly = (next as { importKind?: string }).importKind === "type";
        edits.push({
          start: range(specifiers[specifiers.length - 1]).end,
          end: range(specifiers[specifiers.length - 1]).end,
          text: `, ${typeOnly ? "" : "type "}GetServerSidePropsContext`,
        });
      } else {
        const semi = usesSemicolons(source) ? ";" : "";
        const q = quoteOf(source);
        edits.push({
          start: 0,
          end: 0,
          text: `import type { GetServerSidePropsContext } from ${q}next${q}${semi}\n`,
        });
      }
      return contextType.name;
    },
  };
  return contextType;
}

/** The new argument list, or the reason the call is left alone. */
function rewriteArgs({ source }: Parsed, call: CallExpression, inPages: boolean): CallExpression["arguments"] | string {
  const args = call.arguments;
  if (args.some((a) => a.type === "SpreadElement"))
    return "spread arguments: rewrite to auth(ctx) / auth(req, res) by hand";
  if (args.length <= 1) {
    if (args[0]?.type === "ObjectExpression")
      return "options written inline: v5's auth() reads the config in auth.ts, move these options there";
    // Without req and res, v4 read next/headers too (App Router only): elsewhere it threw, as auth() does.
    if (inPages)
      return `getServerSession(${args.length ? "options" : ""}) inside pages/: v5's auth() without arguments reads next/headers (App Router only); pass ctx or req, res`;
    return [];
  }
  if (args.length === 2) return contextAndOptions(args, source);
  if (args.length !== 3)
    return `getServerSession with ${args.length} arguments: expected (req, res, options), (ctx, options) or (options)`;
  const [req, res, options] = args;
  if (options.type === "ObjectExpression")
    return "options written inline: v5's auth() reads the config in auth.ts, move these options there";
  return reqResArgs(req, res, source);
}

/**
 * next-auth 4.2's `(ctx, options)` and `({ req, res }, options)`: auth(ctx), and what
 * `(req, res, options)` becomes for the pair.
 */
function contextAndOptions([context, options]: Node[], source: string): CallExpression["arguments"] | string {
  if (options.type === "ObjectExpression")
    return "options written inline: v5's auth() reads the config in auth.ts, move these options there";
  if (context.type !== "ObjectExpression") return [context as CallExpression["arguments"][number]];
  const fields = new Map<string, Node>();
  for (const prop of context.properties as Node[]) {
    if (prop.type !== "ObjectProperty" || prop.computed || prop.key.type !== "Identifier") break;
    fields.set(prop.key.name as string, prop.value);
  }
  const [req, res] = [fields.get("req"), fields.get("res")];
  if (!req || !res || fields.size !== 2 || context.properties.length !== 2)
    return "getServerSession({ … }, options) with a context other than { req, res }: rewrite to auth(ctx) / auth(req, res) by hand";
  return reqResArgs(req, res, source);
}

/** `(req, res)`: auth(ctx) when both are ctx.req and ctx.res of the same ctx, else auth(req, res). */
function reqResArgs(req: Node, res: Node, source: string): CallExpression["arguments"] {
  const owner = (node: Node, prop: string) =>
    node.type === "MemberExpression" &&
    !node.computed &&
    node.property.type === "Identifier" &&
    node.property.name === prop
      ? node.object
      : undefined;
  const reqOwner = owner(req, "req");
  const resOwner = owner(res, "res");
  const code = (n: Node) => source.slice(range(n).start, range(n).end);
  if (reqOwner && resOwner && code(reqOwner) === code(resOwner))
    return [reqOwner as CallExpression["arguments"][number]];
  return [req, res];
}

/**
 * create-t3-app's helper types its context as `{ req: GetServerSidePropsContext["req"]; res: … }`;
 * v5's auth() takes the whole GetServerSidePropsContext (it reads only req and res): `ctx as
 * GetServerSidePropsContext`, when the file imports that type and the parameter is such a literal.
 */
export function contextCast(parsed: Parsed, at: { parent: unknown }, ctx: Node): string | undefined {
  if (ctx.type !== "Identifier") return undefined;
  const typeName = namedImports(parsed, ["next"], "GetServerSidePropsContext")[0]?.local;
  if (!typeName) return undefined;
  for (let p = at.parent as { node: Node; parent: unknown } | null; p; p = p.parent as never) {
    const params = /Function/.test(p.node.type) ? (p.node.params as Node[]) : undefined;
    if (!params) continue;
    const param = params.find((n) => n.type === "Identifier" && n.name === ctx.name);
    if (!param) return undefined;
    return reqResLiteral(parsed, param.typeAnnotation?.typeAnnotation) ? `${ctx.name} as ${typeName}` : undefined;
  }
  return undefined;
}

/**
 * A `{ req: …; res: … }` literal, or a union of them, written in place or as a type alias of the
 * file (create-t3-turbo's `GetServerSessionContext`): what auth(ctx) reads of it is req and res.
 */
function reqResLiteral(parsed: Parsed, type: Node, depth = 0): boolean {
  if (!type || depth > 3) return false;
  if (type.type === "TSTypeLiteral") return true;
  if (type.type === "TSUnionType")
    return (type.types as Node[]).every((t) => reqResLiteral(parsed, t, depth + 1) && hasReqRes(t));
  if (type.type === "TSTypeReference" && type.typeName?.type === "Identifier" && !type.typeParameters) {
    const alias = parsed.root
      .find(parsed.j.TSTypeAliasDeclaration)
      .nodes()
      .find((d) => d.id.name === type.typeName.name && !d.typeParameters);
    return alias !== undefined && reqResLiteral(parsed, alias.typeAnnotation, depth + 1);
  }
  return false;
}

function hasReqRes(type: Node): boolean {
  const keys = new Set(
    ((type.members ?? []) as Node[]).flatMap((m) =>
      m.type === "TSPropertySignature" && m.key?.type === "Identifier" ? [m.key.name as string] : [],
    ),
  );
  return keys.has("req") && keys.has("res");
}

/**
 * A helper's own `req` and `res` parameters, `req` typed as a page's request
 * (`GetServerSidePropsContext["req"]`, alone or in a union with NextApiRequest, or IncomingMessage):
 * v5's auth(req, res) is typed for NextApiRequest only, while auth(ctx) reads only ctx.req and
 * ctx.res, whichever request it is: `{ req, res } as GetServerSidePropsContext`.
 */
function pageRequestParams(
  parsed: Parsed,
  at: { parent: unknown },
  args: Node[],
  contextType: ContextType,
): string | undefined {
  return enclosingContext(at, args, contextType, (params, req, res) => {
    const param = (name: string) => params.find((n) => n.type === "Identifier" && n.name === name);
    const type = param(req)?.typeAnnotation?.typeAnnotation;
    if (!param(res) || !type) return false;
    const text = parsed.source.slice(range(type).start, range(type).end);
    return /\bGetServerSidePropsContext\b|\bIncomingMessage\b/.test(text);
  });
}

/**
 * A Pages context destructured in the parameter (`async ({ req, res }) =>`): v5's auth(req, res)
 * wants an API route's NextApiRequest, which a page's req is not, while auth(ctx) reads only
 * ctx.req and ctx.res: `{ req, res } as GetServerSidePropsContext`, which v4's helper takes too.
 */
export function destructuredContext(
  parsed: Parsed,
  at: { parent: unknown },
  args: Node[],
  contextType: ContextType,
): string | undefined {
  return enclosingContext(at, args, contextType, ([pattern], req, res) => {
    if (pattern?.type !== "ObjectPattern") return false;
    const bound = (key: string, local: string) =>
      (pattern.properties as Node[]).some(
        (prop) =>
          prop.type === "ObjectProperty" &&
          prop.key.type === "Identifier" &&
          prop.key.name === key &&
          prop.value.type === "Identifier" &&
          prop.value.name === local,
      );
    return bound("req", req) && bound("res", res);
  });
}

/** How a rewrite names the Pages context type: its local name, or `add()` to import it. */
type ContextType = { name: string | undefined; add: () => string };

/**
 * `{ req, res } as GetServerSidePropsContext` for identifiers `req` and `res`, when the nearest
 * enclosing function's parameters `fit` (names req and res as it needs them).
 */
function enclosingContext(
  at: { parent: unknown },
  [req, res]: Node[],
  contextType: ContextType,
  fits: (params: Node[], req: string, res: string) => boolean,
): string | undefined {
  if (req.type !== "Identifier" || res.type !== "Identifier") return undefined;
  for (let p = at.parent as { node: Node; parent: unknown } | null; p; p = p.parent as never) {
    if (!/Function/.test(p.node.type)) continue;
    if (!fits(p.node.params as Node[], req.name, res.name)) return undefined;
    const fields = `{ ${req.name === "req" ? "req" : `req: ${req.name}`}, ${res.name === "res" ? "res" : `res: ${res.name}`} }`;
    return `${fields} as ${contextType.name ?? contextType.add()}`;
  }
  return undefined;
}

/** Adds a rewritten call's options, and where they are imported from, to `seen` (once each). */
function recordOptions(
  parsed: Parsed,
  file: string,
  project: TransformInput["project"],
  options: Node,
  seen: OptionsOrigin[],
) {
  const { j, root } = parsed;
  const code = parsed.source.slice(range(options).start, range(options).end);
  const name = code.match(/^(\w+)(\(\))?$/)?.[1];
  let imported: OptionsOrigin["imported"];
  if (name) {
    topImports(parsed).forEach((p) => {
      for (const s of p.node.specifiers ?? []) {
        if (localName(s) !== name) continue;
        const target = project.resolve(file, String(p.node.source.value));
        if (target) imported = { name: s.type === "ImportSpecifier" ? importedName(s) : "default", module: target };
      }
    });
    // Defined and exported in this very file (often the [...nextauth] route).
    if (
      !imported &&
      root
        .find(j.ExportNamedDeclaration)
        .filter((p) => j(p).find(j.Identifier, { name }).size() > 0)
        .size() > 0
    ) {
      imported = { name, module: file.replace(/\.[^.]+$/, "") };
    }
  }
  if (!seen.some((o) => o.code === code && o.imported?.module === imported?.module)) seen.push({ code, imported });
}
