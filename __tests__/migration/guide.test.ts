import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { edit } from "@/migration/edit";
import { applyStep, FileTree, STEPS_DIR } from "@/migration/engine";
import {
  expectedDiffFiles,
  generatedRegions,
  guideFor,
  readDiffFiles,
  renderGuide,
  stepChanges,
} from "@/migration/guide";
import { steps } from "@/migration/steps";
import { verifiedFacts } from "@/migration/verified";

/**
 * MIGRATION.md cannot drift from what the steps apply. The steps are replayed in memory on the
 * v4 app: this repository, or the pristine copy `npm run migration:verify` points at while the
 * same suite runs inside a half-migrated app.
 */
const v4Root = process.env.MIGRATION_BASE_DIR ?? process.cwd();
const guide = readFileSync(path.join(process.cwd(), "MIGRATION.md"), "utf8");
// A tree left by `migration:verify --keep` is already migrated: without the v4 copy there is nothing to replay.
const migratedWithoutBase =
  existsSync(path.join(process.cwd(), "migration/APPLIED")) && !process.env.MIGRATION_BASE_DIR;
const describeOnV4 = migratedWithoutBase ? describe.skip : describe;

/** The part of MIGRATION.md from a step's heading to the next heading of level 2 or 3. */
function stepSection(markdown: string, number: number): string {
  const start = markdown.search(new RegExp(`^### Step ${number}:`, "m"));
  if (start < 0) throw new Error(`MIGRATION.md has no "### Step ${number}:" heading`);
  const body = markdown.indexOf("\n", start) + 1;
  const end = markdown.slice(body).search(/^##{1,2} /m);
  return markdown.slice(start, end < 0 ? undefined : body + end);
}

/** The files a step's section shows (as diffs) or lists (one line each, a deletion included). */
function filesNamedIn(section: string): Set<string> {
  const shown = [...section.matchAll(/^diff --git a\/(\S+) b\//gm)].map(([, file]) => file);
  const deleted = [...section.matchAll(/^- deleted: (\S+), \d+ lines/gm)].map(([, file]) => file);
  const listed = [...section.matchAll(/^- `([^`]+)`/gm)].map(([, file]) => file);
  return new Set([...shown, ...deleted, ...listed]);
}

/** Backticked names in a step's "In your app" checklist that are files (an extension, or .env*). */
function checklistFiles(section: string): { items: string[]; files: string[] } {
  const items = [...section.matchAll(/^- \[ \] (.*)$/gm)].map(([, item]) => item);
  const files = items
    .flatMap((item) => [...item.matchAll(/`([^`\s]+)`/g)].map(([, name]) => name))
    .filter((name) => /^[\w@.[\]/-]+\.(tsx?|jsx?|mjs|cjs|json)$|^\.env/.test(name));
  return { items, files };
}

describeOnV4("MIGRATION.md", () => {
  // describe.skip still runs this body: a migrated tree has no v4 app to replay the steps on.
  const all = migratedWithoutBase ? [] : stepChanges(v4Root);
  const regions = generatedRegions(guide);

  // 900 until step 6 gained the table of the deployments test:upgrade serves (15 lines).
  it("is no longer than 915 lines", () => {
    expect(guide.trimEnd().split("\n").length).toBeLessThanOrEqual(915);
  });

  it("has every generated part as the generator writes it (if this fails: npm run migration:docs)", () => {
    expect(renderGuide(guide, all, verifiedFacts(process.cwd()))).toBe(guide);
  });

  it("says in each step's header what the last full migration:verify built and served (migration/verified.json)", () => {
    const heads = [...regions].filter(([name]) => name.startsWith("head "));
    expect(heads).toHaveLength(all.length);
    for (const [, head] of heads) expect(head).toContain("**Verified** ");
  });

  const withKeyChanges = all.filter((c) => guideFor(c.step).key.length > 0);
  it.each(withKeyChanges.map((c) => [c.step.id] as const))(
    "step %s shows its key changes exactly as the step makes them",
    (id) => {
      const fresh = generatedRegions(renderGuide(`<!-- generated: key ${id} -->\n<!-- /generated -->`, all)).get(
        `key ${id}`,
      );
      expect(regions.get(`key ${id}`)).toBe(fresh);
    },
  );

  it.each(all.map((c, index) => [c.step.id, index + 1, c] as const))(
    "step %s names every file it changes, shown or listed",
    (_id, number, changes) => {
      const named = filesNamedIn(stepSection(guide, number));
      expect(changes.files.map((f) => f.file).filter((file) => !named.has(file))).toEqual([]);
      expect([...named].filter((file) => !changes.files.some((f) => f.file === file))).toEqual([]);
    },
  );

  it.each(all.map((c, index) => [c.step.id, index + 1, c] as const))(
    "step %s's checklist has 4 to 8 items and names only files the step changes",
    (_id, number, changes) => {
      const { items, files } = checklistFiles(stepSection(guide, number));
      expect(items.length).toBeGreaterThanOrEqual(4);
      expect(items.length).toBeLessThanOrEqual(8);
      expect(files.filter((file) => !changes.files.some((f) => f.file === file))).toEqual([]);
    },
  );

  it("shows as key changes only files the step changes, core first, then the app, then tests", () => {
    for (const changes of all) {
      const order = changes.files.map((f) => f.file);
      const key = guideFor(changes.step).key;
      expect(key.filter((file) => !order.includes(file))).toEqual([]);
    }
    const switchFiles = all.find((c) => c.step.id === "06-switch")!.files.map((f) => f.file);
    expect(switchFiles.indexOf("auth.ts")).toBeLessThan(switchFiles.indexOf("pages/login.tsx"));
    expect(switchFiles.indexOf("pages/login.tsx")).toBeLessThan(switchFiles.indexOf("jest.config.ts"));
  });

  it("keeps migration/diffs/ as the generator writes it, one full diff per step and nothing else (if this fails: npm run migration:docs)", () => {
    const expected = expectedDiffFiles(all);
    const present = readDiffFiles(process.cwd());
    expect([...present.keys()]).toEqual([...expected.keys()]);
    for (const [name, content] of expected) expect({ name, content: present.get(name) }).toEqual({ name, content });
  });

  it("writes a deleted file as one line", () => {
    const section = stepSection(guide, steps.findIndex((step) => step.id === "06-switch") + 1);
    expect(section).toMatch(/^- deleted: pages\/api\/auth\/\[\.\.\.nextauth\]\.ts, \d+ lines$/m);
    expect(section).not.toMatch(/^\+\+\+ \/dev\/null/m);
  });

  it("puts step 6's checklist and the link to the bridge before any diff", () => {
    const section = stepSection(guide, steps.findIndex((step) => step.id === "06-switch") + 1);
    const bridge = section.indexOf("(codemod/templates/legacy-v4-session.ts)");
    expect(bridge).toBeGreaterThan(0);
    expect(bridge).toBeLessThan(section.indexOf("```diff"));
  });

  it("numbers the steps in the order they are applied", () => {
    const headings = [...guide.matchAll(/^### Step (\d+)/gm)].map(([, n]) => Number(n));
    expect(headings).toEqual(steps.map((_, index) => index + 1));
  });
});

describeOnV4("the step engine", () => {
  it("refuses an edit whose text is missing, naming the file and the text", () => {
    const rename = edit("lib/x.ts", "rename", [["getServerAuthSession(ctx)", "auth(ctx)"]]);
    expect(() => rename.apply("const a = 1;", "lib/x.ts")).toThrow(
      'lib/x.ts: expected to find "getServerAuthSession(ctx)"',
    );
  });

  it("refuses an edit whose text occurs twice, unless it asks for every occurrence", () => {
    const source = "getServerAuthSession(ctx);\ngetServerAuthSession(ctx);\n";
    expect(() =>
      edit("lib/x.ts", "rename", [["getServerAuthSession(ctx)", "auth(ctx)"]]).apply(source, "lib/x.ts"),
    ).toThrow(/lib\/x\.ts: expected to find .* once, found it 2 times/);
    expect(
      edit("lib/x.ts", "rename", [["getServerAuthSession(ctx)", "auth(ctx)", "all"]]).apply(source, "lib/x.ts"),
    ).toBe("auth(ctx);\nauth(ctx);\n");
  });

  it("keeps each step in the folder its id names", () => {
    for (const step of steps)
      expect({ id: step.id, folder: existsSync(path.join(STEPS_DIR, step.id, "step.ts")) }).toEqual({
        id: step.id,
        folder: true,
      });
  });

  it("applies the optional proxy step before or after the clean-up alike", () => {
    const optional = steps.filter((step) => step.optional);
    const [proxy, cleanUp] = [optional[0], steps[steps.length - 1]];
    expect(proxy?.rename).toEqual({ "middleware.ts": "proxy.ts" });
    for (const order of [
      [proxy, cleanUp],
      [cleanUp, proxy],
    ]) {
      const tree = new FileTree(v4Root);
      for (const step of steps.filter((s) => s !== proxy && s !== cleanUp)) applyStep(tree, step);
      for (const step of order) applyStep(tree, step);
      expect(tree.read("middleware.ts")).toBeNull();
      expect(tree.read("proxy.ts")).toContain("export function proxy(");
      expect(tree.read("proxy.ts")).not.toContain("withLegacyV4");
      expect(tree.read("__tests__/server/middleware.test.ts")).toContain('from "@/proxy"');
    }
  });

  it("cannot apply a step twice (the transforms do not find their input again)", () => {
    const tree = new FileTree(v4Root);
    const authHelperStep = steps.find((step) => step.id === "02-auth-helper")!;
    applyStep(tree, authHelperStep);
    expect(() => applyStep(tree, authHelperStep)).toThrow(/expected to find/);
  });
});
