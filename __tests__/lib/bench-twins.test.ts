import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { exemptTwinsFromMiddleware, noOpMiddleware, stockProviderForMarkedPages } from "../../bench/support/twin-app";

const read = (file: string) => readFileSync(path.join(process.cwd(), file), "utf8");
// Next 16 renames middleware.ts to proxy.ts (MIGRATION.md step 9; the matrix's Next 16 rows).
const middlewareFile = existsSync(path.join(process.cwd(), "proxy.ts")) ? "proxy.ts" : "middleware.ts";

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
    expect(twin).toMatch(/export default function middleware\(\) \{\n {2}return NextResponse\.next\(\);\n\}/);
    expect(() => noOpMiddleware("export default auth;")).toThrow(/config/);
  });

  it("wraps _app's default export in the bench copy, and says so when _app has another shape", () => {
    expect(stockProviderForMarkedPages(read("pages/_app.tsx"))).toMatch(/export default withStockProviderTwin\(\w+\);/);
    expect(() => stockProviderForMarkedPages("export default App;")).toThrow(/_app/);
    expect(() => exemptTwinsFromMiddleware("export const config = {};")).toThrow(/matcher/);
  });
});
