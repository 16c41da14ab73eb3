import { readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { sourceFiles } from "../import-graph";

const SRC = join(__dirname, "../../../src");
const EXCEL = join(SRC, "core", "excel") + sep;

/** Signs of a hand-written address parser or formula tokenizer. */
const PARSING = [
  { what: "splits a sheet-qualified address at its '!'", pattern: /(?:lastIndexOf|indexOf|split)\(\s*["'`]!["'`]\s*\)/ },
  { what: "matches column letters itself", pattern: /\[A-Z(?:a-z)?\]\{1,3\}/ },
  { what: "unquotes a sheet name itself", pattern: /replace\(\s*\/''\/g/ },
  { what: "tokenizes formulas itself", pattern: /function\s+tokeni[sz]e\b/ },
];

describe("one address parser in src/", () => {
  it("is core/excel: nothing else parses addresses or tokenizes formulas", () => {
    const offenders = sourceFiles(SRC)
      .filter((file) => !file.startsWith(EXCEL))
      .flatMap((file) => {
        const text = readFileSync(file, "utf8");
        return PARSING.filter((p) => p.pattern.test(text)).map((p) => `${relative(SRC, file)} ${p.what}`);
      });
    expect(offenders).toEqual([]);
  });

  it("recognises each sign it looks for", () => {
    const samples = [
      'const bang = address.lastIndexOf("!");',
      "const m = /^\\$?([A-Za-z]{1,3})\\$?(\\d+)/.exec(text);",
      "sheet.slice(1, -1).replace(/''/g, \"'\")",
      "export function tokenize(formula: string) {}",
    ];
    PARSING.forEach((p, i) => expect(p.pattern.test(samples[i]), p.what).toBe(true));
  });
});
