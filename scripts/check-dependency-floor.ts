/**
 * `npm run check:deps`: fails when an installed dependency is below the floor of a known advisory
 * (each result names it; MIGRATION.md links next-auth's), or when `npm audit --omit=dev` reports a
 * high or critical one.
 *   next-auth ≥ 4.24.15 (v5: ≥ 5.0.0-beta.32)
 *   next ≥ its CVE-2025-29927 fix for its major: 12.3.5 / 13.5.9 / 14.2.25 / 15.2.3
 * The audit needs the registry's audit endpoint; when that cannot be reached the check says so
 * and passes, unless DEPENDENCY_AUDIT=required.
 */
import { checkDependencyFloor } from "../tooling/dependency-floor";

const results = checkDependencyFloor();
for (const result of results) console.log(`${result.ok ? "ok  " : "FAIL"} ${result.name}: ${result.detail}`);
const failed = results.filter((result) => !result.ok).length;
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
