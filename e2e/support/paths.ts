import path from "node:path";

/** Where a run leaves its files: git-ignored (`/artifacts/`), wiped at the start of each run. */
export const ARTIFACTS_DIR = path.resolve(__dirname, "..", "..", "artifacts", "e2e");
export const SCREENSHOTS_DIR = path.join(ARTIFACTS_DIR, "screenshots");
/** Written by the summary reporter, read by scripts/test-e2e.ts for the final line. */
export const SUMMARY_FILE = path.join(ARTIFACTS_DIR, "summary.json");
