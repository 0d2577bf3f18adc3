/** What each part of the run reports, and the counters the summary table is built from. */

export interface CheckResult {
  section: string;
  name: string;
  problems: string[];
  /** Shown next to the name in the log (a time, a count). */
  detail?: string;
  /** Set when the case hit a documented framework limitation instead of passing outright. */
  knownIssue?: string;
}

export const passed = (result: CheckResult) => result.problems.length === 0;

/** Counts problems by kind, from the prefixes the checks use. */
export function countProblems(results: CheckResult[]) {
  const all = results.flatMap((result) => result.problems);
  const count = (pattern: RegExp) => all.filter((problem) => pattern.test(problem)).length;
  return {
    fiveXX: count(/^status 5\d\d/),
    wrongDecisions: count(/^wrong decision/),
    unsafeRedirects: count(/Location leaves the site|redirect_uri/),
    bodyLeaks: count(/in body:/),
    rowChanges: count(/^row change/),
  };
}

export function logResult(result: CheckResult): void {
  const mark = !passed(result) ? "FAIL" : result.knownIssue ? "KNOWN" : "ok  ";
  console.log(`  ${mark} ${result.section}: ${result.name}${result.detail ? ` (${result.detail})` : ""}`);
  for (const problem of result.problems) console.log(`         - ${problem}`);
  if (result.knownIssue) console.log(`         - known upstream: ${result.knownIssue}`);
}
