/**
 * The 部门决算 workbook's own formulas in a real spreadsheet engine, as roundtrip.test.ts does for
 * the 自评 form: the complete nine-table fixture (with its planted slips) goes into the template
 * twice — every figure typed as printed, and only the inputs with every total left to its formula
 * — and LibreOffice recalculates and saves both. Its 校验 sheet must then give each rule the
 * core's verdict, and `ziping check` on what LibreOffice wrote must find what the core finds.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkReport, type RuleResult } from "../../src/core/check";
import { CHECK_COLUMNS, CHECKS_NAME, VERDICT } from "../../src/core/plan";
import type { ReportData } from "../../src/core/spec";
import { mofBumenJuesuan } from "../../src/core/spec/forms/mof-juesuan";
import { main } from "../../src/cli/main";
import { FORM_MARKER_NAME } from "../../src/core/plan/names";
import { openWorkbook } from "../../src/hosts/xlsx/open";
import { readWorkbook } from "../../src/hosts/xlsx/read";
import { loadWorkbookReport } from "../../src/hosts/xlsx/report";
import { expectedVerdict } from "../core/plan/plan-workbook";
import { filledWorkbook } from "../hosts/xlsx/seed-workbook";
import { convertWithLibreOffice, libreOfficeGate } from "./soffice";

const { soffice, skip } = libreOfficeGate();

const fixture = (): ReportData => JSON.parse(readFileSync(join(__dirname, "../fixtures/juesuan/planted-complete-2024.json"), "utf8"));

/** Rule id → verdict text, as LibreOffice calculated the 校验 sheet. */
async function verdicts(file: string): Promise<Map<string, string>> {
  const book = await openWorkbook(file, FORM_MARKER_NAME);
  const named = book.package.names.find((n) => n.name === CHECKS_NAME);
  expect(named).toBeDefined();
  const read = readWorkbook(book, { ranges: [{ key: "checks", address: named!.text, name: CHECKS_NAME }] });
  return new Map(read.ranges.get("checks")!.values.map((r) => [String(r[CHECK_COLUMNS.ruleId - 1]), String(r[CHECK_COLUMNS.verdict - 1])]));
}

async function wrongVerdicts(file: string): Promise<{ wrong: string[]; core: RuleResult[]; sheet: Map<string, string> }> {
  const sheet = await verdicts(file);
  const read = await loadWorkbookReport(file);
  expect(read.form.id).toBe(mofBumenJuesuan.id);
  const core = checkReport(mofBumenJuesuan, read.data).results;
  expect(sheet.size).toBe(core.length);
  return { wrong: core.filter((r) => sheet.get(r.rule.id) !== expectedVerdict(r)).map((r) => `${r.rule.id}: ${sheet.get(r.rule.id)} ≠ ${expectedVerdict(r)}`), core, sheet };
}

(skip ? describe.skip : describe)("LibreOffice recalculates the 部门决算 workbook", () => {
  const data = fixture();
  const dir = mkdtempSync(join(tmpdir(), "ziping-lo-juesuan-"));
  let reported = "";
  let formulas = "";

  beforeAll(async () => {
    const inputs: string[] = [];
    for (const keepFormulas of [false, true]) {
      const { bytes } = await filledWorkbook(data, { keepFormulas, form: mofBumenJuesuan });
      const path = join(dir, keepFormulas ? "formulas.xlsx" : "reported.xlsx");
      writeFileSync(path, bytes);
      inputs.push(path);
    }
    [reported, formulas] = (await convertWithLibreOffice(soffice, inputs, "xlsx", join(dir, "libreoffice"))).outputs;
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("shows on the 校验 sheet the core's verdict for every rule, planted slips, 尾差 and 超支 included", async () => {
    const { wrong, core, sheet } = await wrongVerdicts(reported);
    expect(wrong).toEqual([]);
    const count = (v: string) => [...sheet.values()].filter((x) => x === v).length;
    // The seven planted sum and same-figure slips, and 30217 above the 三公 公务接待费.
    expect(count(VERDICT.fail)).toBe(8);
    expect(core.filter((r) => r.status === "fail" && r.finding?.severity === "error")).toHaveLength(7);
    expect(count(VERDICT.tail)).toBe(1);
    expect(sheet.get("sangong.overspend[reception]")).toBe(VERDICT.overspend);
    // The hierarchy's rules (类 = Σ款, 合计 = Σ类) are on the sheet as any sum.
    expect(sheet.get("generalSpending.hierarchy[201,total]")).toBe(VERDICT.fail);
    expect(sheet.get("expenseDetail.hierarchy[20103,basic]")).toBe(VERDICT.pass);
  });

  it("with every total left to its formula, the 校验 sheet still agrees with the core on what LibreOffice calculated", async () => {
    const { wrong } = await wrongVerdicts(formulas);
    expect(wrong).toEqual([]);
  });

  it("gives `ziping check` on the LibreOffice-written workbook exactly the core's findings on the fixture's JSON", async () => {
    let out = "";
    const code = await main(["check", reported, "--json"], { stdout: (s) => (out += s), stderr: (s) => (out += s) });
    const fromJson = checkReport(mofBumenJuesuan, data);
    expect(JSON.parse(out).findings).toEqual(JSON.parse(JSON.stringify(fromJson.findings)));
    expect(code).toBe(1);
  });
});

(skip ? describe.skip : describe)("LibreOffice recalculates a real 部门决算 (上海市普陀区规划和自然资源局 2024, nine tables)", () => {
  const data = JSON.parse(readFileSync(join(__dirname, "../fixtures/juesuan/shanghai-putuo-guihuaziyuan-2024.json"), "utf8")) as ReportData;
  const dir = mkdtempSync(join(tmpdir(), "ziping-lo-juesuan-real-"));
  let reported = "";

  beforeAll(async () => {
    const { bytes } = await filledWorkbook(data, { keepFormulas: false, form: mofBumenJuesuan });
    const path = join(dir, "reported.xlsx");
    writeFileSync(path, bytes);
    [reported] = (await convertWithLibreOffice(soffice, [path], "xlsx", join(dir, "libreoffice"))).outputs;
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("shows on the 校验 sheet the core's verdict for every rule: the report's three same-figure slips as fails, its eight 尾差 as such", async () => {
    const { wrong, core, sheet } = await wrongVerdicts(reported);
    expect(wrong).toEqual([]);
    const count = (v: string) => [...sheet.values()].filter((x) => x === v).length;
    expect(count(VERDICT.fail)).toBe(core.filter((r) => r.status === "fail").length);
    expect(count(VERDICT.tail)).toBe(core.filter((r) => r.status === "tail").length);
    expect([count(VERDICT.fail), count(VERDICT.tail)]).toEqual([3, 8]);
  });
});
