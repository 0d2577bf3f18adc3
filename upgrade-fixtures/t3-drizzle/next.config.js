/** @type {import("next").NextConfig} */
const config = {
  reactStrictMode: true,
  // PGlite ships WASM: Node loads it, webpack must not bundle it.
  serverExternalPackages: ["@electric-sql/pglite"],
  // @auth/drizzle-adapter 0.3 is ESM with extension-less imports, which Node cannot load unbundled.
  transpilePackages: ["@auth/drizzle-adapter"],
};

export default config;
