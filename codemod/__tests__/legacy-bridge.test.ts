import { readFileSync } from "node:fs";
import { parse } from "../lib/ast";
import { Project } from "../lib/project";
import { newTransformContext } from "../lib/types";
import { BRIDGE_MARKER, BRIDGE_TEMPLATE, bridgeModule } from "../transforms/legacy-bridge";
import { nextAuthRoute } from "../transforms/nextauth-route";

describe("the session bridge step 6 writes", () => {
  it("is the template as it is beside a TypeScript app's auth.ts (src/ layout too)", () => {
    const project = new Project("/app", ["src/pages/index.tsx", "src/pages/api/auth/[...nextauth].ts"], {
      typescript: true,
      paths: {},
    });
    const bridge = bridgeModule(project, ".ts");
    expect(bridge.path).toBe("src/legacy-v4-session.ts");
    expect(bridge.source).toBe(readFileSync(BRIDGE_TEMPLATE, "utf8"));
  });

  it("is plain JavaScript in a JavaScript app, still marked as the codemod's and saying when to delete it", () => {
    const project = new Project("/app", ["pages/api/auth/[...nextauth].js"], { typescript: false, paths: {} });
    const bridge = bridgeModule(project, ".js");
    expect(bridge.path).toBe("legacy-v4-session.js");
    expect(() => parse(bridge.path, bridge.source)).not.toThrow();
    expect(bridge.source).not.toMatch(/\binterface \w|: LegacyV4SessionOptions|import type /);
    expect(bridge.source).toContain(BRIDGE_MARKER);
    expect(bridge.source).toMatch(/once every v4 cookie has expired/);
  });

  it("is never written over an app's own file of that name: the route is left as it is, with a to-do", () => {
    const route =
      'import NextAuth from "next-auth";\nimport { authOptions } from "../../../lib/auth";\n\nexport default NextAuth(authOptions);\n';
    const files: Record<string, string> = {
      "pages/api/auth/[...nextauth].ts": route,
      "legacy-v4-session.ts": "export const mine = 1;\n",
    };
    const project = new Project("/app", Object.keys(files), {
      typescript: true,
      paths: {},
      read: (file) => files[file] ?? null,
    });
    const result = nextAuthRoute.run({
      file: "pages/api/auth/[...nextauth].ts",
      source: route,
      project,
      steps: new Set([6]),
      context: newTransformContext(),
    });
    expect(result.create).toBeUndefined();
    expect(result.remove).toBeFalsy();
    expect(result.findings).toEqual([
      expect.objectContaining({
        action: "todo",
        kind: "nextauth-route",
        message: expect.stringMatching(/legacy-v4-session\.ts already exists and is not the codemod's session bridge/),
      }),
    ]);
  });
});
