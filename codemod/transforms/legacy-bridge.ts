import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import type { Project } from "../lib/project";
import type { FileChange } from "../lib/types";

/**
 * Step 6 writes the session bridge (codemod/templates/legacy-v4-session.ts) next to the new
 * auth module and wraps NextAuth in it, so that v4 cookies stay signed in after the switch.
 */
// From source (codemod/transforms/) or from the built package (dist/transforms/): templates/ is shipped as it is.
export const BRIDGE_TEMPLATE = [path.join(__dirname, "..", "templates"), path.join(__dirname, "..", "..", "templates")]
  .map((dir) => path.join(dir, "legacy-v4-session.ts"))
  .find((file) => existsSync(file)) as string;
export const BRIDGE_NAME = "legacy-v4-session";
/** In the template's first comment: the codemod leaves a file that carries it alone. */
export const BRIDGE_MARKER = "Written by the next-auth v5 codemod (step 6)";

export const BRIDGE_NOTE =
  "keeps v4 cookies signed in (JWT and database sessions); delete it, and unwrap withLegacyV4(NextAuth) in the auth module, once the session maxAge (30 days unless configured) has passed after the deploy";

/**
 * The bridge module for this project: TypeScript as written, or JavaScript with the types stripped.
 * `typescript`: whether the auth module is (a shared package may have no tsconfig.json of its own).
 */
export function bridgeModule(project: Project, ext: string, typescript = project.typescript): FileChange {
  const template = readFileSync(BRIDGE_TEMPLATE, "utf8");
  const javascript = !typescript || /^\.[cm]?js$/.test(ext);
  // The module's doc comment sits on a type that JavaScript drops: keep it at the top.
  const header = template.match(/\/\*\*\n \* Keeps users[\s\S]*?\*\/\n/)?.[0] ?? "";
  const source = javascript
    ? header +
      ts.transpileModule(template, {
        compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, verbatimModuleSyntax: false },
      }).outputText
    : template;
  const dir = path.posix.dirname(project.authModule);
  const file = `${dir === "." ? "" : `${dir}/`}${BRIDGE_NAME}${javascript ? (ext === ".mjs" ? ".mjs" : ".js") : ".ts"}`;
  return { path: file, source };
}

/** The import line the auth module gains, in its quotes and semicolon style. */
export function bridgeImport(quote: string, semi: string): string {
  return `import { withLegacyV4 } from ${quote}./${BRIDGE_NAME}${quote}${semi}\n`;
}
