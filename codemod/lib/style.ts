import { parserFor } from "./ast";
// jscodeshift's Babel setup per parser name; its options keep the tokens.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const getParser: (name: string) => { parse(code: string): BabelFile } = require("jscodeshift/src/getParser");

/**
 * The formatting layer: code the codemod writes (inserted statements, moved code, new files)
 * takes the file's own quotes, semicolons and indentation, or, in a new file, the app's. The
 * transforms write in one house style (double quotes, semicolons, two spaces); `conform` rewrites
 * only the lines the file did not have before, so the user's own lines keep their exact text.
 */
export interface Style {
  semicolons: boolean;
  quote: '"' | "'";
  /** One level of indentation: "  ", "    " or "\t". */
  indent: string;
}

/** What the transforms write before `conform`. */
const HOUSE: Style = { semicolons: true, quote: '"', indent: "  " };

/** Evidence for a style, summed over one file or many. */
export interface StyleCounts {
  withSemicolon: number;
  withoutSemicolon: number;
  single: number;
  double: number;
  indents: Map<string, number>;
}

interface Token {
  type: { label: string } | string;
  start: number;
  end: number;
  loc: { start: { line: number }; end: { line: number } };
}

interface BabelFile {
  program: unknown;
  tokens: Token[];
}

const tokenType = (t: Token) => (typeof t.type === "string" ? t.type : t.type.label);

function tryParse(file: string, source: string): BabelFile | undefined {
  try {
    return getParser(parserFor(file)).parse(source);
  } catch {
    return undefined;
  }
}

/** Statements that end with a semicolon in a semicolon style (and with none in the other). */
const TERMINATED = new Set([
  "ExpressionStatement",
  "VariableDeclaration",
  "ReturnStatement",
  "ThrowStatement",
  "BreakStatement",
  "ContinueStatement",
  "ImportDeclaration",
  "ExportAllDeclaration",
  "TSTypeAliasDeclaration",
]);

export function emptyCounts(): StyleCounts {
  return { withSemicolon: 0, withoutSemicolon: 0, single: 0, double: 0, indents: new Map() };
}

/** Counts the style evidence in one file (nothing when it does not parse). */
export function countStyle(file: string, source: string, into: StyleCounts = emptyCounts()): StyleCounts {
  const parsed = tryParse(file, source);
  if (!parsed) return into;
  const visit = (node: unknown, parent: { type?: string } | undefined) => {
    if (!node || typeof node !== "object") return;
    if (Array.isArray(node)) {
      for (const child of node) visit(child, parent);
      return;
    }
    const n = node as { type?: string; end?: number; declaration?: unknown; source?: unknown };
    if (typeof n.type === "string" && typeof n.end === "number") {
      const isStatement =
        (TERMINATED.has(n.type) && !/^For/.test(parent?.type ?? "")) ||
        (n.type === "ExportNamedDeclaration" && !n.declaration) ||
        (n.type === "ExportDefaultDeclaration" &&
          !/Declaration$/.test((n.declaration as { type?: string })?.type ?? ""));
      if (isStatement) {
        if (source[n.end - 1] === ";") into.withSemicolon++;
        else into.withoutSemicolon++;
      }
    }
    for (const key of Object.keys(n))
      if (key !== "loc" && key !== "leadingComments" && key !== "trailingComments" && key !== "innerComments")
        visit((n as Record<string, unknown>)[key], n);
  };
  visit(parsed.program, undefined);
  const tokens = parsed.tokens;
  tokens.forEach((t, i) => {
    if (tokenType(t) !== "string" || isJsxAttribute(tokens, i)) return;
    const raw = source.slice(t.start, t.end);
    if (raw[0] === "'" && !raw.includes('"')) into.single++;
    if (raw[0] === '"' && !raw.includes("'")) into.double++;
  });
  const inTemplate = templateLineStarts(source, tokens);
  let previous = "";
  source.split("\n").forEach((line, index) => {
    if (!line.trim() || inTemplate.has(index + 1) || /^\s*\*/.test(line)) return;
    const lead = line.match(/^[ \t]*/)![0];
    if (lead.length > previous.length && lead.startsWith(previous)) {
      const step = lead.slice(previous.length);
      if (/^( +|\t)$/.test(step)) into.indents.set(step, (into.indents.get(step) ?? 0) + 1);
    }
    previous = lead;
  });
  return into;
}

/** The style the counts show; `fallback` fills what they do not decide. */
export function styleFrom(counts: StyleCounts, fallback: Style = HOUSE): Style {
  const semicolons =
    counts.withSemicolon === counts.withoutSemicolon
      ? fallback.semicolons
      : counts.withSemicolon > counts.withoutSemicolon;
  const quote = counts.single === counts.double ? fallback.quote : counts.single > counts.double ? "'" : '"';
  const indent = [...counts.indents].sort((a, b) => b[1] - a[1])[0]?.[0] ?? fallback.indent;
  return { semicolons, quote, indent };
}

/** Whether a string token is a JSX attribute's value (those keep their own quotes). */
function isJsxAttribute(tokens: Token[], i: number): boolean {
  return i >= 2 && tokenType(tokens[i - 1]) === "=" && tokenType(tokens[i - 2]) === "jsxName";
}

/** 1-based lines that begin inside a template literal (their leading blanks are the string's). */
function templateLineStarts(source: string, tokens: Token[]): Set<number> {
  const lines = new Set<number>();
  for (const t of tokens) {
    if (tokenType(t) !== "template" || t.loc.start.line === t.loc.end.line) continue;
    for (let line = t.loc.start.line + 1; line <= t.loc.end.line; line++) lines.add(line);
  }
  return lines;
}

/** Tokens after which a line break does not end a statement: a `;` before them must stay. */
const CONTINUES = new Set(["(", "[", "`", "+/-", "/", "regexp", "template", "prefix", "++/--"]);

/**
 * Rewrites the lines of `after` that `before` does not have, from the house style to `style`:
 * string quotes (where the other quote does not occur in the string), statement-ending
 * semicolons (a semicolon-free file gets none, except where the next line would continue the
 * statement), and indentation (two-space levels become the file's). Text that does not parse is
 * returned as it is. Where the file had no two blank lines in a row, it gets none.
 */
export function conform(file: string, before: string | null, after: string, style: Style): string {
  const text = restyle(file, before, after, style);
  // A removed import (or statement) leaves its blank line behind: no more blank lines in a row than the file had.
  return before === null || /\n[ \t]*\r?\n[ \t]*\r?\n/.test(before)
    ? text
    : text.replace(/(\r?\n)(?:[ \t]*\r?\n){2,}/g, "$1$1");
}

function restyle(file: string, before: string | null, after: string, style: Style): string {
  if (style.semicolons && style.quote === HOUSE.quote && style.indent === HOUSE.indent) return after;
  const parsed = tryParse(file, after);
  if (!parsed) return after;
  const known = new Set((before ?? "").split(/\r?\n/));
  const lines = after.split("\n");
  const isNew = lines.map((line) => !known.has(line.replace(/\r$/, "")));
  const tokens = parsed.tokens;
  const edits: { start: number; end: number; text: string }[] = [];
  const brackets: string[] = [];
  tokens.forEach((t, i) => {
    const kind = tokenType(t);
    if (kind === "(" || kind === "[" || kind === "{" || kind === "${" || kind === "#{") brackets.push(kind);
    else if (kind === ")" || kind === "]" || kind === "}") brackets.pop();
    const line = t.loc.start.line;
    if (!isNew[line - 1]) return;
    if (kind === "string" && !isJsxAttribute(tokens, i)) {
      const raw = after.slice(t.start, t.end);
      const inner = raw.slice(1, -1);
      if (raw[0] !== style.quote && !inner.includes(style.quote) && !inner.includes("\\"))
        edits.push({ start: t.start, end: t.end, text: `${style.quote}${inner}${style.quote}` });
    }
    if (kind === ";" && !style.semicolons) {
      const next = tokens[i + 1];
      const previous = tokens[i - 1];
      const endsLine = !next || tokenType(next) === "eof" || next.loc.start.line > line;
      const inBlock = brackets.length === 0 || brackets[brackets.length - 1] === "{";
      const startsStatement = !previous || previous.loc.end.line < line;
      if (endsLine && inBlock && !startsStatement && !(next && CONTINUES.has(tokenType(next))))
        edits.push({ start: t.start, end: t.end, text: "" });
    }
  });
  let text = edits.length ? applyEditsDescending(after, edits) : after;
  if (style.indent !== HOUSE.indent) text = reindent(text, isNew, templateLineStarts(after, tokens), style.indent);
  return text;
}

function applyEditsDescending(text: string, edits: { start: number; end: number; text: string }[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/**
 * Each run of new lines whose smallest indentation step is the house's two spaces is re-indented
 * level for level; a run that already indents otherwise (moved user code) is left as it is.
 * Lines are matched by number: the edits before this only change text within a line.
 */
function reindent(text: string, isNew: boolean[], inTemplate: Set<number>, indent: string): string {
  const lines = text.split("\n");
  let i = 0;
  while (i < lines.length) {
    if (!isNew[i]) {
      i++;
      continue;
    }
    let end = i;
    while (end < lines.length && isNew[end]) end++;
    const run = [...Array(end - i).keys()]
      .map((k) => i + k)
      .filter((n) => !inTemplate.has(n + 1) && lines[n].trim() && !/^\s*\*/.test(lines[n]));
    const leads = run.map((n) => lines[n].match(/^ */)![0].length).filter((l) => l > 0);
    const smallest = Math.min(...leads);
    if (smallest === 2 && leads.every((l) => l % 2 === 0)) {
      for (const n of run) lines[n] = lines[n].replace(/^ +/, (spaces) => indent.repeat(spaces.length / 2));
    }
    i = end;
  }
  return lines.join("\n");
}
