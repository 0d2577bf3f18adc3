/**
 * MIGRATION.md's steps, by number. Scan groups usages by them; `apply --step N` runs the
 * transforms of step N. Each title is its step's `title` (migration/steps/NN-name/step.ts) without
 * backticks: this package is installed alone and cannot read that folder, so
 * __tests__/migration/step-titles.test.ts compares the two.
 */
export interface StepInfo {
  step: number;
  title: string;
  /** "does": the codemod makes the change; "partly": it does, and reports to-dos; "manual": it only reports. */
  automation: "does" | "partly" | "manual";
}

export const STEPS: readonly StepInfo[] = [
  { step: 1, title: "One auth module", automation: "manual" },
  { step: 2, title: "An auth() helper with v5's signatures, on v4", automation: "does" },
  { step: 3, title: "v5's environment variable names", automation: "partly" },
  { step: 4, title: "Types ready for v5", automation: "does" },
  { step: 5, title: "Pin the session contract: a v4 cookie is a session", automation: "manual" },
  { step: 6, title: "next-auth 5, auth.ts, the App Router route, the bridge (and middleware)", automation: "partly" },
  { step: 7, title: "callbackUrl → redirectTo in the client", automation: "does" },
  { step: 8, title: "One App Router page with auth() in a server component", automation: "manual" },
  { step: 9, title: "Optional, on Next 16: middleware.ts → proxy.ts", automation: "manual" },
  { step: 10, title: "Clean-up, once every v4 cookie has expired", automation: "manual" },
];

export function stepInfo(step: number): StepInfo | undefined {
  return STEPS.find((s) => s.step === step);
}

export class UnknownStepError extends Error {
  constructor(value: string) {
    super(
      `Unknown step "${value}". Steps are 1–${STEPS.length} (MIGRATION.md); the codemod rewrites steps 2, 3, 4, 6 and 7.`,
    );
    this.name = "UnknownStepError";
  }
}

export function parseStep(value: string): number {
  const step = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!stepInfo(step)) throw new UnknownStepError(value);
  return step;
}
