import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { appFiles, sourceStamp } from "../app-files";

/** A small app tree under `parent`: two sources, and build output and packages that never count. */
function appUnder(parent: string): string {
  mkdirSync(parent, { recursive: true });
  const dir = mkdtempSync(path.join(parent, "app-files-"));
  for (const file of ["middleware.ts", "pages/index.tsx", ".next/BUILD_ID", "node_modules/x/index.js"]) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), file);
  }
  return dir;
}

describe("the files of an app the tooling copies", () => {
  it("lists a copy kept under this checkout's ignored artifacts/ by walking it, not by asking git (which lists nothing there)", () => {
    const dir = appUnder(path.join(process.cwd(), "artifacts", "test-app-files"));
    try {
      expect(appFiles(dir).sort()).toEqual(["middleware.ts", path.join("pages", "index.tsx")]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("lists this checkout from git, without artifacts/", () => {
    const files = appFiles(process.cwd());
    expect(files).toContain("package.json");
    expect(files.some((file) => file.startsWith("artifacts/") || file.startsWith("node_modules/"))).toBe(false);
  });

  it("stamps the sources: a changed file changes the stamp", () => {
    const dir = appUnder(path.join(process.cwd(), "artifacts", "test-app-files"));
    try {
      const before = sourceStamp(dir);
      expect(sourceStamp(dir)).toBe(before);
      writeFileSync(path.join(dir, "middleware.ts"), "changed");
      expect(sourceStamp(dir)).not.toBe(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
