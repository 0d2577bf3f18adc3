/**
 * The app the benchmark measures: a copy of an app directory with the twin pages of
 * bench/twins/pages added, built with `next build`. The app's own pages/, _app and middleware
 * carry nothing for the benchmark; the copy gets two checked edits:
 * - middleware's matcher skips /bench/unmatched/ (the twins that measure a page without middleware);
 * - _app renders pages marked `stockSessionProvider` under next-auth's stock SessionProvider;
 * and, for the limit twin (`noOpMiddleware`), a middleware that does nothing, on the same matcher.
 * Copies live in artifacts/bench-apps/<name> and are rebuilt only when a source file changed.
 */
import { createHash } from "node:crypto";
import {
  cpSync,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { appFiles } from "../../tooling/app-files";
import { ROOT, runCommand } from "../../tooling/app-server";
import { tail } from "../../tooling/cli";

const TWIN_PAGES = path.join(ROOT, "bench", "twins", "pages");

/** Adds `bench/unmatched/` to the negative lookahead of middleware's matcher. */
export function exemptTwinsFromMiddleware(source: string): string {
  const matcher = /(matcher:\s*\[\s*"\/\(\(\?!)([^"]*)(\)\.\*\)")/;
  if (!matcher.test(source))
    throw new Error('middleware.ts: no matcher of the form "/((?!…).*)" to exempt /bench/unmatched/ from');
  return source.replace(matcher, "$1$2|bench/unmatched/$3");
}

/**
 * The limit twin's middleware: the app's own matcher and runtime (its `config`), and a body that
 * only lets the request through. What any middleware costs on this page, before auth.
 */
export function noOpMiddleware(source: string): string {
  const at = source.indexOf("export const config");
  if (at < 0) throw new Error("middleware.ts: no `export const config` to keep for the no-op middleware twin");
  return `import { NextResponse } from "next/server";\n\nexport default function middleware(..._request: unknown[]) {\n  return NextResponse.next();\n}\n\n${source.slice(at)}`;
}

/** Wraps _app's default export so that a page marked `stockSessionProvider` gets the stock provider. */
export function stockProviderForMarkedPages(source: string): string {
  const app = /export default function (\w+)\(/;
  const name = source.match(app)?.[1];
  if (!name) throw new Error("pages/_app.tsx: no `export default function App(` to wrap for the stock-provider twin");
  return `${source.replace(app, `function ${name}(`)}\n// eslint-disable-next-line no-restricted-imports -- the bench's copy only: the app itself imports no bench code\nimport { withStockProviderTwin } from "@/bench/twins/stock-app";\nexport default withStockProviderTwin(${name});\n`;
}

function twinFiles(dir = TWIN_PAGES, relative = ""): string[] {
  return readdirSync(path.join(dir, relative), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? twinFiles(dir, path.join(relative, entry.name)) : [path.join(relative, entry.name)],
  );
}

/**
 * Copies `source` to artifacts/bench-apps/<name> with the twins and builds it, unless the copy is
 * already built from the same files. Returns the copy's directory.
 */
export async function twinApp(
  source: string,
  name: string,
  log: (message: string) => void,
  options: { noOpMiddleware?: boolean } = {},
): Promise<string> {
  const dest = path.join(ROOT, "artifacts", "bench-apps", name);
  const files = appFiles(source);
  const hash = createHash("sha256");
  for (const file of [...files].sort()) hash.update(file).update(readFileSync(path.join(source, file)));
  for (const file of twinFiles()) hash.update(file).update(readFileSync(path.join(TWIN_PAGES, file)));
  if (options.noOpMiddleware) hash.update("no-op middleware");
  for (const file of [
    "bench/support/twin-app.ts",
    "bench/twins/twin-session.ts",
    "bench/twins/stock-session.ts",
    "bench/twins/stock-app.tsx",
  ])
    hash.update(readFileSync(path.join(ROOT, file)));
  const stamp = hash.digest("hex");
  const stampFile = path.join(dest, ".bench-stamp");
  if (
    existsSync(stampFile) &&
    readFileSync(stampFile, "utf8") === stamp &&
    existsSync(path.join(dest, ".next", "BUILD_ID"))
  ) {
    log(`${name}: the twin build in ${path.relative(ROOT, dest)} is up to date`);
    return dest;
  }
  rmSync(dest, { recursive: true, force: true });
  mkdirSync(dest, { recursive: true });
  for (const file of files) {
    mkdirSync(path.dirname(path.join(dest, file)), { recursive: true });
    cpSync(path.join(source, file), path.join(dest, file));
  }
  cpSync(path.join(ROOT, "bench", "twins"), path.join(dest, "bench", "twins"), { recursive: true });
  rmSync(path.join(dest, "bench", "twins", "pages"), { recursive: true, force: true });
  cpSync(TWIN_PAGES, path.join(dest, "pages"), { recursive: true });
  const edit = (file: string, change: (text: string) => string) =>
    writeFileSync(path.join(dest, file), change(readFileSync(path.join(dest, file), "utf8")));
  // Next 16's proxy.ts is the same file under its new name.
  const middlewareFile = existsSync(path.join(dest, "middleware.ts")) ? "middleware.ts" : "proxy.ts";
  edit(middlewareFile, exemptTwinsFromMiddleware);
  if (options.noOpMiddleware) edit(middlewareFile, noOpMiddleware);
  edit("pages/_app.tsx", stockProviderForMarkedPages);
  // Hard links, not a symlink: Next 16's Turbopack will not read packages outside the project root.
  hardLinkTree(realModules(source), path.join(dest, "node_modules"));

  log(`${name}: building the app with its twins in ${path.relative(ROOT, dest)}…`);
  const buildLog = path.join(ROOT, "artifacts", "bench-apps", `${name}-build.log`);
  const nextBin = require.resolve("next/dist/bin/next", { paths: [dest] });
  const code = await runCommand(
    process.execPath,
    [nextBin, "build"],
    { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    15 * 60_000,
    buildLog,
    dest,
  );
  if (code !== 0) throw new Error(`next build of ${name} failed (exit ${code}):\n${tail(buildLog)}`);
  writeFileSync(stampFile, stamp);
  return dest;
}

/** `cp -al`, portably: directories made anew, files hard-linked, links kept as links. */
function hardLinkTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const [source, target] = [path.join(from, entry.name), path.join(to, entry.name)];
    if (entry.isSymbolicLink()) symlinkSync(readlinkSync(source), target);
    else if (entry.isDirectory()) hardLinkTree(source, target);
    else linkSync(source, target);
  }
}

function realModules(source: string): string {
  const modules = path.join(source, "node_modules");
  if (!existsSync(modules) || !statSync(modules).isDirectory())
    throw new Error(`${source} has no node_modules: install it first`);
  return modules;
}
