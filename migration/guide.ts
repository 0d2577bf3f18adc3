import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { applyStep, FileTree, unifiedDiff, type FileChanges } from "./engine";
import { stepGuides, type StepGuide } from "./guide-content";
import { steps } from "./steps";
import type { Step } from "./types";

/**
 * MIGRATION.md is hand-written prose around generated regions:
 * `<!-- generated: <kind> [<step id>] -->` … `<!-- /generated -->`. `npm run migration:docs`
 * rewrites the regions and migration/diffs/; __tests__/migration/guide.test.ts fails when either
 * is stale.
 */
export const DIFFS_DIR = "migration/diffs";

/** One file a step changes, with its diff as `git diff` prints it. */
export interface FileDiff {
  file: string;
  before: string | null;
  after: string | null;
  diff: string;
}

/** What a step changes in the reference app, file by file, in reading order. */
export interface StepChanges {
  step: Step;
  files: FileDiff[];
}

const TEST_FILES = [/^__tests__\//, /^e2e\//, /^security\//, /\.test\.[jt]sx?$/, /^jest\.config\./];
const CORE_FILES = [
  /^package\.json$/,
  /^next\.config\./,
  /^\.env/,
  /^auth(\.config)?\.ts$/,
  /^(middleware|proxy)\.ts$/,
  /^app\/api\/auth\//,
  /^pages\/api\/auth\//,
  /^lib\/auth\//,
  /^lib\/env\.ts$/,
  /^types\//,
];

/** Reading order within a step: the auth wiring (core), then the app's own code, then tests and tooling. */
export function fileGroup(file: string): "core" | "app" | "tests" {
  if (TEST_FILES.some((pattern) => pattern.test(file))) return "tests";
  if (CORE_FILES.some((pattern) => pattern.test(file))) return "core";
  return "app";
}

const GROUP_ORDER = { core: 0, app: 1, tests: 2 };
export const byReadingOrder = (a: string, b: string) =>
  GROUP_ORDER[fileGroup(a)] - GROUP_ORDER[fileGroup(b)] || (a < b ? -1 : a > b ? 1 : 0);

function fileDiffs(changes: FileChanges): FileDiff[] {
  return [...changes.keys()].sort(byReadingOrder).map((file) => {
    const change = changes.get(file)!;
    return { file, ...change, diff: unifiedDiff(new Map([[file, change]])) };
  });
}

/** Each step's changes, applied in order to the v4 app in `root` (in memory; nothing is written). */
export function stepChanges(root: string): StepChanges[] {
  const tree = new FileTree(root);
  return steps.map((step) => {
    const changes = applyStep(tree, step);
    // Optional steps are shown but not carried forward: undo them in the view.
    if (step.optional) for (const [file, { before }] of changes) tree.write(file, before);
    return { step, files: fileDiffs(changes) };
  });
}

export const diffFileName = (step: Step) => `${step.id}.diff`;
const lineCount = (content: string) => content.split("\n").length - (content.endsWith("\n") ? 1 : 0);
const stepNumber = (step: Step) => steps.indexOf(step) + 1;

/** A step's full diff, as migration/diffs/ holds it (every file in full, deletions too). */
export function fullDiff({ files }: StepChanges): string {
  return `${files.map((f) => f.diff).join("\n")}\n`;
}

/** Every file migration/diffs/ should hold: name → content. */
export function expectedDiffFiles(all: StepChanges[]): Map<string, string> {
  return new Map(all.filter((c) => c.files.length > 0).map((c) => [diffFileName(c.step), fullDiff(c)]));
}

export function readDiffFiles(root: string): Map<string, string> {
  const dir = path.join(root, DIFFS_DIR);
  if (!existsSync(dir)) return new Map();
  return new Map(
    readdirSync(dir)
      .sort()
      .map((name) => [name, readFileSync(path.join(dir, name), "utf8")]),
  );
}

export function guideFor(step: Step): StepGuide {
  const guide = stepGuides[step.id];
  if (!guide) throw new Error(`migration/guide-content.ts has no entry for step ${step.id}`);
  return guide;
}

/**
 * The one line under each step's heading. `verified` is the slot for what migration:verify
 * proved for the step (built, served); it is left out while there is no fact to show.
 */
export function stepHeader(step: Step, verified?: string): string {
  const guide = guideFor(step);
  const parts = [
    `**Ships on** ${guide.shipsOn}`,
    `**Time** ${guide.time}`,
    `**Codemod** ${guide.codemod}`,
    `**Rollback** ${guide.rollback}`,
  ];
  if (verified) parts.push(`**Verified** ${verified}`);
  return wrap(parts.join(" · "));
}

/** The widest line MIGRATION.md has (its tests check it): a reader's editor and a diff stay readable. */
export const MAX_LINE = 200;

/** Prose broken at spaces into lines of at most MAX_LINE characters; Markdown renders it unchanged. */
export function wrap(text: string, width = MAX_LINE): string {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line].join("\n");
}

export const deletedLine = (file: FileDiff) => `deleted: ${file.file}, ${lineCount(file.before ?? "")} lines`;

/** A shown diff names its file once: the `diff --git` line; the hunk header says when it is new. */
const withoutFileHeaders = (diff: string) => diff.replace(/^--- .*\n\+\+\+ .*\n/m, "");

/** The key changes: the files every app has, each as its own diff (a deletion as one line). */
export function keyChanges(changes: StepChanges): string {
  const shown = guideFor(changes.step).key.map((file) => {
    const found = changes.files.find((f) => f.file === file);
    if (!found)
      throw new Error(
        `migration/guide-content.ts: step ${changes.step.id} shows ${file}, which the step does not change`,
      );
    return found.after === null ? `- ${deletedLine(found)}` : `\`\`\`diff\n${withoutFileHeaders(found.diff)}\n\`\`\``;
  });
  return shown.join("\n\n");
}

function changeSummary(file: FileDiff): string {
  if (file.after === null) return deletedLine(file);
  const lines = file.diff.split("\n").filter((line) => !/^(diff --git|--- |\+\+\+ |@@)/.test(line));
  const added = lines.filter((line) => line.startsWith("+")).length;
  const removed = lines.filter((line) => line.startsWith("-")).length;
  return file.before === null ? `added, ${added} lines` : `+${added} −${removed}`;
}

/** Folded: every file the step changes that the key changes do not show, one line each. */
export function everythingElse(changes: StepChanges): string {
  const { step, files } = changes;
  const guide = guideFor(step);
  const rest = files.filter((f) => !guide.key.includes(f.file));
  if (rest.length === 0)
    return `[The step's full diff](${DIFFS_DIR}/${diffFileName(step)}) shows nothing more than the key changes.`;
  const line = (file: FileDiff) => {
    const note = guide.notes?.[file.file] ?? step.transforms?.find((t) => t.file === file.file)?.description;
    const template = step.template?.[file.file];
    const source = template
      ? `codemod/templates/${template}`
      : step.write?.includes(file.file)
        ? `migration/steps/${step.id}/files/${file.file}`
        : undefined;
    const written = source ? ` ([file](${encodeURI(source)}))` : "";
    const summary = file.after === null ? deletedLine(file) : `\`${file.file}\`${written}: ${changeSummary(file)}`;
    return `- ${summary}${note ? `; ${note}` : ""}`;
  };
  return [
    "<details>",
    `<summary>Everything else in the reference app: ${rest.length} file${rest.length === 1 ? "" : "s"}</summary>`,
    "",
    ...rest.map(line),
    "",
    `All of it in one file: [${DIFFS_DIR}/${diffFileName(step)}](${DIFFS_DIR}/${diffFileName(step)}).`,
    "</details>",
  ].join("\n");
}

/** The at-a-glance table: one row per step. */
export function atAGlance(): string {
  const rows = steps.map((step) => {
    const guide = guideFor(step);
    const n = stepNumber(step);
    return `| [${n}](#${headingAnchor(step)}) | ${guide.shipsOn} | ${guide.change} | ${guide.codemod} | ${guide.time} | ${guide.rollback} |`;
  });
  return [
    "| step | ships on | the change in your app | the codemod | time | roll back |",
    "|---|---|---|---|---|---|",
    ...rows,
  ].join("\n");
}

/** The deployments a step is proven in (StepGuide.deployments): what each row serves, and what is checked. */
export function deploymentsTable(step: Step): string {
  const table = guideFor(step).deployments;
  if (!table) throw new Error(`MIGRATION.md has a deployments region for step ${step.id}, which has no deployments`);
  return [
    wrap(table.intro),
    "",
    "| row | v4 served with | v5 served with |",
    "|---|---|---|",
    ...table.rows.map((r) => `| ${r.row} | ${r.v4} | ${r.v5} |`),
    "",
    wrap(table.checked),
  ].join("\n");
}

/** A step's heading in MIGRATION.md, and the GitHub anchor it gets. */
export const stepHeading = (step: Step) => `Step ${stepNumber(step)}: ${step.title}`;
export const headingAnchor = (step: Step) => githubSlug(stepHeading(step));

/** GitHub's heading anchors: lower case, punctuation dropped, spaces → hyphens. */
export function githubSlug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/<[^>]*>/g, "")
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

export const GENERATED = /<!-- generated: ([\w-]+)(?: ([\w-]+))? -->\n([\s\S]*?)<!-- \/generated -->/g;

/** The generated regions of a guide: `kind` or `kind id` → content. */
export function generatedRegions(markdown: string): Map<string, string> {
  return new Map([...markdown.matchAll(GENERATED)].map(([, kind, id, body]) => [id ? `${kind} ${id}` : kind, body]));
}

/** Per-step facts for the header's `verified` slot: step id → fact. */
export type VerifiedFacts = Map<string, string>;

/** The guide with every generated region rewritten. */
export function renderGuide(markdown: string, all: StepChanges[], verified: VerifiedFacts = new Map()): string {
  const byId = new Map(all.map((c) => [c.step.id, c]));
  return markdown.replace(GENERATED, (_region, kind: string, id: string | undefined) => {
    const changes = id === undefined ? undefined : byId.get(id);
    if (id !== undefined && !changes) throw new Error(`MIGRATION.md has a generated region for unknown step ${id}`);
    const body = (() => {
      switch (kind) {
        case "at-a-glance":
          return atAGlance();
        case "head":
          return `### ${stepHeading(changes!.step)}\n\n${stepHeader(changes!.step, verified.get(id!))}`;
        case "key":
          return `**Key changes**\n\n${keyChanges(changes!)}`;
        case "rest":
          return everythingElse(changes!);
        case "deployments":
          return deploymentsTable(changes!.step);
        default:
          throw new Error(`MIGRATION.md has a generated region of unknown kind ${kind}`);
      }
    })();
    return `<!-- generated: ${kind}${id ? ` ${id}` : ""} -->\n${body}\n<!-- /generated -->`;
  });
}
