import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * What the last full `npm run migration:verify` ran after each step, kept in
 * migration/verified.json (committed). MIGRATION.md quotes it under each step's heading
 * (`<!-- step-verified: <id> -->`), so the guide claims no more than was run.
 */
export const VERIFIED_FILE = "migration/verified.json";

export type VerifiedCheck = "typecheck" | "jest" | "build" | "smoke" | "e2e" | "continuity";

export interface VerifiedStep {
  step: string;
  /**
   * Absent: the step failed, was not run or is optional. Per check: "pass", "= NN" (step NN's
   * result stands) or "= checkout" (the step changed nothing; CI's checks of the app stand).
   */
  checks?: Partial<Record<VerifiedCheck, string>>;
  /** What the continuity check proved at this step, in a few words. */
  continuity?: string;
}

export function writeVerified(root: string, steps: VerifiedStep[]): void {
  writeFileSync(path.join(root, VERIFIED_FILE), `${JSON.stringify(steps, null, 2)}\n`);
}

export function readVerified(root: string): VerifiedStep[] {
  const file = path.join(root, VERIFIED_FILE);
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as VerifiedStep[]) : [];
}

const LABELS: Record<VerifiedCheck, string> = {
  typecheck: "type check",
  jest: "Jest",
  build: "`next build`",
  smoke: "served smoke test",
  e2e: "browser flows",
  continuity: "served continuity",
};

/** What was built and served after the step, as verified.json records it (MIGRATION.md's header slot). */
export function verifiedFact(step: VerifiedStep | undefined): string {
  if (!step?.checks) return "not by the last full `npm run migration:verify` run";
  const parts = (Object.keys(LABELS) as VerifiedCheck[])
    .filter((check) => step.checks![check])
    .map((check) => {
      const value = step.checks![check]!;
      const label = check === "continuity" && step.continuity ? `${LABELS[check]} (${step.continuity})` : LABELS[check];
      if (value === "= checkout") return `${label}: the unchanged app's, in the same CI run`;
      return value.startsWith("=") ? `${label}: step ${Number(value.slice(1))}'s stands` : label;
    });
  return parts.join(", ");
}

/** Step id → verified fact, for every step verified.json names. */
export function verifiedFacts(root: string): Map<string, string> {
  return new Map(readVerified(root).map((step) => [step.step, verifiedFact(step)]));
}
