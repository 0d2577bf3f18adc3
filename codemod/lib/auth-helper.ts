import {
  importedName,
  lineOf,
  localName,
  parseForReading,
  range,
  references,
  topImports,
  type Node,
  type Parsed,
} from "./ast";

/** Marks the v4 helper that step 2 writes, so that step 6 may replace it. */
export const V4_HELPER_MARKER = "Written by next-auth-v5-codemod (step 2)";

/** What helperMisuses reads of a package (a Project): its files, their text, and how imports resolve. */
export interface PackageFiles {
  readonly files: readonly string[];
  read(file: string): string | null;
  resolve(from: string, spec: string): string | undefined;
}

/**
 * The v4 session helper an app's own auth module exports as `auth` (next-auth-example's root
 * `auth.ts`): one call of getServerSession with the options last, the arguments passed on as the
 * helper got them. v5's `auth` takes each of those forms, so `NextAuth(options)` can replace it.
 */
export interface V4AuthHelper {
  /** The helper's statement (`export function auth(…) {…}` or `export const auth = (…) => …`). */
  statement: Node;
  /** The options it gives getServerSession: an identifier of the module. */
  options: string;
  /** The argument counts a caller may pass: what the helper passes on as v5's auth() takes it. */
  arities: number[];
}

const SESSION_SOURCES = ["next-auth", "next-auth/next"];
const SESSION_FUNCTIONS = ["getServerSession", "unstable_getServerSession"];

/** The module's v4 `auth` helper, or undefined when it has none (or one that does more). */
export function findV4AuthHelper(parsed: Parsed): V4AuthHelper | undefined {
  const { j, root } = parsed;
  const sessionLocals = new Set(
    topImports(parsed)
      .nodes()
      .filter((d) => SESSION_SOURCES.includes(String(d.source.value)) && d.importKind !== "type")
      .flatMap((d) => d.specifiers ?? [])
      .filter((s) => s.type === "ImportSpecifier" && SESSION_FUNCTIONS.includes(importedName(s)))
      .map((s) => localName(s)),
  );
  if (!sessionLocals.size) return undefined;
  const program = root.find(j.Program).get().node as { body: Node[] };
  for (const statement of program.body) {
    if (statement.type !== "ExportNamedDeclaration" || !statement.declaration) continue;
    const declaration = statement.declaration;
    const fn =
      declaration.type === "FunctionDeclaration" && declaration.id?.name === "auth"
        ? declaration
        : declaration.type === "VariableDeclaration" &&
            declaration.declarations.length === 1 &&
            declaration.declarations[0].id.type === "Identifier" &&
            declaration.declarations[0].id.name === "auth" &&
            /^(Arrow)?FunctionExpression$/.test(declaration.declarations[0].init?.type ?? "")
          ? declaration.declarations[0].init
          : undefined;
    if (!fn) continue;
    const body: Node[] =
      fn.body.type === "BlockStatement" ? fn.body.body : [{ type: "ReturnStatement", argument: fn.body }];
    if (body.length !== 1 || body[0].type !== "ReturnStatement") return undefined;
    let call = body[0].argument;
    if (call?.type === "AwaitExpression") call = call.argument;
    if (call?.type !== "CallExpression" || call.callee.type !== "Identifier" || !sessionLocals.has(call.callee.name))
      return undefined;
    const args: Node[] = call.arguments;
    const options = args[args.length - 1];
    if (options?.type !== "Identifier") return undefined;
    const params: Node[] = fn.params;
    const name = (n: Node) => (n?.type === "Identifier" ? n.name : undefined);
    const passed = args.slice(0, -1);
    const member = (n: Node, object: string, prop: string) =>
      n.type === "MemberExpression" && !n.computed && name(n.object) === object && name(n.property) === prop;
    let arities: number[] | undefined;
    if (params.length === 0 && passed.length === 0) arities = [0];
    else if (
      params.length === 1 &&
      params[0].type === "RestElement" &&
      name(params[0].argument) &&
      passed.length === 1 &&
      passed[0].type === "SpreadElement" &&
      name(passed[0].argument) === name(params[0].argument)
    )
      arities = [0, 2];
    else if (
      params.length === 2 &&
      passed.length === 2 &&
      params.every((p, i) => name(p) && name(p) === name(passed[i]))
    )
      arities = [2];
    else if (
      params.length === 1 &&
      name(params[0]) &&
      passed.length === 2 &&
      member(passed[0], name(params[0])!, "req") &&
      member(passed[1], name(params[0])!, "res")
    )
      arities = [1];
    if (!arities || params.some((p) => name(p) === options.name)) return undefined;
    // The options are the module's own: declared at its top level, or imported.
    const declared = program.body.some((st) => {
      const d = st.type === "ExportNamedDeclaration" ? st.declaration : st;
      return (
        d?.type === "VariableDeclaration" &&
        d.declarations.some((v: Node) => v.id.type === "Identifier" && v.id.name === options.name)
      );
    });
    const imported = topImports(parsed)
      .nodes()
      .some((d) => d.importKind !== "type" && (d.specifiers ?? []).some((s) => localName(s) === options.name));
    if (!declared && !imported) return undefined;
    return { statement, options: options.name, arities };
  }
  return undefined;
}

/** Whether `node` lies inside the helper's statement. */
export function inHelper(helper: V4AuthHelper, node: Node): boolean {
  const outer = range(helper.statement);
  const inner = range(node);
  return inner.start >= outer.start && inner.end <= outer.end;
}

/**
 * Where the app uses the helper `auth` of `file` other than v5's auth() takes it as the helper
 * did (`file:line`): spread arguments, an argument count the helper does not pass on, or `auth`
 * used other than called.
 */
export function helperMisuses(project: PackageFiles, file: string, arities: readonly number[]): string[] {
  const helperModule = file.replace(/\.[cm]?[jt]sx?$/, "");
  const bad: string[] = [];
  for (const f of project.files) {
    if (!/\.[cm]?[jt]sx?$/.test(f) || f.endsWith(".d.ts")) continue;
    const text = project.read(f);
    if (!text || !/\bauth\b/.test(text)) continue;
    let parsed: Parsed;
    try {
      parsed = parseForReading(f, text);
    } catch {
      continue;
    }
    const own = f === file ? findV4AuthHelper(parsed) : undefined;
    const locals = own
      ? ["auth"]
      : topImports(parsed)
          .nodes()
          .filter((d) => project.resolve(f, String(d.source.value)) === helperModule)
          .flatMap((d) => d.specifiers ?? [])
          .filter((sp) => sp.type === "ImportSpecifier" && importedName(sp) === "auth")
          .map((sp) => localName(sp));
    for (const local of locals)
      references(parsed, local).forEach((p) => {
        if (own && inHelper(own, p.node)) return;
        const parent = p.parent?.node;
        const called = parent?.type === "CallExpression" && parent.callee === p.node;
        const args: Node[] = called ? parent.arguments : [];
        if (!called || args.some((a) => a.type === "SpreadElement") || !arities.includes(args.length))
          bad.push(`${f}:${lineOf(p.node, text)}`);
      });
  }
  return bad;
}
