/**
 * `npm run migration:docs`: rewrites MIGRATION.md's generated regions and migration/diffs/ from
 * migration/steps, applied to this app, with each step's verified line from migration/verified.json. Run it after changing a step or a file a step touches;
 * __tests__/migration/guide.test.ts fails until you do.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DIFFS_DIR, expectedDiffFiles, readDiffFiles, renderGuide, stepChanges } from "../migration/guide";
import { verifiedFacts } from "../migration/verified";

const root = process.cwd();
const changes = stepChanges(root);

const dir = path.join(root, DIFFS_DIR);
mkdirSync(dir, { recursive: true });
const expected = expectedDiffFiles(changes);
const present = readDiffFiles(root);
let rewritten = 0;
for (const name of present.keys()) {
  if (!expected.has(name)) {
    rmSync(path.join(dir, name));
    rewritten++;
  }
}
for (const [name, content] of expected) {
  if (present.get(name) !== content) {
    writeFileSync(path.join(dir, name), content);
    rewritten++;
  }
}

const file = path.join(root, "MIGRATION.md");
const before = readFileSync(file, "utf8");
const after = renderGuide(before, changes, verifiedFacts(root));
writeFileSync(file, after);

console.log(`[migration:docs] ${DIFFS_DIR}: ${rewritten} file(s) written or removed, ${expected.size} in all`);
console.log(
  `[migration:docs] MIGRATION.md ${before === after ? "is up to date" : "rewritten"} (${after.trimEnd().split("\n").length} lines)`,
);
