import { withTranspiledNextAuth } from "../transforms/next-config";

/** next-auth 5 must be transpiled in a Pages Router app: the codemod adds it to the config object it can find. */
describe("adding next-auth to transpilePackages", () => {
  it.each([
    [
      "a CommonJS object",
      "next.config.js",
      "module.exports = { reactStrictMode: true };\n",
      'module.exports = { reactStrictMode: true, transpilePackages: ["next-auth"] };\n',
    ],
    [
      "an existing list",
      "next.config.mjs",
      "const config = {\n  transpilePackages: ['@acme/ui'],\n};\nexport default config;\n",
      "const config = {\n  transpilePackages: ['@acme/ui', 'next-auth'],\n};\nexport default config;\n",
    ],
    [
      "a multi-line object behind a plugin wrapper, without a trailing comma",
      "next.config.js",
      "const withBundleAnalyzer = require('x')()\nconst nextConfig = {\n  reactStrictMode: true\n}\nmodule.exports = withBundleAnalyzer(nextConfig)\n",
      "const withBundleAnalyzer = require('x')()\nconst nextConfig = {\n  reactStrictMode: true,\n  // next-auth 5 imports \"next/server\" without an extension, which Node cannot resolve unbundled.\n  transpilePackages: ['next-auth']\n}\nmodule.exports = withBundleAnalyzer(nextConfig)\n",
    ],
    [
      "a typed TypeScript config",
      "next.config.ts",
      'import type { NextConfig } from "next";\n\nconst config: NextConfig = {\n  output: "standalone",\n};\n\nexport default config;\n',
      'import type { NextConfig } from "next";\n\nconst config: NextConfig = {\n  output: "standalone",\n  // next-auth 5 imports "next/server" without an extension, which Node cannot resolve unbundled.\n  transpilePackages: ["next-auth"],\n};\n\nexport default config;\n',
    ],
  ])("writes it into %s", (_, file, before, after) => {
    expect(withTranspiledNextAuth(file, before)).toBe(after);
  });

  it("leaves a config that already transpiles next-auth as it is", () => {
    const source = 'module.exports = { transpilePackages: ["next-auth"] };\n';
    expect(withTranspiledNextAuth("next.config.js", source)).toBe(source);
  });

  it.each([
    ["a function config", "module.exports = (phase) => ({ reactStrictMode: true });\n"],
    [
      "a spread that may carry its own list",
      "const base = require('./base');\nmodule.exports = { ...base, reactStrictMode: true };\n",
    ],
    ["a computed list", "const pkgs = ['a'];\nmodule.exports = { transpilePackages: pkgs };\n"],
    ["a file that does not parse", "module.exports = {\n"],
  ])("leaves %s to a person (a to-do)", (_, source) => {
    expect(withTranspiledNextAuth("next.config.js", source)).toBeUndefined();
  });
});
