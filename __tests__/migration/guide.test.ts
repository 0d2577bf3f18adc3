import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { applyStep, FileTree } from "@/migration/engine";
import { diffBlocks, stepDiffs, stepsWithChanges } from "@/migration/guide";
import { steps } from "@/migration/steps";
import { replaceOnce } from "@/migration/types";
import { readVerified, renderVerified } from "@/migration/verified";

/**
 * MIGRATION.md cannot drift from what the steps apply. The steps are replayed in memory on the
 * v4 app: this repository, or the pristine copy `npm run migration:verify` points at while the
 * same suite runs inside a half-migrated app.
 */
const v4Root = process.env.MIGRATION_BASE_DIR ?? process.cwd();
const guide = readFileSync(path.join(process.cwd(), "MIGRATION.md"), "utf8");
// A tree left by `migration:verify --keep` is already migrated: without the v4 copy there is nothing to replay.
const migratedWithoutBase = existsSync(path.join(process.cwd(), "migration/APPLIED")) && !process.env.MIGRATION_BASE_DIR;
const describeOnV4 = migratedWithoutBase ? describe.skip : describe;

describeOnV4("MIGRATION.md", () => {
  const diffs = stepDiffs(v4Root);
  const blocks = diffBlocks(guide);

  it.each(stepsWithChanges().map((step) => [step.id]))("shows the exact diff step %s applies", (id) => {
    expect(blocks.get(id)).toBe(diffs.get(id)); // if this fails: npm run migration:docs
  });

  it("says under each step what the last full migration:verify built and served, from migration/verified.json", () => {
    expect(guide.match(/<!-- step-verified: /g)).toHaveLength(steps.length);
    expect(guide).toBe(renderVerified(guide, readVerified(process.cwd()))); // if this fails: npm run migration:docs
  });

  it("shows no diff for a step that does not exist", () => {
    expect([...blocks.keys()].filter((id) => !steps.some((step) => step.id === id))).toEqual([]);
  });

  it("numbers the steps in the order they are applied", () => {
    const headings = [...guide.matchAll(/^### Step (\d+)/gm)].map(([, n]) => Number(n));
    expect(headings).toEqual(steps.map((_, index) => index + 1));
  });
});

describeOnV4("the step engine", () => {
  it("refuses a transform that finds nothing to change, naming the file", () => {
    expect(() => replaceOnce("lib/x.ts", "const a = 1;", "getServerAuthSession(ctx)", "auth(ctx)")).toThrow(/lib\/x\.ts: expected to find/);
  });

  it("applies the optional proxy step before or after the clean-up alike", () => {
    const optional = steps.filter((step) => step.optional);
    const [proxy, cleanUp] = [optional[0], steps[steps.length - 1]];
    expect(proxy?.rename).toEqual({ "middleware.ts": "proxy.ts" });
    for (const order of [[proxy, cleanUp], [cleanUp, proxy]]) {
      const tree = new FileTree(v4Root);
      for (const step of steps.filter((s) => s !== proxy && s !== cleanUp)) applyStep(tree, step);
      for (const step of order) applyStep(tree, step);
      expect(tree.read("middleware.ts")).toBeNull();
      expect(tree.read("proxy.ts")).toContain("export function proxy(");
      expect(tree.read("proxy.ts")).not.toContain("withLegacyV4Sessions");
      expect(tree.read("__tests__/server/middleware.test.ts")).toContain('from "@/proxy"');
    }
  });

  it("cannot apply a step twice (the transforms do not find their input again)", () => {
    const tree = new FileTree(v4Root);
    const helper = steps.find((step) => step.id === "02-auth-helper")!;
    applyStep(tree, helper);
    expect(() => applyStep(tree, helper)).toThrow(/expected to find/);
  });
});
