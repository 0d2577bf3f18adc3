import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { applyBefore, checkout, cli, readTree, repoCases } from "./support/repo-fixtures";

/**
 * Whole repositories (transforms/__testfixtures__/repos/<case>): apply in a fresh git checkout
 * gives exactly output/, prints what expect.json names, and a second apply changes nothing.
 * Regenerate with `npx tsx codemod/scripts/update-fixtures.ts` and review the diff.
 */
describe.each(repoCases().map((c) => [c.name, c] as const))("%s", (_, c) => {
  // One apply per case, shared by both tests: applying is most of this file's time.
  let dir: string;
  let first: ReturnType<typeof cli>;
  let scanBefore: ReturnType<typeof cli>;
  beforeAll(() => {
    dir = checkout(c);
    applyBefore(c, dir);
    scanBefore = cli("scan", dir);
    first = cli("apply", dir, ...c.expect.args);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("apply gives the output tree and says what it did", () => {
    const out = first.out.replaceAll(dir, "<repo>");
    // 3 when an app was refused (nothing of it written), else 0.
    expect(first.code).toBe(c.expect.code ?? (out.includes("NOT MIGRATED") ? 3 : 0));
    for (const line of c.expect.out) expect(out).toContain(line);
    for (const text of c.expect.notOut ?? []) expect(out).not.toContain(text);
    expect(Object.fromEntries(readTree(dir))).toEqual(Object.fromEntries(readTree(c.output)));
  });

  it("scan predicts what apply refuses, with the same reason", () => {
    for (const text of c.expect.scanBefore ?? []) expect(scanBefore.out).toContain(text);
    // scan predicts `apply --all` and each step that ships on v5 alone (step 7).
    const args = c.expect.args.filter((a, i, all) => a !== "--app" && all[i - 1] !== "--app");
    const command = args.includes("--all")
      ? "apply --all"
      : args.join(" ") === "--step 7"
        ? "apply --step 7"
        : undefined;
    for (const [, app, reason] of first.out.matchAll(/^ {2}NOT MIGRATED: +(\S+): (.*)$/gm))
      if (command)
        expect(scanBefore.out).toContain(`APPLY WOULD REFUSE: ${app}: ${command} would refuse it: ${reason}`);
  });

  it("every import it wrote resolves, and a second apply changes nothing, the to-do list included", () => {
    const git = (...args: string[]) => execFileSync("git", args, { cwd: dir, encoding: "utf8", stdio: "pipe" });
    git("add", "-A");
    git("-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-qm", "applied", "--allow-empty");
    const again = cli("apply", dir, ...c.expect.args);
    expect(again.out).toMatch(/files changed: +0 changed, 0 created, 0 deleted/);
    expect(again.out).not.toMatch(/would import "[^"]+", which does not exist/);
    expect(git("status", "--porcelain")).toBe("");
    // The same to-dos, none dropped although still open.
    expect(todoLines(again.out)).toEqual(todoLines(first.out));
    const scan = cli("scan", dir);
    for (const text of c.expect.scanAfter ?? []) expect(scan.out).toContain(text);
  });
});

/** The to-do lines of an apply summary (`    file:line  [step N] message`), in order. */
function todoLines(out: string): string[] {
  return out
    .split("\n")
    .filter((l) => /^ {4}\S+:\d+ {2}\[step \d+\]/.test(l))
    .sort();
}
