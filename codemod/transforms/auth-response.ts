import type { ASTPath } from "jscodeshift";
import {
  identifiersNamed,
  lineOf,
  namedImports,
  parseInput,
  topImports,
  importedName,
  localName,
  type Node,
} from "../lib/ast";
import type { Finding, Transform, TransformInput, TransformResult } from "../lib/types";
import { SESSION_FUNCTIONS, SESSION_SOURCES } from "./server-session";

/**
 * Step 2, a to-do only: `getServerSession(req, res, options)` (or v5's `auth(req, res)`) handed a
 * response the app made itself, an object literal with neither `appendHeader` nor `headers`. v4
 * set its cookies with `res.setHeader`; v5's auth(req, res) calls `res.appendHeader("set-cookie", …)`
 * (or `res.headers.append`) whenever Auth.js refreshes the session cookie, which such an object
 * lacks: a TypeError for a signed-in user. The call stays (step 2 rewrites it); the object is the
 * app's to complete. Reported again on the v5 call until it has one of the two.
 */
export const authResponse: Transform = {
  name: "auth-response",
  step: 2,
  kind: "source",
  run(input: TransformInput): TransformResult {
    const { file, source, project } = input;
    if (!/\bres\b|Response|\{/.test(source) || !/\b(auth|getServerSession|unstable_getServerSession)\s*\(/.test(source))
      return { findings: [] };
    const parsed = parseInput(input);
    // v4's session functions, and v5's auth: imported from the auth module, or this module's own.
    const v4 = SESSION_FUNCTIONS.flatMap((name) => namedImports(parsed, SESSION_SOURCES, name).map((i) => i.local));
    const authModule = project.authModule;
    const v5 = topImports(parsed)
      .nodes()
      .filter((d) => project.resolve(file, String(d.source.value)) === authModule)
      .flatMap((d) => (d.specifiers ?? []) as Node[])
      .filter((sp) => sp.type === "ImportSpecifier" && importedName(sp) === "auth")
      .map((sp) => localName(sp));
    // The auth module: before step 6 writes NextAuth here (apply), and after (a scan of v5 code).
    if (
      file.replace(/\.[cm]?[jt]sx?$/, "") === authModule ||
      /\bconst\s*\{[^}]*\bauth\b[^}]*\}\s*=\s*[^;]*\bNextAuth\b/.test(source)
    )
      v5.push("auth");
    const findings: Finding[] = [];
    for (const [names, arity] of [
      [v4, 3],
      [v5, 2],
    ] as const) {
      for (const name of new Set(names)) {
        for (const p of identifiersNamed(parsed, name)) {
          const call = p.parent?.node;
          if (call?.type !== "CallExpression" || call.callee !== p.node || call.arguments.length !== arity) continue;
          const res = call.arguments[1];
          if (res?.type !== "Identifier" || !madeHere(p, res.name)) continue;
          findings.push({
            step: 2,
            file,
            line: lineOf(call, source),
            kind: "auth-response",
            action: "todo",
            message: `\`${res.name}\`, the response ${name}() gets, is an object made here: v5's auth(req, res) sets the session cookie with \`${res.name}.appendHeader("set-cookie", …)\` (or \`${res.name}.headers.append\`), which it lacks (a TypeError once Auth.js refreshes the cookie). Give it \`appendHeader\` (or \`headers: new Headers()\`)`,
          });
        }
      }
    }
    return { findings };
  },
};

/** Whether `name`, where `at` uses it, is a const made from an object literal without appendHeader or headers. */
function madeHere(at: ASTPath, name: string): boolean {
  const scope = (at.scope as { lookup?: (n: string) => { getBindings(): Record<string, ASTPath[]> } | null })?.lookup?.(
    name,
  );
  const binding = scope?.getBindings()[name]?.[0];
  const declarator = binding?.parent?.node as Node | undefined;
  if (declarator?.type !== "VariableDeclarator" || declarator.id !== binding!.node) return false;
  let init = declarator.init as Node | undefined;
  while (
    init &&
    ["TSAsExpression", "TSTypeAssertion", "TSSatisfiesExpression", "ParenthesizedExpression"].includes(init.type)
  )
    init = init.expression;
  if (init?.type !== "ObjectExpression") return false;
  return !(init.properties as Node[]).some(
    (prop) =>
      prop.type === "SpreadElement" ||
      prop.computed ||
      ["appendHeader", "headers"].includes(prop.key?.name ?? prop.key?.value),
  );
}
