import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Project } from "../../lib/project";
import { TRANSFORMS } from "../../runner/run";
import { newTransformContext, type Transform, type TransformResult } from "../../lib/types";

export const FIXTURES = path.join(__dirname, "..", "..", "transforms", "__testfixtures__");

/** Which transforms a fixture folder exercises (env-names holds .env files and code). */
export function transformsFor(dir: string, ext: string): Transform[] {
  if (dir === "env-names") return TRANSFORMS.filter((t) => t.name === (ext === ".env" ? "env-files" : "env-code"));
  if (dir === "nextauth-route")
    return TRANSFORMS.filter((t) => t.name === "nextauth-route" || t.name === "next-auth-imports");
  return TRANSFORMS.filter((t) => t.name === dir);
}

export interface FixtureCase {
  dir: string;
  name: string;
  ext: string;
  input: string;
  outputPath: string;
  /** The path the case pretends to live at in a project. */
  virtualPath: string;
}

export function fixtureCases(): FixtureCase[] {
  return readdirSync(FIXTURES)
    .filter((dir) => dir !== "repos")
    .flatMap((dir) =>
      readdirSync(path.join(FIXTURES, dir))
        .filter((f) => f.includes(".input."))
        .map((f) => {
          const [name, , ...rest] = f.split(".");
          const ext = `.${rest.join(".")}`;
          const virtualPath =
            dir === "nextauth-route" && name.includes("app-router")
              ? `app/api/auth/[...nextauth]/route${ext}`
              : dir === "nextauth-route"
                ? `pages/api/auth/[...nextauth]${ext}`
                : dir === "package-json"
                  ? "package.json"
                  : ext === ".env"
                    ? ".env"
                    : name.includes("pages")
                      ? `pages/${name}${ext}`
                      : `lib/${name}${ext}`;
          return {
            dir,
            name,
            ext,
            input: readFileSync(path.join(FIXTURES, dir, f), "utf8"),
            outputPath: path.join(FIXTURES, dir, `${name}.output${ext}`),
            virtualPath,
          };
        }),
    );
}

/** A project as the fixtures assume it: TypeScript, "@/*" → root, next-auth 4, the route in pages/. */
export function fixtureProject(c: FixtureCase): Project {
  return new Project("/fixtures", [c.virtualPath], {
    paths: { "@/": "" },
    typescript: c.ext !== ".js" && c.ext !== ".jsx",
    nextAuthMajor: 4,
  });
}

/**
 * Runs the folder's transforms in order, as one run of its own; the printed result includes
 * created and deleted files.
 */
export function runFixture(c: FixtureCase, source = c.input): { text: string; results: TransformResult[] } {
  const project = fixtureProject(c);
  const context = newTransformContext();
  const results: TransformResult[] = [];
  let text = source;
  for (const t of transformsFor(c.dir, c.ext)) {
    const result = t.run({
      file: c.virtualPath,
      source: text,
      project,
      steps: new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]),
      context,
    });
    results.push(result);
    if (result.source !== undefined) text = result.source;
    if (result.create || result.remove) {
      // The session bridge is the template as it is (JavaScript: types stripped); its own tests cover it.
      const shown = (f: { path: string; source: string }) =>
        /(^|\/)legacy-v4-session\.[cm]?[jt]s$/.test(f.path)
          ? `// ==> ${f.path} (codemod/templates/legacy-v4-session.ts)\n`
          : `// ==> ${f.path}\n${f.source}`;
      text =
        (result.create ?? []).map(shown).join("\n") +
        (result.remove
          ? `// ==> ${c.virtualPath} deleted\n`
          : result.source !== undefined
            ? `\n// ==> ${c.virtualPath}\n${result.source}`
            : "");
    }
  }
  return { text, results };
}

export function readOutput(c: FixtureCase): string | undefined {
  return existsSync(c.outputPath) ? readFileSync(c.outputPath, "utf8") : undefined;
}
