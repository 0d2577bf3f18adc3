import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { checkWrittenFiles, findMisses, grepBaseline, introducedErrors, switchOutcome, tscErrors } from "../field-test";

function write(dir: string, files: Record<string, string>) {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
}

const git = (dir: string, ...args: string[]) =>
  execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@localhost", ...args], { cwd: dir, stdio: "pipe" });

describe("field test checks", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), "field-test-checks-"));
    write(dir, {
      "tsconfig.json":
        '{\n  // comments allowed\n  "compilerOptions": { "baseUrl": ".", "paths": { "@/*": ["./*"] } }\n}\n',
      "lib/auth.ts":
        'import { getSession } from "./session";\nexport const authOptions = { providers: [] };\nexport const read = () => getSession();\n',
      "lib/session.ts": "export const getSession = () => null;\n",
      "pages/me.ts": "export const me = 1;\n",
      "pages/view.tsx": "export default function View() { return <div />; }\n",
    });
    git(dir, "init", "-q");
    git(dir, "add", "-A");
    git(dir, "commit", "-qm", "v4");
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("counts an added import of a missing module or of a name the module does not export, through relative paths and tsconfig aliases", () => {
    write(dir, {
      "pages/me.ts":
        'import { auth } from "@/auth";\nimport { authOptions } from "@/lib/auth";\nimport { handlers } from "../lib/auth";\nimport { x } from "./nope";\nimport NextAuth from "next-auth";\nexport const me = [auth, authOptions, handlers, x, NextAuth];\n',
    });
    const { unresolvedImports, unparsedFiles } = checkWrittenFiles(dir, ["pages/me.ts"]);
    expect(unresolvedImports).toEqual([
      { file: "pages/me.ts", specifier: "@/auth" },
      { file: "pages/me.ts", specifier: "./nope" },
      { file: "pages/me.ts", specifier: "../lib/auth", name: "handlers" },
    ]);
    expect(unparsedFiles).toEqual([]);
  });

  it("takes the names of a CommonJS module as exported (module.exports = { … })", () => {
    write(dir, {
      "lib/env.js": "const env = { url: process.env.URL };\nmodule.exports = { env };\n",
      "pages/me.ts": 'import { env } from "@/lib/env";\nexport const me = env;\n',
    });
    expect(checkWrittenFiles(dir, ["pages/me.ts"]).unresolvedImports).toEqual([]);
  });

  it("counts a changed file that parsed before and does not now", () => {
    write(dir, { "pages/view.tsx": "export default function View() { return <div>; }\n" });
    const { unparsedFiles } = checkWrittenFiles(dir, ["pages/view.tsx"]);
    expect(unparsedFiles.map((f) => f.file)).toEqual(["pages/view.tsx"]);
  });

  it("counts an added import of a module that imports the file back", () => {
    write(dir, {
      "lib/session.ts": 'import { authOptions } from "@/lib/auth";\nexport const getSession = () => authOptions;\n',
    });
    const { importCycles } = checkWrittenFiles(dir, ["lib/session.ts"]);
    expect(importCycles).toEqual([{ file: "lib/session.ts", imports: "lib/auth.ts" }]);
  });

  it("reports a grep hit as missed only when scan names nothing near it, or nothing in its file", () => {
    write(dir, {
      "pages/api/a.ts":
        'import { getServerSession } from "next-auth";\nexport const a = () => getServerSession(o);\n\n\n\n\nexport const b = () => getServerSession(o);\n',
      "pages/api/b.ts": 'import { getServerSession } from "next-auth";\nexport const c = () => getServerSession(o);\n',
    });
    const hits = grepBaseline(dir, ["pages/api/a.ts", "pages/api/b.ts"]);
    expect(hits.map((h) => `${h.file}:${h.line}`)).toEqual([
      "pages/api/a.ts:2",
      "pages/api/a.ts:7",
      "pages/api/b.ts:2",
    ]);
    const misses = findMisses(hits, [{ file: "pages/api/a.ts", line: 2, action: "rewrite" }]);
    expect(misses.lines.map((h) => `${h.file}:${h.line}`)).toEqual(["pages/api/a.ts:7"]);
    expect(misses.files.map((h) => `${h.file}:${h.line}`)).toEqual(["pages/api/b.ts:2"]);
  });

  it("passes over a tracked .env symlink whose target the repository does not have", () => {
    mkdirSync(path.join(dir, "apps/web"), { recursive: true });
    symlinkSync("../../.env", path.join(dir, "apps/web/.env"));
    write(dir, {
      "apps/web/auth.ts": 'import NextAuth from "next-auth";\nexport const url = process.env.NEXTAUTH_URL;\n',
    });
    const files = ["apps/web/.env", "apps/web/auth.ts"];
    expect(grepBaseline(dir, files).map((h) => h.file)).toEqual(["apps/web/auth.ts"]);
    expect(checkWrittenFiles(dir, files).unparsedFiles).toEqual([]);
  });
});

describe("field test: switch done", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), "field-test-switch-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const outcome = (files: Record<string, string>, run = { refused: [] as string[], unresolved: 0 }) => {
    write(dir, files);
    return switchOutcome(dir, Object.keys(files), run);
  };
  const v5App = {
    "package.json": '{ "dependencies": { "next-auth": "5.0.0-beta.32" } }',
    "auth.ts":
      'import NextAuth from "next-auth";\nimport { withLegacyV4 } from "./legacy-v4-session";\nexport const { handlers, auth } = withLegacyV4(NextAuth)({ providers: [] });\n',
    "legacy-v4-session.ts": "export const withLegacyV4 = (f: unknown) => f;\n",
    "app/api/auth/[...nextauth]/route.ts":
      'import { handlers } from "@/auth";\nexport const { GET, POST } = handlers;\n',
  };

  it("counts the switch done with next-auth 5, a v5 route, the bridge wired into the module that calls NextAuth, and every import resolving", () => {
    expect(outcome(v5App).status).toBe("done");
    expect(outcome(v5App, { refused: [], unresolved: 1 }).status).toBe("broken");
  });

  it("counts next-auth 5 without the bridge wired, or with a v4 route or a v4 package left, as broken", () => {
    const unwired = {
      ...v5App,
      "auth.ts": 'import NextAuth from "next-auth";\nexport const { handlers } = NextAuth({});\n',
    };
    expect(outcome(unwired)).toEqual({
      status: "broken",
      why: "the bridge is wired into no module that calls NextAuth",
    });
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir);
    const half = {
      ...v5App,
      "pages/api/auth/[...nextauth].ts": "export default 1;\n",
      "packages/db/package.json": '{ "dependencies": { "next-auth": "^4.24.5" } }',
    };
    expect(outcome(half).why).toBe(
      "next-auth still v4 in packages/db/package.json; v4 route left: pages/api/auth/[...nextauth].ts",
    );
  });

  it("counts an app left on v4 as refused only when the codemod said why", () => {
    const v4 = { "package.json": '{ "dependencies": { "next-auth": "^4.24.5" } }' };
    expect(outcome(v4, { refused: ["apps/web: nothing written for apps/web: …"], unresolved: 0 }).status).toBe(
      "refused",
    );
    expect(outcome(v4).status).toBe("broken");
  });
});

describe("field test type check", () => {
  it("counts as new only the type errors the applied tree has beyond the v4 tree's, wherever their lines moved", () => {
    const v4 = tscErrors(
      "lib/db.ts(1,10): error TS2305: Module '\"@prisma/client\"' has no exported member 'PrismaClient'.\nlib/auth.ts(40,3): error TS7006: Parameter 'user' implicitly has an 'any' type.\n",
    );
    const v5 = tscErrors(
      [
        "lib/db.ts(1,10): error TS2305: Module '\"@prisma/client\"' has no exported member 'PrismaClient'.",
        "lib/auth.ts(41,3): error TS7006: Parameter 'user' implicitly has an 'any' type.",
        "lib/auth.ts(41,3): error TS7006: Parameter 'user' implicitly has an 'any' type.",
        "lib/auth.ts(92,11): error TS2322: Type 'string | undefined' is not assignable to type 'string'.",
        "Found 4 errors in 2 files.",
      ].join("\n"),
    );
    expect(v4).toHaveLength(2);
    expect(introducedErrors(v4, v5).map((e) => `${e.file}:${e.line} ${e.code}`)).toEqual([
      "lib/auth.ts:41 TS7006",
      "lib/auth.ts:92 TS2322",
    ]);
  });
});
