/**
 * The 绩效评分 sheet: the form's score table with the scoring table's columns and roll-up
 * annexed. Its formulas, evaluated as Excel evaluates them (core/formula), give what
 * src/core/score gives — on the 2020 seed, with the officer's scores, and on random workbooks
 * with zero, missing, "无" and text inputs.
 */
import { cellInput, inputValue } from "../../../src/core/excel/cell-input";
import { FormulaGrid } from "../../../src/core/formula/grid";
import type { CellResult } from "../../../src/core/formula/values";
import { buildLayoutPlan, type LayoutPlan } from "../../../src/core/plan";
import { NOT_SCORED, PANEL_SCORED, scoringLayout } from "../../../src/core/plan/score-sheet";
import { scoreReport } from "../../../src/core/score";
import { defaultForm, defaultScoringTable, expandFields, type ReportData } from "../../../src/core/spec";
import { loadSeed } from "../../fixtures/load";

const table = defaultScoringTable;
const seed = loadSeed(2020);
const SHEET = "绩效评分";

function evaluated(plan: LayoutPlan, data: ReportData): FormulaGrid {
  const fields = new Map(expandFields(defaultForm, data.lists).map((f) => [f.id, f]));
  const grid = new FormulaGrid();
  for (const sheet of plan.sheets) {
    for (const c of sheet.cells) {
      const field = c.fieldId ? fields.get(c.fieldId) : undefined;
      // A figure typed over a total formula replaces it, as in the workbook.
      if (field && (!c.formula || (data.values[field.id] ?? null) !== null)) {
        const v = inputValue(cellInput(field, data.values[field.id]));
        grid.set(sheet.name, c.row, c.column, { value: v ?? null });
      } else if (c.formula) grid.set(sheet.name, c.row, c.column, { formula: c.formula });
      else grid.set(sheet.name, c.row, c.column, { value: c.value ?? null });
    }
  }
  return grid;
}

/** Row of an indicator on the sheet: the form's score row, or the annexed row under the table. */
function rowOf(plan: LayoutPlan, id: string, name: string): number {
  const sheet = plan.sheets.find((s) => s.name === SHEET)!;
  const own = sheet.cells.find((c) => c.fieldId === `perfScores.${id}.entered`);
  if (own) return own.row;
  return sheet.cells.find((c) => c.column === 1 && typeof c.value === "string" && c.value.includes(`·${name}（`))!.row;
}

const header = (plan: LayoutPlan, label: string) => plan.sheets.find((s) => s.name === SHEET)!.cells.find((c) => c.value === label && c.style === "header")!.column;

/** What a cell shows, as the core words it: a percentage at the indicator's decimals, a score trimmed. */
function asPercent(v: CellResult, decimals: number): string | undefined {
  return typeof v === "number" ? `${(Math.round(v * 10 ** (decimals + 2)) / 10 ** decimals).toFixed(decimals)}%` : undefined;
}
const asScore = (v: CellResult): string | undefined => (typeof v === "number" ? String(Math.round(v * 1e9) / 1e9) : v === "" || v === null ? undefined : String(v));

function expectAgreement(data: ReportData): void {
  const plan = buildLayoutPlan(defaultForm, data.lists, { scoring: scoringLayout(table) });
  const grid = evaluated(plan, data);
  // The core reads what the workbook shows: a total left as its formula is read as its result.
  const shown: Record<string, string | null> = {};
  for (const sheet of plan.sheets) {
    for (const c of sheet.cells) {
      if (!c.fieldId || !c.formula || (data.values[c.fieldId] ?? null) !== null) continue;
      const v = grid.cellValue(sheet.name, c.row, c.column);
      shown[c.fieldId] = typeof v === "number" ? String(Math.round(v * 1e9) / 1e9) : null;
    }
  }
  const report = scoreReport(defaultForm, { ...data, values: { ...data.values, ...shown } }, table);
  const valueCol = header(plan, "计算值");
  const suggestedCol = header(plan, "建议得分");
  for (const r of report.indicators) {
    const spec = table.indicators.find((i) => i.id === r.id)!;
    const row = rowOf(plan, r.id, r.name);
    const value = grid.cellValue(SHEET, row, valueCol);
    const shownInputs = (r.inputs ?? []).map((i) => `${i.field}=${JSON.stringify(data.values[i.field])}`).join(" ");
    expect([r.id, shownInputs, asPercent(value, spec.computed?.decimals ?? 2)]).toEqual([r.id, shownInputs, r.value]);
    const suggested = grid.cellValue(SHEET, row, suggestedCol);
    const expected = r.status === "scored" ? r.suggested : r.status === "reference" ? NOT_SCORED : PANEL_SCORED;
    expect([r.id, asScore(suggested)]).toEqual([r.id, expected]);
  }
  const annex = plan.sheets.find((s) => s.name === SHEET)!;
  const at = (label: string) => annex.cells.find((c) => c.value === label)!.row;
  const ceilingRow = at("综合得分上限（可计算指标扣分后）");
  const suggestedRow = at("建议综合得分（各指标均已自评时）");
  const gradeCol = header(plan, "等次");
  expect(asScore(grid.cellValue(SHEET, ceilingRow, suggestedCol))).toBe(report.rollUp.ceiling);
  expect(asScore(grid.cellValue(SHEET, ceilingRow, gradeCol))).toBe(report.rollUp.ceilingGrade);
  expect(asScore(grid.cellValue(SHEET, suggestedRow, suggestedCol))).toBe(report.rollUp.suggested);
  expect(asScore(grid.cellValue(SHEET, suggestedRow, gradeCol))).toBe(report.rollUp.suggestedGrade);
  // The officer's 综合得分, flagged in words as the core's findings flag it.
  const enteredRow = at("填报的绩效自评综合得分和评价等次");
  const note = grid.cellValue(SHEET, enteredRow, header(plan, "说明"));
  const ids = report.findings.map((f) => f.ruleId);
  if (ids.includes("score.sum")) expect(note).toBe("与各指标自评得分合计不符");
  else if (ids.includes("score.suggested")) expect(note).toBe("高于建议综合得分，请核对评分");
  else if (ids.includes("score.ceiling")) expect(note).toBe("高于按可计算指标得出的上限，请核对评分");
  else expect([report.rollUp.enteredScore, note]).toEqual([report.rollUp.enteredScore, report.rollUp.enteredScore === undefined ? "综合得分未填写" : ""]);
}

const scored = table.indicators.filter((i) => i.points !== "0");
const officer = (except: Record<string, string> = {}) => Object.fromEntries(scored.map((i) => [`perfScores.${i.id}.entered`, except[i.id] ?? i.points]));

describe("绩效评分 sheet laid out from the scoring table", () => {
  it("annexes 分值, 评分标准, 计算值, 建议得分 beside the form's 自评得分, and leaves the table body (what is read) as it was", () => {
    const plain = buildLayoutPlan(defaultForm, seed.lists);
    const plan = buildLayoutPlan(defaultForm, seed.lists, { scoring: scoringLayout(table) });
    const sheet = plan.sheets.find((s) => s.name === SHEET)!;
    const headers = sheet.cells.filter((c) => c.style === "header" && c.row === sheet.cells.find((x) => x.value === "自评得分")!.row).map((c) => c.value);
    expect(headers).toEqual(["评价指标（分值）", "自评得分", "分值", "评分标准", "计算值", "建议得分", "自评与建议之差", "计算公式"]);
    // The same names, and one more for the annexed block (so a re-layout knows it is the template's).
    expect(plan.names.filter((n) => n.name !== "ZP_scoring")).toEqual(plain.names);
    expect(plan.names.find((n) => n.name === "ZP_scoring")?.reference).toMatch(/^绩效评分!\$A\$3:\$H\$\d+$/);
    const fieldCells = (p: LayoutPlan) => p.sheets.flatMap((s) => s.cells.filter((c) => c.fieldId).map((c) => `${s.name}!${c.row},${c.column}=${c.fieldId}`));
    expect(fieldCells(plan)).toEqual(fieldCells(plain));
    // 预算执行率 = 决算 ÷ 预算 as a formula of the workbook's own cells.
    const exec = sheet.cells.find((c) => c.row === rowOf(plan, "executionRate", "预算执行率") && c.column === header(plan, "计算值"))!;
    expect(exec.formula).toMatch(/预算与决算!C\d+.*\/.*预算与决算!B\d+/);
    expect(sheet.conditionalFormats.map((c) => c.ruleId)).toContain("score.indicatorRange[staffControl]");
    expect(sheet.conditionalFormats.every((c) => /^[A-Z]+\d+$/.test(c.range))).toBe(true);
  });

  it("gives the core's values, suggested scores, ceiling and 等次 on the 2020 seed", () => {
    expectAgreement(seed);
  });

  it("gives the core's suggestion once the officer has scored every indicator, and flags the 综合得分 as the core does", () => {
    const scores = officer({ budgetAdjust: "3", keySpending: "4" });
    expectAgreement({ ...seed, values: { ...seed.values, ...scores, "score.score": "99" } });
    expectAgreement({ ...seed, values: { ...seed.values, ...scores, "score.score": "60" } });
    expectAgreement({ ...seed, values: { ...seed.values, ...officer({ staffControl: "9" }) } });
  });

  it("agrees with the core on random inputs: zero and missing bases, 无, text, over and under every threshold", () => {
    let state = 16;
    const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pick = <T,>(xs: T[]): T => xs[Math.floor(random() * xs.length)];
    const inputs = [...new Set(table.indicators.flatMap((i) => {
      const c = i.computed?.computation;
      if (!c) return [];
      const terms = c.kind === "ratio" ? [...c.numerator, ...c.denominator] : [...c.current, ...c.prior];
      return terms.map((t) => (typeof t === "string" ? t : t.ref));
    }))];
    for (let k = 0; k < 60; k++) {
      const values: Record<string, string | null> = {};
      for (const id of inputs) {
        const base = Number(seed.values[id] ?? 40);
        values[id] = pick([null, "0", "无", "待定", String(base), (base * (0.5 + random())).toFixed(2), String(Math.round(base * (0.9 + random() * 0.2)))]);
      }
      const scores = random() < 0.5 ? officer(Object.fromEntries(scored.map((i) => [i.id, String(Math.floor(random() * (Number(i.points) + 2)))]))) : {};
      const score = pick([null, "97", "80", "55.5"]);
      expectAgreement({ ...seed, values: { ...seed.values, ...values, ...scores, "score.score": score } });
    }
  });
});
