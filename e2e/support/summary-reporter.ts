import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Reporter, TestCase, TestResult } from "@playwright/test/reporter";
import { SUMMARY_FILE } from "./paths";

/**
 * Counts each test's final outcome for the `N passed, N failed` line that CI reads.
 * A skipped test counts as neither; an unexpected result (failed, timed out, interrupted, or a
 * `test.fail()` that passed) counts as failed.
 */
export default class SummaryReporter implements Reporter {
  private outcomes = new Map<string, "passed" | "failed" | "skipped">();

  onTestEnd(test: TestCase, _result: TestResult) {
    const outcome = test.outcome();
    this.outcomes.set(test.id, outcome === "skipped" ? "skipped" : outcome === "unexpected" ? "failed" : "passed");
  }

  onEnd() {
    const values = [...this.outcomes.values()];
    const summary = {
      passed: values.filter((o) => o === "passed").length,
      failed: values.filter((o) => o === "failed").length,
      skipped: values.filter((o) => o === "skipped").length,
    };
    mkdirSync(path.dirname(SUMMARY_FILE), { recursive: true });
    writeFileSync(SUMMARY_FILE, JSON.stringify(summary));
  }

  printsToStdio() {
    return false;
  }
}
