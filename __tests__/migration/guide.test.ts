import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { edit } from "@/migration/edit";
import { applyStep, FileTree, STEPS_DIR } from "@/migration/engine";
import {
  expectedDiffFiles,
  generatedRegions,
  guideFor,
  MAX_LINE,
  readDiffFiles,
  renderGuide,
  stepChanges,
  wrap,
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

  it("is no longer than 900 lines", () => {
    expect(guide.trimEnd().split("\n").length).toBeLessThanOrEqual(900);
  });

  it(`has no line wider than ${MAX_LINE} characters: table rows, checklists and generated headers wrap`, () => {
    const wide = guide.split("\n").flatMap((line, i) => (line.length > MAX_LINE ? [`${i + 1}: ${line.length}`] : []));
    expect(wide).toEqual([]);
  });

  it("says on its first screen that the upgrade signs everyone out unless a bridge carries the cookies, and that step 6 does", () => {
    const firstScreen = guide.split("\n").slice(0, 6).join(" ");
    expect(firstScreen).toMatch(/signs every user out unless a bridge carries/);
    expect(firstScreen).toMatch(/\[step 6\]\(#step-6-[^)]*\) installs\s+that bridge/);
  });

  it("gives, in each step's \"In your app\", only commands that work in the reader's app: the packed codemod through npx --yes, never a script of this repository", () => {
    const items = all.flatMap((_c, index) => checklistFiles(stepSection(guide, index + 1)).items);
    const commands = items.flatMap((item) =>
      [...item.matchAll(/`((?:npm|npx|node|git) [^`]*)`/g)].map(([, command]) => command),
    );
    expect(commands.length).toBeGreaterThan(8);
    const foreign = commands.filter(
      (command) =>
        /npm run (?!(build|start|dev|lint)\b)/.test(command) ||
        (/^npx /.test(command) && !/^npx (--yes |tsc )/.test(command)) ||
        (/next-auth-v5-codemod/.test(command) && !/^npx --yes --package=<tarball> next-auth-v5-codemod /.test(command)),
    );
    expect(foreign).toEqual([]);
    expect(guide).not.toMatch(/npm run codemod|npx --package=/);
    // The tarball the commands name is made once, as the guide says, with the codemod's own lockfile.
    expect(guide).toContain("`(cd codemod && npm ci && npm pack)` makes `codemod/next-auth-v5-codemod-0.1.0.tgz`");
    const pkg = JSON.parse(readFileSync(path.join(process.cwd(), "codemod/package.json"), "utf8")) as {
      name: string;
      version: string;
    };
    expect(`${pkg.name}-${pkg.version}.tgz`).toBe("next-auth-v5-codemod-0.1.0.tgz");
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

describe("MIGRATION.md's answer to each refusal the codemod can print", () => {
  /** A fragment of each refusal (codemod/runner/write-policy.ts) and each reason a route is not converted (its to-dos). */
  const refusals: [file: string, fragment: string][] = [
    ["codemod/runner/write-policy.ts", "is not converted ("],
    ["codemod/runner/write-policy.ts", "no package.json of it moves next-auth to v5"],
    ["codemod/runner/write-policy.ts", "which a shared package cannot import"],
    ["codemod/runner/write-policy.ts", "an import cycle"],
    ["codemod/runner/write-policy.ts", "which does not exist"],
    ["codemod/runner/write-policy.ts", "writes what only next-auth 5 reads"],
    ["codemod/runner/write-policy.ts", "next-auth would move to v5, but this run"],
    ["codemod/runner/write-policy.ts", "on next-auth v4, which reads the v4 names"],
    ["codemod/runner/write-policy.ts", "the codemod failed on"],
    ["codemod/runner/write-policy.ts", "would not parse"],
    ["codemod/lib/v5-peers.ts", "next-auth 5 supports"],
    ["codemod/transforms/nextauth-route.ts", "no `export default NextAuth(...)` found"],
    ["codemod/transforms/nextauth-route.ts", "the default export is not NextAuth(...)"],
    ["codemod/transforms/nextauth-route.ts", "NextAuth called with an unexpected argument list"],
    ["codemod/transforms/nextauth-route.ts", "no `const handler = NextAuth(options); "],
    ["codemod/transforms/nextauth-route.ts", "advanced initialization: "],
    ["codemod/transforms/nextauth-route.ts", "not /api/auth"],
    ["codemod/transforms/nextauth-route.ts", "already exists: add"],
    ["codemod/transforms/nextauth-route.ts", "already exists and already defines"],
    ["codemod/transforms/nextauth-route.ts", "is not the codemod's session bridge"],
    ["codemod/transforms/nextauth-route.ts", "v4's NextAuth handler"],
  ];
  const section = guide.slice(
    guide.indexOf("### When the codemod refuses an app"),
    guide.indexOf("## Troubleshooting"),
  );
  const rows = section.split("\n").filter((line) => line.startsWith("| `"));

  it.each(refusals)("%s: a row for %j, which the codemod still prints", (file, fragment) => {
    expect(readFileSync(path.join(process.cwd(), file), "utf8")).toContain(fragment);
    const words = fragment.replace(/[`(:]/g, " ").trim().split(/\s+/).slice(0, 5).join(" ");
    expect(rows.some((row) => row.replace(/[`(:]/g, " ").replace(/\s+/g, " ").includes(words))).toBe(true);
  });

  it("lists every refusal the write policy can print (a new one needs its row here and in the guide)", () => {
    const source = readFileSync(path.join(process.cwd(), "codemod/runner/write-policy.ts"), "utf8");
    expect(source.match(/nothing written for \$\{name\}: /g)).toHaveLength(
      // The peer refusal's words live in lib/v5-peers.ts; write-policy.ts prints them.
      refusals.filter(([file]) => file === "codemod/runner/write-policy.ts" || file === "codemod/lib/v5-peers.ts")
        .length,
    );
  });

  it("shows the code to write: the auth module with the bridge, and the route", () => {
    expect(section).toContain(
      "export const { handlers, auth, signIn, signOut } = withLegacyV4(NextAuth)(authOptions);",
    );
    expect(section).toContain("export const { GET, POST } = handlers;");
  });
});

describe("the guide's line wrap", () => {
  it("breaks prose at spaces into lines no wider than the limit, and leaves a short line alone", () => {
    expect(wrap("aaa bbb ccc", 7)).toBe("aaa bbb\nccc");
    expect(wrap("short", 200)).toBe("short");
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
