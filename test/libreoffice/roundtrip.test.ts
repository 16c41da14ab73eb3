/**
 * The template's own formulas in a real spreadsheet engine. The 2020 seed's figures go into
 * ZiPing's template two ways, and LibreOffice opens, recalculates and saves both in one run:
 *
 *   reported: every figure typed as the report printed it, totals included (1112.80 where the
 *             parts add up to 1112.79), so the 校验 sheet has the seed's slips to find;
 *   formulas: only the input cells filled, every total left to its formula.
 *
 * Then, read back: each total formula equals the core's decimal sum of its parts, each 校验
 * verdict equals the core's verdict for that rule, and the workbook LibreOffice wrote gives
 * `ziping check` exactly the findings the core finds on the seed's JSON.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkReport, type Finding, type RuleResult } from "../../src/core/check";
import { Dec, parseAmount } from "../../src/core/money";
import { CHECK_COLUMNS, CHECKS_NAME, totalFormulas, VERDICT } from "../../src/core/plan";
import { defaultForm, rawText, type RawValue, type ReportData } from "../../src/core/spec";
import { main } from "../../src/cli/main";
import { FORM_MARKER_NAME } from "../../src/core/plan/names";
import { openWorkbook } from "../../src/hosts/xlsx/open";
import { readWorkbook } from "../../src/hosts/xlsx/read";
import { loadWorkbookReport, type WorkbookReport } from "../../src/hosts/xlsx/report";
import { loadSeed } from "../fixtures/load";
import { filledWorkbook } from "../hosts/xlsx/seed-workbook";
import { convertWithLibreOffice, libreOfficeGate } from "./soffice";

const { soffice, skip } = libreOfficeGate();

/** The 校验 sheet's verdict the core's result stands for (see src/core/plan/README.md). */
function expectedVerdict(result: RuleResult): string {
  switch (result.status) {
    case "pass":
      return VERDICT.pass;
    case "tail":
      return VERDICT.tail;
    case "fail":
      if (result.finding?.kind === "unbudgeted") return VERDICT.unbudgeted;
      if (result.finding?.kind === "overspend") return VERDICT.overspend;
      return VERDICT.fail;
    case "skipped":
      return result.reason === "未填写" ? VERDICT.blank : VERDICT.unreadable;
  }
}

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

async function cliCheck(file: string): Promise<{ code: number; json: { findings: unknown[] } }> {
  let out = "";
  const code = await main(["check", file, "--json"], { stdout: (s) => (out += s), stderr: (s) => (out += s) });
  return { code, json: JSON.parse(out) };
}

describe.skipIf(skip)("LibreOffice recalculates ZiPing's template filled with the 2020 seed", () => {
  const seed = loadSeed(2020);
  const dir = mkdtempSync(join(tmpdir(), "ziping-lo-"));
  const converted: Record<"reported" | "formulas", string> = { reported: "", formulas: "" };
  let milliseconds = 0;

  beforeAll(async () => {
    const inputs: string[] = [];
    for (const scenario of ["reported", "formulas"] as const) {
      const { bytes } = await filledWorkbook(seed, { keepFormulas: scenario === "formulas" });
      const path = join(dir, `${scenario}.xlsx`);
      writeFileSync(path, bytes);
      inputs.push(path);
    }
    // One soffice start for both workbooks.
    const result = await convertWithLibreOffice(soffice, inputs, "xlsx", join(dir, "libreoffice"));
    [converted.reported, converted.formulas] = result.outputs;
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

    it("gives every total the core's decimal sum of its parts", () => {
      const formulas = totalFormulas(defaultForm, seed.lists);
      const expected = new Map<string, Dec>();
      // A total's parts may be totals themselves (汇总 of units' 合计): sum them the same way.
      const valueOf = (id: string): Dec => {
        const total = formulas.get(id);
        if (!total) return figure(seed.values[id]) ?? new Dec(0);
        const known = expected.get(id);
        if (known) return known;
        const rule = total.rule as Extract<RuleResult["rule"], { kind: "equation" }>;
        const sum = rule.terms.reduce((acc, t) => acc.plus(valueOf(t.field).times(t.sign)), new Dec(0));
        expected.set(id, sum);
        return sum;
      };
      for (const id of formulas.keys()) valueOf(id);
      expect(expected.size).toBeGreaterThan(20);
      const wrong = [...expected].filter(([id, sum]) => !figure(report.data.values[id])?.eq(sum)).map(([id, sum]) => `${id}: ${rawText(report.data.values[id])} ≠ ${sum}`);
      expect(wrong).toEqual([]);
      // The seed's slip is gone when the total is a formula: 616.99+181.10+108.00+206.70.
      expect(figure(report.data.values["econ.total.actual"])?.toFixed(2)).toBe("1112.79");
    });

    it("shows on the 校验 sheet the verdict the core gives each rule", async () => {
      const sheet = await verdicts(converted.formulas);
      const core = checkReport(defaultForm, report.data).results;
      expect(sheet.size).toBe(core.length);
      expect(core.filter((r) => sheet.get(r.rule.id) !== expectedVerdict(r)).map((r) => `${r.rule.id}: ${sheet.get(r.rule.id)} ≠ ${expectedVerdict(r)}`)).toEqual([]);
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

    it("gives `ziping check` on the LibreOffice-written workbook the core's findings on the seed's JSON, apart from totals of wholly blank parts", async () => {
      const fromJson = JSON.parse(JSON.stringify(checkReport(defaultForm, seed as ReportData).findings)) as Finding[];
      const { code, json } = await cliCheck(converted.reported);
      const fromWorkbook = json.findings as Finding[];
      // Known difference, from the template's total formulas (src/core/plan/formulas.ts): a SUM
      // over parts that are all blank shows 0 once a spreadsheet calculates it, where the JSON
      // has no figure at all. Those totals, and the blank notices of their tables, are set apart
      // here (computed from the seed, not listed by hand); the strict comparison is the next test.
      const blankTotals = totalsOfBlankParts(seed);
      expect(blankTotals.size).toBeGreaterThan(0);
      const tables = new Set([...blankTotals].map((id) => id.split(".")[0]));
      const comparable = (f: Finding) => !f.fields.some((id) => blankTotals.has(id)) && !(f.kind === "blank" && tables.has(f.fields[0].split(".")[0]));
      expect(fromWorkbook.filter(comparable)).toEqual(fromJson.filter(comparable));
      expect(fromJson.filter(comparable).length).toBeGreaterThan(10);
      expect(code).toBe(1);
    });

    // Fails while a total over wholly blank parts calculates to 0 (e.g. 汇总·当年结余 = SUM of two
    // blank cells, checked against 收入合计 − 上年结转 − 支出合计; the 功能科目 合计 of an empty
    // list, checked against 基本支出). The fix belongs in the plan's total formulas: blank when no
    // part is filled, e.g. =IF(COUNT(parts)=0,"",SUM(parts)). Remove .fails once it passes.
    it.fails("gives `ziping check` on the LibreOffice-written workbook exactly the core's findings on the seed's JSON", async () => {
      const fromJson = checkReport(defaultForm, seed as ReportData);
      const { json } = await cliCheck(converted.reported);
      expect(json.findings).toEqual(JSON.parse(JSON.stringify(fromJson.findings)));
    });
  });
});
