import { isTypeScript, lineOf, parseInput, range, type Node } from "../lib/ast";
import type { Finding, Transform, TransformInput, TransformResult } from "../lib/types";

/**
 * Step 6, report only: behaviours that change quietly at the switch and that no rewrite can
 * decide (MIGRATION.md, "Quiet behaviour changes"). Matched line by line in files that use next-auth.
 */
const CHECKS: { pattern: RegExp; kind: string; message: string }[] = [
  {
    pattern: /\baccount\??\.type\s*[!=]==?\s*["']oauth["']/,
    kind: "account-type",
    message: 'v5 sets account.type to "oidc" for OpenID Connect providers (v4: "oauth"): compare both',
  },
  {
    pattern: /\bupdate\(\s*\)/,
    kind: "session-update",
    message: 'useSession().update() without data sends a GET in v5: the jwt callback no longer sees trigger "update"',
  },
  {
    pattern: /\bchecks:\s*\[\s*["']state["']\s*\]/,
    kind: "oauth-checks",
    message:
      'v5 defaults OAuth checks to ["pkce"] (v4: ["state"]): keep the explicit list only if the provider needs it',
  },
  // Types, not behaviour (next-auth 5.0.0-beta.32 / @auth/core 0.41.3): found by the field test's type check.
  {
    pattern: /\btoken(\.\w+|\[["']\w+["']\])\s*=\s*user\??\.id\b/,
    kind: "user-id-optional",
    message:
      "v5 types User.id as optional (string | undefined; v4: string): a JWT claim typed string no longer takes it as it is; guard it (if (user?.id) token.id = user.id)",
  },
  {
    pattern: /\bsession\.user\.email\s*=\s*token\??\./,
    kind: "session-user-type",
    message:
      "v5 types the session callback's session.user as an AdapterUser (email: string, never null): a JWT claim (string | null | undefined) no longer type-checks there; give a fallback or narrow it",
  },
];

export const quietChanges: Transform = {
  name: "quiet-changes",
  step: 6,
  kind: "source",
  run(input): TransformResult {
    const { file, source } = input;
    if (!source.includes("next-auth") && !/\baccount\??\.type\b/.test(source)) return { findings: [] };
    const findings: Finding[] = [...customSessionCookie(input), ...jwtSecret(input)];
    source.split("\n").forEach((line, i) => {
      for (const check of CHECKS) {
        if (check.pattern.test(line))
          findings.push({ step: 6, file, line: i + 1, kind: check.kind, message: check.message, action: "todo" });
      }
    });
    // A thrown error in a Credentials authorize(): credentials-authorize reports it at the throw.
    return { findings };
  },
};

/**
 * `cookies: { sessionToken: { name, options } }`: nothing to rewrite, as the config carries over
 * to v5, which keeps writing the session under that name and those options; the session bridge
 * (legacy-v4-session.ts) reads v4 cookies under the same name and deletes them with its domain
 * and path. Reported as `ok`, with what a person may still meet: getToken's defaults.
 */
function customSessionCookie(input: TransformInput): Finding[] {
  const { file, source } = input;
  if (!source.includes("sessionToken") || !/\bcookies\b/.test(source)) return [];
  const { j, root } = parseInput(input);
  const keyName = (key: Node) =>
    key.type === "Identifier" ? key.name : key.type === "StringLiteral" ? key.value : undefined;
  const out: Finding[] = [];
  root.find(j.ObjectProperty).forEach((p) => {
    if (keyName(p.node.key) !== "sessionToken" || p.node.value.type !== "ObjectExpression") return;
    const parent = p.parent.parent?.node as { type?: string; key?: Node } | undefined;
    if (parent?.type !== "ObjectProperty" || !parent.key || keyName(parent.key) !== "cookies") return;
    const props = p.node.value.properties.filter((x) => x.type === "ObjectProperty");
    const name = props.find((x) => keyName(x.key) === "name")?.value;
    const options = props.find((x) => keyName(x.key) === "options")?.value;
    const code = (n: unknown) => source.slice(range(n).start, range(n).end);
    const literal = name?.type === "StringLiteral" ? name.value : undefined;
    // A name or options that depend on the environment are still read per request, as v5 reads them.
    const computed =
      (name !== undefined && literal === undefined) ||
      (options?.type === "ObjectExpression" &&
        options.properties.some(
          (x) =>
            x.type !== "ObjectProperty" ||
            !["StringLiteral", "BooleanLiteral", "NumericLiteral"].includes(x.value.type),
        ));
    out.push({
      step: 6,
      file,
      line: lineOf(p.node, source),
      kind: "session-cookie",
      action: "ok",
      message: `custom session cookie${name ? ` ${literal !== undefined ? `"${literal}"` : code(name)}` : ""}: kept, as the config carries over; v5 writes the session under ${literal?.startsWith("next-auth.") || literal?.startsWith("__Secure-next-auth.") ? "this v4-style name too (fine: v5's own format, the bridge tells the two apart)" : "it"}, and the session bridge reads v4 cookies under it and deletes them with its domain and path${computed ? " (computed per environment: each deployment keeps its v4 values as long as it computes them the same way)" : ""}. v5's getToken defaults to authjs.session-token: pass cookieName and salt (both this name) where you call it`,
    });
  });
  return out;
}

/**
 * `jwt: { secret }` (v4's deprecated key of the session JWT): kept, as v5 honours it the same way
 * (@auth/core lib/init.js spreads `jwt` over `{ secret: config.secret }`, as v4's core/init did),
 * and the session bridge reads v4 cookies with it. Moving it to `secret` would sign everyone out.
 * v5's JWTOptions type leaves it out, though: in TypeScript the config literal fails with TS2353.
 */
function jwtSecret(input: TransformInput): Finding[] {
  const { file, source } = input;
  if (!/\bjwt\b/.test(source) || !/\bsecret\b/.test(source)) return [];
  const { j, root } = parseInput(input);
  const keyName = (key: Node) =>
    key.type === "Identifier" ? key.name : key.type === "StringLiteral" ? key.value : undefined;
  const out: Finding[] = [];
  root.find(j.ObjectProperty).forEach((p) => {
    if (keyName(p.node.key) !== "jwt" || p.node.value.type !== "ObjectExpression") return;
    const secret = p.node.value.properties.find((x) => x.type === "ObjectProperty" && keyName(x.key) === "secret");
    if (!secret) return;
    const kept =
      "jwt.secret: kept, as v5 keys the session JWT with it the same way v4 did (before `secret`), and the session bridge reads v4 cookies with it; moving it to `secret` would sign every user out";
    out.push({
      step: 6,
      file,
      line: lineOf(secret, source),
      kind: "jwt-secret",
      action: isTypeScript(file) ? "todo" : "ok",
      message: isTypeScript(file)
        ? `${kept}. But v5's types leave jwt.secret out, so tsc fails here (TS2353, and next build with it): keep the value and silence the type, e.g. \`jwt: { secret: … } as NextAuthConfig["jwt"]\``
        : kept,
    });
  });
  return out;
}
