import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { checkout, cli, REPO_FIXTURES, repoCases } from "./support/repo-fixtures";

/**
 * A to-do clears on the next scan once it is done, so `scan --check` passes on a finished app
 * (issue 25). For each repository fixture: `apply --all` (in its `--app`), then `done.patch`
 * beside it, the fixes a person writes for what the to-dos ask (never deleting the code a to-do
 * is about), then `scan --check` must exit 0. A fixture whose apply leaves no to-do needs no
 * patch. A refused app's to-dos ask for the switch by hand, and its patch does it as the printed
 * code has it: the auth module on v5, the App Router route, the bridge, next-auth 5, and the v4
 * Pages route `pages/api/auth/[...nextauth].*` deleted (v5 has no Pages handler). That is the one
 * file a patch may delete, and only in an app apply refused; every other deletion fails the test.
 * A fixture refused by one step alone (step7-on-v4-refused) is not refused here: `--all` runs
 * step 6 first, so it needs no patch.
 */
describe.each(repoCases().map((c) => [c.name, c] as const))("%s", (_, c) => {
  const patch = path.join(REPO_FIXTURES, c.name, "done.patch");
  const at = c.expect.args.indexOf("--app");
  const app = at >= 0 ? ["--app", c.expect.args[at + 1]] : [];
  let dir: string;
  let applied: ReturnType<typeof cli>;
  beforeAll(() => {
    dir = checkout(c);
    applied = cli("apply", dir, "--all", ...app);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("scan --check passes once the to-dos apply lists are done", () => {
    if (existsSync(patch)) {
      const text = readFileSync(patch, "utf8");
      // What a person writes to finish: edits and new files; deleted, only a refused app's v4 Pages route.
      const refused = refusedApps(applied.out);
      expect(deletedFiles(text).filter((file) => !isRefusedPagesRoute(file, refused))).toEqual([]);
      execFileSync("git", ["apply", "--whitespace=nowarn", patch], { cwd: dir, stdio: "pipe" });
    } else expect(applied.out).not.toContain("NOT MIGRATED");
    const scan = cli("scan", dir, "--check", ...app);
    expect(scan.out.replaceAll(dir, "<repo>")).toContain("--check: nothing left");
    expect(scan.code).toBe(0);
  });
});

/** The files a patch deletes: each `git diff` section with `deleted file mode`, by its header's path (else the header). */
function deletedFiles(patch: string): string[] {
  return patch
    .split(/^(?=diff --git )/m)
    .filter((section) => /^deleted file mode/m.test(section))
    .map((section) => {
      const header = section.slice(0, section.indexOf("\n"));
      return header.match(/^diff --git a\/(.+) b\/\1$/)?.[1] ?? header;
    });
}

/** The apps apply printed as NOT MIGRATED ("." the root): nothing of them was written. */
function refusedApps(out: string): string[] {
  return [...out.matchAll(/^ {2}NOT MIGRATED: +(\S+?):/gm)].map((m) => m[1]!);
}

/** `file` is v4's Pages route (`[src/]pages/api/auth/[...nextauth].*`) of one of `apps`. */
function isRefusedPagesRoute(file: string, apps: string[]): boolean {
  const app = file.match(/^(?:(.+?)\/)??(?:src\/)?pages\/api\/auth\/\[\.\.\.nextauth\]\.[cm]?[jt]sx?$/);
  return app !== null && apps.includes(app[1] ?? ".");
}
