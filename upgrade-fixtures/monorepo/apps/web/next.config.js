/** @type {import("next").NextConfig} */
module.exports = {
  reactStrictMode: true,
  // The auth package ships TypeScript source; the adapter 0.3 is ESM with extension-less imports.
  transpilePackages: ["@acme/auth", "@auth/drizzle-adapter"],
  // PGlite ships WASM: Node loads it, webpack must not bundle it.
  serverExternalPackages: ["@electric-sql/pglite"],
};
