import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import * as prettier from "prettier";
import { parse } from "../lib/ast";
import { Project } from "../lib/project";
import { newTransformContext } from "../lib/types";
import { BRIDGE_MARKER, BRIDGE_TEMPLATE, bridgeModule } from "../transforms/legacy-bridge";
import { nextAuthRoute } from "../transforms/nextauth-route";
import { checkout, cli, repoCases } from "./support/repo-fixtures";
import { encodeV4SessionToken } from "./support/v4-session-token";
import { decodeV5SessionToken } from "./support/v5-session-token";

// The template's one runtime import from next-auth: v5's encode (next-auth 4 is what is installed here).
jest.mock("next-auth/jwt", () => ({
  encode: jest.requireActual("./support/v5-session-token").encodeV5SessionToken,
}));

/** The template's exports the tests call; loaded by path, so tsc does not check it against next-auth 4. */
interface Bridge {
  legacyV4Options(config: Record<string, unknown>): Record<string, unknown>;
  upgradeLegacySessionCookie(
    cookie: string,
    options: Record<string, unknown>,
  ): Promise<{ cookie: string; valid: boolean } | null>;
}

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

describe("the session bridge's secrets", () => {
  const SECRET = "the-app-secret-that-is-long-enough-00000000";
  const JWT_SECRET = "the-deprecated-jwt-secret-long-enough-00000";
  const claims = { sub: "user-1", name: "Vera Four", email: "vera@example.com" };
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- by path: see Bridge
  const bridge = require(BRIDGE_TEMPLATE) as Bridge;

  it("reads a v4 cookie sealed with jwt.secret (v4's key for it) and re-issues it under v5's key, the same jwt.secret", async () => {
    const v4Token = await encodeV4SessionToken({ token: claims, secret: JWT_SECRET });
    const options = bridge.legacyV4Options({ providers: [], secret: SECRET, jwt: { secret: JWT_SECRET } });
    const upgrade = await bridge.upgradeLegacySessionCookie(`next-auth.session-token=${v4Token}`, {
      ...options,
      secureCookies: false,
    });
    expect(upgrade?.valid).toBe(true);
    const carried = upgrade!.cookie.match(/authjs\.session-token=([^;]+)/)![1]!;
    // v5 spreads `jwt` over `{ secret }` (@auth/core lib/init.js): its session action decodes with jwt.secret.
    const salt = "authjs.session-token";
    expect(await decodeV5SessionToken(carried, JWT_SECRET, salt)).toMatchObject(claims);
    await expect(decodeV5SessionToken(carried, SECRET, salt)).rejects.toThrow();
  });

  it("without jwt.secret, reads and re-issues with the app's secret", async () => {
    const v4Token = await encodeV4SessionToken({ token: claims, secret: SECRET });
    const options = bridge.legacyV4Options({ providers: [], secret: SECRET });
    const upgrade = await bridge.upgradeLegacySessionCookie(`next-auth.session-token=${v4Token}`, {
      ...options,
      secureCookies: false,
    });
    const carried = upgrade!.cookie.match(/authjs\.session-token=([^;]+)/)![1]!;
    expect(await decodeV5SessionToken(carried, SECRET, "authjs.session-token")).toMatchObject(claims);
  });
});
