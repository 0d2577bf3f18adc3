import { applyStep, FileTree, unifiedDiff } from "./engine";
import { steps } from "./steps";
import type { Step } from "./types";

/** Each step's diff, applied in order to the v4 app in `root` (in memory; nothing is written). */
export function stepDiffs(root: string): Map<string, string> {
  const tree = new FileTree(root);
  const diffs = new Map<string, string>();
  for (const step of steps) {
    const changes = applyStep(tree, step);
    if (step.optional) {
      // Optional steps are shown but not carried forward: undo them in the view.
      for (const [file, { before }] of changes) tree.write(file, before);
    }
    if (changes.size > 0) diffs.set(step.id, unifiedDiff(changes));
  }
  return diffs;
}

/** MIGRATION.md marks a step's diff as `<!-- step-diff: <id> -->` followed by a ```diff block. */
export const DIFF_BLOCK = /<!-- step-diff: ([\w-]+) -->\n```diff\n([\s\S]*?)\n```/g;

export function diffBlocks(markdown: string): Map<string, string> {
  return new Map([...markdown.matchAll(DIFF_BLOCK)].map(([, id, body]) => [id, body]));
}

/** The guide with every step-diff block replaced by the step's real diff. */
export function renderDiffBlocks(markdown: string, diffs: Map<string, string>): string {
  return markdown.replace(DIFF_BLOCK, (_block, id: string) => {
    const diff = diffs.get(id);
    if (diff === undefined) throw new Error(`MIGRATION.md has a diff block for unknown or empty step ${id}`);
    return `<!-- step-diff: ${id} -->\n\`\`\`diff\n${diff}\n\`\`\``;
  });
}

export const stepsWithChanges = (): Step[] => steps.filter((step) => step.write || step.delete || step.transforms || step.install);
