import type { ASTPath, ImportDeclaration } from "jscodeshift";
import {
  importsFrom,
  lineOf,
  parse,
  parseInput,
  print,
  references,
  topImports,
  importedName,
  localName,
  type Parsed,
} from "../lib/ast";
import type { Project } from "../lib/project";
import { findingsOf, type Note } from "../lib/findings";
import type { Transform, TransformResult } from "../lib/types";

/**
 * Step 6 (the switch), import by import:
 * - `NextAuthOptions` / `AuthOptions` → `NextAuthConfig` (references renamed, or the alias kept);
 * - `@next-auth/<name>-adapter` → `@auth/<name>-adapter` (same export names);
 * - `next-auth/providers/oauth` types → `next-auth/providers`; `GithubProfile` → `GitHubProfile`;
 * - `next-auth/adapters` → a type-only import (v5 exports only types there: `Adapter` is
 *   @auth/core's, and its export map has no JavaScript to load);
 * - reported: `DrizzleAdapter(db, tableFn)`, as create-t3-app wrote it (@auth/drizzle-adapter 1.x
 *   takes the tables themselves, and given a function it uses its own unprefixed tables);
 * - reported: other v4-only exports of "next-auth", anything still imported from "next-auth/next",
 *   and `getToken` (v5: `secret` no longer defaults to the env var, `secureCookie` defaults to false,
 *   and a request with only the v4 cookie gets null).
 */
const V5_NEXT_AUTH_EXPORTS = new Set([
  "default",
  "AuthError",
  "CredentialsSignin",
  "customFetch",
  "Session",
  "Account",
  "Profile",
  "DefaultSession",
  "User",
  "NextAuthConfig",
  "NextAuthRequest",
  "NextAuthResult",
  "NextAuthOptions",
  "AuthOptions",
  // step 2 handles these; if they are still here, step 2 reported why
  "getServerSession",
  "unstable_getServerSession",
]);

/**
 * The public type exports of "@auth/core/types" (@auth/core 0.41.3, which next-auth 5.0.0-beta.32
 * pins): where v4's other "next-auth" types live on. Internal ones (RequestInternal) are not here.
 */
const CORE_TYPES = new Set([
  "WebAuthnOptionsResponseBody",
  "AuthConfig",
  "LoggerInstance",
  "WarningCode",
  "Awaitable",
  "Awaited",
  "SemverString",
  "Theme",
  "TokenSet",
  "Account",
  "Profile",
  "CookieOption",
  "CookiesOptions",
  "ErrorPageParam",
  "SignInPageErrorParam",
  "PagesOptions",
  "DefaultSession",
  "Session",
  "DefaultUser",
  "User",
  "PublicProvider",
  "AuthAction",
  "ResponseInternal",
  "Authenticator",
]);

/** v4 types with no public v5 type, and what stands in for them. */
const V5_STAND_INS: Record<string, string> = {
  CallbacksOptions: 'NextAuthConfig["callbacks"]',
  EventCallbacks: 'NextAuthConfig["events"]',
  RequestInternal: "the web Request that v5 passes to authorize(credentials, request)",
};

/** The to-do for a v4 "next-auth" type that v5's "next-auth" does not export. */
export function v4OnlyExportMessage(name: string): string {
  if (CORE_TYPES.has(name))
    return `"next-auth" has no ${name} in v5: import it from "@auth/core/types" (next-auth's own dependency; add @auth/core to your dependencies where your package manager does not hoist it)`;
  const standIn = V5_STAND_INS[name];
  if (standIn) return `"next-auth" has no ${name} in v5, and Auth.js exports none: use ${standIn}`;
  return `"next-auth" has no ${name} in v5, and "@auth/core/types" exports none: use NextAuthConfig's fields or declare the type yourself`;
}

/**
 * getToken (@auth/core 0.41.3 jwt.js) reads only v5's cookie name and derives its key with v5's
 * salt: a request that still carries only the v4 cookie gets null, whatever the bridge does later.
 */
export const GET_TOKEN_TODO =
  'getToken from next-auth/jwt: v5\'s getToken reads only the v5 cookie (authjs.session-token, or __Secure-authjs.session-token with secureCookie: true) with v5\'s key, so on a request that carries only the v4 cookie (a user who has not loaded a page through auth(), middleware or /api/auth/session since the deploy) it returns null. Read the session with auth() instead, or treat null as "not re-issued yet" rather than "signed out"; and pass secret (v5 does not read AUTH_SECRET here) and secureCookie (it defaults to false, so on https it looks for the wrong name) explicitly';

export const ADAPTER_SOURCE = /^@next-auth\/([\w-]+)-adapter$/;

/** `@next-auth/<name>-adapter` → its @auth package (typeorm-legacy became typeorm). */
export function v5Adapter(v4: string): string | undefined {
  const name = v4.match(ADAPTER_SOURCE)?.[1];
  if (!name) return undefined;
  return `@auth/${name === "typeorm-legacy" ? "typeorm" : name}-adapter`;
}

export const nextAuthImports: Transform = {
  name: "next-auth-imports",
  step: 6,
  kind: "source",
  run(input): TransformResult {
    const { file, source, project } = input;
    if (
      !/from\s+["'](next-auth(\/(next|jwt|adapters|providers\/oauth|providers\/github))?|@next-auth\/[\w-]+-adapter|@auth\/drizzle-adapter)["']/.test(
        source,
      )
    )
      return { findings: [] };
    // A tree of its own where it may edit and reprint it; else the shared one, only read.
    const parsed =
      /@next-auth\/|\b(NextAuthOptions|AuthOptions|GithubProfile)\b|providers\/oauth|next-auth\/adapters/.test(source)
        ? parse(file, source)
        : parseInput(input);
    const { j } = parsed;
    const { findings, note } = findingsOf(6, file);
    let changed = false;

    topImports(parsed).forEach((p) => {
      const from = String(p.node.source.value);
      const line = lineOf(p.node, source);
      const adapter = v5Adapter(from);
      if (adapter) {
        p.node.source = j.stringLiteral(adapter);
        changed = true;
        note(line, "adapter-import", `${from} → ${adapter}`, "rewrite");
        return;
      }
      const rewrite = IMPORT_REWRITES.get(from);
      if (rewrite?.(p, { parsed, line, note, file, project })) changed = true;
    });
    // `import NextAuth from "next-auth"` in a Pages API route is handled by the route transform.
    if (importsFrom(parsed, ["next-auth/next"]).size() === 0 && !changed) return { findings };
    return { source: changed ? print(parsed) : undefined, findings };
  },
};

/** What an import's rewrite sees: the file's tree, the import's line, how to report, the file and its package. */
interface ImportContext {
  parsed: Parsed;
  line: number;
  note: Note;
  file: string;
  project: Project;
}

/** How each next-auth module's import changes (edited in place); each returns whether it changed the file. */
const IMPORT_REWRITES = new Map<string, (p: ASTPath<ImportDeclaration>, at: ImportContext) => boolean>([
  ["next-auth", optionsType],
  ["next-auth/next", nextAuthNext],
  ["next-auth/providers/oauth", oauthTypes],
  ["next-auth/providers/github", githubProfile],
  ["next-auth/adapters", adapterTypes],
  ["@auth/drizzle-adapter", drizzleAdapterTables],
  ["next-auth/jwt", jwtHelpers],
]);

/** `next-auth`: NextAuthOptions (or AuthOptions) → NextAuthConfig; what v5 does not export, reported. */
function optionsType(p: ASTPath<ImportDeclaration>, { parsed, line, note, project }: ImportContext): boolean {
  const { j } = parsed;
  let changed = false;
  for (const s of p.node.specifiers ?? []) {
    if (s.type !== "ImportSpecifier") continue;
    const name = importedName(s);
    if (name === "NextAuthOptions" || name === "AuthOptions") {
      const local = localName(s, name);
      s.imported = j.identifier("NextAuthConfig");
      if (local === name) {
        references(parsed, local).forEach((r) => {
          r.node.name = "NextAuthConfig";
        });
        s.local = j.identifier("NextAuthConfig");
      } else if (local === "NextAuthConfig") {
        // `NextAuthOptions as NextAuthConfig`: the alias would now name itself.
        p.node.specifiers = (p.node.specifiers ?? []).map((x) =>
          x === s ? j.importSpecifier(j.identifier("NextAuthConfig")) : x,
        );
      }
      changed = true;
      note(line, "options-type", `${name} → NextAuthConfig`, "rewrite");
    } else if (!V5_NEXT_AUTH_EXPORTS.has(name) && !project.augmentedTypes.has(name)) {
      note(line, "v4-only-export", v4OnlyExportMessage(name), "todo");
    }
  }
  return changed;
}

/** `next-auth/next`: it throws in v5 (getServerSession alone is server-session's). */
function nextAuthNext(p: ASTPath<ImportDeclaration>, { line, note }: ImportContext): boolean {
  const specifiers = p.node.specifiers ?? [];
  if (specifiers.some((s) => s.type !== "ImportSpecifier" || !importedName(s).includes("getServerSession")))
    note(line, "next-auth-next", 'importing "next-auth/next" throws in v5: use auth() from the root auth module');
  return false;
}

/** `next-auth/providers/oauth`: its types come from `next-auth/providers` in v5. */
function oauthTypes(p: ASTPath<ImportDeclaration>, { parsed, line, note }: ImportContext): boolean {
  const typeOnly = (s: unknown) => (s as { importKind?: string }).importKind === "type";
  if (
    p.node.importKind !== "type" &&
    !(p.node.specifiers ?? []).every((s) => s.type === "ImportSpecifier" && typeOnly(s))
  ) {
    note(line, "provider-types", 'next-auth/providers/oauth is gone in v5: import types from "next-auth/providers"');
    return false;
  }
  p.node.source = parsed.j.stringLiteral("next-auth/providers");
  note(line, "provider-types", "next-auth/providers/oauth → next-auth/providers (types)", "rewrite");
  return true;
}

/** `next-auth/providers/github`: GithubProfile → GitHubProfile. */
function githubProfile(p: ASTPath<ImportDeclaration>, { parsed, line, note }: ImportContext): boolean {
  const { j } = parsed;
  let changed = false;
  for (const s of p.node.specifiers ?? []) {
    if (s.type === "ImportSpecifier" && importedName(s) === "GithubProfile") {
      const local = localName(s, "GithubProfile");
      s.imported = j.identifier("GitHubProfile");
      if (local === "GithubProfile") {
        // Unaliased: rename the uses too (a new `imported` alone would leave them undefined).
        references(parsed, local).forEach((r) => {
          r.node.name = "GitHubProfile";
        });
        s.local = j.identifier("GitHubProfile");
      } else if (local === "GitHubProfile")
        p.node.specifiers = (p.node.specifiers ?? []).map((x) =>
          x === s ? j.importSpecifier(j.identifier("GitHubProfile")) : x,
        );
      changed = true;
      note(line, "provider-types", "GithubProfile → GitHubProfile", "rewrite");
    }
  }
  return changed;
}

/** `next-auth/adapters`: types only in v5, so a type-only import. */
function adapterTypes(p: ASTPath<ImportDeclaration>, { line, note, file }: ImportContext): boolean {
  const specifiers = p.node.specifiers ?? [];
  const typeOnly =
    p.node.importKind === "type" ||
    (specifiers.length > 0 &&
      specifiers.every((s) => s.type === "ImportSpecifier" && (s as { importKind?: string }).importKind === "type"));
  if (typeOnly) return false;
  if (!/\.[cm]?tsx?$/.test(file) || specifiers.some((s) => s.type !== "ImportSpecifier")) {
    note(line, "adapter-types", "next-auth/adapters exports only types in v5: import them with `import type`", "todo");
    return false;
  }
  p.node.importKind = "type";
  for (const s of specifiers) delete (s as { importKind?: string }).importKind; // `import type { type X }` does not parse
  note(line, "adapter-types", "next-auth/adapters → a type-only import (v5 exports only types there)", "rewrite");
  return true;
}

/** `@auth/drizzle-adapter`: DrizzleAdapter(db, tableFn) → DrizzleAdapter(db, { …your tables }). */
function drizzleAdapterTables(p: ASTPath<ImportDeclaration>, { parsed, note, file, project }: ImportContext): boolean {
  const { j, root, source } = parsed;
  let changed = false;
  const names = (p.node.specifiers ?? [])
    .filter((s) => s.type === "ImportSpecifier" && importedName(s) === "DrizzleAdapter")
    .map((s) => localName(s, "DrizzleAdapter"));
  for (const name of names) {
    root.find(j.CallExpression, { callee: { type: "Identifier", name } }).forEach((call) => {
      const tables = call.node.arguments[1];
      const tableFn = tables?.type === "Identifier" ? tables.name : undefined;
      const own = tableFn ? drizzleTables(parsed, project, file, tableFn) : undefined;
      if (own && tableFn) {
        const onlyHere = references(parsed, tableFn).size() === 1;
        call.node.arguments[1] = j.objectExpression(
          own.tables.map(([key, local]) => j.objectProperty(j.identifier(key), j.identifier(local))),
        );
        const declaration = own.declaration;
        const have = new Set((declaration.specifiers ?? []).map((sp) => localName(sp)));
        for (const [, local] of own.tables)
          if (!have.has(local))
            declaration.specifiers = [...(declaration.specifiers ?? []), j.importSpecifier(j.identifier(local))];
        changed = true;
        if (onlyHere) declaration.specifiers = (declaration.specifiers ?? []).filter((sp) => localName(sp) !== tableFn);
        note(
          lineOf(call.node, source),
          "drizzle-tables",
          `${name}(db, ${tableFn}) → ${name}(db, { ${own.tables.map(([k, v]) => `${k}: ${v}`).join(", ")} }): @auth/drizzle-adapter 1.x takes your tables (given a table function it would use its own unprefixed ones)`,
          "rewrite",
        );
      } else if (tables && tables.type !== "ObjectExpression") {
        note(
          lineOf(call.node, source),
          "drizzle-tables",
          `${name}(db, ${tables.type === "Identifier" ? tables.name : "…"}): @auth/drizzle-adapter 1.x takes your tables, { usersTable, accountsTable, sessionsTable, verificationTokensTable }; given a table function it uses its own unprefixed tables, and every session in yours reads as signed out`,
          "todo",
        );
      }
    });
  }
  return changed;
}

/** `next-auth/jwt`: getToken, decode and encode need more in v5; reported. */
function jwtHelpers(p: ASTPath<ImportDeclaration>, { line, note }: ImportContext): boolean {
  for (const s of p.node.specifiers ?? []) {
    if (
      s.type === "ImportSpecifier" &&
      (importedName(s) === "getToken" || importedName(s) === "decode" || importedName(s) === "encode")
    ) {
      note(
        line,
        "get-token",
        importedName(s) === "getToken"
          ? GET_TOKEN_TODO
          : `${importedName(s)} from next-auth/jwt: v5 needs an explicit secret (and salt, the cookie name); getToken's secureCookie defaults to false`,
        "todo",
      );
    }
  }
  return false;
}

/** The tables @auth/drizzle-adapter 0.x made with a table function, by the name it gave each one. */
const DRIZZLE_TABLES: Record<string, string> = {
  user: "usersTable",
  account: "accountsTable",
  session: "sessionsTable",
  verificationToken: "verificationTokensTable",
};

/**
 * `DrizzleAdapter(db, createTable)` where `createTable` is imported from a schema module that
 * exports each of the four tables made with it (create-t3-app's layout): the tables to pass
 * instead, as [adapter key, the name this file imports], and the import to add them to.
 */
function drizzleTables(parsed: ReturnType<typeof parseInput>, project: Project, file: string, local: string) {
  const declaration = topImports(parsed)
    .nodes()
    .find((d) => (d.specifiers ?? []).some((sp) => sp.type === "ImportSpecifier" && localName(sp) === local));
  if (!declaration || declaration.importKind === "type") return undefined;
  const specifier = (declaration.specifiers ?? []).find((sp) => localName(sp) === local)!;
  const schema = project.resolve(file, String(declaration.source.value));
  const schemaFile = schema === undefined ? undefined : project.has(schema);
  const text = schemaFile ? (project.read(schemaFile) ?? "") : "";
  const creator = importedName(specifier as { imported?: unknown });
  const exported = new Map<string, string>();
  for (const m of text.matchAll(new RegExp(`^export const (\\w+)\\s*=\\s*${creator}\\(\\s*["'\`](\\w+)["'\`]`, "gm")))
    if (m[2] in DRIZZLE_TABLES) exported.set(m[2], m[1]);
  if (exported.size !== Object.keys(DRIZZLE_TABLES).length || exported.size !== new Set(exported.values()).size)
    return undefined;
  // Each table under the name this file already uses for it, or its exported name when that is free.
  const locals = new Map(
    (declaration.specifiers ?? []).map((sp) => [importedName(sp as { imported?: unknown }), localName(sp)] as const),
  );
  const added = [...exported.values()].filter((name) => !locals.has(name));
  if (added.some((name) => references(parsed, name).size() > 0)) return undefined;
  const tables = Object.entries(DRIZZLE_TABLES).map(([name, key]) => {
    const exportedName = exported.get(name)!;
    return [key, locals.get(exportedName) ?? exportedName] as const;
  });
  return { tables, declaration };
}
