import { v5PeerProblem } from "../lib/v5-peers";

/** A reader over in-memory package.json files, root-relative. */
function reader(files: Record<string, object>) {
  return (file: string) => (file in files ? JSON.stringify(files[file]) : null);
}

const app = (next: string, react = "^18.2.0") => reader({ "package.json": { dependencies: { next, react } } });

describe("the Next and React an app must ask for before the switch to next-auth 5", () => {
  it.each(["^14.2.3", "14.3.0-canary.57", "15.5.8", "^16.0.0", ">=13", "latest", "canary"])(
    "lets next %s through: v5 installs on it, or the registry decides",
    (next) => expect(v5PeerProblem("", app(next))).toBeUndefined(),
  );

  it.each(["^13.4.9", "13.5.6", "13.3.2-canary.13", "^13.2.4"])(
    "stops next %s: npm would refuse next-auth 5's peer range",
    (next) => expect(v5PeerProblem("", app(next))).toContain(`package.json asks for next "${next}"`),
  );

  it("says a Next without App Router route handlers cannot run v5's route, and only then", () => {
    expect(v5PeerProblem("", app("12.0.10", "17.0.2"))).toMatch(/react "17\.0\.2".*before Next 13\.4/);
    expect(v5PeerProblem("", app("13.1.7-canary.14"))).toContain("before Next 13.4");
    expect(v5PeerProblem("", app("13.5.6"))).not.toContain("before Next 13.4");
  });

  it("stops a React release candidate, which npm does not take for ^19.0.0", () => {
    expect(v5PeerProblem("", app("15.0.3", "19.0.0-rc-66855b96-20241106"))).toContain('asks for react "19.0.0-rc');
  });

  it("reads a monorepo root's next for an app that does not declare it", () => {
    const read = reader({
      "package.json": { devDependencies: { next: "13.5.6" } },
      "apps/web/package.json": { dependencies: { "next-auth": "^4.24.5", react: "18.2.0" } },
    });
    expect(v5PeerProblem("apps/web", read)).toContain('package.json asks for next "13.5.6"');
    expect(v5PeerProblem("apps/web", read)).not.toContain("apps/web/package.json asks");
  });

  it("takes the app's own declaration over the root's", () => {
    const read = reader({
      "package.json": { devDependencies: { next: "13.5.6" } },
      "apps/web/package.json": { dependencies: { next: "14.2.35", react: "18.2.0" } },
    });
    expect(v5PeerProblem("apps/web", read)).toBeUndefined();
  });
});
