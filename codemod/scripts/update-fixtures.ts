// Writes each fixture's .output file (and each repo fixture's output/ folder) from the current
// transforms. Review the diff before committing.
import { writeFileSync } from "node:fs";
import { fixtureCases, runFixture } from "../lib/fixtures";
import { repoCases, writeOutput } from "../lib/repo-fixtures";

for (const c of fixtureCases()) {
  writeFileSync(c.outputPath, runFixture(c).text);
  console.log(`wrote ${c.dir}/${c.name}`);
}
for (const c of repoCases()) {
  writeOutput(c);
  console.log(`wrote repos/${c.name}/output`);
}
