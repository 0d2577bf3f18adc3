/**
 * Every difference between a combination's copy and the committed app, in one place:
 *  - v5: helper-2's migration steps (migration/steps), applied as `npm run migration:verify` does;
 *  - Next 16 `proxy.ts`: middleware.ts renamed, its export named `proxy`, and the test that
 *    imports it pointed at the new file (the rename `npx @next/codemod middleware-to-proxy` does):
 *    for the v5 end state, the guide's optional step 9 itself;
 *  - Next 13.5 and 14.2: middleware on the Edge runtime, their only one (the app's runs on Node.js);
 *  - package pins: Next, React and the tooling that follows them (matrix/versions.ts).
 * The app code itself is the same for every v4 combination.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type * as Engine from "../migration/engine";
import type { Step } from "../migration/types";
import type { Combination } from "./combinations";
import type { Pins } from "./versions";

const MIDDLEWARE_TEST = "__tests__/server/middleware.test.ts";
const TEST_IMPORT = 'import middleware, { config } from "@/middleware";';
const PROXY_TEST_IMPORT = 'import { proxy as middleware, config } from "@/proxy";';
/** The middleware's runtime setting (the app's and the v5 step's middleware.ts alike). */
export const NODE_RUNTIME =
  '  // Faster than the Edge sandbox under next start (README: Performance); Next ≥ 15.5 only.\n  runtime: "nodejs",\n';
/** Next lines whose middleware runs on the Edge runtime only. */
const EDGE_ONLY_NEXT = ["13.5", "14.2"];

/**
 * helper-2's step engine and steps as the copied app has them (not this checkout's working tree,
 * which may hold unfinished edits): the copy is carried by its own migration code.
 */
function migrationOf(app: string): { engine: typeof Engine; steps: Step[] } {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded from the copy at run time
  const engine = require(path.join(app, "migration/engine")) as typeof Engine;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { steps } = require(path.join(app, "migration/steps")) as { steps: Step[] };
  return { engine, steps };
}

/** Packages the v5 steps install (next-auth 5.0.0-beta.32), from the copy `app` (or this checkout). */
export function v5Pins(app = path.resolve(__dirname, "..")): Pins {
  // The steps only: the engine needs the copy's packages (it runs the codemod), not installed yet.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded from the copy at run time
  const { steps } = require(path.join(app, "migration/steps")) as { steps: Step[] };
  return Object.assign({}, ...steps.filter((step) => !step.optional).map((step) => step.install ?? {}));
}

function replaceOnce(file: string, source: string, from: string, to: string): string {
  if (!source.includes(from))
    throw new Error(
      `${file}: expected to find ${JSON.stringify(from)} (has the app changed? update matrix/variants.ts)`,
    );
  return source.replace(from, to);
}

/**
 * Next 16 on v4: middleware.ts → proxy.ts, `export default withAuth(...)` becoming
 * `export const proxy = withAuth(...)` (what `npx @next/codemod middleware-to-proxy` does).
 */
function renameMiddlewareToProxy(app: string): void {
  const from = path.join(app, "middleware.ts");
  const source = readFileSync(from, "utf8");
  // Next 16 refuses a runtime setting in proxy.ts: it always runs on Node.js.
  const onNode = replaceOnce("middleware.ts", source, NODE_RUNTIME, "");
  const proxy = replaceOnce("middleware.ts", onNode, "export default ", "export const proxy = ");
  writeFileSync(path.join(app, "proxy.ts"), proxy);
  rmSync(from);
}

/** Next 13.5 and 14 refuse a Node.js middleware: the same middleware on their Edge runtime. */
function middlewareOnEdge(app: string): void {
  const file = path.join(app, "middleware.ts");
  writeFileSync(file, replaceOnce("middleware.ts", readFileSync(file, "utf8"), NODE_RUNTIME, ""));
}

/** The middleware test imports the middleware module by name; after a rename it must follow. */
function pointTestAtProxy(app: string): void {
  const file = path.join(app, MIDDLEWARE_TEST);
  const source = readFileSync(file, "utf8");
  if (source.includes(PROXY_TEST_IMPORT)) return;
  writeFileSync(file, replaceOnce(MIDDLEWARE_TEST, source, TEST_IMPORT, PROXY_TEST_IMPORT));
}

/**
 * Carries the fresh copy in `app` to the combination's code. Returns what was done, for the log.
 * Package edits are not made here (see workspace.ts): they decide whether the install is reused.
 */
export function applyVariant(app: string, combo: Combination): string[] {
  const done: string[] = [];
  if (combo.app === "v5") {
    const { engine, steps } = migrationOf(app);
    const tree = new engine.FileTree(app);
    const applied: string[] = [];
    // The optional step (proxy.ts) last, and only for a proxy combination: it applies after the
    // clean-up as well as before it.
    const ordered = [
      ...steps.filter((step) => !step.optional),
      ...steps.filter((step) => step.optional && combo.proxy),
    ];
    for (const step of ordered) {
      // Package changes go through the pins; the step's package.json edit would be undone anyway.
      engine.writeChanges(app, engine.applyStep(tree, { ...step, install: undefined }));
      applied.push(step.id);
    }
    // As migration:verify does: tells MIGRATION.md's doc test the tree is migrated (it then
    // replays the steps on MIGRATION_BASE_DIR, a pristine v4 copy).
    writeFileSync(path.join(app, "migration/APPLIED"), `${applied.join("\n")}\n`);
    done.push(`migration steps ${applied.map((id) => id.slice(0, 2)).join(",")}`);
  }
  if (EDGE_ONLY_NEXT.includes(combo.next)) {
    middlewareOnEdge(app);
    done.push("middleware on the Edge runtime");
  }
  if (combo.proxy && combo.app === "v4") {
    renameMiddlewareToProxy(app);
    pointTestAtProxy(app);
    done.push("middleware.ts → proxy.ts");
  }
  if (combo.proxy && existsSync(path.join(app, "middleware.ts")))
    throw new Error("proxy variant left middleware.ts behind");
  return done;
}
