import { rmSync } from "node:fs";
import { applyCase, checkout, cli, readTree, repoCases } from "../lib/repo-fixtures";

/**
 * Whole repositories (transforms/__testfixtures__/repos/<case>): apply in a fresh git checkout
 * gives exactly output/, prints what expect.json names, and a second apply changes nothing.
 * Regenerate with `npx tsx codemod/scripts/update-fixtures.ts` and review the diff.
 */
describe.each(repoCases().map((c) => [c.name, c] as const))("%s", (_, c) => {
  it("apply gives the output tree and says what it did", () => {
    const { code, out, tree } = applyCase(c);
    expect(code).toBe(0);
    for (const line of c.expect.out) expect(out).toContain(line);
    for (const text of c.expect.notOut ?? []) expect(out).not.toContain(text);
    expect(Object.fromEntries(tree)).toEqual(Object.fromEntries(readTree(c.output)));
  });

  it("every import it wrote resolves, and a second apply changes nothing", () => {
    const dir = checkout(c);
    try {
      cli("apply", dir, ...c.expect.args);
      const again = cli("apply", dir, ...c.expect.args, "--dry-run");
      expect(again.out).toMatch(/files changed: +0 changed, 0 created, 0 deleted/);
      expect(again.out).not.toContain("would import");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
