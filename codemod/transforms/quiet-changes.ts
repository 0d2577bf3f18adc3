import type { Finding, Transform, TransformResult } from "../lib/types";

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
  run({ file, source }): TransformResult {
    if (!source.includes("next-auth") && !/\baccount\??\.type\b/.test(source)) return { findings: [] };
    const findings: Finding[] = [];
    source.split("\n").forEach((line, i) => {
      for (const check of CHECKS) {
        if (check.pattern.test(line))
          findings.push({ step: 6, file, line: i + 1, kind: check.kind, message: check.message, action: "todo" });
      }
    });
    // Credentials: a thrown error in authorize() becomes CredentialsSignin in v5.
    if (/\bauthorize\b/.test(source) && /\bthrow\b/.test(source) && /providers\/credentials/.test(source)) {
      const line = source.split("\n").findIndex((l) => /\bauthorize\b/.test(l)) + 1;
      findings.push({
        step: 6,
        file,
        line,
        kind: "credentials-error",
        action: "todo",
        message:
          "authorize() throws: v5 turns any thrown error into error=CredentialsSignin (custom codes need a CredentialsSignin subclass)",
      });
    }
    return { findings };
  },
};
