import {
  applyEdits,
  freeName,
  importsFrom,
  isTypeScript,
  lineOf,
  localName,
  parseInput,
  range,
  type Node,
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
const FUNCTIONS = new Set(["ArrowFunctionExpression", "FunctionExpression", "ObjectMethod"]);

export const credentialsAuthorize: Transform = {
  name: "credentials-authorize",
  step: 6,
  kind: "source",
  run(input): TransformResult {
    const { file, source } = input;
    if (!isTypeScript(file) || !source.includes(SOURCE) || !/\bauthorize\b/.test(source)) return { findings: [] };
    const parsed = parseInput(input);
    const { j, root } = parsed;
    const providers = new Set<string>();
    importsFrom(parsed, [SOURCE]).forEach((p) => {
      for (const s of p.node.specifiers ?? []) if (s.type === "ImportDefaultSpecifier") providers.add(localName(s));
    });
    const findings: Finding[] = [];
    const edits: { start: number; end: number; text: string }[] = [];
    const todo = (node: Node, what: string) =>
      findings.push({
        step: 6,
        file,
        line: lineOf(node, source),
        kind: "credentials-authorize",
        action: "todo",
        message: `${what}: ${CHANGED}. Narrow each field before use (typeof credentials.email === "string"), or validate them with zod`,
      });
    root.find(j.CallExpression).forEach((call) => {
      const callee = call.node.callee as Node;
      const options = call.node.arguments[0] as Node | undefined;
      if (callee.type !== "Identifier" || !providers.has(callee.name) || options?.type !== "ObjectExpression") return;
      const props = options.properties as Node[];
      const member = props.find((p) => keyOf(p) === "authorize");
      if (!member) return;
      const fn: Node = member.type === "ObjectMethod" ? member : member.value;
      if (!FUNCTIONS.has(fn.type)) return todo(member, "authorize is defined elsewhere");
      const [param, request] = fn.params as Node[];
      if (request)
        findings.push({
          step: 6,
          file,
          line: lineOf(request, source),
          kind: "credentials-authorize",
          action: "todo",
          message: `authorize's second argument is a Web Request in v5 (v4: { body, query, headers, method }): read request.headers.get(…) and the credentials argument instead`,
        });
      if (!param) return;
      if (param.type !== "Identifier" || param.typeAnnotation) return todo(param, "authorize's credentials argument");
      const fields = fieldsOf(props.find((p) => keyOf(p) === "credentials"));
      if (!fields) return todo(param, "authorize's credentials (the provider's fields are not listed here)");
      const body = fn.body as Node;
      if (body.type !== "BlockStatement") return todo(param, "authorize's credentials (an expression body)");
      const name = param.name as string;
      const first = (body.body as Node[])[0];
      // Only where a field is read as v4 typed it (v5 code that validates the whole object needs nothing).
      const reads = new RegExp(`\\b${name}\\s*(\\?\\.|!?\\.)\\s*[\\w$]+`);
      if (!reads.test(source.slice(range(body).start, range(body).end)) || castFrom(first, name)) return;
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
    });
    return edits.length ? { source: applyEdits(source, edits), findings } : { findings };
  },
};

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
