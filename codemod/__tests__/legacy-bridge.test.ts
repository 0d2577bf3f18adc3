import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import * as prettier from "prettier";
import { parse } from "../lib/ast";
import { Project } from "../lib/project";
import { newTransformContext } from "../lib/types";
import { BRIDGE_MARKER, BRIDGE_TEMPLATE, bridgeModule } from "../transforms/legacy-bridge";
import { nextAuthRoute } from "../transforms/nextauth-route";
import { checkout, cli, repoCases } from "./support/repo-fixtures";

/** The bridge `apply --all` writes into a repo fixture's input. */
function appliedBridge(fixture: string, bridge: string): string {
  const dir = checkout(repoCases().find((c) => c.name === fixture)!);
  try {
    cli("apply", dir, "--all");
    return readFileSync(path.join(dir, bridge), "utf8");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

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

  it("takes an app's detected style (no semicolons, single quotes, four spaces) and stays the same program", async () => {
    const bridge = appliedBridge("generated-code-follows-style", "legacy-v4-session.ts");
    expect(bridge).toContain(BRIDGE_MARKER);
    expect(bridge).toMatch(/^import \{ encode \} from 'next-auth\/jwt'$/m);
    expect(bridge).not.toMatch(/^(?!\s*(\*|\/\/)).*;$/m);
    expect(bridge).toMatch(/^ {4}\S/m);
    const same = { filepath: "legacy-v4-session.ts", semi: false, singleQuote: true };
    expect(await prettier.format(bridge, same)).toBe(
      await prettier.format(readFileSync(BRIDGE_TEMPLATE, "utf8"), same),
    );
  });

  it("is formatted by the app's Prettier config when it has one", async () => {
    const bridge = appliedBridge("created-files-follow-prettier", "src/legacy-v4-session.ts");
    expect(bridge).toContain(BRIDGE_MARKER);
    expect(await prettier.check(bridge, { filepath: "legacy-v4-session.ts", semi: false, singleQuote: true })).toBe(
      true,
    );
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
