/**
 * Loaded by ts-node without a type check (`npm run typecheck` checks this file): type-checking it
 * on every run cost 4 of the 5 seconds Jest took to start.
 * @jest-config-loader-options {"transpileOnly": true, "compilerOptions": {"module": "commonjs", "moduleResolution": "node"}}
 */
import type { Config } from "jest";

// msw 2's CommonJS build require()s these ESM-only packages; Jest on Node 20 needs them transformed.
const esmOnlyPackages = ["until-async", "rettime", "@open-draft/deferred-promise"];

const tsJest: [string, Record<string, unknown>] = [
  "ts-jest",
  {
    // Next rewrites tsconfig to jsx "preserve"; tests need compiled JSX and CommonJS.
    tsconfig: { jsx: "react-jsx", module: "commonjs", moduleResolution: "node", allowJs: true, isolatedModules: true },
    diagnostics: false,
  },
];

const shared: Config = {
  transform: { "^.+\\.m?[tj]sx?$": tsJest },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnlyPackages.join("|")})/)`],
  moduleNameMapper: { "^@/(.*)$": "<rootDir>/$1", "\\.css$": "<rootDir>/__tests__/support/style-stub.ts" },
  // `migration:verify --keep artifacts/v5-app` leaves a second copy of the app there.
  modulePathIgnorePatterns: ["<rootDir>/artifacts/"],
};

const config: Config = {
  // Jest's default is one worker per core but one; on 2 cores that runs every file in series.
  maxWorkers: "100%",
  // One migrated embedded database, archived once and loaded by each test file (__tests__/support/database.ts).
  globalSetup: "<rootDir>/__tests__/support/pglite-template.js",
  projects: [
    {
      ...shared,
      displayName: "server",
      testEnvironment: "node",
      // The proof tooling's own tests sit beside it (tooling/, and a suite's code in matrix/ and bench/).
      testMatch: [
        "<rootDir>/__tests__/{server,db,lib,migration,architecture}/**/*.test.ts",
        "<rootDir>/{tooling,matrix,bench}/__tests__/**/*.test.ts",
      ],
      setupFiles: ["<rootDir>/__tests__/support/server-env.ts"],
    },
    {
      ...shared,
      displayName: "components",
      testEnvironment: "jest-fixed-jsdom",
      testMatch: ["<rootDir>/__tests__/components/**/*.test.tsx"],
      setupFiles: ["<rootDir>/__tests__/support/server-env.ts"],
      setupFilesAfterEnv: ["<rootDir>/__tests__/support/components-setup.ts"],
    },
    {
      ...shared,
      displayName: "codemod",
      testEnvironment: "node",
      testMatch: ["<rootDir>/codemod/**/*.test.ts"],
    },
  ],
};

export default config;
