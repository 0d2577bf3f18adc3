import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { main } from "../runner/cli";
import { BRIDGE_TEMPLATE } from "../transforms/legacy-bridge";

/** A tiny v4 app in a temp git repo: one of each pattern, plus a file that does not parse. */
function makeApp(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "codemod-cli-"));
  const files: Record<string, string> = {
    "package.json":
      JSON.stringify({ name: "app", dependencies: { next: "15.5.29", "next-auth": "4.24.15" } }, null, 2) + "\n",
    "tsconfig.json":
      '{\n  // comments are allowed here\n  "compilerOptions": { "baseUrl": ".", "paths": { "@/*": ["./*"] } },\n}\n',
    ".env.local": "NEXTAUTH_SECRET=do-not-print-this-secret\n",
    ".env.sample": "NEXTAUTH_SECRET=do-not-print-this-either\n",
    "lib/auth.ts":
      'import type { NextAuthOptions } from "next-auth";\n\nexport const authOptions: NextAuthOptions = { providers: [] };\n',
    "pages/api/auth/[...nextauth].ts":
      'import NextAuth from "next-auth";\nimport { authOptions } from "@/lib/auth";\n\nexport default NextAuth(authOptions);\n',
    "pages/api/me.ts":
      'import type { NextApiRequest, NextApiResponse } from "next";\nimport { getServerSession } from "next-auth/next";\nimport { authOptions } from "@/lib/auth";\n\nexport default async function me(req: NextApiRequest, res: NextApiResponse) {\n  res.json(await getServerSession(req, res, authOptions));\n}\n',
    "middleware.ts":
      'export { default } from "next-auth/middleware";\n\nexport const config = { matcher: ["/dashboard"] };\n',
    "pages/broken.tsx":
      'import { getServerSession } from "next-auth";\nexport default function Broken() { return <div>; }\n',
    "node_modules/next-auth/index.ts": 'import { getServerSession } from "next-auth";\ngetServerSession(x);\n',
  };
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  writeFileSync(path.join(dir, ".gitignore"), "node_modules/\n.env.local\n");
  const git = (...args: string[]) => execFileSync("git", args, { cwd: dir, stdio: "pipe" });
  git("init", "-q");
  git("add", ".");
  git("-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-qm", "v4");
  return dir;
}

function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

let app: string;
beforeAll(() => {
  app = makeApp();
});
afterAll(() => rmSync(app, { recursive: true, force: true }));

describe("scan", () => {
  it("lists each v4 usage with file:line by MIGRATION.md step, as JSON with --json", () => {
    const { code, out, err } = cli("scan", app, "--json");
    expect(code).toBe(0);
    const report = JSON.parse(out);
    const usages = report.steps.flatMap((s: { usages: { file: string; line: number; kind: string }[] }) => s.usages);
    expect(usages).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: "pages/api/me.ts", line: 6, kind: "getServerSession-call", step: 2 }),
        expect.objectContaining({ file: ".env.local", line: 1, kind: "env-file-key", step: 3 }),
        expect.objectContaining({ file: "middleware.ts", line: 1, kind: "middleware", step: 6 }),
        expect.objectContaining({ file: "pages/api/auth/[...nextauth].ts", kind: "nextauth-route", step: 6 }),
        expect.objectContaining({ file: "package.json", kind: "package-next-auth", step: 6 }),
      ]),
    );
    expect(report.steps.find((s: { step: number }) => s.step === 2).count).toBe(1);
    expect(usages.some((u: { file: string }) => u.file.startsWith("node_modules"))).toBe(false);
    expect(report.parseErrors).toEqual([expect.objectContaining({ file: "pages/broken.tsx" })]);
    expect(err).toMatch(/skipped pages\/broken\.tsx: cannot parse/);
    expect(out).not.toContain("do-not-print-this-secret");
  });

  it("prints a count per step in the human-readable form", () => {
    const { out } = cli("scan", app);
    expect(out).toMatch(/Step 2: .*\(1; codemod: does\)/);
    expect(out).toMatch(/pages\/api\/me\.ts:6 +rewrite/);
    expect(out).toMatch(/^Total: \d+ usages; step 2: 1, step 3: \d+/m);
  });
});

describe("apply", () => {
  it("prints a unified diff with --dry-run and writes nothing; .env values are masked", () => {
    const before = readFileSync(path.join(app, "pages/api/me.ts"), "utf8");
    const { code, out } = cli("apply", app, "--all", "--dry-run");
    expect(code).toBe(0);
    expect(out).toContain("--- a/pages/api/me.ts\n+++ b/pages/api/me.ts");
    expect(out).toContain(
      "-  res.json(await getServerSession(req, res, authOptions));\n+  res.json(await auth(req, res));",
    );
    expect(out).toContain("+++ b/app/api/auth/[...nextauth]/route.ts");
    // The v4 key stays beside the v5 one: v4 reads it until the switch ships.
    expect(out).toContain("+++ b/.env.sample\n@@ -1,1 +1,2 @@\n NEXTAUTH_SECRET=***\n+AUTH_SECRET=***");
    expect(out).toContain("not written: .env.local is not tracked by git");
    expect(out).toContain("add AUTH_SECRET beside NEXTAUTH_SECRET (same value; keep NEXTAUTH_SECRET until the switch)");
    expect(out).not.toMatch(/do-not-print-this-(secret|either)/);
    expect(out).toMatch(/manual to-dos: +\d+/);
    expect(readFileSync(path.join(app, "pages/api/me.ts"), "utf8")).toBe(before);
  });

  it("refuses a dirty git tree unless --force", () => {
    writeFileSync(
      path.join(app, "pages/api/me.ts"),
      readFileSync(path.join(app, "pages/api/me.ts"), "utf8") + "// edit\n",
    );
    const refused = cli("apply", app, "--all");
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/uncommitted changes .*pages\/api\/me\.ts.*--force/);
    execFileSync("git", ["checkout", "--", "."], { cwd: app });
  });

  it("apply without --all or --step says what to pass (exit 2); scan --check exits 1 while v4 usages remain", () => {
    const bare = cli("apply", app);
    expect(bare.code).toBe(2);
    expect(bare.err).toMatch(/apply needs --all .* or --step N/);
    const check = cli("scan", app, "--check");
    expect(check.code).toBe(1);
    expect(check.out).toMatch(/--check: \d+ usages or to-dos remain/);
    expect(cli("scan", app, "--app", "nope").code).toBe(1);
  });

  it("rejects an unknown step and a missing path with a message saying what to do", () => {
    const step = cli("apply", app, "--step", "42");
    expect(step.code).toBe(2);
    expect(step.err).toMatch(/Unknown step "42"\. Steps are 1–10/);
    const missing = cli("scan", path.join(app, "nope"));
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/No such directory: .*nope/);
  });

  it("rewrites, reports a summary, and a second run changes nothing", () => {
    const { code, out } = cli("apply", app, "--all");
    expect(code).toBe(0);
    // auth.ts, the App Router route, the bridge and a Next config that transpiles next-auth.
    expect(out).toMatch(/files changed: +\d+ changed, 4 created, 1 deleted/);
    expect(out).toMatch(
      /session bridge: +legacy-v4-session\.ts written, wired into auth\.ts beside it: .*once the session maxAge/,
    );
    expect(out).not.toMatch(/signed out at deploy/);
    expect(readFileSync(path.join(app, "legacy-v4-session.ts"), "utf8")).toBe(readFileSync(BRIDGE_TEMPLATE, "utf8"));
    expect(out).toMatch(/call sites rewritten: +\d+/);
    // Its auth module imports nothing but next-auth: the Edge runs it as it is, so no Edge to-do.
    expect(out).not.toMatch(/v5 middleware runs the whole session action/);
    // Every fixture app of `npm run test:upgrade` needed it: without it a Pages Router build fails.
    expect(readFileSync(path.join(app, "next.config.mjs"), "utf8")).toContain('transpilePackages: ["next-auth"]');
    expect(out).not.toMatch(/add `transpilePackages/);
    expect(readFileSync(path.join(app, "pages/api/me.ts"), "utf8")).toContain('import { auth } from "@/auth";');
    expect(readFileSync(path.join(app, "auth.ts"), "utf8")).toContain(
      "export const { handlers, auth, signIn, signOut } = withLegacyV4(NextAuth)(authOptions);",
    );
    expect(existsSync(path.join(app, "pages/api/auth/[...nextauth].ts"))).toBe(false);
    expect(JSON.parse(readFileSync(path.join(app, "package.json"), "utf8")).dependencies["next-auth"]).toBe(
      "5.0.0-beta.32",
    );

    const again = cli("apply", app, "--all", "--dry-run");
    expect(again.out).toMatch(/files changed: +0 changed, 0 created, 0 deleted/);
    // What needs a person is still found on the applied tree; the bridge it wrote is in place.
    const scanAfter = cli("scan", app, "--check");
    expect(scanAfter.code).toBe(1);
    expect(scanAfter.out).not.toMatch(/signed out at deploy/);
    rmSync(path.join(app, "legacy-v4-session.ts"));
    expect(cli("scan", app).out.split("\n")[0]).toMatch(/signed out at deploy unless the session bridge is in place/);
    expect(readFileSync(path.join(app, "NEXT-AUTH-V5-TODO.md"), "utf8")).toContain(".env.sample:1");
  });
});

/** A temp git repo of the given files, one commit. */
function repo(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "codemod-cli-"));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  const git = (...args: string[]) => execFileSync("git", args, { cwd: dir, stdio: "pipe" });
  git("init", "-q");
  git("add", ".");
  git("-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-qm", "v4");
  return dir;
}

const ROUTE = 'import NextAuth from "next-auth";\n\nexport default NextAuth({ providers: [] });\n';
const SIGN_IN =
  'import { signIn } from "next-auth/react";\n\nexport const go = () => signIn("github", { callbackUrl: "/me" });\n';

describe("all or nothing", () => {
  it("refuses apply --step 7 on a v4 app with exit 3 and writes none of it, dry run and --json included", () => {
    const dir = repo({
      "package.json": JSON.stringify({ dependencies: { next: "14.2.3", "next-auth": "4.24.7" } }),
      "pages/index.tsx": SIGN_IN,
      "pages/api/auth/[...nextauth].ts": ROUTE,
    });
    try {
      expect(cli("apply", dir, "--step", "7", "--dry-run").code).toBe(3);
      expect(JSON.parse(cli("apply", dir, "--step", "7", "--json", "--dry-run").out).apps).toEqual([
        expect.objectContaining({ status: "refused", reason: expect.stringContaining("still on next-auth v4") }),
      ]);
      const refused = cli("apply", dir, "--step", "7");
      expect(refused.code).toBe(3);
      expect(refused.out).toMatch(
        /NOT MIGRATED: +\.: nothing written for the app at the root: step 7 \(pages\/index\.tsx:3\)/,
      );
      expect(readFileSync(path.join(dir, "pages/index.tsx"), "utf8")).toBe(SIGN_IN);
      expect(readFileSync(path.join(dir, "NEXT-AUTH-V5-TODO.md"), "utf8")).toContain("still on next-auth v4");
      // The same run with step 6 is not refused for it.
      expect(cli("apply", dir, "--all", "--dry-run", "--force").out).toContain('redirectTo: "/me"');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("moves no next-auth to v5 in a package no app uses: no route, no bridge, so nothing written (exit 3)", () => {
    const legacy = JSON.stringify({ name: "@acme/legacy-auth", dependencies: { "next-auth": "4.24.7" } });
    const dir = repo({
      "package.json": JSON.stringify({ private: true, workspaces: ["apps/*", "packages/*"] }),
      "apps/web/package.json": JSON.stringify({ name: "web", dependencies: { next: "14.2.3" } }),
      "apps/web/pages/index.tsx": "export default function Home() {\n  return null;\n}\n",
      "packages/legacy-auth/package.json": legacy,
      "packages/legacy-auth/index.ts":
        'import type { NextAuthOptions } from "next-auth";\n\nexport const options: NextAuthOptions = { providers: [] };\n',
    });
    try {
      const applied = cli("apply", dir, "--all");
      expect(applied.code).toBe(3);
      expect(applied.out).toMatch(
        /NOT MIGRATED: +packages\/legacy-auth: nothing written for packages\/legacy-auth: next-auth would move to v5, but this run converts no next-auth route and writes no session bridge \(no Next\.js app uses this package\)/,
      );
      expect(readFileSync(path.join(dir, "packages/legacy-auth/package.json"), "utf8")).toBe(legacy);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("keeps the missing bridge in the to-do file and in scan, whatever step a later apply runs", () => {
    const dir = repo({
      "package.json": JSON.stringify({ dependencies: { next: "14.2.3", "next-auth": "5.0.0-beta.32" } }),
      "auth.ts":
        'import NextAuth from "next-auth";\n\nexport const { handlers, auth } = NextAuth({ providers: [] });\n',
      "pages/index.tsx": SIGN_IN,
    });
    try {
      const applied = cli("apply", dir, "--step", "7");
      expect(applied.code).toBe(0);
      const todo = () => readFileSync(path.join(dir, "NEXT-AUTH-V5-TODO.md"), "utf8");
      expect(todo()).toMatch(/^> WARNING: every signed-in user is signed out at deploy/m);
      expect(todo()).toMatch(/- \[ \] `package\.json:1` v5 neither reads the v4 cookie/);
      execFileSync("git", ["add", "-A"], { cwd: dir });
      execFileSync("git", ["-c", "user.email=t@e", "-c", "user.name=t", "commit", "-qm", "step 7"], { cwd: dir });
      const again = cli("apply", dir, "--step", "3");
      expect(again.out.split("\n")[0]).toMatch(/signed out at deploy/);
      expect(todo()).toMatch(/- \[ \] `package\.json:1` v5 neither reads the v4 cookie/);
      expect(cli("scan", dir).out.split("\n")[0]).toMatch(/signed out at deploy/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("scan names the apps apply would refuse, and why; --check counts them", () => {
    const dir = repo({
      "package.json": JSON.stringify({ dependencies: { next: "14.2.3", "next-auth": "4.24.7" } }),
      "pages/index.tsx": SIGN_IN,
      "pages/api/auth/[...nextauth].ts": ROUTE,
    });
    try {
      const scan = cli("scan", dir, "--check");
      expect(scan.code).toBe(1);
      expect(scan.out).toMatch(
        /APPLY WOULD REFUSE: \.: apply --step 7 would refuse it: nothing written for the app at the root: step 7/,
      );
      const json = JSON.parse(cli("scan", dir, "--json").out);
      expect(json.refusals).toEqual([expect.objectContaining({ kind: "apply-refusal", file: "package.json" })]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
