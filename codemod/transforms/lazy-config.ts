import {
  applyEdits,
  importedName,
  lineOf,
  localName,
  parseForReading,
  range,
  topImports,
  type Node,
  type Parsed,
} from "../lib/ast";
import type { ASTPath, Identifier } from "jscodeshift";
import type { Project } from "../lib/project";

/**
 * Step 6, a Pages route that builds its options per request:
 *   export default async function auth(req, res) {
 *     if (req.method === "HEAD") return res.status(200).end();      guards: answered before NextAuth
 *     const options = await getOptions({ cookies: req.cookies });    the config, built from the request
 *     return await NextAuth(req, res, options);
 *   }
 * becomes v5's lazy initialisation, `NextAuth(async (req) => { …; return options })`, in auth.ts,
 * and the guards wrap the App Router route's GET and POST. The option builders stay as they are.
 */
export interface LazyRoute {
  /** The argument of NextAuth in auth.ts. */
  config: string;
  /** Declarations auth.ts gains after the NextAuth call (v4RequestOf), or "". */
  helpers: string;
  /** The route's guard and its GET and POST (replacing `export const { GET, POST } = handlers`), if any. */
  guards?: { imports: string; code: string };
  /** What it cannot carry: the app is refused, and the code above is what to write by hand. */
  problems: string[];
  /** Edits elsewhere in the route file, which auth.ts keeps (an options builder's parameter type). */
  fileEdits?: { start: number; end: number; text: string }[];
  /** Names the route imports from auth.ts besides `handlers` (`v4RequestOf`). */
  authImports?: string[];
  readsUrl?: boolean;
  /** To-dos the switch leaves where the config's modules read what v5's request lacks (its socket). */
  notes?: { file: string; line: number; message: string }[];
}

interface Style {
  typescript: boolean;
  semi: string;
  q: string;
  /** The route's project and file: the modules it imports are read (what an options builder reads). */
  project?: Project;
  file?: string;
}

const V4_REQUEST_NAME = "v4Req";
const V4_REQUEST_FIELDS = new Set(["cookies", "headers", "query", "url"]);

/** The to-do at a `req.socket.remoteAddress` fallback the lazy config's modules read (no scan finds it again). */
export const NO_SOCKET_TODO =
  "v5's request has no socket: after the switch `remoteAddress` here is undefined (v4RequestOf gives an empty socket), so the address comes from the header before it only; if the app is served with no proxy setting that header, decide what stands for the address, then tick this item";

/**
 * The lazy config for handler `fn` around `return NextAuth(req, res, options)`, or undefined when
 * that is not its shape: leading guards and the config (`guardedRoute`), or else, when the route
 * does more around NextAuth than answer first, its own code in the route's GET and POST
 * (`wrappedRoute`), when that carries all of it.
 */
export function lazyRoute(parsed: Parsed, fn: Node, nextAuth: string, style: Style): LazyRoute | undefined {
  const guarded = guardedRoute(parsed, fn, nextAuth, style);
  if (!guarded?.problems.length) return guarded;
  const wrapped = wrappedRoute(parsed, fn, nextAuth, style);
  return wrapped && !wrapped.problems.length ? wrapped : guarded;
}

/**
 * A route that does more around NextAuth than answer first (langfuse: checks that answer between
 * computing the options and calling NextAuth, headers set on NextAuth's response, a query value
 * rewritten before NextAuth reads it). The statements the options are built from become the lazy
 * config; the others, in their order, the route's GET and POST: v4's request reads through
 * v4RequestOf(req) (with `query.nextauth`, the path segments), `res.setHeader` into the headers
 * every answer carries, `return res…` a Web Response, `req.query.x = …` the query of the request
 * handed to Auth.js. The route file's own declarations that code uses move with it.
 */
function wrappedRoute(parsed: Parsed, fn: Node, nextAuth: string, style: Style): LazyRoute | undefined {
  const { j, root, source } = parsed;
  const shape = routeShape(fn, nextAuth);
  if (!shape || !style.typescript || !style.project) return undefined;
  const { reqName, resName, options, rest } = shape;
  const at = (n: Node) => `line ${lineOf(n, source)}`;
  const names = (n: Node) => declaredNames(j, n);
  const config = configStatementsOf(j, options, rest);
  const configStatements = rest.filter((st) => config.has(st));
  const routeStatements = rest.filter((st) => !config.has(st));
  const result = guardedRoute(parsed, fn, nextAuth, style, configStatements);
  if (!result) return undefined;
  const problems = new Set(result.problems);
  const routeNames = routeStatements.flatMap(names);
  for (const statement of configStatements)
    for (const name of routeNames)
      if (mentions(j, statement, name))
        problems.add(`\`${name}\` at ${at(statement)}: the config reads it, and the route's own code computes it`);
  const firstConfig = configStatements.length ? rest.indexOf(configStatements[0]) : rest.length;
  if (configStatements.some((st, i) => rest[firstConfig + i] !== st))
    problems.add(
      `the statements at ${configStatements.map(at).join(", ")}: the config's, with the route's own code between them`,
    );
  for (const statement of rest.slice(firstConfig).filter((st) => !config.has(st)))
    if (
      j(statement as never)
        .find(j.ReturnStatement)
        .size() ||
      j(statement as never)
        .find(j.AwaitExpression)
        .size()
    )
      problems.add(`the statement at ${at(statement)}: it answers or awaits after the options are built`);
  const reserved = ["v4Req", "headers", "response", "answer", "url", "handler"];
  for (const name of routeNames)
    if (reserved.includes(name)) problems.add(`\`${name}\` at ${at(fn)}: a name the route's GET and POST use`);

  // The route's statements as the route's code.
  const reads = routeStatementEdits(parsed, routeStatements, {
    reqName,
    resName,
    style,
    problems,
  });
  const { edits, readsUrl, passesQuery } = reads;

  // The file's own declarations that code uses move into the route (not what the config uses too).
  const program = root.find(j.Program).get().node as { body: Node[] };
  const exported = (st: Node) => (st.type === "ExportNamedDeclaration" ? st.declaration : st);
  const topLevel = program.body.filter(
    (st) => st.type !== "ImportDeclaration" && st.type !== "ExportDefaultDeclaration" && exported(st),
  );
  const moved = new Set<Node>();
  for (let grew = true; grew;) {
    grew = false;
    const users = [...routeStatements, ...moved];
    for (const st of topLevel)
      if (!moved.has(st) && names(exported(st)).some((n) => users.some((u) => mentions(j, u, n)))) {
        moved.add(st);
        grew = true;
      }
  }
  for (const st of moved) {
    if (st.type === "ExportNamedDeclaration")
      problems.add(`\`${names(exported(st)).join(", ")}\` at ${at(st)}: exported, and the route's code uses it`);
    const stays = [options, ...configStatements, ...topLevel.filter((t) => !moved.has(t))];
    if (names(exported(st)).some((n) => stays.some((u) => mentions(j, u, n))))
      problems.add(`\`${names(exported(st)).join(", ")}\` at ${at(st)}: both the route's code and the config use it`);
  }
  // A statement moves with the comments above it.
  const span = (n: Node) => ({
    start: Math.min(range(n).start, ...(n.leadingComments ?? []).map((c: Node) => c.start)),
    end: range(n).end,
  });
  const slice = (n: Node) => {
    const { start, end } = span(n);
    return applyEdits(
      source.slice(start, end),
      edits
        .filter((e) => e.start >= start && e.end <= end)
        .map((e) => ({ ...e, start: e.start - start, end: e.end - start })),
    );
  };
  const { semi, q } = style;
  const routeCode = routeCodeOf(reqName, style, { statements: routeStatements, moved, slice }, reads);
  return {
    ...result,
    helpers: v4RequestHelper(style, readsUrl || Boolean(result.readsUrl), true, Boolean(result.notes?.length)),
    guards: {
      imports: `import ${passesQuery ? "" : "type "}{ NextRequest } from ${q}next/server${q}${semi}\n`,
      code: routeCode,
    },
    authImports: ["v4RequestOf"],
    fileEdits: [...(result.fileEdits ?? []), ...[...moved].map((st) => ({ ...span(st), text: "" }))],
    problems: [...problems],
  };
}

/** The statements the config is made of: what the options are built from, and what changes it. */
function configStatementsOf(j: Parsed["j"], options: Node, rest: Node[]): Set<Node> {
  const names = (n: Node) => declaredNames(j, n);
  const config = new Set<Node>();
  for (let grew = true; grew;) {
    grew = false;
    const built = [options, ...config];
    const builtNames = [...config].flatMap(names);
    for (const statement of rest) {
      if (config.has(statement)) continue;
      if (
        names(statement).some((n) =>
          built.some((b) => (b.type === "Identifier" && b.name === n) || mentions(j, b, n)),
        ) ||
        builtNames.some((n) => mentions(j, statement, n))
      ) {
        config.add(statement);
        grew = true;
      }
    }
  }
  return config;
}

/** The names a statement declares (variables, a function, a type). */
function declaredNames(j: Parsed["j"], n: Node): string[] {
  return n.type === "VariableDeclaration"
    ? n.declarations.flatMap((d: Node) =>
        d.id.type === "Identifier"
          ? [d.id.name]
          : j(d.id as never)
              .find(j.Identifier)
              .filter((p) => !isPropertyName(p.node, p.parent.node))
              .nodes()
              .map((i) => i.name),
      )
    : n.type === "FunctionDeclaration" || n.type === "TSTypeAliasDeclaration" || n.type === "TSInterfaceDeclaration"
      ? [n.id.name]
      : [];
}

/**
 * The edits that make a wrapping route's own statements the route's code: its answers as Web
 * Responses, `res.setHeader` into the headers, the request's reads through v4RequestOf(req).
 */
function routeStatementEdits(
  parsed: Parsed,
  routeStatements: Node[],
  { reqName, resName, style, problems }: { reqName: string; resName: string; style: Style; problems: Set<string> },
) {
  const { j, source } = parsed;
  const code = (n: Node) => source.slice(range(n).start, range(n).end);
  const at = (n: Node) => `line ${lineOf(n, source)}`;
  const edits: { start: number; end: number; text: string }[] = [];
  const handled: { start: number; end: number }[] = [];
  const inside = (n: Node) => handled.some((h) => range(n).start >= h.start && range(n).end <= h.end);
  let readsUrl = false;
  let segments = false;
  let passesQuery = false;
  let setsHeaders = false;
  for (const statement of routeStatements) {
    j(statement as never)
      .find(j.ReturnStatement)
      .filter((p) => !insideFunction(p, statement))
      .forEach((p) => {
        const answer = p.node.argument ? routeAnswer(p.node.argument, resName, code) : undefined;
        if (!answer || mentions(j, p.node, reqName))
          return void problems.add(`\`${code(p.node)}\` at ${at(p.node)}: no certain Response for it`);
        const location = answer.location;
        const start = range(p.node).start;
        const indent = source.slice(source.lastIndexOf("\n", start - 1) + 1, start);
        const inBlock = (p.parent.node as Node).type === "BlockStatement" && /^[ \t]*$/.test(indent);
        const setLocation = `headers.set(${style.q}Location${style.q}, ${location})${style.semi}`;
        const answered = `return ${answer.text}${style.semi}`;
        edits.push({
          ...range(p.node),
          text: !location
            ? answered
            : inBlock
              ? `${setLocation}\n${indent}${answered}`
              : `{ ${setLocation} ${answered} }`,
        });
        handled.push(range(p.node));
      });
    j(statement as never)
      .find(j.Identifier)
      .forEach((p) => {
        const parent = p.parent.node as Node;
        if (isPropertyName(p.node, parent) || inside(p.node)) return;
        if (p.node.name === resName) {
          const call = p.parent.parent?.node as Node | undefined;
          const line = p.parent.parent?.parent?.node as Node | undefined;
          if (
            memberName(parent) === "setHeader" &&
            call?.type === "CallExpression" &&
            call.arguments.length === 2 &&
            /^(StringLiteral|TemplateLiteral|NumericLiteral)$/.test(call.arguments[1].type) &&
            line?.type === "ExpressionStatement"
          ) {
            setsHeaders = true;
            const [name, value] = call.arguments as Node[];
            edits.push({
              ...range(call),
              text: `headers.set(${code(name)}, ${value.type === "NumericLiteral" ? `String(${code(value)})` : code(value)})`,
            });
            handled.push(range(call));
          } else problems.add(`\`${code(parent)}\` at ${at(p.node)}: no certain Web equivalent in the route`);
          return;
        }
        if (p.node.name !== reqName) return;
        const field = parent.type === "MemberExpression" && parent.object === p.node ? memberName(parent) : undefined;
        if (field === "method") return;
        if (field && V4_REQUEST_FIELDS.has(field)) {
          const changed = mutation(p);
          const outer = p.parent.parent?.node as Node | undefined;
          if (changed && !(field === "query" && changed.type === "AssignmentExpression" && changed.left === outer))
            return void problems.add(`\`${code(changed)}\` at ${at(changed)}: it changes the request`);
          if (changed) passesQuery = true;
          if (field === "url") readsUrl = true;
          if (field === "query" && outer && memberName(outer) === "nextauth") segments = true;
          edits.push({ ...range(p.node), text: V4_REQUEST_NAME });
          return;
        }
        const helper =
          parent.type === "CallExpression" && parent.callee.type === "Identifier"
            ? functionNamed(parsed, parent.callee.name, false)
            : undefined;
        const reads = helper ? builderReads(parsed, parent, p.node, style) : undefined;
        if (helper && reads && !reads.other && !reads.file) {
          if (reads.fields.has("url")) readsUrl = true;
          if (/\.nextauth\b/.test(code(helper))) segments = true;
          edits.push({ ...range(p.node), text: V4_REQUEST_NAME });
          if (reads.param.typeAnnotation)
            edits.push({ ...range(reads.param.typeAnnotation), text: ": ReturnType<typeof v4RequestOf>" });
          return;
        }
        problems.add(`\`${code(parent)}\` at ${at(p.node)}: no certain equivalent from the route's NextRequest`);
      });
  }
  return { edits, readsUrl, segments, passesQuery, setsHeaders };
}

/** The route's GET and POST around v5's handlers: the v4 route's own code, with its answers and headers. */
function routeCodeOf(
  reqName: string,
  style: Style,
  { statements: routeStatements, moved, slice }: { statements: Node[]; moved: Set<Node>; slice: (n: Node) => string },
  { segments, passesQuery, setsHeaders, edits }: ReturnType<typeof routeStatementEdits>,
): string {
  const { semi, q } = style;
  const mount = style.project?.basePath ?? "/api/auth";
  const body = [
    `  const ${V4_REQUEST_NAME} = v4RequestOf(${reqName})${semi}`,
    ...(segments
      ? [
          `  // v4's query.nextauth: the path segments under ${mount}`,
          `  ${V4_REQUEST_NAME}.query.nextauth = ${reqName}.nextUrl.pathname.split(${q}/${q}).slice(${mount.split("/").length}).map(decodeURIComponent)${semi}`,
        ]
      : []),
    ...(setsHeaders || edits.some((e) => e.text.includes("headers")) ? [`  const headers = new Headers()${semi}`] : []),
    ...routeStatements.map((st) => `  ${slice(st)}`),
  ];
  const request = passesQuery ? `new NextRequest(url, ${reqName})` : reqName;
  if (passesQuery)
    body.push(
      `  // The query as the route left it, for Auth.js to read`,
      `  const url = new URL(${reqName}.url)${semi}`,
      `  url.search = ${q}${q}${semi}`,
      `  for (const [name, value] of Object.entries(${V4_REQUEST_NAME}.query))`,
      `    if (name !== ${q}nextauth${q}) for (const one of [value ?? []].flat()) url.searchParams.append(name, one)${semi}`,
    );
  if (setsHeaders)
    body.push(
      `  const response = await handler(${request})${semi}`,
      `  // The headers the route set before NextAuth, where NextAuth sets none of its own (as v4 sent them)`,
      `  const answer = new Response(response.body, response)${semi}`,
      `  headers.forEach((value, name) => {`,
      `    if (!answer.headers.has(name)) answer.headers.set(name, value)${semi}`,
      `  })${semi}`,
      `  return answer${semi}`,
    );
  else body.push(`  return handler(${request})${semi}`);
  return [
    ...[...moved].sort((a, b) => range(a).start - range(b).start).map((st) => `${slice(st)}\n`),
    "// The v4 route's own code around NextAuth: its answers, the headers it set, the request it passed on.",
    `async function route(${reqName}: NextRequest, handler: (${reqName}: NextRequest) => Promise<Response>): Promise<Response> {`,
    ...body,
    "}",
    "",
    `export const GET = (${reqName}: NextRequest) => route(${reqName}, handlers.GET)${semi}`,
    `export const POST = (${reqName}: NextRequest) => route(${reqName}, handlers.POST)${semi}`,
    "",
  ].join("\n");
}

/** Visits each identifier of `nodes` that names a value (not a property key), with its parent and the node it is in. */
function eachReference(
  j: Parsed["j"],
  nodes: Node[],
  visit: (p: ASTPath<Identifier>, parent: Node, within: Node) => void,
) {
  for (const node of nodes)
    j(node as never)
      .find(j.Identifier)
      .forEach((p) => {
        const parent = p.parent.node as Node;
        if (!isPropertyName(p.node, parent)) visit(p, parent, node);
      });
}

/** A call on the response, `res.method(…)` or `res.status(code).method(…)`: its method, status and arguments. */
function resCall(
  n: Node,
  resName: string,
  code: (n: Node) => string,
): { method: string | undefined; status: string | undefined; args: Node[] } | undefined {
  if (n.type !== "CallExpression" || n.callee.type !== "MemberExpression") return undefined;
  const method = memberName(n.callee);
  let target = n.callee.object;
  let status: string | undefined;
  if (
    target.type === "CallExpression" &&
    target.callee.type === "MemberExpression" &&
    memberName(target.callee) === "status"
  ) {
    if (target.arguments.length !== 1) return undefined;
    status = code(target.arguments[0]);
    target = target.callee.object;
  }
  if (target.type !== "Identifier" || target.name !== resName) return undefined;
  return { method, status, args: n.arguments as Node[] };
}

/** `res.status(400).json(x)`, `res.status(200).end()`, `res.redirect(url)` as a Response carrying `headers`. */
function routeAnswer(
  n: Node,
  resName: string,
  code: (n: Node) => string,
): { text: string; location?: string } | undefined {
  const call = resCall(n, resName, code);
  if (!call) return undefined;
  const { method, status, args } = call;
  const init = `{ ${status ? `status: ${status}, ` : ""}headers }`;
  if (method === "end" && args.length === 0) return { text: `new Response(null, ${init})` };
  if ((method === "json" || method === "send") && args.length === 1 && /^(Object|Array)Expression$/.test(args[0].type))
    return { text: `Response.json(${code(args[0])}, ${init})` };
  if (method === "json" && args.length === 1) return { text: `Response.json(${code(args[0])}, ${init})` };
  if (method === "send" && args.length === 1 && /^(StringLiteral|TemplateLiteral)$/.test(args[0].type))
    return { text: `new Response(${code(args[0])}, ${init})` };
  if (method === "redirect" && !status && (args.length === 1 || args.length === 2)) {
    const [redirectStatus, url] = args.length === 2 ? [code(args[0]), args[1]] : ["307", args[0]];
    return { text: `new Response(null, { status: ${redirectStatus}, headers })`, location: code(url) };
  }
  return undefined;
}

/** `(req, res) => { …; return NextAuth(req, res, options) }`: its names, options and statements before that return. */
function routeShape(
  fn: Node,
  nextAuth: string,
): { reqName: string; resName: string; options: Node; rest: Node[] } | undefined {
  const params = fn.params as Node[];
  if (params.length !== 2 || params.some((p) => p.type !== "Identifier")) return undefined;
  const [reqName, resName] = params.map((p) => p.name as string);
  const statements: Node[] =
    fn.body.type === "BlockStatement" ? fn.body.body : [{ type: "ReturnStatement", argument: fn.body }];
  const last = statements[statements.length - 1];
  const call = last?.type === "ReturnStatement" ? unwrapAwait(last.argument) : undefined;
  if (
    call?.type !== "CallExpression" ||
    call.callee.type !== "Identifier" ||
    call.callee.name !== nextAuth ||
    call.arguments.length !== 3 ||
    call.arguments[0].type !== "Identifier" ||
    call.arguments[0].name !== reqName ||
    call.arguments[1].type !== "Identifier" ||
    call.arguments[1].name !== resName
  )
    return undefined;
  return { reqName, resName, options: call.arguments[2], rest: statements.slice(0, -1) };
}

/** The route's guard, line by line: each leading statement as the route's code, or as it was with why not. */
function routeGuardLines(
  parsed: Parsed,
  guards: Node[],
  { reqName, resName, style, problems }: { reqName: string; resName: string; style: Style; problems: Set<string> },
): string[] {
  const { source } = parsed;
  const at = (n: Node) => `line ${lineOf(n, source)}`;
  const code = (n: Node) => source.slice(range(n).start, range(n).end);
  const guardLines: string[] = [];
  for (const statement of guards) {
    const guard =
      statement.type === "IfStatement"
        ? guardLine(parsed, statement, reqName, resName, style)
        : routeCode(parsed, statement, reqName, style);
    if (typeof guard === "string") {
      guardLines.push(`  ${code(statement).split("\n").join("\n  ")} // ${guard}`);
      problems.add(`the ${statement.type === "IfStatement" ? "check" : "constant"} at ${at(statement)}: ${guard}`);
    } else guardLines.push(`  ${"line" in guard ? guard.line : guard.text}`);
  }
  return guardLines;
}

/** Why the config cannot read `req.<field>` here (the route's path segments, a change to the request), or undefined. */
function requestFieldProblem(
  p: ASTPath<Identifier>,
  field: string,
  code: (n: Node) => string,
  at: (n: Node) => string,
): string | undefined {
  const outer = p.parent.parent?.node as Node | undefined;
  if (field === "query" && outer?.type === "MemberExpression" && memberName(outer) === "nextauth")
    return `\`${code(outer)}\` at ${at(outer)}: the route's path segments, which only the route sees; read them from \`new URL(req.url).pathname\` in the route's GET and POST`;
  const changed = mutation(p);
  if (changed)
    return `\`${code(changed)}\` at ${at(changed)}: it changes the request NextAuth reads, which v5's config cannot (it gets the request after NextAuth has it); change it in the route's GET and POST, before handlers.GET and handlers.POST`;
  return undefined;
}

/** Leading guards, then the config; with `configOnly`, no guards and those statements as the config. */
function guardedRoute(
  parsed: Parsed,
  fn: Node,
  nextAuth: string,
  style: Style,
  configOnly?: Node[],
): LazyRoute | undefined {
  const { j, source } = parsed;
  const shape = routeShape(fn, nextAuth);
  if (!shape) return undefined;
  const { reqName, resName, options, rest } = shape;
  const problems = new Set<string>();
  const fileEdits: { start: number; end: number; text: string }[] = [];
  const at = (n: Node) => `line ${lineOf(n, source)}`;
  const code = (n: Node) => source.slice(range(n).start, range(n).end);

  // Leading `if (…) return res…` statements are the route's own answers: the route's guard, with
  // the constants they test (`const isHead = req.method === "HEAD"`) when the config reads none.
  const first = configOnly ? 0 : guardCount(j, rest, options, resName);
  const guardLines = routeGuardLines(parsed, rest.slice(0, first), { reqName, resName, style, problems });
  const body = configOnly ?? rest.slice(first);

  // The config part: v4's req.cookies, req.headers and req.query read through v4RequestOf(req).
  const edits: { start: number; end: number; text: string }[] = [];
  let readsRequest = false;
  let readsUrl = false;
  let readsSocket = false;
  const notes: { file: string; line: number; message: string }[] = [];
  let usesParam = false;
  eachReference(j, [...body, options], (p, parent, node) => {
    const name = p.node.name;
    const shown = ["MemberExpression", "CallExpression", "NewExpression"].includes(parent.type) ? parent : p.node;
    if (name === resName) {
      if (inEarlyReturn(p, node)) return; // named once, as an answer before NextAuth
      problems.add(
        `\`${code(shown)}\` at ${at(p.node)}: v5 hands the config no response; do this in an event or callback, or in the route's GET and POST`,
      );
      return;
    }
    if (name !== reqName) return;
    // `new Tracker(req, res)`: reported once, for the response.
    if (shown !== p.node && mentions(j, shown, resName)) return;
    usesParam = true;
    const field =
      parent.type === "MemberExpression" && parent.object === p.node && !parent.computed
        ? (parent.property.name as string)
        : undefined;
    if (field === "method") {
      edits.push({ ...range(parent), text: `${reqName}?.method` });
      return;
    }
    if (field && V4_REQUEST_FIELDS.has(field)) {
      const problem = requestFieldProblem(p, field, code, at);
      if (problem) return void problems.add(problem);
      readsRequest = true;
      if (field === "url") readsUrl = true;
      edits.push({ ...range(p.node), text: V4_REQUEST_NAME });
      return;
    }
    const builder = builderReads(parsed, parent, p.node, style);
    if (builder && !builder.other) {
      // `getOptions(req)`: a function that reads only req.headers, .cookies, .query and .url.
      readsRequest = true;
      if (builder.fields.has("url")) readsUrl = true;
      for (const read of builder.addressReads) {
        readsSocket = true;
        notes.push({ ...read, message: NO_SOCKET_TODO });
      }
      if (!builder.file) {
        edits.push({ ...range(p.node), text: V4_REQUEST_NAME });
        if (builder.param.typeAnnotation && style.typescript)
          fileEdits.push({ ...range(builder.param.typeAnnotation), text: `: ReturnType<typeof v4RequestOf>` });
      } else {
        // Another module's function, typed for a NextApiRequest: it is given the parts it reads.
        const typed = builder.param.typeAnnotation && style.typescript;
        edits.push({
          ...range(p.node),
          text: typed
            ? `${V4_REQUEST_NAME} as unknown as Parameters<typeof ${parent.callee.name}>[${(parent.arguments as Node[]).indexOf(p.node)}]`
            : V4_REQUEST_NAME,
        });
      }
    } else {
      readsRequest = true; // the code to write offers v4RequestOf(req) for it
      const other = builder?.other;
      const where = other && `${other.file ?? style.file ?? "the route"}:${other.line}`;
      problems.add(
        other && /\.(socket|connection)\b/.test(other.code)
          ? `\`${code(shown)}\` at ${at(p.node)} reads \`${other.code}\` (${where}), which no v5 request has (it has no socket): give it what else it reads through \`v4RequestOf(${reqName})\` (\`.headers\`, \`.cookies\`, \`.query\`, \`.url\`) and decide what stands for that address (behind a proxy, the \`x-forwarded-for\` header)`
          : `\`${code(shown)}\` at ${at(p.node)}${other ? ` uses \`${other.code}\` (${where})` : ""}: v5 hands the config a NextRequest (the route, middleware), the Pages request (\`auth(ctx)\`, \`auth(req, res)\`) or nothing (\`auth()\` in a server component, \`signIn()\`), not v4's NextApiRequest: pass on what it reads (\`v4RequestOf(${reqName}).headers\`, \`.cookies\`, \`.query\`, \`.url\`, as the codemod writes it for those reads)`,
      );
    }
  });
  const config = configFunction(parsed, {
    fn,
    body,
    options,
    edits,
    problems,
    readsRequest,
    param: usesParam ? reqName : "",
    reqName,
    bareOptions: !usesParam && options.type === "Identifier",
    style,
  });
  return {
    config,
    helpers: readsRequest ? v4RequestHelper(style, readsUrl, false, readsSocket) : "",
    guards: guardLines.length ? routeGuards(guardLines, reqName, style) : undefined,
    problems: [...problems],
    fileEdits,
    readsUrl,
    notes,
  };
}

/**
 * `getOptions(req)`: what getOptions, a function of this file or one it imports, reads of that
 * parameter: `.headers`, `.cookies`, `.query` and `.url` (or tests it: `if (req)`), which
 * v4RequestOf(req) gives it, and the first other read; undefined when it is neither.
 */
function builderReads(
  parsed: Parsed,
  call: Node,
  arg: Node,
  style: Style,
  depth = 0,
):
  | {
      param: Node;
      fields: Set<string>;
      file?: string;
      other?: { code: string; line: number; file?: string };
      addressReads: { file: string; line: number }[];
    }
  | undefined {
  if (call.type !== "CallExpression" || call.callee.type !== "Identifier") return undefined;
  const index = (call.arguments as Node[]).indexOf(arg);
  if (index < 0) return undefined;
  const local = functionNamed(parsed, call.callee.name, false);
  // A function of the route's own file has no `file` (its parameter type may be edited); one of the
  // module a builder lives in has that module's.
  const found = local
    ? { fn: local, parsed, file: depth > 0 ? style.file : undefined }
    : importedFunction(parsed, call.callee.name, style);
  const param = found?.fn.params?.[index] as Node | undefined;
  if (!found || param?.type !== "Identifier") return undefined;
  const { j, source } = found.parsed;
  const uses = j(found.fn.body as never)
    .find(j.Identifier, { name: param.name })
    .filter((p) => !isPropertyName(p.node, p.parent.node));
  const fields = new Set<string>();
  const addressReads: { file: string; line: number }[] = [];
  let other: { code: string; line: number; file?: string } | undefined;
  uses.forEach((p) => {
    const parent = p.parent.node as Node;
    if (parent.type === "MemberExpression" || parent.type === "OptionalMemberExpression") {
      const field = parent.object === p.node && !parent.computed ? (parent.property.name as string) : undefined;
      if (field && V4_REQUEST_FIELDS.has(field) && !mutation(p)) return void fields.add(field);
      // `req.headers["x-forwarded-for"] || req.socket.remoteAddress`, in another module: v5's request
      // has no socket, so the address is unknown where no proxy header names it (a to-do, not a guess).
      if (found.file && addressFallback(j, p, param.name)) {
        fields.add("socket");
        addressReads.push({ file: found.file, line: lineOf(p.node, source) });
        return;
      }
    } else if (
      (parent.type === "UnaryExpression" && parent.operator === "!") ||
      (parent.type === "IfStatement" && parent.test === p.node) ||
      (parent.type === "LogicalExpression" && parent.left === p.node) ||
      (parent.type === "ConditionalExpression" && parent.test === p.node)
    )
      return;
    // Another module's function passes it on (`getFirstTouchUrl(req)`): what that one reads. (Not
    // from the route's file, whose builder's parameter type becomes v4RequestOf's.)
    if (found.file && depth < 3 && parent.type === "CallExpression" && parent.callee !== p.node) {
      const inner = builderReads(found.parsed, parent, p.node, { ...style, file: found.file }, depth + 1);
      if (inner && !inner.other) {
        addressReads.push(...inner.addressReads);
        return void inner.fields.forEach((f) => fields.add(f));
      }
      if (inner?.other) return void (other ??= inner.other);
    }
    if (other) return;
    const outer = p.parent.parent?.node as Node | undefined;
    const shown = mutation(p) ?? (outer?.type === "MemberExpression" && outer.object === parent ? outer : parent);
    other = {
      code: source.slice(range(shown).start, range(shown).end),
      line: lineOf(p.node, source),
      file: found.file,
    };
  });
  if (uses.size() === 0) return undefined;
  return { param, fields, file: found.file, other, addressReads };
}

/**
 * `req.socket.remoteAddress` (or `req.connection…`) as the fallback of a header read:
 * `req.headers["x-forwarded-for"] || req.socket.remoteAddress`.
 */
function addressFallback(
  j: Parsed["j"],
  p: { node: Node; parent: { node: Node; parent?: unknown } },
  param: string,
): boolean {
  const socket = p.parent.node;
  if (!["socket", "connection"].includes(memberName(socket) ?? "")) return false;
  const address = (p.parent.parent as { node: Node; parent?: { node: Node } } | undefined)?.node;
  if (!address || address.object !== socket || memberName(address) !== "remoteAddress") return false;
  const either = (p.parent.parent as { parent?: { node: Node } }).parent?.node;
  if (either?.type !== "LogicalExpression" || either.right !== address || !["||", "??"].includes(either.operator))
    return false;
  return j(either.left as never)
    .find(j.MemberExpression)
    .some(
      (m) => memberName(m.node) === "headers" && m.node.object.type === "Identifier" && m.node.object.name === param,
    );
}

/** The function `name` declares at the top of the module (exported, when `exported`). */
function functionNamed({ j, root }: Parsed, name: string, exported: boolean): Node | undefined {
  const program = root.find(j.Program).get().node as { body: Node[] };
  return program.body
    .filter((st) => !exported || st.type === "ExportNamedDeclaration")
    .map((st) => (st.type === "ExportNamedDeclaration" ? st.declaration : st))
    .flatMap((st): Node[] =>
      st?.type === "FunctionDeclaration" && st.id?.name === name
        ? [st]
        : st?.type === "VariableDeclaration"
          ? st.declarations
              .filter((d: Node) => d.id.type === "Identifier" && d.id.name === name)
              .map((d: Node) => d.init)
              .filter((init: Node) => /^(?:Arrow)?Function(?:Expression)?$/.test(init?.type ?? ""))
          : [],
    )[0];
}

/** The function the route imports as `name` (`import { getIp } from "@acme/lib/getIp"`), read from its module. */
function importedFunction(
  parsed: Parsed,
  name: string,
  { project, file }: Style,
): { fn: Node; parsed: Parsed; file: string } | undefined {
  if (!project || !file) return undefined;
  for (const declaration of topImports(parsed).nodes()) {
    if (declaration.importKind === "type") continue;
    const specifier = (declaration.specifiers ?? []).find(
      (sp) => sp.type === "ImportSpecifier" && localName(sp) === name,
    );
    if (!specifier) continue;
    const found = project.module(file, String(declaration.source.value));
    if (!found) return undefined;
    try {
      const theirs = parseForReading(found.path, found.source);
      const fn = functionNamed(theirs, importedName(specifier as { imported?: unknown }), true);
      return fn ? { fn, parsed: theirs, file: found.path } : undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/**
 * How many of the route's leading statements are its guard: `if (…) return res…` answers and the
 * constants among them (no await, no response) that only the guard reads.
 */
function guardCount(j: Parsed["j"], rest: Node[], options: Node, resName: string): number {
  let count = 0;
  for (let i = 0; i < rest.length; i++) {
    const statement = rest[i];
    if (statement.type === "IfStatement" && mentions(j, statement, resName)) count = i + 1;
    else if (
      statement.type !== "VariableDeclaration" ||
      statement.kind !== "const" ||
      mentions(j, statement, resName) ||
      j(statement as never)
        .find(j.AwaitExpression)
        .size() > 0 ||
      statement.declarations.some((d: Node) => d.id.type !== "Identifier")
    )
      break;
  }
  // A constant the config reads stays with it, and so does every statement after it; trailing
  // constants that no guard follows are the config's.
  const readByConfig = (statement: Node) =>
    statement.type === "VariableDeclaration" &&
    statement.declarations.some((d: Node) =>
      [...rest.slice(count), options].some((node) => mentions(j, node, d.id.name as string)),
    );
  for (;;) {
    while (count > 0 && rest[count - 1].type === "VariableDeclaration") count--;
    const shared = rest.slice(0, count).findIndex(readByConfig);
    if (shared < 0) return count;
    count = shared;
  }
}

/**
 * The lazy config for a v4 App Router handler that builds its options per request:
 *   const handler = async (req: Request, ctx) => { const id = req.headers.get("x-request-id"); …; return NextAuth(options)(req, ctx) }
 * or v4's advanced initialization, `return await NextAuth(req as any, ctx as any, options)`,
 * becomes `NextAuth(async (req) => { …; return options })`, the Web request's headers read
 * through v4RequestOf(req) (v5 hands the config a NextRequest, the Pages request or nothing) and
 * `ctx.params.nextauth` through nextAuthSegmentsOf(req).
 */
export function lazyAppRoute(parsed: Parsed, fn: Node, nextAuth: string, style: Style): LazyRoute | undefined {
  const { j, source } = parsed;
  const shape = appRouteShape(fn, nextAuth);
  if (!shape) return undefined;
  const { reqName, ctxName, options, body } = shape;
  const problems = new Set<string>();
  const at = (n: Node) => `line ${lineOf(n, source)}`;
  const code = (n: Node) => source.slice(range(n).start, range(n).end);
  const edits: { start: number; end: number; text: string }[] = [];
  const segmentsCall = `nextAuthSegmentsOf(${reqName})`;
  let readsRequest = false;
  let readsSegments = false;
  let usesParam = false;
  eachReference(j, [...body, options], (p, parent) => {
    if (ctxName !== undefined && p.node.name === ctxName) {
      const read = segmentsRead(p, ctxName);
      if (!read) {
        problems.add(
          `\`${code(parent)}\` at ${at(p.node)}: v5 hands the config no route context (the codemod rewrites only \`${ctxName}.params.nextauth\` and its elements compared with \`===\`: write \`${segmentsCall}\`, the path's segments under the route, undefined with no request)`,
        );
        return;
      }
      readsSegments = usesParam = true;
      edits.push({ ...range(read.node), text: `${segmentsCall}${read.rest}` });
      return;
    }
    if (p.node.name !== reqName) return;
    usesParam = true;
    if (mutation(p) || (parent.type === "AssignmentExpression" && parent.left === p.node))
      return void problems.add(`\`${code(parent)}\` at ${at(p.node)}: it changes the request`);
    // `req.headers.get("x-request-id")`: the same value (or null) from v4RequestOf(req).headers.
    const get = p.parent.parent?.node as Node | undefined;
    const callNode = p.parent.parent?.parent?.node as Node | undefined;
    const key = callNode?.arguments?.[0];
    if (
      parent.type === "MemberExpression" &&
      memberName(parent) === "headers" &&
      get?.type === "MemberExpression" &&
      get.object === parent &&
      memberName(get) === "get" &&
      callNode?.type === "CallExpression" &&
      callNode.callee === get &&
      callNode.arguments.length === 1 &&
      key.type === "StringLiteral"
    ) {
      readsRequest = true;
      edits.push({
        ...range(callNode),
        text: `(${V4_REQUEST_NAME}.headers[${style.q}${(key.value as string).toLowerCase()}${style.q}] ?? null)`,
      });
      return;
    }
    // `req.method === "POST"`: false with no request, which is no sign-in POST either.
    if (parent.type === "MemberExpression" && parent.object === p.node && memberName(parent) === "method") {
      if (!isLiteralEquality(p.parent.parent?.node as Node | undefined, parent)) {
        problems.add(
          `\`${code(p.parent.parent?.node ?? parent)}\` at ${at(p.node)}: v5 calls the config with no request (\`auth()\` in a server component, \`signIn()\`), where \`${reqName}.method\` throws; the codemod rewrites it only where it is compared with \`===\`: write \`${reqName}?.method\` and decide what no request means`,
        );
        return;
      }
      edits.push({ ...range(parent), text: `${reqName}?.method` });
      return;
    }
    // `req.clone()` where the test above it holds only for the route's own request.
    if (inRouteRequestBranch(p, reqName, ctxName, body)) return;
    problems.add(
      `\`${code(["MemberExpression", "CallExpression"].includes(parent.type) ? parent : p.node)}\` at ${at(p.node)}: v5 hands the config a NextRequest (the route, middleware), the Pages request (\`auth(ctx)\`, \`auth(req, res)\`) or nothing (\`auth()\` in a server component, \`signIn()\`): read headers through \`v4RequestOf(${reqName}).headers\`, as the codemod writes it for \`${reqName}.headers.get("…")\`, and use the request itself only where a test holds for the route's own request alone: in the v4 route, inside \`if (${reqName}.method === "POST" && ${ctxName ?? "ctx"}.params.nextauth[0] === "signin")\` (which the codemod converts), then run again`,
    );
  });
  const basePath = nextBasePath(style);
  if (readsSegments && basePath)
    problems.add(
      `next.config sets \`basePath\` (${basePath}): where the route's segments start in the request path is not certain; check the \`mount\` nextAuthSegmentsOf strips from \`new URL(req.url).pathname\` (below, without the basePath) and set it by hand`,
    );
  const config = configFunction(parsed, {
    fn,
    body,
    options,
    edits,
    problems,
    readsRequest,
    param: usesParam || readsRequest ? reqName : "",
    reqName,
    bareOptions: false,
    style,
  });
  const helpers =
    (readsRequest ? v4RequestHelper(style, false) : "") +
    (readsSegments ? segmentsHelper(style, style.project?.basePath ?? "/api/auth") : "");
  return { config, helpers, problems: [...problems] };
}

/**
 * `return [await] NextAuth(options)(req, ctx)`, or v4's advanced initialization
 * `return [await] NextAuth(req, ctx, options)` (the handler's own parameters, cast or not):
 * the handler's names, the options and the statements before that return.
 */
function appRouteShape(
  fn: Node,
  nextAuth: string,
): { reqName: string; ctxName: string | undefined; options: Node; body: Node[] } | undefined {
  const params = fn.params as Node[];
  if (params.length < 1 || params.length > 2 || params.some((p) => p.type !== "Identifier")) return undefined;
  const names = params.map((p) => p.name as string);
  const statements: Node[] =
    fn.body.type === "BlockStatement" ? fn.body.body : [{ type: "ReturnStatement", argument: fn.body }];
  const last = statements[statements.length - 1];
  const call = last?.type === "ReturnStatement" ? unwrapAwait(last.argument) : undefined;
  if (call?.type !== "CallExpression") return undefined;
  const isNextAuth = (n: Node) => n.type === "Identifier" && n.name === nextAuth;
  const uncast = (n: Node): Node => (n.type === "TSAsExpression" ? uncast(n.expression) : n);
  const passesParams = (args: Node[]) =>
    args.length === names.length &&
    args.every((a, i) => uncast(a).type === "Identifier" && uncast(a).name === names[i]);
  const inner = call.callee;
  const curried =
    inner.type === "CallExpression" &&
    isNextAuth(inner.callee) &&
    inner.arguments.length === 1 &&
    inner.arguments[0].type !== "SpreadElement" &&
    passesParams(call.arguments);
  const advanced =
    isNextAuth(inner) &&
    names.length === 2 &&
    call.arguments.length === 3 &&
    call.arguments[2].type !== "SpreadElement" &&
    passesParams(call.arguments.slice(0, 2));
  if (!curried && !advanced) return undefined;
  const options: Node = curried ? inner.arguments[0] : call.arguments[2];
  return { reqName: names[0], ctxName: names[1], options, body: statements.slice(0, -1) };
}

/**
 * `ctx.params.nextauth[1] === "google"` (any of it optional, `?.[0]`, `.length`): the node to
 * replace with nextAuthSegmentsOf(req) and what follows it, made optional (undefined with no
 * request, so the comparison is false); undefined for any other use of the route context.
 */
function segmentsRead(p: ASTPath<Identifier>, ctxName: string): { node: Node; rest: string } | undefined {
  const member = (n: Node | undefined) => n?.type === "MemberExpression" || n?.type === "OptionalMemberExpression";
  const params = p.parent.node as Node;
  const segments = p.parent.parent?.node as Node | undefined;
  if (!member(params) || params.object !== p.node || p.node.name !== ctxName || memberName(params) !== "params")
    return undefined;
  if (!member(segments) || segments!.object !== params || memberName(segments!) !== "nextauth") return undefined;
  const outer = p.parent.parent.parent?.node as Node | undefined;
  if (member(outer) && outer!.object === segments) {
    const property = outer!.property as Node;
    const rest = outer!.computed
      ? property.type === "NumericLiteral" && `?.[${property.value}]`
      : memberName(outer!) === "length" && "?.length";
    if (!rest || !isLiteralEquality(p.parent.parent.parent.parent?.node as Node | undefined, outer!)) return undefined;
    return { node: outer!, rest };
  }
  return undefined;
}

/** `value === "literal"` (or `==`, either side): false for the undefined a missing request gives. */
function isLiteralEquality(comparison: Node | undefined, value: Node): boolean {
  if (comparison?.type !== "BinaryExpression" || !["===", "=="].includes(comparison.operator)) return false;
  const other = comparison.left === value ? comparison.right : comparison.right === value ? comparison.left : undefined;
  return other?.type === "StringLiteral" || (other?.type === "NumericLiteral" && comparison.operator === "===");
}

/**
 * Whether `p` (the request) is used inside `if (req.method === "POST" && ctx.params.nextauth[0] === "…")`,
 * not in a function within: the segments' test holds only for the route's own Web request (v5's
 * config gets nothing, or a Pages request, elsewhere), and the method's lets TypeScript see it.
 */
function inRouteRequestBranch(
  p: ASTPath<Identifier>,
  reqName: string,
  ctxName: string | undefined,
  body: Node[],
): boolean {
  if (ctxName === undefined) return false;
  let child = p.node as Node;
  for (let at = p.parent as ASTPath<Node> | null; at; child = at.node, at = at.parent) {
    const node = at.node;
    if (body.includes(child)) return false;
    if (/Function|ArrowFunction|ObjectMethod|ClassMethod/.test(node.type)) return false;
    if (node.type !== "IfStatement" || node.consequent !== child) continue;
    const conjuncts: Node[] = [];
    const split = (n: Node): void =>
      n.type === "LogicalExpression" && n.operator === "&&" ? (split(n.left), split(n.right)) : void conjuncts.push(n);
    split(node.test);
    const member = (n: Node) => /MemberExpression$/.test(n.type);
    // The member each conjunct compares with a literal: `req.method`, `ctx.params.nextauth[0]`.
    const compared = conjuncts.flatMap((n): Node[] =>
      n.type === "BinaryExpression"
        ? [n.left, n.right].filter((side) => member(side) && isLiteralEquality(n, side))
        : [],
    );
    const isSegments = (o: Node) =>
      member(o) &&
      memberName(o) === "nextauth" &&
      member(o.object) &&
      memberName(o.object) === "params" &&
      o.object.object.type === "Identifier" &&
      o.object.object.name === ctxName;
    const method = compared.some(
      (side) => memberName(side) === "method" && side.object.type === "Identifier" && side.object.name === reqName,
    );
    if (method && compared.some((side) => side.computed && isSegments(side.object))) return true;
  }
  return false;
}

/** v4's `params.nextauth` of the route mounted at `mount`, from what v5 hands the config. */
function segmentsHelper({ typescript, semi: s, q }: Style, mount: string): string {
  const prefix = `${mount.replace(/\/$/, "")}/`;
  return `
/**
 * v4's \`params.nextauth\`: the request path's segments under ${prefix}, where the route is mounted;
 * undefined when v5 hands the config no route request (\`auth()\` in a server component, \`signIn()\`).
 */
function nextAuthSegmentsOf(req${typescript ? ": unknown" : ""}) {
  if (!(req instanceof Request)) return undefined${s}
  const mount = ${q}${prefix}${q}${s}
  const { pathname } = new URL(req.url)${s}
  if (!pathname.startsWith(mount)) return undefined${s}
  return pathname.slice(mount.length).split(${q}/${q}).filter(Boolean).map(decodeURIComponent)${s}
}
`;
}

/**
 * The argument of NextAuth in auth.ts: the route's config statements (with `edits` applied) and its
 * options, as v5's lazy config `(req) => { …; return options }`, or the options themselves when
 * `bareOptions` and nothing else is needed. An early return among the statements is a problem:
 * it answers before NextAuth.
 */
function configFunction(
  { j, source }: Parsed,
  parts: {
    fn: Node;
    body: Node[];
    options: Node;
    edits: { start: number; end: number; text: string }[];
    problems: Set<string>;
    readsRequest: boolean;
    param: string;
    reqName: string;
    bareOptions: boolean;
    style: Style;
  },
): string {
  const { fn, body, options, edits, problems, readsRequest, param, reqName, bareOptions, style } = parts;
  for (const statement of body) {
    j(statement as never)
      .find(j.ReturnStatement)
      .filter((p) => !insideFunction(p, statement))
      .forEach((p) => {
        const at = `line ${lineOf(p.node, source)}`;
        const code = source.slice(range(p.node).start, range(p.node).end);
        problems.add(`\`${code}\` at ${at}: it answers before NextAuth: move it into the route's GET and POST`);
      });
  }
  const slice = (start: number, end: number) =>
    applyEdits(
      source.slice(start, end),
      edits
        .filter((e) => e.start >= start && e.end <= end)
        .map((e) => ({ ...e, start: e.start - start, end: e.end - start })),
    );
  const optionsText = slice(range(options).start, range(options).end);
  const statementsText = body.length ? slice(range(body[0]).start, range(body[body.length - 1]).end) : "";
  const isAsync = Boolean(fn.async) || /\bawait\b/.test(statementsText + optionsText);
  const lines = [
    ...(readsRequest ? [`  const ${V4_REQUEST_NAME} = v4RequestOf(${reqName})${style.semi}`] : []),
    ...(statementsText ? [`  ${statementsText}`] : []),
  ];
  if (!lines.length && bareOptions) return optionsText;
  return lines.length
    ? `${isAsync ? "async " : ""}(${param}) => {\n${lines.join("\n")}\n  return ${optionsText}${style.semi}\n}`
    : `${isAsync ? "async " : ""}(${param}) => ${optionsText.startsWith("{") ? `(${optionsText})` : optionsText}`;
}

/** The assignment, `delete` or `++` that changes what the request path `p` (`req.cookies.x`) reads, if any. */
function mutation(p: { node: Node; parent: unknown }): Node | undefined {
  let at = p as { node: Node; parent: { node: Node; parent: unknown } | null };
  while (at.parent && /^(Optional)?MemberExpression$/.test(at.parent.node.type) && at.parent.node.object === at.node)
    at = at.parent as typeof at;
  const outer = at.parent?.node;
  if (!outer) return undefined;
  if (outer.type === "AssignmentExpression" && outer.left === at.node) return outer;
  if (outer.type === "UpdateExpression" || (outer.type === "UnaryExpression" && outer.operator === "delete"))
    return outer;
  return undefined;
}

function unwrapAwait(n: Node | undefined): Node | undefined {
  return n?.type === "AwaitExpression" ? n.argument : n;
}

function memberName(n: Node): string | undefined {
  if (n.computed) return n.property.type === "StringLiteral" ? n.property.value : undefined;
  return n.property.type === "Identifier" ? n.property.name : undefined;
}

function mentions(j: Parsed["j"], node: Node, name: string): boolean {
  return (
    j(node as never)
      .find(j.Identifier, { name })
      .filter((p) => !isPropertyName(p.node, p.parent.node))
      .size() > 0
  );
}

/** `x.name`, `{ name: … }`: a property, not a reference to a variable. */
function isPropertyName(node: Node, parent: Node): boolean {
  if ((parent.type === "MemberExpression" || parent.type === "OptionalMemberExpression") && parent.property === node)
    return !parent.computed;
  if ((parent.type === "ObjectProperty" || parent.type === "ObjectMethod") && parent.key === node)
    return !parent.computed && !parent.shorthand;
  return false;
}

/** Whether `p` is in a `return` of the route's own body (not of a function inside it). */
function inEarlyReturn(p: { parent: unknown; node: Node }, top: Node): boolean {
  for (let at = p.parent as { node: Node; parent: unknown } | null; at; at = at.parent as never) {
    if (at.node.type === "ReturnStatement") return true;
    if (at.node === top || /Function|ArrowFunction|ObjectMethod|ClassMethod/.test(at.node.type)) return false;
  }
  return false;
}

function insideFunction(p: { parent: unknown; node: Node }, top: Node): boolean {
  for (let at = p.parent as { node: Node; parent: unknown } | null; at && at.node !== top; at = at.parent as never)
    if (/Function|ArrowFunction|ObjectMethod|ClassMethod/.test(at.node.type)) return true;
  return false;
}

/**
 * The text of `node` in the route's GET and POST: v4's request reads mapped to the NextRequest
 * (`req.query.x`, `req.headers.x`, `req.cookies.x`, `req.url`: path and query), or why not.
 */
function routeCode(parsed: Parsed, node: Node, reqName: string, style: Style): { text: string } | string {
  const { j, source } = parsed;
  const code = (n: Node) => source.slice(range(n).start, range(n).end);
  if (
    j(node as never)
      .find(j.AwaitExpression)
      .size()
  )
    return "it awaits: write it in the route's GET and POST";
  const edits: { start: number; end: number; text: string }[] = [];
  let why: string | undefined;
  j(node as never)
    .find(j.Identifier, { name: reqName })
    .filter((p) => !isPropertyName(p.node, p.parent.node))
    .forEach((p) => {
      const parent = p.parent.node as Node;
      const field = parent.type === "MemberExpression" && parent.object === p.node ? memberName(parent) : undefined;
      const outer = p.parent.parent?.node as Node | undefined;
      const key = outer?.type === "MemberExpression" && outer.object === parent ? memberName(outer) : undefined;
      if (mutation(p)) why ??= `\`${code(mutation(p)!)}\` changes the request`;
      else if (field === "method") return;
      else if (field === "url") {
        const basePath = nextBasePath(style);
        if (basePath)
          why ??= `\`${code(parent)}\`: next.config sets \`basePath\` (${basePath}), and whether v4's \`req.url\` held it is not certain`;
        else edits.push({ ...range(parent), text: `(${reqName}.nextUrl.pathname + ${reqName}.nextUrl.search)` });
      } else if (field === "query" && key && key !== "nextauth")
        edits.push({
          ...range(outer),
          text: `(${reqName}.nextUrl.searchParams.get(${style.q}${key}${style.q}) ?? undefined)`,
        });
      else if (field === "headers" && key)
        edits.push({
          ...range(outer),
          text: `(${reqName}.headers.get(${style.q}${key.toLowerCase()}${style.q}) ?? undefined)`,
        });
      else if (field === "cookies" && key)
        edits.push({ ...range(outer), text: `${reqName}.cookies.get(${style.q}${key}${style.q})?.value` });
      else
        why ??= `\`${code(outer?.type === "MemberExpression" ? outer : parent)}\` has no certain NextRequest equivalent`;
    });
  if (why) return why;
  const start = range(node).start;
  return {
    text: applyEdits(
      code(node),
      edits.map((e) => ({ ...e, start: e.start - start, end: e.end - start })),
    ),
  };
}

/** The `basePath` the app's next.config sets (a literal, or "a value"), if any. */
function nextBasePath({ project }: Style): string | undefined {
  for (const name of ["next.config.js", "next.config.mjs", "next.config.cjs", "next.config.ts"]) {
    const match = project?.read(name)?.match(/\bbasePath\s*:\s*(["'`][^"'`]*["'`])?/);
    if (match) return match[1] ?? "a value";
  }
  return undefined;
}

/** `if (test) return res.status(405).end()` → `if (test) return new Response(null, { status: 405 })`, or why not. */
function guardLine(
  parsed: Parsed,
  statement: Node,
  reqName: string,
  resName: string,
  style: Style,
): { line: string } | string {
  const { j, source } = parsed;
  if (statement.alternate) return "an `else` branch: write it as a Response in the route's guard";
  const code = (n: Node) => source.slice(range(n).start, range(n).end);
  if (mentions(j, statement.test, resName)) return "it reads the response";
  const translated = routeCode(parsed, statement.test, reqName, style);
  if (typeof translated === "string") return translated;
  const test = translated.text;
  // The consequent: res.setHeader(…) lines, then one answer, then at most a bare `return`.
  const steps: Node[] =
    statement.consequent.type === "BlockStatement" ? statement.consequent.body : [statement.consequent];
  const headers: string[] = [];
  let answer: string | undefined;
  for (const step of steps) {
    if (answer !== undefined) {
      if (step.type === "ReturnStatement" && !step.argument) continue;
      return "it does more after answering";
    }
    const expression =
      step.type === "ExpressionStatement"
        ? step.expression
        : step.type === "ReturnStatement"
          ? step.argument
          : undefined;
    if (!expression) return "it does more than answer";
    if (mentions(j, expression, reqName) && !isRedirect(expression, resName)) return "its answer reads the request";
    const header = setHeaderCall(expression, resName);
    if (header) {
      const name = header.name.type === "StringLiteral" ? (header.name.value as string) : undefined;
      const key =
        name === undefined ? `[${code(header.name)}]` : /^[A-Za-z_$][\w$]*$/.test(name) ? name : code(header.name);
      headers.push(`${key}: ${code(header.value)}`);
      continue;
    }
    const response = webResponse(expression, resName, reqName, headers, code);
    if (!response) return `\`${code(expression)}\` has no certain Response equivalent`;
    answer = response;
  }
  if (answer === undefined) return "it does not answer";
  return { line: `if (${test}) return ${answer}${style.semi}` };
}

function isRedirect(n: Node, resName: string): boolean {
  return (
    n.type === "CallExpression" &&
    n.callee.type === "MemberExpression" &&
    n.callee.object.name === resName &&
    memberName(n.callee) === "redirect"
  );
}

function setHeaderCall(n: Node, resName: string): { name: Node; value: Node } | undefined {
  if (
    n.type === "CallExpression" &&
    n.callee.type === "MemberExpression" &&
    n.callee.object.type === "Identifier" &&
    n.callee.object.name === resName &&
    memberName(n.callee) === "setHeader" &&
    n.arguments.length === 2
  )
    return { name: n.arguments[0], value: n.arguments[1] };
  return undefined;
}

/** `res.status(405).end()`, `res.status(400).json(x)`, `res.send("…")`, `res.redirect([status,] url)` as a Web Response. */
function webResponse(
  n: Node,
  resName: string,
  reqName: string,
  headers: string[],
  code: (n: Node) => string,
): string | undefined {
  const call = resCall(n, resName, code);
  if (!call) return undefined;
  const { method, status, args } = call;
  const init = (extra: string[] = []) => {
    const fields = [
      ...(status ? [`status: ${status}`] : []),
      ...(headers.length ? [`headers: { ${headers.join(", ")} }`] : []),
      ...extra,
    ];
    return fields.length ? `{ ${fields.join(", ")} }` : undefined;
  };
  if (method === "end" && args.length === 0) {
    const options = init();
    return `new Response(null${options ? `, ${options}` : ""})`;
  }
  if (method === "json" && args.length === 1) {
    const options = init();
    return `Response.json(${code(args[0])}${options ? `, ${options}` : ""})`;
  }
  // Next's res.send answers an object or array as JSON.
  if (
    (method === "send" || method === "json") &&
    args.length === 1 &&
    /^(Object|Array)Expression$/.test(args[0].type)
  ) {
    const options = init();
    return `Response.json(${code(args[0])}${options ? `, ${options}` : ""})`;
  }
  if (
    method === "send" &&
    args.length === 1 &&
    (args[0].type === "StringLiteral" || args[0].type === "TemplateLiteral")
  ) {
    const options = init();
    return `new Response(${code(args[0])}${options ? `, ${options}` : ""})`;
  }
  if (method === "redirect" && !status && !headers.length && (args.length === 1 || args.length === 2)) {
    const [redirectStatus, url] = args.length === 2 ? [code(args[0]), args[1]] : ["307", args[0]];
    return `Response.redirect(new URL(${code(url)}, ${reqName}.url), ${redirectStatus})`;
  }
  return undefined;
}

/** The route's GET and POST, each answering the v4 route's guards before Auth.js. */
function routeGuards(lines: string[], reqName: string, { typescript, semi }: Style): { imports: string; code: string } {
  const type = (t: string) => (typescript ? `: ${t}` : "");
  return {
    imports: typescript ? `import type { NextRequest } from "next/server"${semi}\n` : "",
    code: [
      "// The v4 route's own answers, given before Auth.js sees the request.",
      `function guard(${reqName}${type("NextRequest")})${type("Response | undefined")} {`,
      ...lines,
      `  return undefined${semi}`,
      "}",
      "",
      `export const GET = (${reqName}${type("NextRequest")}) => guard(${reqName}) ?? handlers.GET(${reqName})${semi}`,
      `export const POST = (${reqName}${type("NextRequest")}) => guard(${reqName}) ?? handlers.POST(${reqName})${semi}`,
      "",
    ].join("\n"),
  };
}

/** v4's req.headers, req.cookies and req.query (and req.url, with `url`), rebuilt from whatever v5 hands the config. */
function v4RequestHelper({ typescript, semi }: Style, withUrl: boolean, exported = false, withSocket = false): string {
  const t = (text: string) => (typescript ? text : "");
  const s = semi;
  const socket = withSocket ? `, socket: { remoteAddress: undefined${t(" as string | undefined")} }` : "";
  const socketNote = withSocket ? "// v5's request has no socket: the peer's address is unknown here\n  " : "";
  const returned = withUrl
    ? `// v4's req.url: the path and query (a Pages request's url is them already)\n  ${socketNote}return { headers, cookies, query, url: url === undefined ? undefined : target.pathname + target.search${socket} }`
    : `${socketNote}return { headers, cookies, query${socket} }`;
  return `
/**
 * v4's \`req.headers\`, \`req.cookies\`${withUrl ? ", `req.query` and `req.url`" : " and `req.query`"}, from what v5 hands the config: the route's
 * NextRequest, the Pages request of \`auth(ctx)\` and \`auth(req, res)\`, or nothing (\`auth()\` in a
 * server component, \`signIn()\`, \`signOut()\`), when ${withUrl ? "they are empty (and url undefined)" : "all three are empty"}.
 */
${exported ? "export " : ""}function v4RequestOf(req${t(": unknown")}) {
  const { headers: raw, url } = ${typescript ? "(req ?? {}) as { headers?: Headers | Record<string, string | string[] | undefined>; url?: string }" : "req ?? {}"}${s}
  const headers${t(": Record<string, string | undefined>")} = {}${s}
  if (raw instanceof Headers) raw.forEach((value, name) => (headers[name] = value))${s}
  else for (const [name, value] of Object.entries(raw ?? {})) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value${s}
  const cookies${t(": Partial<Record<string, string>>")} = {}${s}
  for (const pair of headers.cookie?.split(";") ?? []) {
    const at = pair.indexOf("=")${s}
    const name = pair.slice(0, at).trim()${s}
    if (at < 1 || name in cookies) continue${s}
    try {
      cookies[name] = decodeURIComponent(pair.slice(at + 1).trim())${s}
    } catch {
      cookies[name] = pair.slice(at + 1).trim()${s}
    }
  }
  const query${t(": Partial<Record<string, string | string[]>>")} = {}${s}
  ${withUrl ? `const target = new URL(url ?? "/", "http://localhost")${s}\n  for (const [name, value] of target.searchParams) {` : `for (const [name, value] of new URL(url ?? "/", "http://localhost").searchParams) {`}
    const seen = query[name]${s}
    query[name] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value]${s}
  }
  ${returned}${s}
}
`;
}
