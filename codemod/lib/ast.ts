import jscodeshift from "jscodeshift";
// jscodeshift's own Babel setup per parser name (the options its `withParser` uses), without recast.
type GetParser = (name: string) => { parse(code: string): import("jscodeshift").ASTNode };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const getParser: GetParser = require("jscodeshift/src/getParser");
import type { ASTPath, Collection, ImportDeclaration, JSCodeshift } from "jscodeshift";
export type { ASTPath, Collection, JSCodeshift };

/** A file the parsers cannot read: the run skips it and reports why. */
export class ParseError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: cannot parse (${reason})`);
    this.name = "ParseError";
  }
}

/** jscodeshift parsers by extension: TypeScript files with Babel's TS plugin, JavaScript with babylon (JSX on). */
export function parserFor(file: string): "ts" | "tsx" | "babylon" {
  if (/\.[cm]?tsx$/.test(file)) return "tsx";
  if (/\.[cm]?ts$/.test(file)) return "ts";
  return "babylon";
}

export function isTypeScript(file: string): boolean {
  return parserFor(file) !== "babylon";
}

export interface Parsed {
  j: JSCodeshift;
  root: Collection;
  file: string;
  source: string;
  /** Identifier paths by name, filled by the first `identifiersNamed` on this tree. */
  identifierIndex?: Map<string, ASTPath[]>;
}

export function parse(file: string, source: string): Parsed {
  const j = jscodeshift.withParser(parserFor(file));
  try {
    // tabWidth 1: recast counts a tab as tabWidth columns and derives node offsets from them.
    return { j, root: j(source, { tabWidth: 1 } as never), file, source };
  } catch (error) {
    throw parseError(file, error);
  }
}

function parseError(file: string, error: unknown): ParseError {
  const e = error as Error & { loc?: { line: number; column: number } };
  const where = e.loc ? ` at line ${e.loc.line}:${e.loc.column + 1}` : "";
  return new ParseError(file, `${e.message.split("\n")[0]}${where}`);
}

/**
 * A tree to read, not to print: Babel's AST without the copy recast makes for reprinting (that
 * copy was half the cost of a parse). Offsets and lines are Babel's; read code with `range`.
 */
export function parseForReading(file: string, source: string): Parsed {
  const j = jscodeshift.withParser(parserFor(file));
  try {
    return { j, root: j(getParser(parserFor(file)).parse(source)), file, source };
  } catch (error) {
    throw parseError(file, error);
  }
}

/**
 * Trees shared by the transforms that read one file: it is parsed once per text, not once per
 * transform. They are read-only: a transform that prints a tree parses its own with `parse`.
 */
export class Trees {
  private readonly byText = new Map<string, Parsed>();

  get(file: string, source: string): Parsed {
    const hit = this.byText.get(source);
    if (hit && hit.file === file) return hit;
    const parsed = parseForReading(file, source);
    this.byText.set(source, parsed);
    return parsed;
  }
}

/** The shared tree of a transform's input when the runner gives one, else a tree of its own (both read-only). */
export function parseInput({ file, source, trees }: { file: string; source: string; trees?: Trees }): Parsed {
  return trees ? trees.get(file, source) : parseForReading(file, source);
}

/** Whether a file ends its statements with semicolons (a semicolon-free file gets none from us). */
export function usesSemicolons(source: string): boolean {
  return /;[ \t]*(\/\/.*)?\r?$/m.test(source);
}

/** The file's string quote: the one its imports use, else the one it uses most. */
export function quoteOf(source: string): '"' | "'" {
  const fromImports = source.match(/\bfrom\s*(["'])/)?.[1];
  if (fromImports) return fromImports as '"' | "'";
  return (source.match(/'/g)?.length ?? 0) > (source.match(/"/g)?.length ?? 0) ? "'" : '"';
}

/** Prints with the file's own quote style for new nodes; untouched code keeps its formatting (recast). */
export function print({ root, source }: Parsed): string {
  // Parsed with tabWidth 1 (see parse): a tab-indented file's reprinted lines keep their tabs.
  const tabs = (source.match(/^\t/gm)?.length ?? 0) > (source.match(/^ /gm)?.length ?? 0);
  const printed = root.toSource({
    quote: quoteOf(source) === "'" ? "single" : "double",
    lineTerminator: source.includes("\r\n") ? "\r\n" : "\n",
    // A multi-line literal recast writes ends as the file's own do.
    trailingComma: /,[ \t]*\r?\n[ \t]*[}\]]/.test(source),
    ...(tabs ? { tabWidth: 1, useTabs: true } : {}),
  });
  return keepStyle(source, printed);
}

/**
 * Undoes what recast adds to lines it reprints: a semicolon in a file that writes none, and a
 * second one after a directive (`'use server';;`). Lines the file already had are not touched.
 */
export function keepStyle(source: string, printed: string): string {
  const original = new Set(source.split(/\r?\n/));
  const semis = usesSemicolons(source);
  return printed
    .split("\n")
    .map((line) => {
      const bare = line.replace(/\r$/, "");
      if (original.has(bare)) return line;
      let fixed = bare.replace(/^(\s*(["'])use (client|server|strict)\2;);+\s*$/, "$1");
      if (!semis && !/^\s*for\s*\(/.test(fixed)) fixed = fixed.replace(/;(\s*)$/, "$1").replace(/;(\s*\}\s*)$/, "$1");
      return fixed + line.slice(bare.length);
    })
    .join("\n");
}

/**
 * A node of any of the parsers' ASTs. ast-types' own unions are too narrow for code that checks
 * `type` and then reads fields, so transforms use this and check `type` first.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Node = any;

/** The imported name of an import specifier. */
export function importedName(s: { imported?: unknown }): string {
  const name = (s.imported as { name?: unknown } | undefined)?.name;
  return typeof name === "string" ? name : "";
}

/** The local name of an import specifier (ast-types types `name` loosely). */
export function localName(s: { local?: unknown } | null | undefined, fallback = ""): string {
  const name = (s?.local as { name?: unknown } | null | undefined)?.name;
  return typeof name === "string" ? name : fallback;
}

/** 1-based line of a node in `source`, the text it was parsed from; recast leaves `loc` off some nodes, so fall back to the offset. */
export function lineOf(
  node: { loc?: { start: { line: number } } | null; start?: number | null },
  source: string,
): number {
  if (node.loc?.start.line) return node.loc.start.line;
  if (typeof node.start === "number") return source.slice(0, node.start).split("\n").length;
  return 1;
}

/** The file's import declarations: top-level statements only, without walking the whole tree. */
export function topImports({ j, root }: Parsed): Collection<ImportDeclaration> {
  const body = root.paths()[0].get("program", "body") as ASTPath & {
    value: { type: string }[];
    get(i: number): ASTPath;
  };
  const paths: ASTPath<ImportDeclaration>[] = [];
  for (let i = 0; i < body.value.length; i++)
    if (body.value[i].type === "ImportDeclaration") paths.push(body.get(i) as ASTPath<ImportDeclaration>);
  return j(paths as never) as unknown as Collection<ImportDeclaration>;
}

/** Import declarations whose source is one of `sources`. */
export function importsFrom(parsed: Parsed, sources: readonly string[]): Collection<ImportDeclaration> {
  return topImports(parsed).filter((p) => sources.includes(String(p.node.source.value)));
}

/**
 * Identifier paths by name, from one walk of the tree (a walk per lookup is slow in files with
 * many call sites). Names changed after the walk are filtered out, not added.
 */
export function identifiersNamed(parsed: Parsed, name: string): ASTPath[] {
  let index = parsed.identifierIndex;
  if (!index) {
    index = new Map();
    for (const p of parsed.root.find(parsed.j.Identifier).paths()) {
      const n = (p.node as { name: string }).name;
      const list = index.get(n);
      if (list) list.push(p);
      else index.set(n, [p]);
    }
    parsed.identifierIndex = index;
  }
  return (index.get(name) ?? []).filter((p) => (p.node as { name: string }).name === name);
}

/** Local names bound to `imported` (a named export) from any of `sources`, with their declarations. */
export function namedImports(parsed: Parsed, sources: readonly string[], imported: string) {
  const found: { local: string; path: ASTPath<ImportDeclaration>; line: number }[] = [];
  importsFrom(parsed, sources).forEach((p) => {
    for (const s of p.node.specifiers ?? []) {
      if (s.type === "ImportSpecifier" && s.imported.name === imported) {
        found.push({ local: localName(s, imported), path: p, line: lineOf(p.node, parsed.source) });
      }
    }
  });
  return found;
}

/** Identifier nodes that reference `name` (not declarations in imports, not property keys). */
export function references(parsed: Parsed, name: string) {
  return parsed.j(identifiersNamed(parsed, name) as never).filter((p: ASTPath) => {
    const parent = p.parent?.node;
    if (!parent) return true;
    if (
      parent.type === "ImportSpecifier" ||
      parent.type === "ImportDefaultSpecifier" ||
      parent.type === "ImportNamespaceSpecifier"
    )
      return false;
    if (
      (parent.type === "MemberExpression" || parent.type === "OptionalMemberExpression") &&
      parent.property === p.node &&
      !parent.computed
    )
      return false;
    if (
      (parent.type === "ObjectProperty" || parent.type === "Property") &&
      parent.key === p.node &&
      !parent.computed &&
      !parent.shorthand
    )
      return false;
    if (
      (parent.type === "TSPropertySignature" || parent.type === "ObjectMethod" || parent.type === "ClassMethod") &&
      parent.key === p.node &&
      !parent.computed
    )
      return false;
    if (parent.type === "TSQualifiedName" && parent.right === p.node) return false;
    return true;
  });
}

/** Inserts an import after the last import (or at the top, after a "use client" directive). */
export function insertImport({ j, root }: Parsed, decl: ImportDeclaration) {
  const imports = root.find(j.ImportDeclaration);
  if (imports.size() > 0) {
    imports.at(imports.size() - 1).insertAfter(decl);
    return;
  }
  const program = root.find(j.Program).get().node;
  const body: unknown[] = program.body;
  let index = 0;
  while (index < body.length && isDirective(body[index])) index++;
  const first = body[index] as { comments?: unknown[] } | undefined;
  // Keep a file's leading comment (a license, a JSX pragma) above the new import.
  if (index === 0 && first?.comments?.length) {
    const own = (decl as { comments?: unknown[] }).comments ?? [];
    (decl as { comments?: unknown[] }).comments = [...first.comments, ...own];
    first.comments = [];
  }
  body.splice(index, 0, decl);
}

function isDirective(node: unknown): boolean {
  const n = node as { type: string; expression?: { type: string } };
  return n.type === "ExpressionStatement" && n.expression?.type === "StringLiteral" && "directive" in (n as object);
}

/** A local name not yet bound in the file: `preferred`, else `preferred2`, … (property keys do not count). */
export function freeName(parsed: Parsed, preferred: string): string {
  for (let i = 1; ; i++) {
    const name = i === 1 ? preferred : `${preferred}${i}`;
    const clashes = references(parsed, name).filter(
      (p) => !(p.parent?.node.type === "FunctionExpression" && p.parent.node.id === p.node),
    );
    if (clashes.size() === 0) return name;
  }
}

/** Text edits by offset, applied from the end so offsets stay valid. Keeps all other formatting. */
export function applyEdits(source: string, edits: { start: number; end: number; text: string }[]): string {
  let out = source;
  // From the end back; at one offset the replacement first, so an insertion there lands before it, whole.
  const order = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  for (const e of order) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/** Removes whole import declarations (text, with their line) whose bindings are all unused now. */
export function dropUnusedImports(file: string, source: string, only?: (local: string) => boolean): string {
  const parsed = parse(file, source);
  const edits: { start: number; end: number; text: string }[] = [];
  parsed.root.find(parsed.j.ImportDeclaration).forEach((p) => {
    const locals = (p.node.specifiers ?? []).map((s) => localName(s));
    if (locals.length === 0 || (only && !locals.some(only))) return;
    if (locals.some((l) => references(parsed, l).size() > 0)) return;
    const { start, end } = range(p.node);
    edits.push({ start, end: source[end] === "\n" ? end + 1 : end, text: "" });
  });
  return applyEdits(source, edits);
}

/** Text edits that take `gone` out of an import's specifiers, each with the comma beside it; the declaration stays. */
export function specifierRemovals(
  specifiers: readonly unknown[],
  gone: readonly unknown[],
): { start: number; end: number; text: string }[] {
  return gone.flatMap((s) => {
    const i = specifiers.indexOf(s);
    const next = specifiers[i + 1];
    const prev = specifiers[i - 1];
    if (next && !gone.includes(next)) return [{ start: range(s).start, end: range(next).start, text: "" }];
    if (prev) return [{ start: range(prev).end, end: range(s).end, text: "" }];
    return [];
  });
}

export function range(node: unknown): { start: number; end: number } {
  const n = node as { start?: number; end?: number };
  if (typeof n.start !== "number" || typeof n.end !== "number") throw new Error("node without offsets");
  return { start: n.start, end: n.end };
}
