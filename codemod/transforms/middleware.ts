import type { ASTPath, CallExpression, ObjectExpression } from "jscodeshift";
import {
  applyEdits,
  freeName,
  isTypeScript,
  lineOf,
  namedImports,
  parse,
  parseInput,
  range,
  references,
  type Parsed,
  importedName,
  importsFrom,
  localName,
  topImports,
  type Node,
} from "../lib/ast";
import { findingsOf, type Note } from "../lib/findings";
import type { Transform, TransformInput, TransformResult } from "../lib/types";
import type { Project } from "../lib/project";
import { sessionClaims, type SessionClaims } from "../lib/session-claims";

const SOURCE = "next-auth/middleware";

export const EDGE_TODO =
  "v5 middleware runs the whole session action (your jwt and session callbacks) from the auth module: if that imports a database adapter or Node-only code, give middleware an Edge-safe auth.config.ts (MIGRATION.md step 6)";

type Edit = { start: number; end: number; text: string };
/** The local names the rewritten middleware declares or imports, each free in the file (`auth2` where `auth` is taken). */
type WrittenNames = { auth: string; authorized: string; handler: string; isPublic: string; redirect: string };

/**
 * Step 6 (middleware moves at the switch: importing "next-auth/middleware" throws in v5).
 *   export { default } from "next-auth/middleware"
 *   withAuth(fn, { callbacks: { authorized }, pages })  /  withAuth({ ... })  /  withAuth(fn)
 * become `auth((req) => …)` with v4's rule written out: v5 middleware lets every request
 * through unless told otherwise, while v4 sent a visitor without a token to the sign-in page
 * (or wherever `authorized` said no). `req.nextauth.token` → `req.auth`, which is the session,
 * not the JWT: every read of a claim from it is reported.
 *
 * The rewrite is textual (by AST offsets), so the user's own code keeps its exact formatting;
 * only the imports go through recast.
 */
export const middleware: Transform = {
  name: "middleware",
  step: 6,
  kind: "source",
  run(input: TransformInput): TransformResult {
    const { file, source, project } = input;
    const { findings, note } = findingsOf(6, file);
    let known: SessionClaims | undefined;
    const claims = () => (known ??= sessionClaims(project, isTypeScript(file)));
    if (!source.includes(SOURCE)) {
      // Already v5 (an earlier apply, or by hand): its claim reads still need a person.
      if (MIDDLEWARE_FILE.test(file) && /\.auth\b/.test(source) && source.includes("auth")) {
        const parsed = parseInput(input);
        const fromAuthModule = importsAuthModule(parsed, file, project);
        // An Edge-safe split (`NextAuth(authConfig)` in middleware) reads the same session.
        if (fromAuthModule || importsFrom(parsed, ["next-auth"]).size() > 0) reportClaims(parsed, note, claims);
        if (fromAuthModule && !edgeReady(source, project)) note(1, "middleware-edge", EDGE_TODO);
      }
      return { findings };
    }
    const ts = isTypeScript(file);

    // Pass 1: req.nextauth.token → req.auth; type the handler's request.
    let parsed = parseInput(input);
    const tokens = tokenPass(parsed, input, ts, note, claims);
    let rewrote = tokens.rewrote;
    let text = applyEdits(source, tokens.edits);

    // Pass 2: the middleware itself.
    parsed = parse(file, text);
    const edits: Edit[] = [];
    const written: WrittenNames = {
      auth: "auth",
      authorized: "authorized",
      handler: "middleware",
      isPublic: "isV4PublicPath",
      redirect: "signInRedirect",
    };
    for (const key of Object.keys(written) as (keyof WrittenNames)[]) written[key] = freeName(parsed, written[key]);
    const { j, root } = parsed;

    root
      .find(j.ExportNamedDeclaration)
      .filter((p) => p.node.source?.value === SOURCE)
      .forEach((p) => {
        const specifiers = p.node.specifiers ?? [];
        const spec = specifiers.find((s) => s.type === "ExportSpecifier" && localName(s) === "default");
        if (!spec || specifiers.length !== 1) {
          note(
            lineOf(p.node, parsed.source),
            "middleware",
            `re-export from ${SOURCE} other than { default }: rewrite by hand`,
          );
          return;
        }
        const exportedAs = (spec as { exported: { name: string } }).exported.name;
        const head = exportedAs === "default" ? "export default" : `export const ${exportedAs} =`;
        const body = `${head} ${written.auth}((req) => {\n  if (${written.isPublic}(req)) return;\n  if (!req.auth) return ${written.redirect}(req);\n});`;
        edits.push({
          ...range(p.node),
          text: `${v4RuleFunctions(ts, written, "/api/auth/signin", "/api/auth/error")}\n\n${body}`,
        });
        note(
          lineOf(p.node, parsed.source),
          "middleware",
          `export { default } from "${SOURCE}" → ${written.auth}() middleware that still redirects signed-out visitors`,
          "rewrite",
        );
        rewrote++;
      });

    for (const call of withAuthCalls(parsed)) {
      const reason = rewriteWithAuth(parsed, call, ts, written, note, edits, claims);
      if (reason) note(lineOf(call.node, parsed.source), "middleware", reason);
      else rewrote++;
    }
    if (rewrote === 0) return { findings };
    text = applyEdits(text, edits);

    // Pass 3: imports (as text, where the next-auth/middleware import was), and what the rewrite cannot prove.
    text = importPass(file, text, project, ts, written.auth, note);
    // On the final text: the import lines above shift every line below them.
    const final = parse(file, text);
    reportClaims(final, note, claims);
    if (usesName(final, written.auth) && !edgeReady(text, project)) {
      const onNode = nodeMiddlewareSupported(project) ? withNodeRuntime(text) : undefined;
      if (onNode) {
        text = onNode;
        note(
          1,
          "middleware-edge",
          'config.runtime "nodejs": v5 middleware runs the whole session action from the auth module, which imports code the Edge runtime may not run (Next 15.5 runs middleware on Node.js when asked)',
          "rewrite",
        );
      } else note(1, "middleware-edge", EDGE_TODO);
    }
    return { source: text, findings };
  },
};

/** Pass 1: `req.nextauth.token` → `req.auth` (a claim the session carries, read from the session), and the handler's request typed. */
function tokenPass(
  parsed: Parsed,
  { source }: TransformInput,
  ts: boolean,
  note: Note,
  claims: () => SessionClaims,
): { edits: Edit[]; rewrote: number } {
  const edits: Edit[] = [];
  let rewrote = 0;
  parsed.root.find(parsed.j.MemberExpression).forEach((p) => {
    const obj = p.node.object;
    if (
      obj.type !== "MemberExpression" ||
      obj.computed ||
      obj.property.type !== "Identifier" ||
      obj.property.name !== "nextauth"
    )
      return;
    if (p.node.computed || p.node.property.type !== "Identifier" || p.node.property.name !== "token") return;
    const req = source.slice(range(obj.object).start, range(obj.object).end);
    const parent = p.parent?.node;
    const claim =
      (parent?.type === "MemberExpression" || parent?.type === "OptionalMemberExpression") &&
      parent.object === p.node &&
      !parent.computed &&
      parent.property.type === "Identifier"
        ? (parent.property.name as string)
        : undefined;
    const path = claim && claims().certain(claim);
    if (path) {
      edits.push({ ...range(parent), text: `${req}.auth${optionalPath(path)}` });
      note(
        lineOf(p.node, parsed.source),
        "token-claim",
        `req.nextauth.token.${claim} → ${req}.auth${optionalPath(path)} (the session, where every session callback puts token.${claim})`,
        "rewrite",
      );
      rewrote++;
      return;
    }
    edits.push({ ...range(p.node), text: `${source.slice(range(obj.object).start, range(obj.object).end)}.auth` });
    note(
      lineOf(p.node, parsed.source),
      "nextauth-token",
      "req.nextauth.token → req.auth (the session, not the JWT)",
      "rewrite",
    );
    rewrote++;
  });
  if (ts) {
    for (const call of withAuthCalls(parsed)) {
      const fn = call.node.arguments[0] as Node | undefined;
      const param =
        fn && (fn.type === "FunctionExpression" || fn.type === "ArrowFunctionExpression")
          ? (fn as { params: Node[] }).params[0]
          : undefined;
      if (param?.type !== "Identifier" || (param as { typeAnnotation?: unknown }).typeAnnotation) continue;
      const { start, end } = range(param);
      const parenless =
        fn?.type === "ArrowFunctionExpression" &&
        source[start - 1] !== "(" &&
        source.slice(range(fn).start, start).trim() === "";
      edits.push(
        parenless
          ? { start, end, text: `(${source.slice(start, end)}: NextAuthRequest)` }
          : { start: end, end, text: ": NextAuthRequest" },
      );
    }
  }
  return { edits, rewrote };
}

// Both read the syntax tree: a text match runs past an import's end in code without semicolons.
/** Whether the code (its imports aside) uses `name`. */
function usesName(parsed: Parsed, name: string): boolean {
  return references(parsed, name).size() > 0;
}

/** Whether the module imports something as `name`. */
function importsName(parsed: Parsed, name: string): boolean {
  return topImports(parsed)
    .nodes()
    .some((d) => (d.specifiers ?? []).some((s) => localName(s) === name));
}

/**
 * Pass 3: the imports the rewritten middleware needs (`auth` under its local name), written where
 * the next-auth/middleware import was; what still imports from it is reported.
 */
function importPass(file: string, text: string, project: Project, ts: boolean, auth: string, note: Note): string {
  const parsed = parse(file, text);
  const { j, root } = parsed;
  const lines: string[] = [];
  const uses = (name: string) => usesName(parsed, name);
  const imported = (name: string) => importsName(parsed, name);
  let importEdits: Edit[] = [];
  root.find(j.ImportDeclaration, { source: { value: SOURCE } }).forEach((p) => {
    const kept: string[] = [];
    for (const s of p.node.specifiers ?? []) {
      const local = localName(s);
      if (s.type === "ImportSpecifier" && importedName(s) === "NextRequestWithAuth") {
        lines.push(
          `import type { NextAuthRequest${local === "NextAuthRequest" ? "" : ` as ${local}`} } from "next-auth";`,
        );
        note(
          lineOf(p.node, parsed.source),
          "middleware-type",
          "NextRequestWithAuth → NextAuthRequest from next-auth",
          "rewrite",
        );
      } else if (references(parsed, local).size() > 0) kept.push(local);
    }
    if (kept.length)
      note(
        lineOf(p.node, parsed.source),
        "middleware",
        `still imports ${kept.join(", ")} from ${SOURCE}, which throws in v5`,
      );
    const { start, end } = range(p.node);
    importEdits.push({ start, end: text[end] === "\n" ? end + 1 : end, text: "" });
  });
  if (uses(auth))
    lines.push(`import { ${auth === "auth" ? "auth" : `auth as ${auth}`} } from "${project.authImport(file)}";`);
  const types = ["NextAuthRequest", "Session"].filter((n) => ts && uses(n) && !imported(n));
  if (types.length) lines.push(`import type { ${types.join(", ")} } from "next-auth";`);
  if (uses("NextResponse") && !imported("NextResponse")) lines.push('import { NextResponse } from "next/server";');
  if (ts && uses("NextRequest") && !imported("NextRequest"))
    lines.push('import type { NextRequest } from "next/server";');
  const at = importEdits[0]?.start ?? 0;
  importEdits = importEdits.map((e, i) =>
    i === 0 ? { ...e, text: lines.map((l) => `${l}\n`).join("") + (importEdits.length === 0 ? "\n" : "") } : e,
  );
  if (importEdits.length === 0) importEdits.push({ start: at, end: at, text: `${lines.join("\n")}\n\n` });
  return applyEdits(text, importEdits);
}

// Next takes middleware.tsx too (any page extension), and Next 16 names it proxy.
const MIDDLEWARE_FILE = /^(src\/)?(?:middleware|proxy)\.[cm]?[jt]sx?$/;

/** Whether the app's own package.json asks for a Next (15.5 or later) that runs middleware on Node.js when its config says so. */
function nodeMiddlewareSupported(project: TransformInput["project"]): boolean {
  let manifest: { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
  try {
    manifest = JSON.parse(project.read("package.json") ?? "{}");
  } catch {
    return false;
  }
  const range = manifest.dependencies?.next ?? manifest.devDependencies?.next ?? "";
  const lowest = /^[\^~]?(\d+)\.(\d+)\.\d+$/.exec(range.trim());
  if (!lowest) return false;
  const [major, minor] = [Number(lowest[1]), Number(lowest[2])];
  return major > 15 || (major === 15 && minor >= 5);
}

/** The middleware with `runtime: "nodejs"` in its exported config (a new one when it has none), or undefined. */
function withNodeRuntime(text: string): string | undefined {
  if (/\bruntime\s*:/.test(text)) return undefined;
  const declared = /^export const config\s*(?::\s*[\w.]+\s*)?=\s*\{/m.exec(text);
  if (declared) {
    const at = declared.index + declared[0].length;
    const multiline = /^[ \t]*\r?\n([ \t]*)/.exec(text.slice(at));
    const empty = /^\s*\}/.test(text.slice(at));
    const insert = multiline
      ? `\n${multiline[1]}runtime: "nodejs",`
      : empty
        ? ` runtime: "nodejs" `
        : ` runtime: "nodejs",`;
    return text.slice(0, at) + insert + text.slice(at);
  }
  if (/\bconfig\b/.test(text)) return undefined;
  return `${text.trimEnd()}\n\nexport const config = { runtime: "nodejs" };\n`;
}

/** Packages whose code runs on the Edge runtime: what an Edge-safe auth module may import. */
const EDGE_PACKAGES = /^(next-auth|@auth\/core|next|zod|@t3-oss\/env-(nextjs|core))(\/|$)/;

/**
 * Whether the Edge to-do is settled: the middleware runs on Node.js (`runtime: "nodejs"`, Next ≥
 * 15.5), or the auth module, through the files of the package it imports, imports no package but
 * next-auth, next and zod (no adapter, no database client): then the Edge runs it as it is.
 */
function edgeReady(middlewareSource: string, project: TransformInput["project"]): boolean {
  if (/\bruntime\s*:\s*["']nodejs["']/.test(middlewareSource)) return true;
  const start = project.has(project.authModule);
  const seen = new Set<string>();
  const queue = start ? [start] : [];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    const text = project.read(file);
    if (text === null) return false;
    for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)(["'])([^"'\n]+)\1/g)) {
      if (EDGE_PACKAGES.test(m[2])) continue;
      const target = project.resolve(file, m[2]);
      const found = target === undefined ? undefined : project.has(target);
      if (!found) return false;
      queue.push(found);
    }
  }
  return start !== undefined;
}

/** Whether the file imports `auth` from the app's auth module. */
function importsAuthModule({ j, root }: Parsed, file: string, project: TransformInput["project"]): boolean {
  return (
    root
      .find(j.ImportDeclaration)
      .filter(
        (p) =>
          (project.authFrom
            ? p.node.source.value === project.authFrom
            : project.resolve(file, String(p.node.source.value)) === project.authModule) &&
          (p.node.specifiers ?? []).some((s) => s.type === "ImportSpecifier" && importedName(s) === "auth"),
      )
      .size() > 0
  );
}

/** withAuth(...) calls, under any local name withAuth is imported as. */
function withAuthCalls(parsed: Parsed): ASTPath<CallExpression>[] {
  const { j, root } = parsed;
  const locals = [
    ...namedImports(parsed, [SOURCE], "withAuth").map((i) => i.local),
    ...root
      .find(j.ImportDeclaration, { source: { value: SOURCE } })
      .nodes()
      .flatMap((d) => (d.specifiers ?? []).filter((s) => s.type === "ImportDefaultSpecifier").map((s) => localName(s))),
  ].filter(Boolean);
  return locals.flatMap((name) => root.find(j.CallExpression, { callee: { type: "Identifier", name } }).paths());
}

/** Reads of a claim from the session where v4 had the JWT: `token.role`, `req.auth.role`. */
function reportClaims({ j, root, source }: Parsed, note: Note, claims: () => SessionClaims) {
  const aliases = new Set<string>(["token"]);
  root.find(j.VariableDeclarator).forEach((p) => {
    const init = p.node.init;
    if (
      p.node.id.type === "Identifier" &&
      init?.type === "MemberExpression" &&
      init.property.type === "Identifier" &&
      init.property.name === "auth"
    )
      aliases.add(p.node.id.name);
  });
  root.find(j.Node).forEach((p) => {
    const n = p.node as { type: string; object?: Node; property?: Node; computed?: boolean };
    if (n.type !== "MemberExpression" && n.type !== "OptionalMemberExpression") return;
    const obj = n.object as { type: string; name?: string; property?: { name?: string } };
    const fromToken =
      (obj.type === "Identifier" && aliases.has(obj.name ?? "")) ||
      ((obj.type === "MemberExpression" || obj.type === "OptionalMemberExpression") && obj.property?.name === "auth");
    const prop = n.property as { type: string; name?: string } | undefined;
    if (
      fromToken &&
      prop?.type === "Identifier" &&
      !n.computed &&
      prop.name !== "auth" &&
      prop.name !== "user" &&
      prop.name !== "expires" &&
      !claims().sessionKeys.has(prop.name!)
    ) {
      const session = source.slice(range(n.object).start, range(n.object).end);
      note(
        lineOf(p.node, source),
        "token-claim",
        `reads ${source.slice(range(n).start, range(n).end)}: in v5 middleware ${session} is the session (your session callback's result), not the JWT; ${claims().fix(prop.name!, session)}`,
      );
    }
  });
}

/**
 * In v4 withAuth's authorized callback, `({ token }) => token.role === "admin"`: the reads of a claim
 * the session callback copies onto session.user, as edits to `token?.user?.role` (v5 passes the
 * session as `token`). Only where `token` is the callback's own destructured parameter.
 */
function sessionClaimReads(parsed: Parsed, fn: Node | undefined, claims: () => SessionClaims, note: Note): Edit[] {
  const { j, source } = parsed;
  if (!fn || !["ArrowFunctionExpression", "FunctionExpression", "ObjectMethod"].includes(fn.type)) return [];
  const param = (fn as { params: Node[] }).params[0] as
    { type: string; properties?: { type: string; key?: Node; value?: Node; computed?: boolean }[] } | undefined;
  const binding = param?.type === "ObjectPattern" ? (param.properties ?? []) : [];
  const tokenProp = binding.find(
    (x) =>
      (x.type === "ObjectProperty" || x.type === "Property") &&
      !x.computed &&
      (x.key as { type: string; name?: string } | undefined)?.name === "token" &&
      x.value?.type === "Identifier",
  );
  if (!tokenProp) return [];
  const local = (tokenProp.value as { name: string }).name;
  const edits: Edit[] = [];
  j((fn as { body: Node }).body as never)
    .find(j.Node)
    .forEach((p) => {
      const n = p.node as { type: string; object?: Node; property?: Node; computed?: boolean };
      if (n.type !== "MemberExpression" && n.type !== "OptionalMemberExpression") return;
      const obj = n.object as { type: string; name?: string };
      const prop = n.property as { type: string; name?: string };
      if (obj.type !== "Identifier" || obj.name !== local || n.computed || prop.type !== "Identifier") return;
      const path = ["user", "expires"].includes(prop.name!) ? undefined : claims().certain(prop.name!);
      if (!path || path === prop.name) return;
      const parent = p.parent?.node as { type: string; left?: Node } | undefined;
      if (parent?.type === "AssignmentExpression" && parent.left === p.node) return;
      edits.push({ ...range(n), text: `${local}${optionalPath(path)}` });
      note(
        lineOf(p.node as Node, source),
        "token-claim",
        `${local}.${prop.name} → ${local}${optionalPath(path)} in the authorized callback (v5 passes the session, where every session callback puts token.${prop.name})`,
        "rewrite",
      );
    });
  return edits;
}

/** Code moved out of the call to the top level, with `inner` edits; it loses the indentation of the line it started on. */
function movedCode(source: string, n: unknown, inner: Edit[] = []): string {
  const { start, end } = range(n);
  const indent = /^[ \t]*/.exec(source.slice(source.lastIndexOf("\n", start - 1) + 1, start))![0];
  const text = applyEdits(
    source.slice(start, end),
    inner.map((e) => ({ ...e, start: e.start - start, end: e.end - start })),
  );
  return indent ? text.replace(new RegExp(`\n${indent}`, "g"), "\n") : text;
}

type OptionList = ObjectExpression["properties"];

/** The property `key` of an object literal's properties (a method too). */
function prop(list: OptionList, key: string) {
  return list.find(
    (x) =>
      (x.type === "ObjectProperty" || x.type === "Property" || x.type === "ObjectMethod") &&
      !x.computed &&
      x.key.type === "Identifier" &&
      x.key.name === key,
  ) as { type: string; value?: Node; params?: Node[]; body?: Node; async?: boolean } | undefined;
}

/** withAuth's `callbacks.authorized` as a function of its own, its claim reads taken from the session; or undefined. */
function authorizedCallback(
  parsed: Parsed,
  props: OptionList,
  note: Note,
  sessionClaims: () => SessionClaims,
): string | undefined {
  const { source } = parsed;
  const callbacks = prop(props, "callbacks")?.value;
  const authorized =
    callbacks?.type === "ObjectExpression" ? prop((callbacks as ObjectExpression).properties, "authorized") : undefined;
  if (!authorized) return undefined;
  const method = authorized.type === "ObjectMethod";
  const claimEdits = sessionClaimReads(parsed, method ? authorized : authorized.value, sessionClaims, note);
  const code = movedCode(source, method ? authorized.body : authorized.value, claimEdits);
  if (!method) return code;
  const params = (authorized.params ?? []).map((n) => source.slice(range(n).start, range(n).end));
  return `${authorized.async ? "async " : ""}(${params.join(", ")}) => ${code}`;
}

/** Adds the edits for one withAuth(...) call; returns a reason when it cannot rewrite it. */
function rewriteWithAuth(
  parsed: Parsed,
  p: ASTPath<CallExpression>,
  ts: boolean,
  written: WrittenNames,
  note: Note,
  edits: Edit[],
  sessionClaims: () => SessionClaims,
): string | undefined {
  const { source } = parsed;
  const moved = (n: unknown) => movedCode(source, n);
  const args = p.node.arguments as Node[];
  const declaresFunction = (name: string) =>
    parsed.root.find(parsed.j.FunctionDeclaration, { id: { name } }).size() > 0 ||
    parsed.root
      .find(parsed.j.VariableDeclarator, { id: { name } })
      .filter((d) => ["ArrowFunctionExpression", "FunctionExpression"].includes(d.node.init?.type ?? ""))
      .size() > 0;
  const isFn = (n: Node | undefined) =>
    !!n &&
    (["FunctionExpression", "ArrowFunctionExpression"].includes(n.type) ||
      (n.type === "Identifier" && (args.length === 2 || declaresFunction((n as { name: string }).name))));
  const fn = isFn(args[0]) ? args[0] : undefined;
  const options = fn ? args[1] : args[0];
  if (args.length > 2 || (options && options.type !== "ObjectExpression"))
    return "withAuth options are not an object literal: rewrite this middleware by hand";
  let statement: ASTPath = p;
  while (statement.parent && statement.parent.node.type !== "Program") statement = statement.parent;
  if (!statement.parent) return "withAuth() inside another construct: rewrite by hand";

  const props = options ? (options as ObjectExpression).properties : [];
  for (const x of props) {
    const key = (x as { key?: { name?: string } }).key?.name;
    if (x.type === "SpreadElement" || !key || !["callbacks", "pages"].includes(key)) {
      note(
        lineOf(x, source),
        "middleware-option",
        `withAuth option ${key ?? "…spread"} has no place in v5 middleware: configure it in the auth module (secret, jwt, cookies)`,
      );
    }
  }
  const pages = prop(props, "pages")?.value;
  const page = (key: string, fallback: string) => {
    const v = pages?.type === "ObjectExpression" ? prop((pages as ObjectExpression).properties, key)?.value : undefined;
    if (!v) return fallback;
    if (v.type === "StringLiteral") return (v as { value: string }).value;
    note(
      lineOf(v, source),
      "middleware-option",
      `pages.${key} is not a string literal: check the sign-in redirect in the rewritten middleware`,
    );
    return fallback;
  };
  const authorizedCode = authorizedCallback(parsed, props, note, sessionClaims);
  const fnParams = fn && fn.type !== "Identifier" ? (fn as { params: Node[] }).params : [];
  if (fnParams.length > 1)
    note(
      lineOf(fn, source),
      "middleware",
      "the middleware reads a second argument: v4 passed NextFetchEvent, v5 passes { params }",
    );

  const blocks = [v4RuleFunctions(ts, written, page("signIn", "/api/auth/signin"), page("error", "/api/auth/error"))];
  if (authorizedCode) {
    const type = ts ? ": (params: { req: NextAuthRequest; token: Session | null }) => unknown" : "";
    blocks.push(
      `/** v4 withAuth's authorized callback; \`token\` is now the session, not the JWT. */\nconst ${written.authorized}${type} = ${authorizedCode};`,
    );
  }
  if (fn && fn.type !== "Identifier") blocks.push(`const ${written.handler} = ${moved(fn)};`);
  const decisions = [`if (${written.isPublic}(req)) return;`];
  decisions.push(
    authorizedCode
      ? `if (!((await ${written.authorized}({ req, token: req.auth })) ?? !!req.auth)) return ${written.redirect}(req);`
      : `if (!req.auth) return ${written.redirect}(req);`,
  );
  if (fn) decisions.push(`return ${fn.type === "Identifier" ? (fn as { name: string }).name : written.handler}(req);`);

  // Helpers go above the statement's leading comments; the comments stay with the export.
  const comments = ((statement.node as { comments?: { leading?: boolean; start?: number }[] }).comments ?? []).filter(
    (c) => c.leading,
  );
  const insertAt = Math.min(range(statement.node).start, ...comments.map((c) => c.start ?? Infinity));
  edits.push({ start: insertAt, end: insertAt, text: `${blocks.join("\n\n")}\n\n` });
  // async only when a decision awaits: typed ESLint's require-await flags an async function with no await.
  const awaits = decisions.some((d) => /\bawait\b/.test(d));
  edits.push({
    ...range(p.node),
    text: `${written.auth}(${awaits ? "async " : ""}(req) => {\n  ${decisions.join("\n  ")}\n})`,
  });
  note(
    lineOf(p.node, source),
    "middleware",
    `withAuth(…) → ${written.auth}(…) with v4's redirect for signed-out visitors written out`,
    "rewrite",
  );
  return undefined;
}

/** v4 withAuth's own rules, which v5 does not have: which paths it never guarded, and where it sent a visitor. */
function v4RuleFunctions(ts: boolean, written: WrittenNames, signInPage: string, errorPage: string): string {
  const req = ts ? "req: NextRequest" : "req";
  return `/** Paths v4's withAuth never guarded: the auth endpoints and pages, Next's assets. */
function ${written.isPublic}(${req}) {
  const { pathname } = req.nextUrl;
  return (
    pathname.startsWith("/api/auth") ||
    [${JSON.stringify(signInPage)}, ${JSON.stringify(errorPage)}].includes(pathname) ||
    ["/_next", "/favicon.ico"].some((prefix) => pathname.startsWith(prefix))
  );
}

/** v4 withAuth's answer to a visitor it did not authorize: its sign-in page, with the page as callbackUrl. */
function ${written.redirect}(${req}) {
  const { pathname, search, basePath, origin } = req.nextUrl;
  const url = new URL(\`\${basePath}${signInPage}\`, origin);
  url.searchParams.append("callbackUrl", \`\${basePath}\${pathname}\${search}\`);
  return NextResponse.redirect(url);
}`;
}

/** `user.role` → `?.user?.role`: a session path read from a session that may be null. */
function optionalPath(path: string): string {
  return path
    .split(".")
    .map((key) => `?.${key}`)
    .join("");
}
