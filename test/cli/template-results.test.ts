/**
 * `ziping template --data` writes every formula with its result and fills 报告综述, so the
 * file it just wrote checks without Excel: no "没有计算结果" notice, the same findings as the
 * data file itself, and the paragraphs `narrate` writes in the 报告综述 sheet.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { buildLayoutPlan, NARRATIVE_SHEET_NAME } from "../../src/core/plan";
import { scoringLayout } from "../../src/core/plan/score-sheet";
import { displayWidth } from "../../src/core/plan/widths";
import { FORM_MARKER_NAME } from "../../src/core/plan/names";
import { builtInScoringTable, defaultForm } from "../../src/core/spec";
import { openWorkbook } from "../../src/hosts/xlsx/open";
import { formulaResults } from "../../src/hosts/xlsx/package";
import { loadSeed } from "../fixtures/load";
import { runCli } from "./run-cli";
import { scoredNarrative } from "../../src/cli/scored-narrative";

const SEED = join(__dirname, "..", "fixtures", "seed-2020.json");

interface Finding {
  ruleId: string;
  severity: string;
  message: string;
}
const comparable = (findings: Finding[]): string[] => findings.map((f) => `${f.ruleId} ${f.severity} ${f.message}`).sort();

describe("ziping template --data, then ziping check on the file it wrote", () => {
  const dir = mkdtempSync(join(tmpdir(), "ziping-template-results-"));
  const file = join(dir, "2020.xlsx");
  beforeAll(async () => {
    const written = await runCli(["template", "--data", SEED, "--out", file]);
    expect(written.code, written.stderr).toBe(0);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("stores a result with every formula", async () => {
    const book = await openWorkbook(file, FORM_MARKER_NAME);
    const missing = [...formulaResults(book.package)].flatMap(([sheet, cells]) => [...cells].filter(([, v]) => v === undefined).map(([at]) => `${sheet}!${at}`));
    const formulas = [...formulaResults(book.package).values()].reduce((n, cells) => n + cells.size, 0);
    expect(formulas).toBeGreaterThan(100);
    expect(missing).toEqual([]);
  });

  it("gives no 没有计算结果 notice and the findings of the data file itself", async () => {
    const text = await runCli(["check", file]);
    expect(text.stdout).not.toContain("没有计算结果");
    const fromWorkbook = await runCli(["check", file, "--json"]);
    const fromData = await runCli(["check", "--data", SEED, "--json"]);
    const a = JSON.parse(fromWorkbook.stdout) as { findings: Finding[] };
    const b = JSON.parse(fromData.stdout) as { findings: Finding[] };
    expect(b.findings.length).toBeGreaterThan(5);
    expect(comparable(a.findings)).toEqual(comparable(b.findings));
    expect(fromWorkbook.code).toBe(fromData.code);
  });

  it("fills 报告综述 with each paragraph narrate writes, titled, in order", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.getWorksheet(NARRATIVE_SHEET_NAME)!;
    const cells: string[] = [];
    sheet.getColumn(1).eachCell((cell, row) => {
      if (row >= 4 && typeof cell.value === "string") cells.push(cell.value);
    });
    const written = scoredNarrative(defaultForm, loadSeed(2020)).paragraphs.filter((p) => p.status === "ok");
    expect(written.length).toBeGreaterThan(4);
    const expected = written.flatMap((p) => [p.title, p.text]);
    expect(cells).toEqual(expected);
  });

  it("writes each sheet's page setup from the plan, and rows tall enough for the long text filled in", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const seed = loadSeed(2020);
    const plan = buildLayoutPlan(defaultForm, seed.lists, { scoring: scoringLayout(builtInScoringTable(defaultForm.id)!) });
    for (const layout of plan.sheets) {
      const sheet = workbook.getWorksheet(layout.name)!;
      expect(sheet.pageSetup, layout.name).toMatchObject({ paperSize: 9, orientation: layout.page!.orientation, fitToWidth: 1, fitToHeight: 0 });
      expect(sheet.headerFooter.oddFooter).toBe("&C第 &P 页 共 &N 页");
    }
    const basics = plan.sheets.find((s) => s.cells.some((c) => c.fieldId === "basics.duties"))!;
    const duties = basics.cells.find((c) => c.fieldId === "basics.duties")!;
    const width = basics.columnWidths.find((w) => w.column === duties.column)!.width;
    const text = String(seed.values["basics.duties"]);
    const lines = text.split("\n").reduce((n, line) => n + Math.ceil(displayWidth(line) / (width - 1)), 0);
    expect(lines).toBeGreaterThan(5);
    expect(workbook.getWorksheet(basics.name)!.getRow(duties.row).height).toBeGreaterThanOrEqual(lines * 15);
  });
});

describe("ziping import --apply into a workbook template --data wrote, then ziping check", () => {
  const dir = mkdtempSync(join(tmpdir(), "ziping-import-results-"));
  const book = join(dir, "2020.xlsx");
  const json = join(dir, "2020.json");
  // The 收入 export of test/fixtures/exports/income-yuan.tsv with 1、局机关's 其他收入 raised by
  // 10,000 元 (481,700 → 491,700): its 收入合计 and the 汇总 row no longer add up.
  const exported = join(dir, "收入.tsv");
  beforeAll(async () => {
    writeFileSync(exported, readFileSync(join(__dirname, "..", "fixtures", "exports", "income-yuan.tsv"), "utf8").replace(/(1、局机关[^\n]*)481,700\.00/, "$1491,700.00"));
    expect(readFileSync(exported, "utf8")).toContain("491,700.00");
    expect((await runCli(["template", "--data", SEED, "--out", book])).code).toBe(0);
    copyFileSync(SEED, json);
    for (const into of [book, json]) {
      const applied = await runCli(["import", exported, "--into", into, "--apply"]);
      expect(applied.stderr).toBe("");
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("keeps a result with every formula: no 没有计算结果 notice", async () => {
    const opened = await openWorkbook(book, FORM_MARKER_NAME);
    const missing = [...opened.package.sheetParts.keys()].map((sheet) => [sheet, opened.formulaResults(sheet)] as const).flatMap(([sheet, cells]) => [...cells].filter(([, v]) => v === undefined).map(([at]) => `${sheet}!${at}`));
    expect(missing).toEqual([]);
    expect((await runCli(["check", book])).stdout).not.toContain("没有计算结果");
  });

  it("finds what the same import into the data file finds: the results are the new ones", async () => {
    const a = JSON.parse((await runCli(["check", book, "--json"])).stdout) as { findings: Finding[] };
    const b = JSON.parse((await runCli(["check", "--data", json, "--json"])).stdout) as { findings: Finding[] };
    expect(b.findings.some((f) => f.message.includes("1.00"))).toBe(true);
    expect(comparable(a.findings)).toEqual(comparable(b.findings));
  });
});
