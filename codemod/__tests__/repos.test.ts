import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { checkout, cli, readTree, repoCases } from "../lib/repo-fixtures";

/**
 * Whole repositories (transforms/__testfixtures__/repos/<case>): apply in a fresh git checkout
 * gives exactly output/, prints what expect.json names, and a second apply changes nothing.
 * Regenerate with `npx tsx codemod/scripts/update-fixtures.ts` and review the diff.
 */
describe.each(repoCases().map((c) => [c.name, c] as const))("%s", (_, c) => {
  // One apply per case, shared by both tests: applying is most of this file's time.
  let dir: string;
  let first: ReturnType<typeof cli>;
  beforeAll(() => {
    dir = checkout(c);
    first = cli("apply", dir, ...c.expect.args);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("apply gives the output tree and says what it did", () => {
    const out = first.out.replaceAll(dir, "<repo>");
    expect(first.code).toBe(0);
    for (const line of c.expect.out) expect(out).toContain(line);
    for (const text of c.expect.notOut ?? []) expect(out).not.toContain(text);
    expect(Object.fromEntries(readTree(dir))).toEqual(Object.fromEntries(readTree(c.output)));
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
