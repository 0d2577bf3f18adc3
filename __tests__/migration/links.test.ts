import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { githubSlug } from "@/migration/guide";

/**
 * Every relative link and anchor in the two documents a reader starts from resolves. Read from the
 * v4 app (MIGRATION_BASE_DIR inside a half-migrated copy, where linked v4 files are gone).
 */
const root = process.env.MIGRATION_BASE_DIR ?? process.cwd();
const migratedWithoutBase =
  existsSync(path.join(process.cwd(), "migration/APPLIED")) && !process.env.MIGRATION_BASE_DIR;
const describeOnV4 = migratedWithoutBase ? describe.skip : describe;
const DOCUMENTS = ["MIGRATION.md", "README.md"];

/** Markdown without code: fenced blocks and inline code hold no links. */
const prose = (markdown: string) => markdown.replace(/^```[\s\S]*?^```/gm, "").replace(/`[^`\n]*`/g, "``");

/** The anchors GitHub gives a document's headings (a repeated heading gets -1, -2, …). */
function anchorsOf(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  for (const [, heading] of prose(markdown.replace(/`([^`\n]*)`/g, "$1")).matchAll(/^#{1,6} (.+)$/gm)) {
    const slug = githubSlug(heading);
    const count = seen.get(slug) ?? 0;
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
    seen.set(slug, count + 1);
  }
  return anchors;
}

function relativeLinks(markdown: string): string[] {
  const targets = [...prose(markdown).matchAll(/\]\(([^)\s]+)\)/g)].map(([, target]) => target);
  return targets.filter((target) => !/^[a-z]+:/i.test(target));
}

function brokenLinks(document: string): string[] {
  const markdown = readFileSync(path.join(root, document), "utf8");
  return relativeLinks(markdown).filter((link) => {
    const [file, anchor] = decodeURI(link).split("#");
    const target = file === "" ? path.join(root, document) : path.join(root, path.dirname(document), file);
    if (!existsSync(target)) return true;
    if (anchor === undefined) return false;
    return !target.endsWith(".md") || !anchorsOf(readFileSync(target, "utf8")).has(anchor);
  });
}

describeOnV4("links in the documentation", () => {
  it.each(DOCUMENTS)("every relative link and anchor in %s resolves", (document) => {
    expect(relativeLinks(readFileSync(path.join(root, document), "utf8")).length).toBeGreaterThan(0);
    expect(brokenLinks(document)).toEqual([]);
  });

  it("tells a broken anchor and a missing file from good ones", () => {
    const headings =
      "# A title\n## Step 6: The switch: `auth.ts`, the bridge\n## Step 6: The switch: `auth.ts`, the bridge\n";
    expect(anchorsOf(headings)).toEqual(
      new Set(["a-title", "step-6-the-switch-authts-the-bridge", "step-6-the-switch-authts-the-bridge-1"]),
    );
    expect(relativeLinks("[a](README.md#x) [b](https://example.com) `[c](d.md)`\n```\n[e](f.md)\n```\n")).toEqual([
      "README.md#x",
    ]);
  });
});
