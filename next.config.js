// @ts-check
// CommonJS on purpose: Next 13.5 and 14 cannot read next.config.ts.
const { version } = require("next/package.json");
const nextMajor = Number(version.split(".")[0]);

// PGlite ships WASM and must be loaded by Node, not bundled. The option moved in Next 15.
const externalPackages = ["@electric-sql/pglite", "pg"];

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  ...(nextMajor >= 15
    ? { serverExternalPackages: externalPackages }
    : { experimental: { serverComponentsExternalPackages: externalPackages } }),
};

module.exports = nextConfig;
