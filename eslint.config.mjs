// ESLint 9 flat config: typescript-eslint's recommended rules everywhere, plus the Office add-in
// rules (load before read, sync after load, ...) on the code that drives Office.js.
import { defineConfig } from "eslint/config";
import officeAddins from "eslint-plugin-office-addins";
import reactHooks from "eslint-plugin-react-hooks";
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

// ── Import zones ─────────────────────────────────────────────────────────────────────────────
// The layering of DESIGN.md, enforced: src/core is pure (it imports decimal.js and itself, no
// Office.js, DOM, fs or React), and a host never imports another host (what two hosts share
// belongs in core, e.g. core/excel). no-restricted-imports sees only the text of a specifier, so
// "leaves src/core" is said per folder depth: a file k folders below a zone's root leaves the
// zone by climbing k + 1 folders ("../../" from src/core/check/compile.ts reaches src/).
const MAX_DEPTH = 4;
const TS = "*.{ts,tsx,mts,cts}";

/** Globs of the files exactly `depth` folders below `root`. */
const filesAt = (root, depth) => [`${root}/${"*/".repeat(depth)}${TS}`];

/** A relative specifier that climbs at least `levels` folders. */
const climbing = (levels) => `^(\\.\\./){${levels}}`;

function restricted(patterns) {
  return { "no-restricted-imports": ["error", { patterns }] };
}

const coreZones = Array.from({ length: MAX_DEPTH + 1 }, (_, depth) => ({
  files: filesAt("src/core", depth),
  rules: restricted([
    { regex: "^(?!\\.|decimal\\.js$)", message: "src/core is pure: it imports only decimal.js and core (no Office.js, DOM, fs, React or other packages)." },
    { regex: climbing(depth + 1), message: "src/core imports only decimal.js and core: this path leaves src/core." },
  ]),
}));

const HOSTS = ["office", "xlsx", "memory"];
const hostZones = HOSTS.flatMap((host) =>
  Array.from({ length: MAX_DEPTH + 1 }, (_, depth) => ({
    files: filesAt(`src/hosts/${host}`, depth),
    rules: restricted([
      // ../memory from src/hosts/office/x.ts, or ../../hosts/memory: another host's folder.
      { regex: `${climbing(depth + 1)}(?!${host}(/|$))[^./]`, message: `Hosts never import each other: src/hosts/${host} may not import another host; put what they share in src/core (e.g. core/excel).` },
      { regex: `${climbing(depth + 2)}hosts/(?!${host}(/|$))`, message: `Hosts never import each other: src/hosts/${host} may not import another host; put what they share in src/core (e.g. core/excel).` },
    ]),
  })),
);

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
  ...coreZones,
  ...hostZones,
  {
    // The rules of hooks (and the React Compiler's checks of the same code) on the React code.
    files: ["src/taskpane/**/*.{ts,tsx}", "src/preview/**/*.{ts,tsx}"],
    ...reactHooks.configs.flat.recommended,
  },
  {
    // Node scripts and configs written as CommonJS (bin/, scripts/, webpack.config.js).
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: { sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
