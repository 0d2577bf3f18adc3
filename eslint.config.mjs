import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { FlatCompat } from "@eslint/eslintrc";

const compat = new FlatCompat({ baseDirectory: dirname(fileURLToPath(import.meta.url)) });

const SUITES = ["__tests__", "e2e", "security", "bench", "matrix", "upgrade-fixtures"];
const PROOF = ["scripts", ...SUITES, "tooling"];
const UPGRADE_AND_PROOF = ["migration", "codemod", ...PROOF];
const LAYERS = "ARCHITECTURE.md: imports go from the app, to the upgrade, to the proof";
const PROOF_LAYERS = "ARCHITECTURE.md: scripts/ runs the suites, the suites use tooling/, tooling/ uses the app";
const layer = (who, folders, why = LAYERS) => ({
  regex: `^(@/|(\\.\\./)+)(${folders.join("|")})(/|$)`,
  message: `${who} may not import ${folders.join(", ")} (${why}).`,
});

/** The codemod is a package of its own: from a file `depth` folders inside codemod/, no import leaves it. */
const codemodOnly = (depth) => ({
  regex: `^(@/|(\\.\\./){${depth + 1},})`,
  message: "The codemod is a package of its own: it imports nothing outside codemod/ (ARCHITECTURE.md).",
});

/** Inside the codemod, imports go down (runner/ → transforms/ → lib/): `who` may not import `folders`. */
const codemodLayer = (who, folders) => ({
  regex: `^\\.\\./(${folders.join("|")})(/|$)`,
  message: `codemod/${who}/ may not import ${folders.join(", ")} (ARCHITECTURE.md: runner/ → transforms/ → lib/).`,
});

const config = [
  {
    ignores: [
      "node_modules/**",
      ".next/**",
      ".data/**",
      "next-env.d.ts",
      "coverage/**",
      "artifacts/**",
      "codemod/transforms/__testfixtures__/**",
      "codemod/dist/**",
      "upgrade-fixtures/**",
      "codemod/toolchain-apps/**",
    ],
  },
  ...compat.extends("next/core-web-vitals", "next/typescript"),
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "import/no-duplicates": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", ignoreRestSiblings: true }],
    },
  },
  // The layers of ARCHITECTURE.md: the app imports neither the upgrade nor the proof; the codemod
  // is a package of its own; migration/ imports the codemod but not the proof.
  {
    files: ["lib/**", "pages/**", "components/**", "types/**", "middleware.ts"],
    // The benchmark's twin pages, added to a copy of the app at bench time, import their support.
    ignores: ["pages/bench/**", "pages/api/bench/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [layer("the app", UPGRADE_AND_PROOF)] }] },
  },
  // Inside lib/, imports go one way: api → auth → users → db, http and env (ARCHITECTURE.md, section 1).
  ...[
    ["lib/users/**", ["auth", "api"]],
    ["lib/auth/**", ["api"]],
    ["lib/{db,http}/**", ["auth", "api", "users"]],
    ["lib/env.ts", ["auth", "api", "users", "http", "db"]],
  ].map(([files, above]) => ({
    files: [files],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            layer("the app", UPGRADE_AND_PROOF),
            {
              regex: `^(@/lib/|\\.\\./)(${above.join("|")})(/|$)`,
              message: `${files} may not import lib/${above.join(", lib/")} (ARCHITECTURE.md: inside lib/, imports go one way).`,
            },
          ],
        },
      ],
    },
  })),
  {
    files: ["codemod/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [codemodOnly(1)] }] },
  },
  {
    // The codemod's test helpers sit one folder deeper.
    files: ["codemod/__tests__/support/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [codemodOnly(2)] }] },
  },
  {
    files: ["codemod/lib/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [codemodOnly(1), codemodLayer("lib", ["transforms", "runner"])] }],
    },
  },
  {
    files: ["codemod/transforms/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [codemodOnly(1), codemodLayer("transforms", ["runner"])] }],
    },
  },
  {
    files: ["migration/*.ts", "migration/steps/*/step.ts", "migration/steps/index.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [layer("migration/", PROOF)] }] },
  },
  // Inside the proof: the npm scripts' mains import the suites, each suite imports tooling/ and
  // not another suite, and tooling/ imports none of them.
  ...SUITES.map((suite) => ({
    files: [`${suite}/**`],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [layer(`${suite}/`, ["scripts", ...SUITES.filter((other) => other !== suite)], PROOF_LAYERS)] },
      ],
    },
  })),
  {
    files: ["tooling/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [layer("tooling/", ["scripts", ...SUITES], PROOF_LAYERS)] }],
    },
  },
  {
    // Test helpers named use* (Jest lifecycle, Playwright fixtures' `use`) are not React hooks.
    files: ["__tests__/**", "e2e/**", "migration/**/__tests__/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    // Loads whichever auth route exists for the installed next-auth (pages route on v4, app route on v5).
    files: ["tooling/next-auth-version.ts"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // CommonJS on purpose: Next 13.5 and 14 read only a CommonJS next.config.js; Jest's globalSetup runs untransformed.
    files: ["next.config.js", "__tests__/support/*.js"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
];

export default config;
