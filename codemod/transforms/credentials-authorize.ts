import {
  applyEdits,
  freeName,
  importsFrom,
  isTypeScript,
  lineOf,
  localName,
  parseInput,
  range,
  type ASTPath,
  type Node,
  type Parsed,
} from "../lib/ast";
import type { Finding, Transform, TransformResult } from "../lib/types";

/**
 * Step 6. v5 types a Credentials provider's `authorize(credentials, request)` input as
 * `Partial<Record<field, unknown>>` (@auth/core 0.41.3 providers/credentials.d.ts); v4 typed it
 * `Record<field, string> | undefined`, so `findUser(credentials.email)` stops compiling. Where the
 * parameter is a plain name and the provider lists its fields, the parameter is cast back to
 * v4's type; anything else is a to-do. JavaScript has no types to fix.
 */
const SOURCE = "next-auth/providers/credentials";
const CHANGED =
  "v5 types authorize's credentials as Partial<Record<field, unknown>> (v4: Record<field, string> | undefined)";

const FUNCTIONS = new Set(["ArrowFunctionExpression", "FunctionExpression", "ObjectMethod", "FunctionDeclaration"]);
const THROWS =
  "authorize() throws here: v4 sent the error's message on as error=<message>; v5 logs it and sends error=Configuration. To tell the user why sign-in failed, throw a subclass of CredentialsSignin (from next-auth) with its own code (error=CredentialsSignin&code=…), or return null";

type Edit = { start: number; end: number; text: string };

export const credentialsAuthorize: Transform = {
  name: "credentials-authorize",
  step: 6,
  kind: "source",
  run(input): TransformResult {
    const { file, source } = input;
    if (!source.includes(SOURCE) || !/\bauthorize\b/.test(source)) return { findings: [] };
    const parsed = parseInput(input);
    const { j, root } = parsed;
    const providers = new Set<string>();
    importsFrom(parsed, [SOURCE]).forEach((p) => {
      for (const s of p.node.specifiers ?? []) if (s.type === "ImportDefaultSpecifier") providers.add(localName(s));
    });
    const findings: Finding[] = [];
    const edits: Edit[] = [];
    root.find(j.CallExpression).forEach((call) => {
      const callee = call.node.callee as Node;
      const options = call.node.arguments[0] as Node | undefined;
      if (callee.type !== "Identifier" || !providers.has(callee.name) || options?.type !== "ObjectExpression") return;
      const props = options.properties as Node[];
      const member = props.find((p) => keyOf(p) === "authorize");
      if (!member) return;
      const fn: Node = member.type === "ObjectMethod" ? member : member.value;
      const body = FUNCTIONS.has(fn.type) ? fn : localFunction(parsed, fn);
      if (body) findings.push(...escapingThrows(parsed, body, file));
      // JavaScript has no types to fix.
      if (isTypeScript(file)) checkTypes(parsed, { fn, member, props, file }, findings, edits);
    });
    return edits.length ? { source: applyEdits(source, edits), findings } : { findings };
  },
};

/** authorize's parameters under v5's types: a cast back to v4's where it is plain, else a to-do where they are read. */
function checkTypes(
  parsed: Parsed,
  { fn, member, props, file }: { fn: Node; member: Node; props: Node[]; file: string },
  findings: Finding[],
  edits: Edit[],
): void {
  const { source } = parsed;
  const todo = (node: Node, what: string) =>
    findings.push({
      step: 6,
      file,
      line: lineOf(node, source),
      kind: "credentials-authorize",
      action: "todo",
      message: `${what}: ${CHANGED}. Narrow each field before use (typeof credentials.email === "string"), or validate them with zod`,
    });
  if (!FUNCTIONS.has(fn.type)) return void todo(member, "authorize is defined elsewhere");
  const [param, request] = fn.params as Node[];
  const body = fn.body as Node;
  const bodyText = source.slice(range(body).start, range(body).end);
  if (request && (request.type !== "Identifier" || readsName(bodyText, request.name as string)))
    findings.push({
      step: 6,
      file,
      line: lineOf(request, source),
      kind: "credentials-authorize",
      action: "todo",
      message: `authorize's second argument is a Web Request in v5 (v4: { body, query, headers, method }): read request.headers.get(…) and the credentials argument instead`,
    });
  if (!param) return;
  if (param.type !== "Identifier") {
    if (param.type === "ObjectPattern" && (param.properties as Node[]).length === 0) return;
    return void todo(param, "authorize's credentials argument");
  }
  // An annotation of its own may not fit v5's type, read or not.
  if (param.typeAnnotation) return void todo(param, "authorize's credentials argument");
  const name = param.name as string;
  // Only where a field is read as v4 typed it (v5 code that validates the whole object needs nothing).
  if (!readsField(bodyText, name)) return;
  const fields = fieldsOf(props.find((p) => keyOf(p) === "credentials"));
  if (!fields) return void todo(param, "authorize's credentials (the provider's fields are not listed here)");
  if (body.type !== "BlockStatement") return void todo(param, "authorize's credentials (an expression body)");
  const first = (body.body as Node[])[0];
  if (castFrom(first, name)) return;
  const indent = first
    ? (source.slice(0, range(first).start).match(/[ \t]*$/)?.[0] ?? "  ")
    : `${source.slice(0, range(fn).start).match(/^[ \t]*/m)?.[0] ?? ""}  `;
  const v5Name = freeName(parsed, "v5Credentials");
  const type = `Record<${fields.map((f) => JSON.stringify(f)).join(" | ")}, string>`;
  edits.push({ ...range(param), text: v5Name });
  edits.push({
    start: range(body).start + 1,
    end: range(body).start + 1,
    text: `\n${indent}// v5 types these as unknown: the cast keeps v4's types.\n${indent}const ${name} = ${v5Name} as ${type};`,
  });
  findings.push({
    step: 6,
    file,
    line: lineOf(param, source),
    kind: "credentials-authorize",
    action: "rewrite",
    message: `authorize(${name}) → authorize(${v5Name}) cast to ${type}: ${CHANGED}; validate the values (zod) where the form may send anything`,
  });
}

/** `name.field`, `name?.field` or `name["field"]` in `code`. */
function readsField(code: string, name: string): boolean {
  return new RegExp(`(?<![.\\w$])${escape(name)}\\s*(\\?\\.|!?\\.|!?\\[)`).test(code);
}

/** Any use of the variable `name` in `code` (not a property of that name). */
function readsName(code: string, name: string): boolean {
  return new RegExp(`(?<![.\\w$])${escape(name)}(?![\\w$])`).test(code);
}

function escape(name: string): string {
  return name.replace(/\$/g, "\\$");
}

/** The function a bare `authorize: name` points at in this file, if it is declared here. */
function localFunction({ j, root }: Parsed, ref: Node): Node | undefined {
  if (ref?.type !== "Identifier") return undefined;
  const declared = root.find(j.FunctionDeclaration, { id: { name: ref.name } });
  if (declared.length) return declared.get().node;
  const bound = root.find(j.VariableDeclarator, { id: { name: ref.name } }).filter((p) => {
    const init = p.node.init as Node | null;
    return !!init && FUNCTIONS.has(init.type);
  });
  return bound.length ? (bound.get().node.init as Node) : undefined;
}

/**
 * The `throw`s in `fn` that can leave it, each reported at its own line: not those in a try block
 * with a catch (a rethrow from the catch is a throw of its own, checked the same way).
 */
function escapingThrows({ j, source }: Parsed, fn: Node, file: string): Finding[] {
  const out: Finding[] = [];
  j(fn)
    .find(j.ThrowStatement)
    .forEach((path) => {
      for (let p: ASTPath | null = path; p && p.node !== fn; p = p.parent) {
        const parent = p.parent?.node as Node | undefined;
        if (parent?.type === "TryStatement" && parent.handler && p.name === "block") return;
      }
      out.push({
        step: 6,
        file,
        line: lineOf(path.node, source),
        kind: "credentials-error",
        action: "todo",
        message: THROWS,
      });
    });
  return out;
}

/** Whether `statement` is `const x = <name> as …` (this transform's own line: a second run leaves it). */
function castFrom(statement: Node | undefined, name: string): boolean {
  const init = statement?.type === "VariableDeclaration" ? statement.declarations[0]?.init : undefined;
  return init?.type === "TSAsExpression" && init.expression.type === "Identifier" && init.expression.name === name;
}

function keyOf(p: Node): string | undefined {
  if (p.type !== "ObjectProperty" && p.type !== "ObjectMethod" && p.type !== "Property") return undefined;
  if (p.computed) return undefined;
  return p.key.type === "Identifier" ? p.key.name : typeof p.key.value === "string" ? p.key.value : undefined;
}

/** The field names of a `credentials: { email: {…}, … }` literal, or undefined. */
function fieldsOf(p: Node | undefined): string[] | undefined {
  if (!p || p.type !== "ObjectProperty" || p.value.type !== "ObjectExpression") return undefined;
  const keys = (p.value.properties as Node[]).map(keyOf);
  return keys.length > 0 && keys.every((k): k is string => k !== undefined) ? keys : undefined;
}
