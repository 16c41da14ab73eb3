/**
 * The 报告正文 editor's and 导入上年工作簿's own dictionary (src/taskpane/i18n-report.ts, loaded
 * with their chunks): the same rules as the pane's (test/taskpane/i18n.test.ts) — every key in
 * both languages with the same placeholders, Chinese first, every key used and none missing.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DICTIONARY, fill } from "../../src/taskpane/i18n";
import { REPORT_DICTIONARY } from "../../src/taskpane/i18n-report";

const USERS = ["components/ReportTextBody.tsx", "tabs/import/PriorImport.tsx"].map((f) => join(__dirname, "../../src/taskpane", f));

describe("the report editor's dictionary", () => {
  const zh = REPORT_DICTIONARY.zh as Record<string, string>;
  const en = REPORT_DICTIONARY.en as Record<string, string>;

  it("has every key in both languages, none empty, with the same placeholders, Chinese first", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(zh)) {
      expect(zh[key].trim(), key).not.toBe("");
      expect(en[key].trim(), key).not.toBe("");
      expect(holes(en[key]), key).toEqual(holes(zh[key]));
      expect(zh[key], key).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it("holds every key its components use, none they do not, and none the pane's dictionary already has", () => {
    const used = new Set(USERS.flatMap((f) => [...readFileSync(f, "utf8").matchAll(/\btr\.([A-Za-z_]\w*)/g)].map((m) => m[1])));
    expect([...used].filter((k) => !(k in zh))).toEqual([]);
    expect(Object.keys(zh).filter((k) => !used.has(k))).toEqual([]);
    expect(Object.keys(zh).filter((k) => k in DICTIONARY.zh)).toEqual([]);
  });

  it("words English counts by their number", () => {
    const ones = { count: 1, drafts: 1 };
    for (const [key, text] of Object.entries(en)) expect(fill(text, ones), key).not.toMatch(/\b1 (cells|fields|changes|paragraphs)\b/);
    expect(fill(en.priorApplied, { count: 2, drafts: 1 })).toContain("2 cells; 1 paragraph is marked");
  });
});
