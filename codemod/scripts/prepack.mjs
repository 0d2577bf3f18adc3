// Runs before `npm pack` (then `npm run build`): an empty dist/, so no stale file is packed, and
// the guide every to-do and warning names (MIGRATION.md) copied in from the repository's root.
import { copyFileSync, existsSync, rmSync } from "node:fs";

rmSync("dist", { recursive: true, force: true });

if (existsSync("../MIGRATION.md")) {
  copyFileSync("../MIGRATION.md", "MIGRATION.md");
} else if (!existsSync("MIGRATION.md")) {
  console.error(
    "prepack: MIGRATION.md not found (neither ../MIGRATION.md nor codemod/MIGRATION.md). Pack from codemod/ in a checkout of the repository, or put a copy of MIGRATION.md beside package.json.",
  );
  process.exit(1);
}
