// Writes each fixture's .output file (and each repo fixture's output/ folder) from the current
// transforms. Review the diff before committing. Arguments, if any, pick the cases to write by
// name: `session-callback` (a transform's folder), `repos/env-renames`, `env-names/dotenv`.
import { writeFileSync } from "node:fs";
import { fixtureCases, runFixture } from "../__tests__/support/fixtures";
import { repoCases, writeOutput } from "../__tests__/support/repo-fixtures";

const only = process.argv.slice(2);
const picked = (...names: string[]) => only.length === 0 || only.some((o) => names.includes(o));

for (const c of fixtureCases().filter((c) => picked(c.dir, `${c.dir}/${c.name}`))) {
  writeFileSync(c.outputPath, runFixture(c).text);
  console.log(`wrote ${c.dir}/${c.name}`);
}
for (const c of repoCases().filter((c) => picked("repos", `repos/${c.name}`))) {
  writeOutput(c);
  console.log(`wrote repos/${c.name}/output`);
}
