// Writes each fixture's .output file from the current transforms. Review the diff before committing.
import { writeFileSync } from "node:fs";
import { fixtureCases, runFixture } from "../lib/fixtures";

for (const c of fixtureCases()) {
  writeFileSync(c.outputPath, runFixture(c).text);
  console.log(`wrote ${c.dir}/${c.name}`);
}
