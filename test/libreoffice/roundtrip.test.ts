/**
 * The template's own formulas in a real spreadsheet engine. The 2020 seed's figures go into
 * ZiPing's template three ways, and LibreOffice opens, recalculates and saves them in one run:
 *
 *   reported: every figure typed as the report printed it, totals included (1112.80 where the
 *             parts add up to 1112.79), so the 校验 sheet has the seed's slips to find;
 *   formulas: only the input cells filled, every total left to its formula;
 *   words:    as formulas, with the parts of some tables all —, 无 or a lone space.
 *
 * Then, read back: each total formula equals the core's decimal sum of its parts (blank when no
 * part is filled, as the core has it), each 校验 verdict equals the core's verdict for that rule,
 * and the workbook LibreOffice wrote gives `ziping check` exactly the findings the core finds on
 * the seed's JSON.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { checkReport, templateLocator, type RuleResult } from "../../src/core/check";
import { expandRules, ruleFields } from "../../src/core/spec/rules";
import { Dec, parseAmount } from "../../src/core/money";
import { columnLetters } from "../../src/core/excel/address";
import { buildLayoutPlan, CHECK_COLUMNS, CHECK_FIRST_ROW, CHECK_SHEET_ID, CHECK_SHEET_NAME, CHECKS_NAME, totalFormulas, VERDICT } from "../../src/core/plan";
import { defaultForm, expandFields, isNumericKind, rawText, type RawValue, type ReportData } from "../../src/core/spec";
import { main } from "../../src/cli/main";
import { FORM_MARKER_NAME } from "../../src/core/plan/names";
import { openWorkbook } from "../../src/hosts/xlsx/open";
import { readWorkbook } from "../../src/hosts/xlsx/read";
import { loadWorkbookReport, type WorkbookReport } from "../../src/hosts/xlsx/report";
import { loadSeed } from "../fixtures/load";
import { expectedVerdict } from "../core/plan/plan-workbook";
import { filledWorkbook } from "../hosts/xlsx/seed-workbook";
import { convertWithLibreOffice, libreOfficeGate } from "./soffice";

const { soffice, skip } = libreOfficeGate();

/** Rule id → verdict text, as LibreOffice calculated the 校验 sheet. */
async function verdicts(file: string): Promise<Map<string, string>> {
  const book = await openWorkbook(file, FORM_MARKER_NAME);
  const named = book.package.names.find((n) => n.name === CHECKS_NAME);
  expect(named, `${CHECKS_NAME} survives LibreOffice`).toBeDefined();
  const read = readWorkbook(book, { ranges: [{ key: "checks", address: named!.text, name: CHECKS_NAME }] });
  const rows = read.ranges.get("checks")!.values;
  return new Map(rows.map((r) => [String(r[CHECK_COLUMNS.ruleId - 1]), String(r[CHECK_COLUMNS.verdict - 1])]));
}

function figure(raw: RawValue | undefined): Dec | undefined {
  const text = rawText(raw);
  if (text === null) return undefined;
  const parsed = parseAmount(text);
  if (parsed.kind === "amount") return parsed.value;
  return parsed.kind === "none" ? new Dec(0) : undefined;
}

/** Formula totals whose parts are all blank in the data (and are not typed in themselves). */
function totalsOfBlankParts(data: ReportData): Set<string> {
  const formulas = totalFormulas(defaultForm, data.lists);
  const blank = new Map<string, boolean>();
  const isBlank = (id: string): boolean => {
    if (rawText(data.values[id]) !== null) return false;
    const total = formulas.get(id);
    if (!total) return true;
    if (!blank.has(id)) {
      const rule = total.rule as Extract<RuleResult["rule"], { kind: "equation" }>;
      blank.set(id, rule.terms.every((t) => isBlank(t.field)));
    }
    return blank.get(id)!;
  };
  return new Set([...formulas.keys()].filter((id) => isBlank(id)));
}

/**
 * What each total should show once calculated, as the core has it: the decimal sum of the parts
 * that hold something (无, — count 0), blank when none does (spaces are nothing). A total's parts
 * may be totals themselves (汇总 of units' 合计): they are worked out the same way.
 */
function expectedTotals(data: ReportData): Map<string, Dec | undefined> {
  const formulas = totalFormulas(defaultForm, data.lists);
  const expected = new Map<string, Dec | undefined>();
  const valueOf = (id: string): Dec | undefined => {
    const total = formulas.get(id);
    if (!total) return String(rawText(data.values[id]) ?? "").trim() === "" ? undefined : figure(data.values[id]);
    if (expected.has(id)) return expected.get(id);
    const rule = total.rule as Extract<RuleResult["rule"], { kind: "equation" }>;
    let sum: Dec | undefined;
    for (const t of rule.terms) {
      const part = valueOf(t.field);
      if (part !== undefined) sum = (sum ?? new Dec(0)).plus(part.times(t.sign));
    }
    expected.set(id, sum);
    return sum;
  };
  for (const id of formulas.keys()) valueOf(id);
  return expected;
}

/** Totals whose calculated value differs from expectedTotals: blank where a figure is due, or another figure. */
function wrongTotals(expected: Map<string, Dec | undefined>, read: WorkbookReport): string[] {
  return [...expected]
    .filter(([id, sum]) => (sum === undefined ? rawText(read.data.values[id]) !== null : !figure(read.data.values[id])?.eq(sum)))
    .map(([id, sum]) => `${id}: ${rawText(read.data.values[id])} ≠ ${sum?.toString() ?? "blank"}`);
}

/** Rules whose 校验 verdict differs from the core's on what the workbook holds. */
async function wrongVerdicts(file: string, read: WorkbookReport): Promise<string[]> {
  const sheet = await verdicts(file);
  const core = checkReport(defaultForm, read.data).results;
  expect(sheet.size).toBe(core.length);
  return core.filter((r) => sheet.get(r.rule.id) !== expectedVerdict(r)).map((r) => `${r.rule.id}: ${sheet.get(r.rule.id)} ≠ ${expectedVerdict(r)}`);
}

async function cliCheck(file: string): Promise<{ code: number; json: { findings: unknown[] } }> {
  let out = "";
  const code = await main(["check", file, "--json"], { stdout: (s) => (out += s), stderr: (s) => (out += s) });
  return { code, json: JSON.parse(out) };
}

const NO_FIGURE_WORDS = ["—", "无"];

/**
 * The seed with every input of some tables replaced: by a no-figure word in some, by a lone space
 * in others, table by table in turn. Only tables whose figures no budget rule reads as a 决算: the
 * core reports a 0 决算 against no 预算 as 超支 0.00 (evaluate.ts tests isPositive(), true for 0),
 * where the 校验 sheet rightly says 通过 (see test/core/plan/check-sheet.test.ts).
 */
function withWordsForParts(data: ReportData): ReportData {
  const totals = totalFormulas(defaultForm, data.lists);
  const fields = expandFields(defaultForm, data.lists);
  const actuals = new Set(expandRules(defaultForm, data.lists).flatMap((r) => (r.kind === "budget" ? [r.actual] : [])));
  const tableOf = new Map(fields.map((f) => [f.id, f.table.id]));
  const blocked = new Set([...actuals].map((id) => tableOf.get(id)));
  const tables = [...new Set([...totals.keys()].map((id) => tableOf.get(id)!))].filter((t) => !blocked.has(t));
  const fillers = [...NO_FIGURE_WORDS, " "];
  const values = { ...data.values };
  for (const f of fields) {
    const i = tables.indexOf(f.table.id);
    if (i < 0 || totals.has(f.id) || !isNumericKind(f.kind)) continue;
    values[f.id] = fillers[i % fillers.length];
  }
  return { ...data, values };
}

(skip ? describe.skip : describe)("LibreOffice recalculates ZiPing's template filled with the 2020 seed", () => {
  const seed = loadSeed(2020);
  const dir = mkdtempSync(join(tmpdir(), "ziping-lo-"));
  const converted: Record<"reported" | "formulas" | "words", string> = { reported: "", formulas: "", words: "" };
  const words = withWordsForParts(seed);
  let milliseconds = 0;

  beforeAll(async () => {
    const inputs: string[] = [];
    for (const scenario of ["reported", "formulas", "words"] as const) {
      const { bytes } = await filledWorkbook(scenario === "words" ? words : seed, { keepFormulas: scenario !== "reported" });
      const path = join(dir, `${scenario}.xlsx`);
      writeFileSync(path, bytes);
      inputs.push(path);
    }
    // One soffice start for all the workbooks.
    const result = await convertWithLibreOffice(soffice, inputs, "xlsx", join(dir, "libreoffice"));
    [converted.reported, converted.formulas, converted.words] = result.outputs;
    milliseconds = result.milliseconds;
    console.info(`soffice converted ${inputs.length} workbooks in ${milliseconds} ms`);
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  describe("totals left to their formulas", () => {
    let report: WorkbookReport;
    beforeAll(async () => {
      report = await loadWorkbookReport(converted.formulas);
    });

    it("carries a result for every formula (LibreOffice calculated them all)", () => {
      expect(report.uncalculated).toEqual([]);
    });

    it("gives every total the core's decimal sum of its parts, or a blank when no part is filled", () => {
      const expected = expectedTotals(seed);
      const blanks = [...expected].filter(([, sum]) => sum === undefined).map(([id]) => id);
      expect(expected.size - blanks.length).toBeGreaterThan(20);
      // 汇总·当年结余 over two blank cells, the 功能科目 合计 of an empty list, among others.
      expect(blanks).toEqual(expect.arrayContaining(["expense.all.yearBalance", "funcProject.total.amount"]));
      expect(wrongTotals(expected, report)).toEqual([]);
      // The seed's slip is gone when the total is a formula: 616.99+181.10+108.00+206.70.
      expect(figure(report.data.values["econ.total.actual"])?.toFixed(2)).toBe("1112.79");
    });

    it("shows on the 校验 sheet the verdict the core gives each rule", async () => {
      expect(await wrongVerdicts(converted.formulas, report)).toEqual([]);
    });
  });

  describe("totals left to their formulas over parts of no-figure words (无, —) and of spaces", () => {
    let report: WorkbookReport;
    beforeAll(async () => {
      report = await loadWorkbookReport(converted.words);
    });

    it("adds words up to 0 as the core does and leaves a total of spaces blank", () => {
      const expected = expectedTotals(words);
      expect(wrongTotals(expected, report)).toEqual([]);
      // The case is what it says: totals of words alone (0 here; blank under a COUNT guard) and of spaces alone.
      const formulas = totalFormulas(defaultForm, words.lists);
      const partsOf = (id: string) => (formulas.get(id)!.rule as Extract<RuleResult["rule"], { kind: "equation" }>).terms.map((t) => String(rawText(words.values[t.field]) ?? ""));
      const ofWords = [...formulas.keys()].filter((id) => partsOf(id).every((p) => NO_FIGURE_WORDS.includes(p)));
      const ofSpaces = [...formulas.keys()].filter((id) => partsOf(id).every((p) => p === " "));
      expect(ofWords.length).toBeGreaterThan(3);
      expect(ofSpaces.length).toBeGreaterThan(3);
      for (const id of ofWords) expect(expected.get(id)?.isZero(), id).toBe(true);
      for (const id of ofSpaces) expect(expected.get(id), id).toBeUndefined();
    });

    it("shows on the 校验 sheet the verdict the core gives each rule", async () => {
      expect(await wrongVerdicts(converted.words, report)).toEqual([]);
    });
  });

  describe("every figure as the report printed it", () => {
    it("shows on the 校验 sheet the core's verdict for every rule, the 1112.80 vs 1112.79 尾差 included", async () => {
      const sheet = await verdicts(converted.reported);
      const read = await loadWorkbookReport(converted.reported);
      const core = checkReport(defaultForm, read.data).results;
      expect(sheet.size).toBe(core.length);
      expect(core.filter((r) => sheet.get(r.rule.id) !== expectedVerdict(r)).map((r) => `${r.rule.id}: ${sheet.get(r.rule.id)} ≠ ${expectedVerdict(r)}`)).toEqual([]);
      const tail = core.find((r) => r.status === "tail" && r.finding?.actual === "1112.80");
      expect(tail?.finding?.expected).toBe("1112.79");
      expect(sheet.get(tail!.rule.id)).toBe(VERDICT.tail);
      expect([...sheet.values()].filter((v) => v === VERDICT.fail).length).toBeGreaterThan(0);
      expect([...sheet.values()].filter((v) => v.startsWith(VERDICT.overspend)).length).toBeGreaterThan(0);
    });

    it("keeps the 校验 sheet usable without the add-in: Chinese rule names, a link to each rule's cell, 状态, the autofilter", async () => {
      const plan = buildLayoutPlan(defaultForm, seed.lists);
      const planned = plan.sheets.find((s) => s.id === CHECK_SHEET_ID)!;
      const at = (row: number, column: number) => planned.cells.find((c) => c.row === row && c.column === column);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(converted.reported);
      const ws = wb.getWorksheet(CHECK_SHEET_NAME)!;
      const read = await loadWorkbookReport(converted.reported);
      const core = new Map(checkReport(defaultForm, read.data).results.map((r) => [r.rule.id, r]));
      const locate = templateLocator(defaultForm, seed);
      let rows = 0;
      ws.eachRow((row, r) => {
        if (r < CHECK_FIRST_ROW) return;
        rows++;
        const id = String(row.getCell(CHECK_COLUMNS.ruleId).value);
        const result = core.get(id)!;
        // The name LibreOffice shows is the plan's Chinese name, built from the relation's label.
        // (LibreOffice may store it as rich text, a run per script: .text joins the runs.)
        expect(row.getCell(CHECK_COLUMNS.label).text, id).toBe(at(r, CHECK_COLUMNS.label)?.value);
        expect(row.getCell(CHECK_COLUMNS.label).text).toContain(result.rule.relation.label);
        // The link survives as a HYPERLINK formula to the cell at fault, and LibreOffice shows its address.
        const link = row.getCell(CHECK_COLUMNS.link).value as ExcelJS.CellFormulaValue;
        const [sheetName, cell] = locate(ruleFields(result.rule)[0]).split("!");
        expect(link.formula, id).toBe(`HYPERLINK("#'${sheetName}'!${cell}","${sheetName}!${cell}")`);
        expect(link.result, id).toBe(`${sheetName}!${cell}`);
        const status = String((row.getCell(CHECK_COLUMNS.status).value as ExcelJS.CellFormulaValue).result);
        expect(status.startsWith("1") || status.startsWith("2"), `${id}: ${status}`).toBe(result.status === "fail");
      });
      expect(rows).toBe(core.size);
      // The autofilter over the header and the rule rows survives (only the 校验 sheet has one).
      const zip = await JSZip.loadAsync(readFileSync(converted.reported));
      const sheets = await Promise.all(Object.keys(zip.files).filter((f) => /^xl\/worksheets\/[^/]+\.xml$/.test(f)).map((f) => zip.file(f)!.async("string")));
      const filters = sheets.flatMap((x) => [...x.matchAll(/<autoFilter ref="([^"]+)"/g)].map((m) => m[1]));
      const { autoFilter } = planned;
      expect(filters).toEqual([`${columnLetters(autoFilter!.left)}${autoFilter!.top}:${columnLetters(autoFilter!.right)}${autoFilter!.bottom}`]);
    });

    it("prints the workbook from LibreOffice with no ### (a figure too wide for its column), the 校验 sheet included", async () => {
      // Printed to PDF and read back as text (pdftotext, from poppler-utils, installed by .ci/run).
      const pdf = await convertWithLibreOffice(soffice, [converted.reported], "pdf", join(dir, "pdf"));
      const text = execFileSync("pdftotext", ["-layout", pdf.outputs[0], "-"], { encoding: "utf8" });
      expect(text).toContain("容差");
      expect(text).toContain("1 需更正");
      expect(text.match(/#{3,}/g) ?? []).toEqual([]);
    });

    it("gives `ziping check` on the LibreOffice-written workbook exactly the core's findings on the seed's JSON, totals of wholly blank parts included", async () => {
      const fromJson = checkReport(defaultForm, seed as ReportData);
      const { code, json } = await cliCheck(converted.reported);
      // The seed has totals whose parts are all blank (left to their formulas here, as it prints
      // no figure for them): LibreOffice shows them blank, as the JSON has them, not 0.
      expect(totalsOfBlankParts(seed).size).toBeGreaterThan(0);
      expect(json.findings).toEqual(JSON.parse(JSON.stringify(fromJson.findings)));
      expect(fromJson.findings.length).toBeGreaterThan(10);
      expect(code).toBe(1);
    });
  });
});
