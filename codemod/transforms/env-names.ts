import type { MemberExpression } from "jscodeshift";
import { applyEdits, lineOf, parse, range } from "../lib/ast";
import type { Finding, Transform, TransformResult } from "../lib/types";

/**
 * Step 3. v5's variable names. In `.env*` files the keys are renamed (values are never read into
 * output). In code, `process.env.NEXTAUTH_SECRET` becomes
 * `process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET`: a deployment whose dashboard still
 * has only the old name keeps working, exactly as v5 itself falls back (`AUTH_SECRET ?? NEXTAUTH_SECRET`).
 */

/** Built-in providers whose v5 variables are inferred as AUTH_<ID>_ID / AUTH_<ID>_SECRET. */
const PROVIDERS = [
  "GITHUB", "GOOGLE", "DISCORD", "FACEBOOK", "TWITTER", "GITLAB", "AUTH0", "APPLE", "SPOTIFY", "TWITCH",
  "LINKEDIN", "SLACK", "KEYCLOAK", "OKTA", "COGNITO", "AZURE_AD", "REDDIT", "ZOOM", "NOTION", "BATTLENET",
];

export const ENV_RENAMES: Record<string, string> = {
  NEXTAUTH_SECRET: "AUTH_SECRET",
  NEXTAUTH_URL: "AUTH_URL",
  ...Object.fromEntries(
    PROVIDERS.flatMap((p) => [
      [`${p}_ID`, `AUTH_${p}_ID`],
      [`${p}_CLIENT_ID`, `AUTH_${p}_ID`],
      [`${p}_SECRET`, `AUTH_${p}_SECRET`],
      [`${p}_CLIENT_SECRET`, `AUTH_${p}_SECRET`],
    ]),
  ),
};

export function isEnvFile(file: string): boolean {
  return /(^|\/)\.env(\.[\w.-]+)?$/.test(file);
}

const ENV_LINE = /^(\s*(?:export\s+)?)([A-Za-z_][A-Za-z0-9_]*)(\s*=)/;

export const envFiles: Transform = {
  name: "env-files",
  step: 3,
  kind: "env",
  run({ file, source }): TransformResult {
    const lines = source.split("\n");
    const keys = new Set(lines.map((l) => l.match(ENV_LINE)?.[2]).filter(Boolean));
    const findings: Finding[] = [];
    let changed = false;
    lines.forEach((line, i) => {
      const m = line.match(ENV_LINE);
      const next = m && ENV_RENAMES[m[2]];
      if (!m || !next) return;
      if (keys.has(next)) {
        findings.push({ step: 3, file, line: i + 1, kind: "env-file-key", action: "todo", message: `${m[2]} and ${next} are both set: keep one (${next}, with the same value)` });
        return;
      }
      lines[i] = m[1] + next + line.slice(m[1].length + m[2].length);
      keys.add(next);
      changed = true;
      findings.push({ step: 3, file, line: i + 1, kind: "env-file-key", action: "rewrite", message: `${m[2]} → ${next}` });
    });
    if (changed) {
      findings.push({
        step: 3, file, line: 1, kind: "env-deployment", action: "todo",
        message: "set the renamed variables in every deployment environment too (same values); the codemod only sees files",
      });
    }
    return { source: changed ? lines.join("\n") : undefined, findings };
  },
};

export const envCode: Transform = {
  name: "env-code",
  step: 3,
  kind: "source",
  run({ file, source }): TransformResult {
    const names = Object.keys(ENV_RENAMES).filter((n) => source.includes(n));
    if (!names.some((n) => n.startsWith("NEXTAUTH_") || new RegExp(`process\\.env(\\.|\\[["'])${n}\\b`).test(source))) return { findings: [] };
    const parsed = parse(file, source);
    const { j, root } = parsed;
    const findings: Finding[] = [];
    const edits: { start: number; end: number; text: string }[] = [];

    const envName = (node: MemberExpression): string | undefined => {
      const obj = node.object;
      const isProcessEnv =
        obj.type === "MemberExpression" && obj.object.type === "Identifier" && obj.object.name === "process" && obj.property.type === "Identifier" && obj.property.name === "env";
      if (!isProcessEnv) return undefined;
      if (!node.computed && node.property.type === "Identifier") return node.property.name;
      if (node.computed && node.property.type === "StringLiteral") return node.property.value;
      return undefined;
    };

    root.find(j.MemberExpression).forEach((p) => {
      const name = envName(p.node);
      const next = name && ENV_RENAMES[name];
      if (!name || !next) return;
      // Already `process.env.AUTH_X ?? process.env.X`: idempotent.
      const parent = p.parent.node;
      if (parent.type === "LogicalExpression" && parent.right === p.node && parent.left.type === "MemberExpression" && envName(parent.left) === next) return;
      if ((parent.type === "AssignmentExpression" && parent.left === p.node) || (parent.type === "UnaryExpression" && parent.operator === "delete")) {
        findings.push({ step: 3, file, line: lineOf(p.node), kind: "env-read", action: "todo", message: `writes or deletes process.env.${name}: do the same for ${next}` });
        return;
      }
      const line = lineOf(p.node);
      const old = source.slice(range(p.node).start, range(p.node).end);
      // Parentheses where `??` would otherwise bind wrongly (||, &&, unary, member access).
      const bare = ["VariableDeclarator", "ObjectProperty", "Property", "ArrowFunctionExpression", "ReturnStatement", "CallExpression", "NewExpression", "ArrayExpression", "TemplateLiteral", "AssignmentExpression", "JSXExpressionContainer", "IfStatement", "ConditionalExpression"];
      const needsParens = !bare.includes(parent.type) || (parent.type === "CallExpression" && parent.callee === p.node);
      const text = `process.env.${next} ?? ${old}`;
      edits.push({ ...range(p.node), text: needsParens ? `(${text})` : text });
      findings.push({ step: 3, file, line, kind: "env-read", action: "rewrite", message: `process.env.${name} → process.env.${next} ?? process.env.${name}` });
    });

    // `const { NEXTAUTH_SECRET } = process.env` and env schema keys (zod, t3-env): a person decides.
    root.find(j.ObjectProperty).forEach((p) => {
      const key = p.node.key;
      const name = key.type === "Identifier" ? key.name : key.type === "StringLiteral" ? key.value : undefined;
      const next = name && ENV_RENAMES[name];
      if (!name || !next || !/NEXTAUTH_/.test(name)) return;
      findings.push({
        step: 3, file, line: lineOf(p.node), kind: "env-key", action: "todo",
        message: `${name} named in code (destructuring or an env schema): accept ${next} as well and read it first`,
      });
    });
    return { source: edits.length ? applyEdits(source, edits) : undefined, findings };
  },
};
