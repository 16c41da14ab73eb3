import { checkReport } from "../../../src/core/check";
import { expandRules } from "../../../src/core/spec/rules";
import { Dec } from "../../../src/core/money";
import { CHECK_COLUMNS, CHECK_FIRST_ROW, CHECK_SHEET_NAME, CHECK_SUMMARY, CHECK_SUMMARY_TOP } from "../../../src/core/plan/check-sheet";
import { buildLayoutPlan, totalFormulas } from "../../../src/core/plan/layout";
import type { LayoutPlan } from "../../../src/core/plan/layout-types";
import { valuesFromRead } from "../../../src/core/plan/read-plan";
import { defaultForm as form } from "../../../src/core/spec";
import type { ReportData } from "../../../src/core/spec/data";
import { expandFields, isNumericKind } from "../../../src/core/spec/instances";
import { parse } from "./formula-engine";
import type { Workbook } from "./formula-engine";
import { expectedVerdict, loadSeed, readWorkbook, workbookFromPlan } from "./plan-workbook";

const seeds = { 2020: loadSeed(2020), 2025: loadSeed(2025) };

function checkRows(plan: LayoutPlan): Map<number, string> {
  const sheet = plan.sheets.find((s) => s.id === "checks")!;
  return new Map(sheet.cells.filter((c) => c.column === CHECK_COLUMNS.ruleId && typeof c.value === "string" && c.row >= CHECK_FIRST_ROW).map((c) => [c.row, c.value as string]));
}

/** Rule id → the verdict its 校验 row computes. */
function sheetVerdicts(plan: LayoutPlan, wb: Workbook): Map<string, string> {
  const out = new Map<string, string>();
  for (const [row, id] of checkRows(plan)) out.set(id, String(wb.value(CHECK_SHEET_NAME, row, CHECK_COLUMNS.verdict)));
  return out;
}

function coreVerdicts(data: ReportData): Map<string, string> {
  return new Map(checkReport(form, data).results.map((r) => [r.rule.id, expectedVerdict(r)]));
}

function compare(data: ReportData, plan = buildLayoutPlan(form, data.lists)): { sheet: Map<string, string>; core: Map<string, string>; wb: Workbook; plan: LayoutPlan } {
  const wb = workbookFromPlan(form, plan, data);
  return { sheet: sheetVerdicts(plan, wb), core: coreVerdicts(data), wb, plan };
}

function withValue(data: ReportData, id: string, value: string | null): ReportData {
  const values = { ...data.values };
  if (value === null) delete values[id];
  else values[id] = value;
  return { ...data, values };
}

describe("the 校验 sheet's formulas give the core's verdicts", () => {
  for (const year of [2020, 2025] as const) {
    it(`for the ${year} seed, rule by rule`, () => {
      const { sheet, core } = compare(seeds[year]);
      expect(sheet.size).toBe(core.size);
      expect(Object.fromEntries(sheet)).toEqual(Object.fromEntries(core));
    });
  }

  it("the 2020 seed's known slips show on the sheet (not all 通过)", () => {
    const { sheet } = compare(seeds[2020]);
    const verdicts = [...sheet.values()];
    expect(verdicts).toContain("不通过");
    expect(verdicts.some((v) => v.startsWith("超支"))).toBe(true);
    expect(verdicts).toContain("通过");
  });

  it("for every single-field ±0.01 change of the 2020 seed (and ±1 on counts, 0.01 into blanks)", () => {
    const seed = seeds[2020];
    const plan = buildLayoutPlan(form, seed.lists);
    const { wb } = compare(seed, plan);
    const rows = checkRows(plan);
    const cellOfField = new Map(plan.sheets.flatMap((s) => s.cells.filter((c) => c.fieldId).map((c) => [c.fieldId!, { sheet: s.name, row: c.row, column: c.column }] as const)));
    let variants = 0;
    const mismatches: string[] = [];
    for (const field of expandFields(form, seed.lists)) {
      if (!isNumericKind(field.kind)) continue;
      const raw = seed.values[field.id];
      const texts: string[] =
        typeof raw === "string" && raw.trim() !== "" && !/[^\d.+-]/.test(raw)
          ? [new Dec(raw).plus("0.01").toString(), new Dec(raw).minus("0.01").toString(), ...(field.kind === "count" ? [new Dec(raw).plus(1).toString(), new Dec(raw).minus(1).toString()] : [])]
          : raw === undefined
            ? ["0.01", "-0.01"]
            : [];
      const at = cellOfField.get(field.id)!;
      const before = wb.content(at.sheet, at.row, at.column)!;
      for (const text of texts) {
        variants++;
        wb.set(at.sheet, at.row, at.column, { value: Number(text) });
        const core = coreVerdicts(withValue(seed, field.id, text));
        for (const [row, id] of rows) {
          const got = String(wb.value(CHECK_SHEET_NAME, row, CHECK_COLUMNS.verdict));
          if (got !== core.get(id)) mismatches.push(`${field.id}=${text}: ${id} sheet ${got} core ${core.get(id)}`);
        }
      }
      wb.set(at.sheet, at.row, at.column, before);
    }
    expect(variants).toBeGreaterThan(250);
    expect(mismatches).toEqual([]);
  });

  const edits: Array<[string, string, string]> = [
    ["a no-figure word in a part counts as 0", "income.unit[2].fund", "无"],
    ["a dash in a part", "income.unit[2].other", "—"],
    ["text in a total", "income.all.total", "见附表"],
    ["text in a part", "expense.unit[1].project", "约330"],
    ["a lone space is blank", "sangong.total.prior", " "],
    ["a total left blank", "sangong.total.current", ""],
    ["a fractional headcount", "staff.authorizedAdmin", "25.5"],
    ["a 元 figure (more decimals: exact)", "income.unit[1].carryover", "241.4913"],
    ["an exact figure that breaks a sum", "income.all.carryover", "264.051"],
    ["a budget left blank with an actual", "econ.goods.budget", ""],
    ["a zero budget with an actual", "econ.households.budget", "0"],
    ["a budget written as 无", "econ.salary.budget", "无"],
    ["an actual within budget", "budgetExec.basic.actual", "500"],
    ["a score over 100", "score.score", "101"],
    ["a score for another grade", "score.score", "85"],
    ["a score on a band's edge", "score.score", "90"],
    ["a grade that is no grade", "score.grade", "很好"],
    ["a grade with spaces around it", "score.grade", " 优秀 "],
    ["a grade left blank", "score.grade", ""],
    ["a 尾差 of one cent over five parts", "income.all.total", "1299.78"],
    ["beyond the 尾差 band", "income.all.total", "1299.80"],
    ["a negative part", "income.unit[2].fund", "-0.01"],
  ];
  for (const [what, id, value] of edits) {
    it(`agrees on ${what} (${id} = "${value}")`, () => {
      const data = withValue(seeds[2020], id, value === "" ? null : value);
      const plan = buildLayoutPlan(form, data.lists);
      const wb = workbookFromPlan(form, plan, data);
      // A value typed as text stays text in the cell, as "见附表" does in Excel.
      const { sheet, core } = { sheet: sheetVerdicts(plan, wb), core: coreVerdicts(data) };
      expect(Object.fromEntries(sheet)).toEqual(Object.fromEntries(core));
    });
  }

  it("numeric text is the one known difference: the sheet cannot add it and says 无法校验", () => {
    const data = withValue(seeds[2020], "income.unit[2].carryover", "22.56");
    const plan = buildLayoutPlan(form, data.lists);
    const wb = workbookFromPlan(form, plan, data, {});
    // Store the figure as text, as a paste from a web page does.
    const cell = plan.sheets.flatMap((s) => s.cells.map((c) => ({ s, c }))).find(({ c }) => c.fieldId === "income.unit[2].carryover")!;
    wb.set(cell.s.name, cell.c.row, cell.c.column, { value: "22.56" });
    const sheet = sheetVerdicts(plan, wb);
    expect(coreVerdicts(data).get("income.rowTotal[unit[2]]")).toBe("通过");
    expect(sheet.get("income.rowTotal[unit[2]]")).toBe("无法校验");
  });

  it("with the totals left as formulas, the sheet agrees with the core run on what the workbook holds", () => {
    for (const seed of [seeds[2020], seeds[2025]]) {
      const plan = buildLayoutPlan(form, seed.lists);
      const wb = workbookFromPlan(form, plan, seed, { keepFormulas: true });
      const read = valuesFromRead(form, seed.lists, readWorkbook(form, seed.lists, wb));
      const sheet = sheetVerdicts(plan, wb);
      expect(Object.fromEntries(sheet)).toEqual(Object.fromEntries(coreVerdicts(read)));
    }
  });

  describe('totals left as formulas over parts that hold nothing show "", which the sheet reads as 未填, as the core reads a blank', () => {
    const seed = seeds[2020];
    const plan = buildLayoutPlan(form, seed.lists);
    const totals = totalFormulas(form, seed.lists);
    const fields = expandFields(form, seed.lists);
    const tableOf = new Map(fields.map((f) => [f.id, f.table.id]));
    const tables = [...new Set([...totals.keys()].map((id) => tableOf.get(id)!))];
    /** The seed with every input (not a total) of some tables cleared, or set to a word. */
    const emptied = (ids: Set<string>, word: string | null): ReportData => {
      const values = { ...seed.values };
      for (const f of fields) {
        if (!ids.has(f.table.id) || totals.has(f.id) || !isNumericKind(f.kind)) continue;
        if (word === null) delete values[f.id];
        else values[f.id] = word;
      }
      return { ...seed, values };
    };
    const cases: Array<[string, Set<string>, string | null]> = [
      ...tables.map((t): [string, Set<string>, string | null] => [`every part of ${t} blank`, new Set([t]), null]),
      ...tables.map((t): [string, Set<string>, string | null] => [`every part of ${t} "—"`, new Set([t]), "—"]),
      ["every part of every table blank", new Set(tables), null],
      ["every part of every table a lone space", new Set(tables), " "],
    ];

    it("there are tables with totals to empty", () => {
      expect(tables.length).toBeGreaterThan(5);
    });

    /**
     * Budget rules whose 决算 reads 0 here (a no-figure word) against a 预算 that is 0 too: no
     * overspend on the sheet (`>0`) nor in the core (which once took decimal.js's "+0 is
     * positive" for an overspend; these cases caught it).
     */
    const zeroAgainstZero = (ids: Set<string>, word: string | null): Set<string> =>
      new Set(word === "—" ? expandRules(form, seed.lists).filter((r) => r.kind === "budget" && ids.has(tableOf.get(r.actual)!) && ids.has(tableOf.get(r.budget)!)).map((r) => r.id) : []);

    for (const [what, ids, word] of cases) {
      it(`${what}: the sheet's verdicts equal the core's on what the workbook holds`, () => {
        const data = emptied(ids, word);
        const wb = workbookFromPlan(form, plan, data, { keepFormulas: true });
        const read = valuesFromRead(form, seed.lists, readWorkbook(form, seed.lists, wb));
        const sheet = sheetVerdicts(plan, wb);
        const core = coreVerdicts(read);
        expect(sheet.size).toBe(core.size);
        expect(Object.fromEntries(sheet)).toEqual(Object.fromEntries(core));
        for (const id of zeroAgainstZero(ids, word)) expect(sheet.get(id), id).toBe("通过");
        // The case is what it says: totals of these tables show "" when their parts hold nothing,
        // and a figure (or the word a one-cell total copies) when they hold words.
        const shown = plan.sheets.flatMap((s) => s.cells.filter((c) => c.fieldId && totals.has(c.fieldId) && ids.has(tableOf.get(c.fieldId)!)).map((c) => wb.value(s.name, c.row, c.column)));
        expect(shown.length).toBeGreaterThan(0);
        if (word === "—") expect(shown.every((v) => typeof v === "number" || v === "—")).toBe(true);
        else expect(shown.every((v) => v === "")).toBe(true);
        // Their own rules say 未填 on the sheet (and so in the core), not 无法校验.
        if (word !== "—") for (const id of [...totals.keys()].filter((t) => ids.has(tableOf.get(t)!))) expect(sheet.get(totals.get(id)!.rule.id), id).toBe("未填");
      });
    }

    const affected = cases.filter(([, ids, word]) => zeroAgainstZero(ids, word).size > 0);
    it("some cases put a 0 决算 against a 0 预算", () => {
      expect(affected.length).toBeGreaterThan(0);
    });
  });

  it("the summary counts the verdicts", () => {
    const { wb, plan, sheet } = compare(seeds[2020]);
    const verdicts = [...sheet.values()];
    expect(verdicts.filter((v) => v.startsWith("超支")).length).toBeGreaterThan(0);
    CHECK_SUMMARY.forEach((s, i) => {
      const expected = verdicts.filter((v) => s.verdicts.includes(v)).length;
      expect(wb.value(CHECK_SHEET_NAME, CHECK_SUMMARY_TOP + i, CHECK_COLUMNS.label)).toBe(expected);
    });
    expect(plan.names.find((n) => n.name === "ZP_checks_summary")?.reference).toBe(`校验!$B$${CHECK_SUMMARY_TOP}:$C$${CHECK_SUMMARY_TOP + CHECK_SUMMARY.length - 1}`);
  });

  it("差额 shows the core's difference on failures and nothing on passes", () => {
    const data = seeds[2020];
    const plan = buildLayoutPlan(form, data.lists);
    const wb = workbookFromPlan(form, plan, data);
    const results = new Map(checkReport(form, data).results.map((r) => [r.rule.id, r]));
    for (const [row, id] of checkRows(plan)) {
      const shown = wb.value(CHECK_SHEET_NAME, row, CHECK_COLUMNS.shownDifference);
      const r = results.get(id)!;
      if (r.finding?.difference !== undefined && r.rule.kind !== "range" && r.rule.kind !== "grade") {
        expect(typeof shown).toBe("number");
        expect(new Dec(String(shown)).toFixed(2)).toBe(new Dec(r.finding.difference).toFixed(2));
      } else if (r.status === "pass" || r.status === "skipped") expect(shown === "" || shown === null).toBe(true);
    }
  });

  it("colours the cell at fault in place, with the severity of the finding", () => {
    const data = seeds[2020];
    const plan = buildLayoutPlan(form, data.lists);
    const wb = workbookFromPlan(form, plan, data);
    const results = new Map(checkReport(form, data).results.map((r) => [r.rule.id, r]));
    const coloured = new Map<string, string[]>();
    let formats = 0;
    for (const sheet of plan.sheets) {
      for (const cf of sheet.conditionalFormats) {
        formats++;
        const on = wb.evaluateFormula(cf.formula, sheet.name);
        if (on === true) coloured.set(cf.ruleId, [...(coloured.get(cf.ruleId) ?? []), `${sheet.name}!${cf.range}:${cf.severity}`]);
      }
    }
    expect(formats).toBeGreaterThanOrEqual(results.size);
    for (const [id, r] of results) {
      const f = r.finding;
      if (!f) {
        expect(coloured.get(id)).toBeUndefined();
        continue;
      }
      expect(coloured.get(id)).toEqual([`${f.cell}:${f.severity}`]);
    }
  });

  it("every formula parses, uses no bare float equality, and stays within Excel's length limit", () => {
    const plan = buildLayoutPlan(form, seeds[2020].lists);
    const sheet = plan.sheets.find((s) => s.id === "checks")!;
    for (const c of sheet.cells.filter((x) => x.formula)) {
      expect(() => parse(c.formula!)).not.toThrow();
      expect(c.formula!.length).toBeLessThan(8192);
      // Every "=" comparison of figures is between ROUNDed values, a count, or a word.
      const body = c.formula!.slice(1).replace(/"[^"]*"/g, '""');
      for (const m of body.matchAll(/([A-Z]+\d+|\))\s*=\s*(\S)/g)) expect(m[0]).toMatch(/\)=|[A-Z]+\d+=(0|"|\()/);
    }
  });

  it("scales to 200 units with formulas of bounded length (ranges, not cell lists)", () => {
    const units = Array.from({ length: 200 }, (_, i) => ({ name: `单位${i + 1}` }));
    const plan = buildLayoutPlan(form, { units });
    const longest = Math.max(...plan.sheets.flatMap((s) => s.cells.map((c) => c.formula?.length ?? 0)));
    expect(longest).toBeLessThan(2000);
  });
});
