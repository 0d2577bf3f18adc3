import type { CallExpression } from "jscodeshift";
import {
  applyEdits,
  freeName,
  identifiersNamed,
  isTypeScript,
  lineOf,
  namedImports,
  parseInput,
  range,
  references,
  type Node,
  type Parsed,
} from "../lib/ast";
import { V4_HELPER_MARKER } from "../lib/auth-helper";
import type { Finding, Transform, TransformInput } from "../lib/types";
import { contextTypeImport, importEdits, SESSION_SOURCES } from "./server-session";

type Edit = { start: number; end: number; text: string };
type Path = { node: Node; parent: Path | null };

/**
 * Step 2, beside getServerSession's rewrite. v4's `getSession` from "next-auth/react" forwarded
 * the cookie of the request it was given (`getSession({ req })`, `getSession(ctx)`); v5's reads
 * `params.headers.cookie`, so on the server it sends no cookie and answers null: the user reads as
 * signed out. Where the request is certain it becomes v5's `auth(...)`, which answers the same
 * session callback's result:
 *   getServerSideProps(ctx):           getSession(ctx) / ({ req: ctx.req })  → auth(ctx)
 *   getServerSideProps({ req, res }):  getSession({ req })                   → auth({ req, res } as GetServerSidePropsContext)
 *   pages/api default handler(req, res): getSession({ req })                 → auth(req, res)
 * Any other call given a request or context is a to-do; `getSession()` in the browser is left alone.
 */
export const serverGetSession: Transform = {
  name: "server-get-session",
  step: 2,
  kind: "source",
  run(input: TransformInput) {
    const { file, source, project, context } = input;
    if (!source.includes("getSession") || !/["']next-auth\/react["']/.test(source)) return { findings: [] };
    const parsed = parseInput(input);
    const imports = namedImports(parsed, ["next-auth/react"], "getSession");
    const findings: Finding[] = [];
    const spec = project.authImport(file);
    const blocked = notYet(input);
    const authName = authLocal(parsed, spec);
    const edits: Edit[] = [];
    const replaced: { start: number; end: number }[] = [];
    const contextType = contextTypeImport(parsed, edits);
    for (const imp of imports)
      for (const p of identifiersNamed(parsed, imp.local) as unknown as Path[]) {
        const call = p.parent?.node;
        if (call?.type !== "CallExpression" || call.callee !== p.node || !takesRequest(call)) continue;
        const line = lineOf(call, source);
        const plan = blocked ?? rewriteOf(parsed, file, p.parent!, input);
        if (typeof plan === "string") {
          findings.push({ step: 2, file, line, kind: "getSession-server", action: "todo", message: todo(spec, plan) });
          continue;
        }
        const args = plan.context ? `${plan.context} as ${contextType.name ?? contextType.add()}` : plan.args;
        edits.push({ ...range(call), text: `${authName}(${args})` });
        replaced.push(range(call));
        findings.push({
          step: 2,
          file,
          line,
          kind: "getSession-server",
          action: "rewrite",
          message: `getSession(…) on the server → ${authName}(${args}): v5's getSession sends no cookie from the server`,
        });
      }
    if (!replaced.length) return { findings };
    const selfImport = project.authHelper?.file === file;
    edits.push(
      ...importEdits(
        parsed,
        { ...input, context: { ...context, sessionOptions: [] } },
        { imports, optionNames: new Set(), replaced, authName, selfImport },
      ),
    );
    return { source: applyEdits(source, edits), findings };
  },
};

function todo(spec: string, why: string): string {
  return `getSession(…) with a request or context: v5's getSession no longer reads the cookie from req/ctx on the server (it sends none) and returns null, so the user reads as signed out. Use auth(req, res) in an API route, auth(ctx) in getServerSideProps (import { auth } from "${spec}"); not rewritten: ${why}`;
}

/** Why no call may be rewritten in this run yet: auth() is not to be had from the auth module. */
function notYet({ file, project, steps }: TransformInput): string | undefined {
  if (steps.has(6)) return undefined;
  const later = (project.optionsBesideHelper ?? (project.sharedAuth && { file: project.sharedAuth.file }))?.file;
  if (later || project.authFrom)
    return `v5's auth() will live in ${later ?? project.authFrom} (step 6): run step 2 together with step 6`;
  if (project.authHelper?.file === file) return "this is the auth module itself";
  const existing = project.has(project.authModule);
  // On v4, auth() exists only as the app's own helper or the one step 2 wrote (V4_HELPER_MARKER).
  if (project.authHelper || (existing && project.read(existing)?.includes(V4_HELPER_MARKER))) return undefined;
  return `the auth module (${project.authModule}) has no auth() on v4 yet: run step 2 together with step 6 (\`--all\`)`;
}

/** auth's local name: the one imported from the auth module already, else a free one. */
function authLocal(parsed: Parsed, spec: string): string {
  const imported = namedImports(parsed, [spec], "auth")[0]?.local;
  if (imported) return imported;
  return references(parsed, "auth").size() > 0 || namedImports(parsed, SESSION_SOURCES, "auth").length
    ? freeName(parsed, "auth")
    : "auth";
}

/** A call given a request or a context (not `getSession()` nor `getSession({ broadcast })` in the browser). */
function takesRequest(call: CallExpression): boolean {
  const [arg] = call.arguments as Node[];
  if (!arg) return false;
  if (arg.type !== "ObjectExpression") return true;
  return (arg.properties as Node[]).some((p) => p.type !== "ObjectProperty" || ["req", "ctx"].includes(keyOf(p) ?? ""));
}

function keyOf(prop: Node): string | undefined {
  if (prop.type !== "ObjectProperty" || prop.computed) return undefined;
  return prop.key.type === "Identifier"
    ? prop.key.name
    : prop.key.type === "StringLiteral"
      ? prop.key.value
      : undefined;
}

const name = (n: Node | undefined) => (n?.type === "Identifier" ? (n.name as string) : undefined);

/** `getSession({ req: X })` / `({ req })`: X's name; `({ req: C.req })`: C's name as `owner`. */
function requestIn(arg: Node): { req?: string; owner?: string; ctx?: string } | undefined {
  if (arg.type !== "ObjectExpression" || arg.properties.length !== 1) return undefined;
  const [prop] = arg.properties as Node[];
  const value = prop.value;
  if (keyOf(prop) === "ctx") return name(value) ? { ctx: name(value) } : undefined;
  if (keyOf(prop) !== "req") return undefined;
  if (name(value)) return { req: name(value) };
  if (value.type === "MemberExpression" && !value.computed && name(value.property) === "req" && name(value.object))
    return { owner: name(value.object) };
  return undefined;
}

/** The new arguments (`context` when typed as GetServerSidePropsContext), or why the call stays. */
function rewriteOf(
  parsed: Parsed,
  file: string,
  call: Path,
  input: TransformInput,
): { args: string; context?: string } | string {
  const args = call.node.arguments as Node[];
  if (args.length !== 1 || args[0].type === "SpreadElement") return "an argument shape the codemod does not read";
  const server = serverFunction(parsed, file, call);
  if (!server)
    return "it is not in getServerSideProps nor in a pages/api default handler, so the codemod cannot tell which request it reads";
  const { fn, kind } = server;
  const uses = identifier(args[0]) ?? requestIn(args[0]);
  if (!uses) return "an argument shape the codemod does not read";
  const plan = planFor(file, kind, fn, uses, input);
  if (typeof plan === "string") return plan;
  // Every name the new call passes must still be the server function's parameter where the call is.
  if (rebound(call, fn, plan.args.match(/\w+/g) ?? [])) return "a name it passes is declared again inside the function";
  return plan;
}

function planFor(
  file: string,
  kind: "page" | "api",
  fn: Path,
  uses: { req?: string; owner?: string; ctx?: string; id?: string },
  input: TransformInput,
): { args: string; context?: string } | string {
  const [first, second] = fn.node.params as Node[];
  const helper = input.project.authHelper;
  const fits = (n: number) => input.steps.has(6) || !helper || helper.arities.includes(n);
  if (kind === "api") {
    if (!name(first) || uses.req !== name(first)) return "it does not pass the handler's own req";
    if (!name(second)) return "the handler takes no res, which auth(req, res) needs";
    return fits(2) ? { args: `${uses.req}, ${name(second)}` } : "the v4 auth() helper takes no (req, res)";
  }
  if (name(first)) {
    const ctx = name(first)!;
    if (uses.ctx !== ctx && uses.owner !== ctx && uses.id !== ctx)
      return "it does not pass getServerSideProps' context";
    return fits(1) ? { args: ctx } : "the v4 auth() helper takes no (ctx)";
  }
  if (first?.type !== "ObjectPattern" || !uses.req) return "it does not pass getServerSideProps' context";
  const req = bound(first, "req");
  const res = bound(first, "res");
  if (req !== uses.req) return "it does not pass the request of getServerSideProps' context";
  if (!res)
    return `res is not destructured beside ${req} (v5's auth() sets the session cookie on it): add res to the parameter, then write auth(${isTypeScript(file) ? "{ req, res } as GetServerSidePropsContext" : "req, res"})`;
  const fields = `{ ${req === "req" ? "req" : `req: ${req}`}, ${res === "res" ? "res" : `res: ${res}`} }`;
  if (isTypeScript(file)) return fits(1) ? { args: fields, context: fields } : "the v4 auth() helper takes no (ctx)";
  return fits(2) ? { args: `${req}, ${res}` } : "the v4 auth() helper takes no (req, res)";
}

function identifier(arg: Node): { id: string } | undefined {
  return name(arg) ? { id: name(arg)! } : undefined;
}

/** The local a `{ key }` / `{ key: local }` pattern binds, or undefined. */
function bound(pattern: Node, key: string): string | undefined {
  const prop = (pattern.properties as Node[]).find((p) => keyOf(p) === key);
  return prop && name(prop.value);
}

/** The function the call runs in: the exported getServerSideProps, or the default handler of a pages/api file. */
function serverFunction(parsed: Parsed, file: string, call: Path): { fn: Path; kind: "page" | "api" } | undefined {
  const handler = /^(src\/)?pages\/api\//.test(file) ? defaultHandler(parsed) : undefined;
  for (let p = call.parent; p; p = p.parent) {
    if (!/Function/.test(p.node.type)) continue;
    if (handler && p.node === handler) return { fn: p, kind: "api" };
    if (isGetServerSideProps(p)) return { fn: p, kind: "page" };
  }
  return undefined;
}

function isGetServerSideProps(fn: Path): boolean {
  const parent = fn.parent?.node;
  if (fn.node.type === "FunctionDeclaration")
    return name(fn.node.id) === "getServerSideProps" && parent?.type === "ExportNamedDeclaration";
  return (
    parent?.type === "VariableDeclarator" &&
    parent.init === fn.node &&
    name(parent.id) === "getServerSideProps" &&
    fn.parent?.parent?.parent?.node.type === "ExportNamedDeclaration"
  );
}

/** The function a pages/api file exports as default: in place, or a top-level function it names. */
function defaultHandler({ j, root }: Parsed): Node | undefined {
  const exported = root.find(j.ExportDefaultDeclaration).nodes()[0]?.declaration as Node | undefined;
  if (!exported) return undefined;
  if (/Function/.test(exported.type)) return exported;
  const handler = name(exported);
  if (!handler) return undefined;
  const program = root.find(j.Program).get().node as { body: Node[] };
  for (const statement of program.body) {
    if (statement.type === "FunctionDeclaration" && name(statement.id) === handler) return statement;
    if (statement.type !== "VariableDeclaration") continue;
    const d = (statement.declarations as Node[]).find((d) => name(d.id) === handler);
    if (d && /Function/.test(d.init?.type ?? "")) return d.init;
  }
  return undefined;
}

/** Whether a function between the call and `fn`, or a declaration inside `fn`, binds one of `names` again. */
function rebound(call: Path, fn: Path, names: string[]): boolean {
  const binds = (n: Node): boolean =>
    !!n &&
    (names.includes(name(n) ?? "") ||
      (n.type === "ObjectPattern" && (n.properties as Node[]).some((p) => binds(p.value ?? p.argument))) ||
      (n.type === "ArrayPattern" && (n.elements as Node[]).some(binds)) ||
      (n.type === "AssignmentPattern" && binds(n.left)) ||
      (n.type === "RestElement" && binds(n.argument)));
  for (let p = call.parent; p && p !== fn; p = p.parent)
    if (/Function/.test(p.node.type) && (p.node.params as Node[]).some(binds)) return true;
  let declared = false;
  const visit = (n: Node) => {
    if (declared || !n || typeof n !== "object") return;
    if (n.type === "VariableDeclarator" && binds(n.id)) declared = true;
    for (const key of Object.keys(n))
      if (key !== "loc" && key !== "tokens" && key !== "comments") {
        const v = n[key];
        if (Array.isArray(v)) v.forEach(visit);
        else if (v && typeof v.type === "string") visit(v);
      }
  };
  visit(fn.node.body);
  return declared;
}
