/**
 * The import zones of eslint.config.mjs hold: a planted import in the wrong place fails lint.
 * The files are linted as text under the paths they would have (ESLint's lintText); nothing is
 * written. ESLint runs in a child Node process: jest's sandbox cannot import the .mjs config.
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";

const ROOT = join(__dirname, "../..");

interface Planted {
  path: string;
  code: string;
}

const CORE_BAD: Planted[] = [
  { path: "src/core/check/planted.ts", code: 'import { readFileSync } from "fs";\nexport const read = readFileSync;\n' },
  { path: "src/core/money/planted.ts", code: 'import { readFileSync } from "node:fs";\nexport const read = readFileSync;\n' },
  { path: "src/core/spec/planted.ts", code: 'import { useState } from "react";\nexport const hook = useState;\n' },
  { path: "src/core/narrative/verify/planted.ts", code: 'import { createMemoryWorkbook } from "../../../hosts/memory";\nexport const make = createMemoryWorkbook;\n' },
  { path: "src/core/plan/planted.ts", code: 'export { createZiPingSession } from "../../hosts/office";\n' },
];
const CORE_GOOD: Planted[] = [
  {
    path: "src/core/check/planted.ts",
    code: 'import Decimal from "decimal.js";\nimport { a1 } from "../excel/address";\nimport type { Rule } from "../spec/rules";\nexport const x: [unknown, unknown, Rule?] = [Decimal, a1];\n',
  },
  { path: "src/core/narrative/verify/planted.ts", code: 'import { readCell } from "../../check";\nexport const r = readCell;\n' },
];
const HOSTS_BAD: Planted[] = [
  { path: "src/hosts/office/planted.ts", code: 'import { parseArea } from "../memory/refs";\nexport const p = parseArea;\n' },
  { path: "src/hosts/office/planted.ts", code: 'import { createMemoryWorkbook } from "../memory";\nexport const m = createMemoryWorkbook;\n' },
  { path: "src/hosts/office/planted.ts", code: 'import { writeAt } from "../xlsx/update";\nexport const w = writeAt;\n' },
  { path: "src/hosts/office/planted.ts", code: 'import { createMemoryWorkbook } from "../../hosts/memory";\nexport const m = createMemoryWorkbook;\n' },
  { path: "src/hosts/xlsx/planted.ts", code: 'import { textInput } from "../office/text";\nexport const t = textInput;\n' },
  { path: "src/hosts/memory/proxy/planted.ts", code: 'import { textInput } from "../../office/text";\nexport const t = textInput;\n' },
];
const HOSTS_GOOD: Planted[] = [
  { path: "src/hosts/office/planted.ts", code: 'import { parseArea } from "../../core/excel/address";\nimport { textInput } from "./text";\nexport const x = [parseArea, textInput];\n' },
];
const CONDITIONAL_HOOK = 'import { useState } from "react";\nexport function Tab({ on }: { on: boolean }) {\n  if (on) useState(0);\n  return null;\n}\n';
const HOOKS_BAD: Planted[] = [
  { path: "src/taskpane/tabs/Planted.tsx", code: CONDITIONAL_HOOK },
  { path: "src/preview/Planted.tsx", code: CONDITIONAL_HOOK },
];

const ALL = [...CORE_BAD, ...CORE_GOOD, ...HOSTS_BAD, ...HOSTS_GOOD, ...HOOKS_BAD];
let results: Map<Planted, string[]>;

beforeAll(() => {
  const input = JSON.stringify(ALL.map((p) => ({ filePath: join(ROOT, p.path), code: p.code })));
  const output = execFileSync(process.execPath, [join(__dirname, "lint-text.mjs")], { cwd: ROOT, input, encoding: "utf8" });
  const lists = JSON.parse(output) as string[][];
  results = new Map(ALL.map((p, i) => [p, lists[i]]));
});

/** The errors lint reports on a planted file, as "rule: message". */
const failures = (planted: Planted) => results.get(planted)!;

const restricted = (messages: string[]) => messages.filter((m) => m.startsWith("no-restricted-imports"));
const shown = (p: Planted) => `${p.path}: ${p.code.split("\n")[0]}`;

describe("src/core imports only decimal.js and core", () => {
  it("fails fs, node:fs, react and the hosts planted in core", () => {
    for (const p of CORE_BAD) expect(restricted(failures(p)), shown(p)).toHaveLength(1);
    expect(failures(CORE_BAD[0])[0]).toContain("src/core is pure");
  });

  it("passes decimal.js and core's own folders", () => {
    for (const p of CORE_GOOD) expect(failures(p), shown(p)).toEqual([]);
  });
});

describe("hosts never import each other", () => {
  it("fails the Office host importing the memory or xlsx host, and any host importing another", () => {
    for (const p of HOSTS_BAD) expect(restricted(failures(p)), shown(p)).toHaveLength(1);
  });

  it("lets a host import core and its own files", () => {
    for (const p of HOSTS_GOOD) expect(failures(p), shown(p)).toEqual([]);
  });
});

describe("react-hooks on the pane and the preview", () => {
  it("fails a hook called conditionally", () => {
    for (const p of HOOKS_BAD) expect(failures(p).some((m) => m.startsWith("react-hooks/rules-of-hooks")), p.path).toBe(true);
  });
});
