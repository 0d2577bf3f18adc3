import { checkFloors } from "../dependency-floor";
import { compareVersions } from "../compare-versions";

describe("version order (semver precedence)", () => {
  it("sorts prereleases by their numbers, and before their release", () => {
    const ordered = [
      "1.0.0-alpha",
      "1.0.0-alpha.1",
      "1.0.0-alpha.beta",
      "1.0.0-beta",
      "1.0.0-beta.2",
      "1.0.0-beta.10",
      "1.0.0-rc.1",
      "1.0.0",
      "1.0.1",
      "1.2.0",
      "1.10.0",
      "2.0.0",
    ];
    expect([...ordered].reverse().sort(compareVersions)).toEqual(ordered);
    expect(compareVersions("1.0.0-beta.2", "1.0.0-beta.10")).toBe(-1);
    expect(compareVersions("1.0.0-beta.10", "1.0.0")).toBe(-1);
  });

  it("treats equal versions as equal, ignoring build metadata", () => {
    expect(compareVersions("15.5.29", "15.5.29")).toBe(0);
    expect(compareVersions("1.0.0+build.5", "1.0.0")).toBe(0);
    expect(compareVersions("1.0.0-beta.1", "1.0.0-beta.1")).toBe(0);
  });

  it("holds next-auth 5 betas to the beta.32 floor, counting beta numbers as numbers", () => {
    const nextAuth = (version: string) =>
      checkFloors({ next: "15.5.29", "next-auth": version }).find((result) => result.name === "next-auth")!.ok;
    expect(nextAuth("5.0.0-beta.9")).toBe(false);
    expect(nextAuth("5.0.0-beta.32")).toBe(true);
    expect(nextAuth("5.0.0")).toBe(true);
    expect(nextAuth("4.24.14")).toBe(false);
    expect(nextAuth("4.24.15")).toBe(true);
  });
});
