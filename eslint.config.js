// ESLint 9 flat config: `npm run lint`. The recommended rules of ESLint and typescript-eslint
// (no type information needed, so it stays fast), with the few choices this codebase made on purpose.
import js from "@eslint/js";
import { defineConfig, globalIgnores } from "eslint/config";
import globals from "globals";
import tseslint from "typescript-eslint";

export default defineConfig(
  globalIgnores(["dist/", "out/", "test-output/", "node_modules/", "coverage/", ".vitest.json"]),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      // Unused imports and variables are errors; parameters are part of a signature (callbacks,
      // webpack's (env, argv)) and a leading "_" marks a value kept on purpose.
      "@typescript-eslint/no-unused-vars": ["error", { args: "none", caughtErrors: "none", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_", ignoreRestSiblings: true }],
      // The .xlsx reader writes small state machines as comma sequences: `if (x) (a = 1), (b = 2);`.
      "@typescript-eslint/no-unused-expressions": "off",
      // XML and HTML escaping must match the control characters XML 1.0 forbids.
      "no-control-regex": "off",
    },
  },
  {
    // Node scripts and configs written in plain JavaScript.
    files: ["**/*.{js,mjs,cjs}"],
    languageOptions: { globals: globals.node },
  },
  {
    // CommonJS on purpose (webpack configs under "type": "module").
    files: ["**/*.cjs"],
    languageOptions: { sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // Custom-function parameters typed `any` become "any" in functions.json (custom-functions-metadata).
    files: ["excel-addin/functions/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    // Tests and benchmarks drive hosts through untyped fakes and mocks.
    files: ["tests/**/*.ts", "bench/**/*.ts", "excel-addin/bench.ts", "apps-script/bench.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": "off" },
  },
);
