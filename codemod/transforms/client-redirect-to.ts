import type { Collection, JSCodeshift, ObjectExpression } from "jscodeshift";
import { applyEdits, lineOf, parseInput, range, importedName, localName, type Node } from "../lib/ast";
import { findingsOf } from "../lib/findings";
import type { Transform, TransformResult } from "../lib/types";

/**
 * Step 7. `signIn(provider, { callbackUrl })` and `signOut({ callbackUrl })` from
 * "next-auth/react" → `redirectTo` (v5's name; `callbackUrl` still works there, deprecated).
 * v4 ignores `redirectTo`, so this belongs after the switch (step 6).
 */
const CLIENT_FUNCTIONS: Record<string, number> = { signIn: 1, signOut: 0 }; // index of the options argument

export const clientRedirectTo: Transform = {
  name: "client-redirect-to",
  step: 7,
  kind: "source",
  run(input): TransformResult {
    const { file, source, project, steps } = input;
    if (!source.includes("callbackUrl") || !/from\s+["']next-auth\/react["']/.test(source)) return { findings: [] };
    const parsed = parseInput(input);
    const { j, root } = parsed;
    const { findings, note } = findingsOf(7, file);

    // Local name → which function, for `import { signIn as login }` and `import * as NextAuth`.
    const locals = new Map<string, string>();
    const namespaces = new Set<string>();
    root.find(j.ImportDeclaration, { source: { value: "next-auth/react" } }).forEach((p) => {
      for (const s of p.node.specifiers ?? []) {
        if (s.type === "ImportSpecifier" && importedName(s) in CLIENT_FUNCTIONS)
          locals.set(localName(s, importedName(s)), importedName(s));
        if (s.type === "ImportNamespaceSpecifier") namespaces.add(localName(s));
      }
    });
    const edits: { start: number; end: number; text: string }[] = [];
    root.find(j.CallExpression).forEach((p) => {
      const callee = p.node.callee;
      let fn: string | undefined;
      if (callee.type === "Identifier") fn = locals.get(callee.name);
      else if (
        callee.type === "MemberExpression" &&
        callee.object.type === "Identifier" &&
        namespaces.has(callee.object.name) &&
        callee.property.type === "Identifier"
      ) {
        fn = callee.property.name in CLIENT_FUNCTIONS ? callee.property.name : undefined;
      }
      if (!fn) return;
      const options = p.node.arguments[CLIENT_FUNCTIONS[fn]];
      // `signIn(id, undefined, authorizationParams)`: no options, so nothing to rename.
      if (!options || isNothing(options)) return;
      if (options.type !== "ObjectExpression") {
        const code = source.slice(range(options).start, range(options).end);
        // A `const` of this file written as an object: reported only when it has callbackUrl (or a spread).
        const local = options.type === "Identifier" ? constObject(root, j, options.name) : undefined;
        if (local && !local.properties.some((prop) => prop.type === "SpreadElement" || keyOf(prop) === "callbackUrl"))
          return;
        if (code.includes("callbackUrl") || options.type === "Identifier") {
          note(
            lineOf(p.node, source),
            "callback-url",
            `${fn}(…, ${code}): options not written inline; rename callbackUrl to redirectTo where they are built`,
            "todo",
          );
        }
        return;
      }
      const obj = options as ObjectExpression;
      const props = obj.properties;
      const callbackUrl = props.find((prop) => keyOf(prop) === "callbackUrl");
      if (!callbackUrl) {
        if (props.some((prop) => prop.type === "SpreadElement"))
          note(
            lineOf(p.node, source),
            "callback-url",
            `${fn}({ ...spread }): check the spread object for callbackUrl`,
            "todo",
          );
        return;
      }
      if (props.some((prop) => keyOf(prop) === "redirectTo")) {
        note(
          lineOf(p.node, source),
          "callback-url",
          `${fn} passes both callbackUrl and redirectTo: keep redirectTo`,
          "todo",
        );
        return;
      }
      const prop = callbackUrl as { key: unknown; shorthand?: boolean };
      edits.push(
        prop.shorthand
          ? { ...range(prop), text: "redirectTo: callbackUrl" }
          : { ...range(prop.key), text: "redirectTo" },
      );
      note(lineOf(p.node, source), "callback-url", `${fn}(…, { callbackUrl }) → redirectTo`, "rewrite");
    });
    const changed = edits.length > 0;
    if (changed && project.nextAuthMajor === 4 && !steps.has(6)) {
      note(1, "callback-url-v4", "next-auth v4 ignores redirectTo: apply step 6 (the switch) before shipping this");
    }
    return { source: changed ? applyEdits(source, edits) : undefined, findings };
  },
};

type Property = ObjectExpression["properties"][number];

function keyOf(prop: Property): string | undefined {
  return (prop.type === "ObjectProperty" || prop.type === "Property") &&
    !prop.computed &&
    prop.key.type === "Identifier"
    ? prop.key.name
    : undefined;
}

/** `undefined`, `null` or `void 0`: an argument that passes no options. */
function isNothing(node: Node): boolean {
  return (
    (node.type === "Identifier" && node.name === "undefined") ||
    node.type === "NullLiteral" ||
    (node.type === "Literal" && node.value === null) ||
    (node.type === "UnaryExpression" && node.operator === "void")
  );
}

/** The object a top-level or local `const name = { … }` of this file holds, if it is one. */
function constObject(root: Collection, j: JSCodeshift, name: string): ObjectExpression | undefined {
  const found = root
    .find(j.VariableDeclarator, { id: { type: "Identifier", name } })
    .filter((p) => (p.parent.node as { kind?: string }).kind === "const")
    .nodes();
  const init = found.length === 1 ? found[0].init : undefined;
  return init?.type === "ObjectExpression" ? init : undefined;
}
