/** @type {import("next").NextConfig} */
const config = {
  reactStrictMode: true,
  // Some deployments serve the app under a path of a shared domain (BASE_PATH=/app).
  basePath: process.env.BASE_PATH ?? "",
  // PGlite ships WASM: Node loads it, webpack must not bundle it.
  serverExternalPackages: ["@electric-sql/pglite"],
  // @auth/drizzle-adapter 0.3 is ESM with extension-less imports, which Node cannot load unbundled.
  transpilePackages: ["@auth/drizzle-adapter"],
};

export default config;
