/**
 * One upgrade step as data: what it writes, deletes and rewrites, and which packages it changes.
 * `scripts/migration-verify.ts` applies the steps to a copy of the app; MIGRATION.md shows the diff
 * each one makes, and `__tests__/migration` checks that the two agree.
 */
export interface Transform {
  /** The file it edits, relative to the app root. */
  file: string;
  /** Edited instead when `file` is absent (middleware.ts is proxy.ts after the optional step 9). */
  fallback?: string;
  /** What it does, in a few words (shown in the verify output). */
  description: string;
  /**
   * Must change the file: a transform that finds nothing to do throws, naming `file`, the file
   * edited (the fallback when it stands in). Written with `edit()` (migration/edit.ts).
   */
  apply(source: string, file: string): string;
}

export interface Step {
  /** `NN-name`, its folder under migration/steps/: step.ts, `files/` and `fragments/`. */
  id: string;
  /**
   * MIGRATION.md's heading after "Step N: " (Markdown). The codemod names the step by it, without
   * backticks (codemod/lib/steps.ts; __tests__/migration/step-titles.test.ts compares the two).
   */
  title: string;
  phase: "prepare" | "switch" | "follow-up";
  /**
   * The codemod's step number (codemod/, `apply --step N`): it runs first, on the whole app, and
   * the rest of the step is the hand-written part, what the codemod leaves as to-dos.
   */
  codemod?: number;
  /** Files written from `migration/steps/<id>/files/<path>`: added, or replacing the app's. */
  write?: string[];
  /**
   * Files written from the codemod's templates (`codemod/templates/<name>`): app path → template
   * name. One source with what the codemod writes into other apps.
   */
  template?: Record<string, string>;
  delete?: string[];
  /** Files moved as they are (old path → new path), before the transforms run. */
  rename?: Record<string, string>;
  transforms?: Transform[];
  /** Exact versions to install (package.json is edited, then `npm install` runs). */
  install?: Record<string, string>;
  /** Documented but not applied by the verification (e.g. it needs another Next major). */
  optional?: boolean;
  /** Also run `next build` after this step (the last applied step always does). */
  build?: boolean;
}
