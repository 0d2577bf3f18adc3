import { assertAboveCveFloor, lintsInBuild, newest } from "@/matrix/versions";
import { pinPackageJson } from "@/matrix/workspace";

describe("the compatibility matrix's version choices", () => {
  it("picks the newest patch from npm view's answer, whatever order it lists them in", () => {
    // `npm view next@13.5 version --json` lists 13.5.11 before 13.5.2 and ends on 13.5.7.
    expect(newest(["13.5.1", "13.5.11", "13.5.10", "13.5.2", "13.5.9", "13.5.7"])).toBe("13.5.11");
    expect(newest("16.4.6")).toBe("16.4.6");
  });

  it("never picks a prerelease", () => {
    expect(newest(["15.5.29", "15.6.0-canary.1"])).toBe("15.5.29");
  });

  it.each(["13.5.8", "14.2.24", "15.2.2"])("refuses next %s, below the CVE-2025-29927 fix of its line", (version) => {
    expect(() => assertAboveCveFloor(version)).toThrow(/CVE-2025-29927/);
  });

  it.each(["13.5.9", "14.2.25", "15.2.3", "16.0.0"])("accepts next %s", (version) => {
    expect(() => assertAboveCveFloor(version)).not.toThrow();
  });

  it("lints during next build only from Next 15 on (eslint-config-next 13/14 need ESLint 8)", () => {
    expect([lintsInBuild("13.5.11"), lintsInBuild("14.2.35"), lintsInBuild("15.5.29")]).toEqual([false, false, true]);
  });

  it("pins versions in place, in dependencies or devDependencies, and refuses a package that is not there", () => {
    const source = JSON.stringify({ dependencies: { next: "15.5.29" }, devDependencies: { "@types/react": "19.3.0" } });
    const pinned = JSON.parse(pinPackageJson(source, { next: "13.5.11", "@types/react": "18.3.32" }));
    expect(pinned).toEqual({ dependencies: { next: "13.5.11" }, devDependencies: { "@types/react": "18.3.32" } });
    expect(() => pinPackageJson(source, { vite: "1.0.0" })).toThrow(/vite is not a dependency/);
  });
});
