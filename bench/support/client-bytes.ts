/**
 * What a first visit downloads: the JavaScript `next build` lists as a page's "First Load JS"
 * (the page's chunks plus _app's, from .next/build-manifest.json), gzip level 9 like Next's own
 * table; and next-auth's share, the client code of the next-auth/react exports this app imports,
 * bundled by esbuild the way the app's bundle uses it (React external, minified, gzip).
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const FIRST_LOAD_PAGES = ["/", "/dashboard", "/admin"] as const;
/** Every next-auth/react export imported under components/ and pages/. */
const NEXT_AUTH_CLIENT_IMPORTS = ["SessionProvider", "useSession", "signIn", "signOut", "getCsrfToken"];

export interface ClientBytes {
  /** gzip bytes of first-load JS per page */
  firstLoad: Record<string, number>;
  /** gzip bytes of next-auth's client code */
  nextAuth: number;
  nextAuthVersion: string;
}

const gzip = (bytes: Buffer | Uint8Array) => gzipSync(bytes, { level: 9 }).length;

export async function clientBytes(appDir: string): Promise<ClientBytes> {
  const manifestFile = path.join(appDir, ".next", "build-manifest.json");
  if (!existsSync(manifestFile)) throw new Error(`${manifestFile} is missing: build the app first`);
  const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as { pages: Record<string, string[]> };
  const firstLoad: Record<string, number> = {};
  for (const page of FIRST_LOAD_PAGES) {
    const files = new Set(
      [...(manifest.pages["/_app"] ?? []), ...(manifest.pages[page] ?? [])].filter((file) => file.endsWith(".js")),
    );
    firstLoad[page] = [...files].reduce((sum, file) => sum + gzip(readFileSync(path.join(appDir, ".next", file))), 0);
  }

  const bundle = await build({
    stdin: {
      contents: `export { ${NEXT_AUTH_CLIENT_IMPORTS.join(", ")} } from "next-auth/react";`,
      resolveDir: appDir,
      loader: "js",
    },
    bundle: true,
    write: false,
    minify: true,
    format: "esm",
    platform: "browser",
    external: ["react", "react-dom", "react/jsx-runtime", "next", "next/*"],
    define: { "process.env.NODE_ENV": '"production"' },
    logLevel: "silent",
  });
  const nextAuthVersion = (
    JSON.parse(readFileSync(path.join(appDir, "node_modules", "next-auth", "package.json"), "utf8")) as {
      version: string;
    }
  ).version;
  return { firstLoad, nextAuth: gzip(bundle.outputFiles[0].contents), nextAuthVersion };
}
