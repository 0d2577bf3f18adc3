/**
 * `npm run migration:docs`: rewrites the step-diff blocks in MIGRATION.md from migration/steps,
 * applied to this app, and each step's "Verified" line from migration/verified.json. Run it after changing a step or a file a step touches;
 * __tests__/migration/guide.test.ts fails until you do.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { renderDiffBlocks, stepDiffs } from "../migration/guide";
import { readVerified, renderVerified } from "../migration/verified";

const file = path.join(process.cwd(), "MIGRATION.md");
const before = readFileSync(file, "utf8");
const after = renderVerified(renderDiffBlocks(before, stepDiffs(process.cwd())), readVerified(process.cwd()));
writeFileSync(file, after);
console.log(before === after ? "[migration:docs] MIGRATION.md is up to date" : "[migration:docs] MIGRATION.md diffs rewritten");
