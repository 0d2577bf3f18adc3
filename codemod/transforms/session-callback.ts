import { applyEdits, lineOf, parseInput, range, type ASTPath, type Node, type Parsed } from "../lib/ast";
import type { Finding, Transform, TransformResult } from "../lib/types";

/**
 * Step 6. With database sessions v5 calls the session callback with `session: { ...adapterSessionRow, user }`
 * (@auth/core 0.41.3 lib/actions/session.js), so create-t3-app's
 * `session: ({ session, user }) => ({ ...session, user: { ...session.user, id: user.id } })` returns
 * `sessionToken` (the HttpOnly cookie's value) and `userId` to /api/auth/session and useSession().
 * v4 passed only `user` and `expires`. Where the callback only spreads `session` into what it
 * returns, the spread becomes those two fields; any other use of the whole session object is a to-do.
 */
export const SESSION_ROW =
  "with database sessions v5's `session` there holds the adapter's session row, so what the callback returns carries sessionToken (the value of the HttpOnly session cookie) and userId to /api/auth/session and useSession(); v4 passed only user and expires";

const WRAPPERS = new Set(["TSAsExpression", "TSSatisfiesExpression", "TSNonNullExpression", "ParenthesizedExpression"]);
const FUNCTIONS = new Set(["ArrowFunctionExpression", "FunctionExpression", "FunctionDeclaration", "ObjectMethod"]);
/** Where a name is a type, not a value (`typeof session`, `Session.X`). */
const TYPE_POSITIONS = new Set(["TSTypeReference", "TSQualifiedName", "TSTypeQuery", "TSExpressionWithTypeArguments"]);
/** The fields of v4's database session that the result may take from `session` as they are. */
const KEPT = ["user", "expires"];

export const sessionCallback: Transform = {
  name: "session-callback",
  step: 6,
  kind: "source",
  run(input): TransformResult {
    const { file, source } = input;
    if (!/\badapter\b/.test(source) || !/\bcallbacks\b/.test(source)) return { findings: [] };
    const parsed = parseInput(input);
    const { j, root } = parsed;
    const findings: Finding[] = [];
    const edits: { start: number; end: number; text: string }[] = [];
    root.find(j.ObjectExpression).forEach((options) => {
      const props: Node[] = options.node.properties;
      if (!props.some((p) => keyOf(p) === "adapter") || !usesDatabaseSessions(props)) return;
      const written = props.find((p) => keyOf(p) === "callbacks" && p.type !== "ObjectMethod");
      if (!written) return;
      const callbacks = callbacksObject(parsed, written.value);
      if (typeof callbacks === "string") {
        findings.push({
          step: 6,
          file,
          line: lineOf(written, source),
          kind: "session-token-leak",
          action: "todo",
          message: `the callbacks (${callbacks}) are defined elsewhere: ${SESSION_ROW}. Make sure the session callback returns { user: session.user, expires: session.expires } and your own fields, never the session object or a spread of it`,
        });
        return;
      }
      if (!callbacks) return;
      const member = (callbacks.properties as Node[]).find((p) => keyOf(p) === "session");
      if (!member) return;
      const fn = sessionFunction(parsed, member);
      if (typeof fn === "string") {
        findings.push({
          step: 6,
          file,
          line: lineOf(member, source),
          kind: "session-token-leak",
          action: "todo",
          message: `the session callback (${fn}) is defined elsewhere: ${SESSION_ROW}. Make sure it returns { user: session.user, expires: session.expires } and your own fields, never the session object or a spread of it`,
        });
        return;
      }
      const result = rewriteCallback(parsed, fn);
      if ("todo" in result) {
        findings.push({
          step: 6,
          file,
          line: result.line,
          kind: "session-token-leak",
          action: "todo",
          message: `${result.todo}: ${SESSION_ROW}. Return { user: ${result.name}.user, expires: ${result.name}.expires } and your own fields instead`,
        });
        return;
      }
      for (const edit of result.edits) {
        edits.push(edit);
        findings.push({
          step: 6,
          file,
          line: edit.line,
          kind: "session-token-spread",
          action: "rewrite",
          message: `${source.slice(edit.start, edit.end)} → ${edit.text.replace(/,\s+/g, ", ")} in the session callback's result: ${SESSION_ROW}`,
        });
      }
    });
    return { source: edits.length ? applyEdits(source, edits) : undefined, findings };
  },
};

/** A property's key, when it is written as a name or a string. */
function keyOf(p: Node): string | undefined {
  if (p.type !== "ObjectProperty" && p.type !== "ObjectMethod" && p.type !== "Property") return undefined;
  if (p.computed) return undefined;
  return p.key.type === "Identifier" ? p.key.name : p.key.type === "StringLiteral" ? p.key.value : undefined;
}

/** An adapter without `session: { strategy: "jwt" }` means database sessions (v4 and v5 alike). */
function usesDatabaseSessions(props: Node[]): boolean {
  const session = props.find((p) => keyOf(p) === "session" && p.type === "ObjectProperty")?.value;
  if (session?.type !== "ObjectExpression") return true;
  const strategy = (session.properties as Node[]).find((p) => keyOf(p) === "strategy")?.value;
  return !(strategy?.type === "StringLiteral" && strategy.value === "jwt");
}

/** The callbacks object literal (inline, or a `const` of this file), the name it comes from, or undefined. */
function callbacksObject({ j, root }: Parsed, value: Node): Node | string | undefined {
  const node = unwrap(value);
  if (node.type === "ObjectExpression") return node;
  if (node.type !== "Identifier") return undefined;
  const init = root.find(j.VariableDeclarator, { id: { type: "Identifier", name: node.name } }).nodes()[0]?.init;
  if (!init) return node.name;
  return unwrap(init).type === "ObjectExpression" ? unwrap(init) : undefined;
}

/** The session callback's function node, or the name it is bound to when it is not in this file. */
function sessionFunction({ j, root }: Parsed, member: Node): Node | string {
  if (member.type === "ObjectMethod") return member;
  const value = unwrap(member.value);
  if (FUNCTIONS.has(value.type)) return value;
  if (value.type !== "Identifier") return "not a function literal";
  const name: string = value.name;
  const declared = root.find(j.FunctionDeclaration, { id: { name } }).nodes()[0];
  if (declared) return declared;
  const init = root.find(j.VariableDeclarator, { id: { type: "Identifier", name } }).nodes()[0]?.init;
  if (init && FUNCTIONS.has(unwrap(init).type)) return unwrap(init);
  return name;
}

function unwrap(node: Node): Node {
  while (node && WRAPPERS.has(node.type)) node = node.expression;
  return node;
}

type Edit = { start: number; end: number; text: string; line: number };

/**
 * The spreads of the callback's `session` in the objects it returns, rewritten, or why not: every
 * other use of the whole object (returned, passed on, written to beyond user and expires) is a to-do.
 */
function rewriteCallback(parsed: Parsed, fn: Node): { edits: Edit[] } | { todo: string; line: number; name: string } {
  const { j, source } = parsed;
  const param = fn.params[0];
  if (!param) return { edits: [] };
  // `({ session, user })`, `({ session: s })`, or `(params)` read as `params.session`.
  let name: string | undefined;
  let viaParam: string | undefined;
  if (param.type === "ObjectPattern") {
    const prop = (param.properties as Node[]).find((p) => keyOf(p) === "session");
    if (!prop) return { edits: [] };
    if (prop.value.type === "ObjectPattern") return { edits: [] }; // `{ session: { user } }`: the object never leaves
    if (prop.value.type !== "Identifier")
      return {
        todo: "the session callback's `session` has a default value",
        line: lineOf(prop, source),
        name: "session",
      };
    name = prop.value.name;
  } else if (param.type === "Identifier") viaParam = param.name;
  else
    return {
      todo: "the session callback's parameter is not `{ session, … }`",
      line: lineOf(param, source),
      name: "session",
    };

  // Paths from the file's root, so that a use's parents lead up to fn.
  const fnPath = parsed.root
    .find(j.Node, { type: fn.type })
    .filter((p) => p.node === fn)
    .paths()[0];
  const body = j(fnPath.get("body") as never);
  const uses: ASTPath[] = [];
  if (name) {
    body
      .find(j.Identifier, { name })
      .filter((p) => isReference(p))
      .forEach((p) => {
        uses.push(p);
      });
  } else {
    let whole: ASTPath | undefined;
    body
      .find(j.Identifier, { name: viaParam })
      .filter((p) => isReference(p))
      .forEach((p) => {
        const parent = p.parent.node;
        if (isMember(parent) && parent.object === p.node && !parent.computed && parent.property.name === "session")
          uses.push(p.parent);
        else if (!(isMember(parent) && parent.object === p.node && !parent.computed)) whole ??= p;
      });
    if (whole)
      return {
        todo: `the session callback passes its whole parameter (${viaParam}) on, with session in it`,
        line: lineOf(whole.node as Node, source),
        name: `${viaParam}.session`,
      };
  }
  const shown = name ?? `${viaParam}.session`;
  const edits: Edit[] = [];
  for (const found of uses) {
    // `(session as X).field` and `...(session as X)` are uses of session itself.
    let use = found;
    while (use.parent && WRAPPERS.has(use.parent.node.type)) use = use.parent;
    const parent = use.parent?.node;
    if (isMember(parent) && parent.object === use.node && !parent.computed) {
      const field = parent.property.name;
      if (KEPT.includes(field) || !isWritten(use.parent)) continue;
      return {
        todo: `the session callback sets ${shown}.${field} and returns the session's fields`,
        line: lineOf(parent, source),
        name: shown,
      };
    }
    if (parent?.type === "SpreadElement" && isResult(use.parent.parent, fn)) {
      const object = use.parent.parent.node;
      const keys = (object.properties as Node[]).map((p) => (p === parent ? "…" : keyOf(p)));
      const at = keys.indexOf("…");
      const before = keys.slice(0, at);
      const after = keys.slice(at + 1);
      if (KEPT.some((k) => before.includes(k)) || keys.filter((k) => k === "…").length > 1)
        return {
          todo: `the session callback spreads ${shown} over its own fields`,
          line: lineOf(parent, source),
          name: shown,
        };
      const code = source.slice(range(found.node).start, range(found.node).end);
      // One field a line where the object has one property a line.
      const lineStart = source.lastIndexOf("\n", range(parent).start - 1) + 1;
      const indent = source.slice(lineStart, range(parent).start);
      const separator =
        /^\s*$/.test(indent) && source.slice(range(parent).end).startsWith(",\n") ? `,\n${indent}` : ", ";
      const text = KEPT.filter((k) => !after.includes(k))
        .map((k) => `${k}: ${code}.${k}`)
        .join(separator);
      edits.push({ ...range(parent), text, line: lineOf(parent, source) });
      continue;
    }
    const returned = isResult(use, fn);
    return {
      todo: returned
        ? `the session callback returns ${shown} itself`
        : `the session callback ${describe(parent, source, shown)}`,
      line: lineOf(use.node as Node, source),
      name: shown,
    };
  }
  return { edits };
}

function isMember(node: Node): boolean {
  return node?.type === "MemberExpression" || node?.type === "OptionalMemberExpression";
}

/** An identifier that names a binding (not a property key, not a member's property). */
function isReference(p: ASTPath): boolean {
  const parent = p.parent?.node;
  if (isMember(parent) && parent.property === p.node && !parent.computed) return false;
  if (
    (parent?.type === "ObjectProperty" || parent?.type === "ObjectMethod") &&
    parent.key === p.node &&
    !parent.computed
  )
    return !!parent.shorthand;
  if (TYPE_POSITIONS.has(parent?.type)) return false;
  return true;
}

/** Whether a member expression (or one read through it) is assigned, updated or deleted. */
function isWritten(member: ASTPath): boolean {
  let p = member;
  for (;;) {
    const parent = p.parent?.node;
    if (isMember(parent) && parent.object === p.node) {
      p = p.parent;
      continue;
    }
    if (parent?.type === "AssignmentExpression" && parent.left === p.node) return true;
    if (parent?.type === "UpdateExpression") return true;
    if (parent?.type === "UnaryExpression" && parent.operator === "delete") return true;
    return false;
  }
}

/** Whether the expression at `p` is what `fn` returns: its expression body, or a `return` of fn itself. */
function isResult(p: ASTPath, fn: Node): boolean {
  let at = p;
  while (at.parent && WRAPPERS.has(at.parent.node.type)) at = at.parent;
  const parent = at.parent?.node;
  if (parent === fn) return fn.body === at.node;
  if (parent?.type !== "ReturnStatement") return false;
  for (let up = at.parent.parent; up; up = up.parent) if (FUNCTIONS.has(up.node.type)) return up.node === fn;
  return false;
}

/** Where a use of the whole session object goes, in words. */
function describe(parent: Node, source: string, shown: string): string {
  if (parent?.type === "CallExpression" || parent?.type === "NewExpression") {
    const callee = source.slice(range(parent.callee).start, range(parent.callee).end);
    return `passes ${shown} whole to ${callee.length <= 40 ? callee : "a function"}(…)`;
  }
  if (parent?.type === "VariableDeclarator" || parent?.type === "AssignmentExpression") return `assigns ${shown} whole`;
  if (parent?.type === "ObjectProperty") return `puts ${shown} whole in an object`;
  return `uses ${shown} whole`;
}
