import type { MemberExpression } from "jscodeshift";
import { applyEdits, lineOf, parseInput, range, type Node } from "../lib/ast";
import type { Pkg } from "../lib/apps";
import { findingsOf } from "../lib/findings";
import type { Transform, TransformResult } from "../lib/types";

/**
 * Step 3. v5's variable names, while the app still runs v4. In `.env*` files each v5 key is added
 * beside the v4 one with the same value (values are never read into output): v4 reads
 * NEXTAUTH_URL, NEXTAUTH_URL_INTERNAL and NEXTAUTH_SECRET itself, and the app's code the old provider
 * names, until the switch (step 6); the old keys go in the clean-up (step 10). In code,
 * `process.env.NEXTAUTH_SECRET` becomes
 * `process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET`: a deployment whose dashboard still
 * has only the old name keeps working, exactly as v5 itself falls back (`AUTH_SECRET ?? NEXTAUTH_SECRET`).
 */

/** Built-in providers whose v5 variables are inferred as AUTH_<ID>_ID / AUTH_<ID>_SECRET. */
const PROVIDERS = [
  "GITHUB",
  "GOOGLE",
  "DISCORD",
  "FACEBOOK",
  "TWITTER",
  "GITLAB",
  "AUTH0",
  "APPLE",
  "SPOTIFY",
  "TWITCH",
  "LINKEDIN",
  "SLACK",
  "KEYCLOAK",
  "OKTA",
  "COGNITO",
  "AZURE_AD",
  "REDDIT",
  "ZOOM",
  "NOTION",
  "BATTLENET",
];

export const ENV_RENAMES: Readonly<Record<string, string>> = {
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

/** `.env`, `.env.local`, `.env.example`, `.env-example`, `.env.sample`, `.env.template`, … */
export function isEnvFile(file: string): boolean {
  return /(^|\/)\.env([.-][\w.-]+)?$/.test(file);
}

/** Provider module (`next-auth/providers/azure-ad`) → its env prefix (`AZURE_AD`). */
export function providerPrefix(module: string): string {
  return module.toUpperCase().replace(/-/g, "_");
}

/**
 * A package outside next-auth (a sibling app of a monorepo that does not use it): none of its env
 * keys is next-auth's. The runner passes it as a Project's providers (runner/run.ts).
 */
export const NOT_NEXT_AUTH: ReadonlySet<string> = new Set<string>();

/**
 * The packages of a unit whose env keys are next-auth's: the apps that depend on next-auth (or on
 * a workspace package that does), and the workspace packages they use. A sibling app that only
 * shares a package with them keeps its env as it is. When no package declares next-auth (a
 * monorepo root does), all of them.
 */
export function nextAuthEnvScope(packages: readonly Pkg[]): Set<Pkg> {
  const byName = new Map(packages.filter((p) => p.name).map((p) => [p.name!, p]));
  const closure = (pkg: Pkg): Pkg[] => {
    const seen = new Set([pkg]);
    for (const p of seen) for (const dep of p.deps) if (byName.has(dep)) seen.add(byName.get(dep)!);
    return [...seen];
  };
  const users = packages.filter((p) => p.deps.includes("next-auth"));
  if (!users.length) return new Set(packages);
  const scope = new Set(users);
  for (const pkg of packages)
    if (pkg.app && closure(pkg).some((p) => users.includes(p))) for (const p of closure(pkg)) scope.add(p);
  return scope;
}

/**
 * The renames that apply to a project: next-auth's own keys, and the keys of the providers v5
 * would fill in from the environment (another integration's SLACK_CLIENT_ID stays). Unknown
 * providers: all.
 */
export function renamesFor(providers: ReadonlySet<string> | undefined): Readonly<Record<string, string>> {
  if (!providers) return ENV_RENAMES;
  if (providers === NOT_NEXT_AUTH) return {};
  return Object.fromEntries(
    Object.entries(ENV_RENAMES).filter(
      ([from]) =>
        from.startsWith("NEXTAUTH_") ||
        [...providers].some(
          (p) =>
            from.startsWith(`${providerPrefix(p)}_`) &&
            PROVIDERS.includes(providerPrefix(p)) &&
            /^(ID|SECRET|CLIENT_ID|CLIENT_SECRET)$/.test(from.slice(providerPrefix(p).length + 1)),
        ),
    ),
  );
}

/**
 * Providers imported from next-auth (or @auth/core) in these sources whose keys v5 reads from the
 * environment: v5 sets a provider's clientId and clientSecret from AUTH_<ID>_ID and AUTH_<ID>_SECRET
 * only where the config gives none (@auth/core 0.41.3, `setEnvDefaults`). A v4 app passes both, so
 * its GITHUB_ID stays its own name; a provider called without them (or with options built
 * elsewhere) counts.
 */
export function providersIn(sources: Iterable<string>): Set<string> {
  const found = new Set<string>();
  for (const text of sources) {
    for (const m of text.matchAll(/["'](?:next-auth|@auth\/core)\/providers\/([\w-]+)["']/g)) {
      if (!found.has(m[1]) && !passesClientKeys(text, m.index!)) found.add(m[1]);
    }
  }
  return found;
}

/** Whether every call of the provider imported at `at` passes clientId and clientSecret in an object literal. */
function passesClientKeys(text: string, at: number): boolean {
  const statement = text.slice(text.lastIndexOf("\n", at) + 1, at);
  const local = statement.match(/^\s*import\s+(\w+)\s+from\s*$/)?.[1];
  if (!local) return false;
  const calls = [...text.matchAll(new RegExp(`(?<![\\w.$])${local}\\s*\\(`, "g"))].map((c) =>
    callArguments(text, c.index! + c[0].length),
  );
  // Named but never called (`providers: [GitHub]`) is v5's form: the keys come from the environment.
  return (
    calls.length > 0 &&
    calls.every((args) => /^\s*\{/.test(args) && /\bclientId\b/.test(args) && /\bclientSecret\b/.test(args))
  );
}

/** The text between a call's parentheses, from just after the opening one. */
function callArguments(text: string, from: number): string {
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    if ("([{".includes(text[i])) depth++;
    else if (")]}".includes(text[i]) && --depth === 0) return text.slice(from, i);
  }
  return text.slice(from);
}

/**
 * Files outside the code that name env keys: turbo.json, vercel.json, Dockerfiles, compose files,
 * CI workflows. The codemod never writes them; it reports each renamed key still named there.
 */
export function isEnvConfigFile(file: string): boolean {
  const name = file.split("/").pop() ?? "";
  return (
    name === "turbo.json" ||
    name === "vercel.json" ||
    /^Dockerfile(\..+)?$/.test(name) ||
    /(^|[.-])compose[\w.-]*\.ya?ml$/.test(name) ||
    /(^|\/)\.github\/workflows\/[^/]+\.ya?ml$/.test(file) ||
    name === ".gitlab-ci.yml"
  );
}

export const envConfig: Transform = {
  name: "env-config",
  step: 3,
  kind: "config",
  run({ file, source, project }): TransformResult {
    const renames = renamesFor(project.providers);
    const { findings, note } = findingsOf(3, file);
    source.split("\n").forEach((line, i) => {
      for (const [from, to] of Object.entries(renames)) {
        // Both names in the file is the state step 3 wants until the switch.
        if (new RegExp(`\\b${from}\\b`).test(line) && !new RegExp(`\\b${to}\\b`).test(source)) {
          note(
            i + 1,
            "env-config",
            `still names ${from}: v5 reads ${to}; set ${to} here too (same value) and ${keepOld(from)}`,
          );
        }
      }
    });
    return { findings };
  },
};

const INTERNAL_URL = "NEXTAUTH_URL_INTERNAL";
/** Read in next-auth 4.24 and 5.0.0-beta.32 by next-auth/react only (react.js `__NEXTAUTH.baseUrlServer`). */
const INTERNAL_URL_NOTE =
  "NEXTAUTH_URL_INTERNAL keeps its name: v5 has no AUTH_ form of it. next-auth/react (v4 and v5) reads it as the base URL of its calls made on the server; v5's server reads AUTH_URL ?? NEXTAUTH_URL";

const APP_URL = "NEXTAUTH_URL";
/** next-auth 5.0.0-beta.32 lib/env.js: `process.env.AUTH_URL ?? process.env.NEXTAUTH_URL`. */
const APP_URL_NOTE =
  "NEXTAUTH_URL read in code is the app's own base URL (next-auth reads its own copy): left as it is, as v5 reads AUTH_URL ?? NEXTAUTH_URL. Keep NEXTAUTH_URL set beside AUTH_URL while your code reads it, the clean-up (step 10) included";

/** Why the old key stays beside the new one until the switch. */
function keepOld(from: string): string {
  const reader = from.startsWith("NEXTAUTH_") ? "next-auth v4 reads it" : "your v4 code reads it";
  return `keep ${from} (${reader} until the switch, step 6; remove it in the clean-up, step 10)`;
}

/** No file shows where the deployments stand, so apply carries this to-do over from its list (runner/write-policy.ts). */
export const ENV_DEPLOYMENT_TODO =
  "add the v5 names in every deployment environment too (same values), keeping the old ones: next-auth v4 reads NEXTAUTH_URL and NEXTAUTH_SECRET until the switch (step 6); remove the old names only in the clean-up (step 10). The codemod only sees files";

const ENV_LINE = /^(\s*(?:export\s+)?)([A-Za-z_][A-Za-z0-9_]*)(\s*=)/;

export const envFiles: Transform = {
  name: "env-files",
  step: 3,
  kind: "env",
  run({ file, source, project }): TransformResult {
    const renames = renamesFor(project.providers);
    const lines = source.split("\n");
    // Each key's value as written (compared, never shown).
    const values = new Map<string, string>();
    for (const l of lines) {
      const m = l.match(ENV_LINE);
      if (m && !values.has(m[2])) values.set(m[2], l.slice(m[0].length).trim());
    }
    const { findings, note } = findingsOf(3, file);
    const out: string[] = [];
    let changed = false;
    lines.forEach((line, i) => {
      out.push(line);
      const m = line.match(ENV_LINE);
      const next = m && renames[m[2]];
      if (!m || !next) return;
      if (values.has(next)) {
        if (values.get(next) !== values.get(m[2]))
          note(
            i + 1,
            "env-file-key",
            `${m[2]} and ${next} are both set, to different values: v4 reads ${m[2]} and v5 ${next}; give them the same value, and ${keepOld(m[2])}`,
          );
        return;
      }
      // The v5 key on the next line, with this line's value; the v4 key stays.
      out.push(m[1] + next + line.slice(m[1].length + m[2].length));
      values.set(next, values.get(m[2])!);
      changed = true;
      note(i + 1, "env-file-key", `${next} added beside ${m[2]} (same value); ${keepOld(m[2])}`, "rewrite");
    });
    if (changed) {
      note(1, "env-deployment", ENV_DEPLOYMENT_TODO);
    }
    return { source: changed ? out.join("\n") : undefined, findings };
  },
};

export const envCode: Transform = {
  name: "env-code",
  step: 3,
  kind: "source",
  run(input): TransformResult {
    const { file, source, project, context } = input;
    const renames = renamesFor(project.providers);
    const names = [...Object.keys(renames), INTERNAL_URL].filter((n) => source.includes(n));
    if (names.length === 0) return { findings: [] };
    const parsed = parseInput(input);
    const { j, root } = parsed;
    const { findings, note } = findingsOf(3, file);
    const edits: { start: number; end: number; text: string }[] = [];

    const envName = (node: MemberExpression): string | undefined => {
      const obj = node.object;
      const isProcessEnv =
        obj.type === "MemberExpression" &&
        obj.object.type === "Identifier" &&
        obj.object.name === "process" &&
        obj.property.type === "Identifier" &&
        obj.property.name === "env";
      if (!isProcessEnv) return undefined;
      if (!node.computed && node.property.type === "Identifier") return node.property.name;
      if (node.computed && node.property.type === "StringLiteral") return node.property.value;
      return undefined;
    };

    root.find(j.MemberExpression).forEach((p) => {
      const name = envName(p.node);
      if (name === INTERNAL_URL) {
        note(lineOf(p.node, source), "env-read", INTERNAL_URL_NOTE, "ok");
        return;
      }
      const next = name && renames[name];
      if (!name || !next) return;
      // Already `process.env.AUTH_X ?? process.env.X`: idempotent.
      const parent = p.parent.node;
      if (
        parent.type === "LogicalExpression" &&
        parent.right === p.node &&
        parent.left.type === "MemberExpression" &&
        envName(parent.left) === next
      )
        return;
      if (
        (parent.type === "AssignmentExpression" && parent.left === p.node) ||
        (parent.type === "UnaryExpression" && parent.operator === "delete")
      ) {
        // Done once the file writes (or deletes) the v5 name too.
        if (new RegExp(`(delete\\s+process\\.env\\.${next}\\b|process\\.env\\.${next}\\s*=[^=])`).test(source)) return;
        note(lineOf(p.node, source), "env-read", `writes or deletes process.env.${name}: do the same for ${next}`);
        return;
      }
      if (name === APP_URL) {
        // The app's own base URL (links in emails, workers): v5 still reads NEXTAUTH_URL after AUTH_URL.
        if (!context.appUrlNoted) note(lineOf(p.node, source), "env-read", APP_URL_NOTE, "ok");
        context.appUrlNoted = true;
        return;
      }
      const line = lineOf(p.node, source);
      const old = source.slice(range(p.node).start, range(p.node).end);
      // Parentheses where `??` would otherwise bind wrongly (||, &&, unary, member access).
      const bare = [
        "VariableDeclarator",
        "ObjectProperty",
        "Property",
        "ArrowFunctionExpression",
        "ReturnStatement",
        "CallExpression",
        "NewExpression",
        "ArrayExpression",
        "TemplateLiteral",
        "AssignmentExpression",
        "JSXExpressionContainer",
        "IfStatement",
        "ConditionalExpression",
      ];
      const needsParens = !bare.includes(parent.type) || (parent.type === "CallExpression" && parent.callee === p.node);
      const text = `process.env.${next} ?? ${old}`;
      edits.push({ ...range(p.node), text: needsParens ? `(${text})` : text });
      note(line, "env-read", `process.env.${name} → process.env.${next} ?? process.env.${name}`, "rewrite");
    });

    // `const { NEXTAUTH_SECRET } = process.env` and env schema keys (zod, t3-env): a person decides.
    // …and `interface ProcessEnv { NEXTAUTH_SECRET: string }` declarations.
    const keyed = [...root.find(j.ObjectProperty).paths(), ...root.find(j.TSPropertySignature).paths()];
    const keyName = (key: Node) =>
      key.type === "Identifier" ? key.name : key.type === "StringLiteral" ? key.value : undefined;
    keyed.forEach((p) => {
      const name = keyName(p.node.key);
      const next = name !== APP_URL && name && renames[name];
      // Settled once the file names the new key (t3-env's `runtimeEnv: { X: process.env.AUTH_X ?? … }`).
      if (!name || !next || new RegExp(`\\b${next}\\b`).test(source)) return;
      note(
        lineOf(p.node, source),
        "env-key",
        `${name} named in code (destructuring or an env schema): accept ${next} as well and read it first`,
      );
    });
    return { source: edits.length ? applyEdits(source, edits) : undefined, findings };
  },
};
