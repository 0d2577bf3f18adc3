import { applyEdits, parseForReading, quoteOf, range, type Node } from "../lib/ast";
import type { Project } from "../lib/project";
import type { FileChange, Finding, Transform, TransformInput, TransformResult } from "../lib/types";

export const NEXT_CONFIGS = ["next.config.js", "next.config.mjs", "next.config.cjs", "next.config.ts"];

const TRANSPILE_WHY = `next-auth 5 imports "next/server" without an extension, which Node cannot resolve unbundled.`;

/**
 * The Next config with "next-auth" in `transpilePackages`, or undefined when the codemod cannot
 * say where the config object is (a function, a spread, a computed list): then it is a to-do.
 * Handles `module.exports = {…}`, `export default {…}`, either of them naming a top-level
 * `const config = {…}`, and a plugin wrapper around it (`withBundleAnalyzer(config)`).
 */
export function withTranspiledNextAuth(file: string, source: string): string | undefined {
  let parsed;
  try {
    parsed = parseForReading(file, source);
  } catch {
    return undefined;
  }
  const { j, root } = parsed;
  const program = root.find(j.Program).get().node as { body: Node[] };
  const declared = (name: string): Node | undefined => {
    for (const statement of program.body) {
      const declaration = statement.type === "ExportNamedDeclaration" ? statement.declaration : statement;
      if (declaration?.type !== "VariableDeclaration") continue;
      const found = declaration.declarations.find((d: Node) => d.id?.type === "Identifier" && d.id.name === name);
      if (found) return found.init;
    }
    return undefined;
  };
  const objectOf = (node: Node | undefined, depth = 0): Node | undefined => {
    if (!node || depth > 3) return undefined;
    if (["TSSatisfiesExpression", "TSAsExpression", "ParenthesizedExpression"].includes(node.type))
      return objectOf(node.expression, depth + 1);
    if (node.type === "ObjectExpression") return node;
    if (node.type === "Identifier") return objectOf(declared(node.name), depth + 1);
    if (node.type === "CallExpression" && node.arguments.length === 1) return objectOf(node.arguments[0], depth + 1);
    return undefined;
  };
  const exported = program.body.flatMap((statement) => {
    if (statement.type === "ExportDefaultDeclaration") return [statement.declaration];
    const e = statement.type === "ExpressionStatement" ? statement.expression : undefined;
    const isModuleExports =
      e?.type === "AssignmentExpression" &&
      e.left.type === "MemberExpression" &&
      e.left.object.type === "Identifier" &&
      e.left.object.name === "module" &&
      e.left.property.type === "Identifier" &&
      e.left.property.name === "exports";
    return isModuleExports ? [e.right] : [];
  });
  if (exported.length !== 1) return undefined;
  const config = objectOf(exported[0]);
  // A spread may carry its own transpilePackages, which a new key would silently replace.
  if (!config || config.properties.some((p: Node) => p.type === "SpreadElement" || p.type === "RestElement"))
    return undefined;
  const keyName = (p: Node) => (p.key?.type === "Identifier" ? p.key.name : p.key?.value);
  const existing = config.properties.find((p: Node) => keyName(p) === "transpilePackages");
  const q = quoteOf(source);
  if (existing) {
    const list = existing.value;
    if (
      list?.type !== "ArrayExpression" ||
      list.elements.some((e: Node) => e?.type !== "StringLiteral" && e?.type !== "Literal")
    )
      return undefined;
    if (list.elements.some((e: Node) => e.value === "next-auth")) return source;
    const last = list.elements[list.elements.length - 1];
    const at = last ? range(last).end : range(list).start + 1;
    return applyEdits(source, [{ start: at, end: at, text: `${last ? ", " : ""}${q}next-auth${q}` }]);
  }
  const last = config.properties[config.properties.length - 1];
  if (!last) {
    const at = range(config).start + 1;
    return applyEdits(source, [{ start: at, end: at, text: ` transpilePackages: [${q}next-auth${q}] ` }]);
  }
  const lineStart = source.lastIndexOf("\n", range(last).start) + 1;
  const indent = /^[ \t]*/.exec(source.slice(lineStart))![0];
  const end = range(last).end;
  const comma = /^\s*,/.test(source.slice(end)) ? "" : ",";
  const after = end + (source.slice(end).match(/^\s*,/)?.[0].length ?? 0);
  if (source.slice(lineStart, range(last).start).trim() !== "") {
    // A one-line object: `{ reactStrictMode: true }`.
    return applyEdits(source, [{ start: after, end: after, text: `${comma} transpilePackages: [${q}next-auth${q}]` }]);
  }
  const text = `${comma}\n${indent}// ${TRANSPILE_WHY}\n${indent}transpilePackages: [${q}next-auth${q}]${comma ? "" : ","}`;
  return applyEdits(source, [{ start: after, end: after, text }]);
}

/**
 * Step 6: a Pages Router app on v5 needs next-auth transpiled (see TRANSPILE_TODO in
 * nextauth-route.ts, which stays a to-do only where this cannot write it).
 */
export const nextConfig: Transform = {
  name: "next-config",
  step: 6,
  kind: "source",
  run({ file, source, project }: TransformInput): TransformResult {
    if (!NEXT_CONFIGS.includes(file) || !project.routeFile || project.nextAuthMajor === 5) return { findings: [] };
    if (!project.files.some((f) => /^(src\/)?pages\//.test(f) && f !== project.routeFile)) return { findings: [] };
    const next = withTranspiledNextAuth(file, source);
    if (next === undefined || next === source) return { findings: [] };
    const line = source.slice(0, source.indexOf("transpilePackages") + 1 || source.length).split("\n").length;
    return {
      source: next,
      findings: [
        {
          step: 6,
          file,
          line: source.includes("transpilePackages") ? line : 1,
          kind: "transpile-next-auth",
          action: "rewrite",
          message: `"next-auth" added to transpilePackages: ${TRANSPILE_WHY}`,
        },
      ],
    };
  },
};

/**
 * For a Pages Router app with no Next config at all: one that transpiles next-auth (`.mjs`, which
 * Node loads as ESM whatever the package's type), and the finding that says so.
 */
export function newNextConfig(
  project: Project,
  movedRoute: string,
  style: { q: string; semi: string },
): { file: FileChange; finding: Finding } | undefined {
  if (project.nextAuthMajor === 5 || NEXT_CONFIGS.some((name) => project.read(name) !== null)) return undefined;
  if (!project.files.some((f) => /^(src\/)?pages\//.test(f) && f !== movedRoute)) return undefined;
  const { q, semi } = style;
  const source = `/** @type {import(${q}next${q}).NextConfig} */\nexport default {\n  // ${TRANSPILE_WHY}\n  transpilePackages: [${q}next-auth${q}],\n}${semi}\n`;
  return {
    file: { path: "next.config.mjs", source },
    finding: {
      step: 6,
      file: "next.config.mjs",
      line: 1,
      kind: "transpile-next-auth",
      action: "rewrite",
      message: `written, with "next-auth" in transpilePackages: ${TRANSPILE_WHY}`,
    },
  };
}
