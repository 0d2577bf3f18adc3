import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { exemptTwinsFromMiddleware, noOpMiddleware, stockProviderForMarkedPages } from "../support/twin-app";

const nextVersion = (JSON.parse(readFileSync(require.resolve("next/package.json"), "utf8")) as { version: string })
  .version;
const read = (file: string) => readFileSync(path.join(process.cwd(), file), "utf8");
// Next 16 renames middleware.ts to proxy.ts (MIGRATION.md step 9; the matrix's Next 16 rows).
const middlewareFile = existsSync(path.join(process.cwd(), "proxy.ts")) ? "proxy.ts" : "middleware.ts";

/** Lints `[file, source]` pairs from stdin as if each stood at its path; prints each file's errors. */
const LINT_SOURCES = `
import { ESLint } from "eslint";
import { readFileSync } from "node:fs";
import path from "node:path";
const eslint = new ESLint();
const files = JSON.parse(readFileSync(0, "utf8"));
const results = [];
for (const [filePath, source] of files) {
  const [result] = await eslint.lintText(source, { filePath: path.resolve(filePath) });
  results.push({ filePath, errors: result.messages.filter((message) => message.severity === 2).map((message) => message.message) });
}
console.log(JSON.stringify(results));
`;

describe("the benchmark stays outside the product", () => {
  it("ships no twin page: nothing under pages/ is the benchmark's, and _app and middleware do not mention it", () => {
    for (const dir of ["pages/bench", "pages/api/bench"]) expect(existsSync(path.join(process.cwd(), dir))).toBe(false);
    for (const file of ["pages/_app.tsx", middlewareFile])
      expect(read(file)).not.toMatch(/bench|stockSessionProvider/i);
  });

  it("exempts /bench/unmatched/ from middleware in the bench copy only, keeping the rest of the matcher", () => {
    const original = read(middlewareFile);
    const edited = exemptTwinsFromMiddleware(original);
    const matcher = (source: string) => source.match(/matcher:\s*\[\s*"([^"]+)"/)?.[1];
    expect(matcher(edited)).toBe(matcher(original)!.replace(/\)\.\*\)$/, "|bench/unmatched/).*)"));
    const pattern = new RegExp(`^${matcher(edited)}$`);
    expect(pattern.test("/bench/unmatched/public-dashboard")).toBe(false);
    expect(pattern.test("/bench/public-dashboard")).toBe(true);
    expect(pattern.test("/dashboard")).toBe(true);
  });

  it("gives the limit twin a middleware that does nothing, on the app's own matcher and runtime", () => {
    const original = exemptTwinsFromMiddleware(read(middlewareFile));
    const twin = noOpMiddleware(original);
    expect(twin).toContain(original.slice(original.indexOf("export const config")));
    expect(twin).not.toMatch(/next-auth|auth\(|withAuth|@\/lib/);
    expect(twin).toMatch(/export default function middleware\([^)]*\) \{\n {2}return NextResponse\.next\(\);\n\}/);
    expect(() => noOpMiddleware("export default auth;")).toThrow(/config/);
  });

  it("wraps _app's default export in the bench copy, and says so when _app has another shape", () => {
    expect(stockProviderForMarkedPages(read("pages/_app.tsx"))).toMatch(/export default withStockProviderTwin\(\w+\);/);
    expect(() => stockProviderForMarkedPages("export default App;")).toThrow(/_app/);
    expect(() => exemptTwinsFromMiddleware("export const config = {};")).toThrow(/matcher/);
  });

  // Next 16's build runs no lint (and its eslint-config-next is a flat config this repo's does not load).
  const nextBuildLints = Number(nextVersion.split(".")[0]) < 16;
  (nextBuildLints ? it : it.skip)(
    "leaves a bench copy that passes the app's lint, which next build runs: its _app, middleware and twin pages",
    async () => {
      const twinPages = readdirSync(path.join(process.cwd(), "bench/twins/pages"), {
        recursive: true,
        encoding: "utf8",
      });
      const copy: [string, string][] = [
        ["pages/_app.tsx", stockProviderForMarkedPages(read("pages/_app.tsx"))],
        [middlewareFile, noOpMiddleware(exemptTwinsFromMiddleware(read(middlewareFile)))],
        ...twinPages
          .filter((file) => /\.tsx?$/.test(file))
          .map((file): [string, string] => [path.join("pages", file), read(path.join("bench/twins/pages", file))]),
      ];
      expect(copy.length).toBeGreaterThan(4);
      // ESLint in its own process: its config loads CommonJS presets that Jest's module registry refuses.
      const errors = JSON.parse(
        execFileSync(process.execPath, ["--input-type=module", "-e", LINT_SOURCES], {
          cwd: process.cwd(),
          input: JSON.stringify(copy),
          encoding: "utf8",
        }),
      );
      expect(errors).toEqual(copy.map(([filePath]) => ({ filePath, errors: [] })));
    },
    60_000,
  );
});
