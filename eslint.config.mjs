// ESLint 9 flat config: typescript-eslint's recommended rules everywhere, plus the Office add-in
// rules (load before read, sync after load, ...) on the code that drives Office.js.
import { defineConfig } from "eslint/config";
import officeAddins from "eslint-plugin-office-addins";
import tseslint from "typescript-eslint";

// eslint-plugin-office-addins v4 exports flat configs, but its "recommended" also brings its own
// copy of the TypeScript parser, prettier and eslint:recommended. Only its own rules are taken here,
// at the severities it recommends, so they follow the plugin when it gains or changes a rule.
const officeAddinRules = Object.fromEntries(
  officeAddins.configs.recommended
    .flatMap((config) => Object.entries(config.rules ?? {}))
    .filter(([rule]) => rule.startsWith("office-addins/")),
);
if (Object.keys(officeAddinRules).length === 0) {
  throw new Error("eslint-plugin-office-addins exposes no office-addins/* rules in configs.recommended");
}

export default defineConfig(
  {
    ignores: ["dist/", "lib/", "node_modules/", "coverage/", "test-artifacts/", ".tmp/"],
  },
  tseslint.configs.recommended,
  {
    rules: {
      // A leading underscore marks a binding that is unused on purpose (a callback parameter kept
      // for its position, a property dropped by destructuring).
      "@typescript-eslint/no-unused-vars": [
        "error",
        {
          argsIgnorePattern: "^_",
          varsIgnorePattern: "^_",
          caughtErrorsIgnorePattern: "^_",
          destructuredArrayIgnorePattern: "^_",
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  {
    // Only where Office.js proxy objects live: the pane, the ribbon commands and the Office host.
    // The rules recognise proxies by shape (x.load / x.prop / context.sync), so elsewhere they
    // misfire: ExcelJS cells in hosts/xlsx and the Excel look-alike in hosts/memory read exactly
    // like unloaded proxies, and src/core never touches Office at all.
    files: ["src/taskpane/**/*.{ts,tsx}", "src/commands/**/*.{ts,tsx}", "src/hosts/office/**/*.{ts,tsx}"],
    plugins: { "office-addins": officeAddins },
    rules: officeAddinRules,
  },
  {
    // Node scripts and configs written as CommonJS (bin/, scripts/, webpack.config.js).
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: { sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
