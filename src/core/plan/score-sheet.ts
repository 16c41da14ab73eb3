import { Dec } from "../money";
import type { FieldDef } from "../spec/instances";
import type { TablePlacement } from "../spec/placement";
import type { IndicatorSpec, ScoreTerm, ScoringRule, ScoringTable } from "../spec/score-types";
import type { GradeBand } from "../spec/types";
import { a1 } from "../excel/address";
import { CheckFormulas, COMPARE_PLACES, ruleParts } from "./check-formulas";
import type { Locator } from "./formulas";
import type { Merge, PlannedCell, PlannedConditionalFormat } from "./layout-types";
import type { WidthTracker } from "./widths";

/**
 * The 绩效评分 sheet. The form owns where the officer types (its `enteredScores` table: one row
 * per indicator with points, a 自评得分 column, a 合计 row); the scoring table owns everything
 * else. So the sheet is the form's table with columns annexed to its right and rows below it,
 * taken from the scoring table when the layout is given one:
 *
 *   A 评价指标 · B 自评得分 (the form's) · C 分值 · D 评分标准 · E 计算值 · F 建议得分 ·
 *   G 自评与建议之差 · H 计算公式
 *
 * then the reference indicators (分值 0), then the roll-up: the 综合得分 the computed indicators
 * leave, the suggested 综合得分 once every indicator is scored, their 等次, and the officer's own
 * 综合得分 and 等次 with what differs. Because nothing is added inside the table's body, the read
 * plan, the placement and every check are the same with or without a scoring table; a workbook
 * laid out without one (a JSON form, a pane that has not loaded the table) is still read alike.
 *
 * Every formula gives what src/core/score gives (tested cell by cell, and recalculated by
 * LibreOffice): a value is the ratio rounded half up at the shown decimals of its percentage,
 * blank while an input is empty or is text other than a no-figure word, or the base is 0 or
 * negative; a rule's steps are counted on ROUND(…, 9) so binary noise never loses a step.
 */
export const SCORE_ANNEX_HEADERS = ["分值", "评分标准", "计算值", "建议得分", "自评与建议之差", "计算公式"] as const;
/** Text a suggestion cell shows when ZiPing gives no score. */
export const PANEL_SCORED = "评价组评分";
export const NOT_SCORED = "不计分";

const r9 = (x: string): string => `ROUND(${x},${COMPARE_PLACES})`;
const quote = (s: string): string => `"${s.replace(/"/g, '""')}"`;

/** A threshold or score as the formula writes it: "100%" → 1, "0.5" → 0.5. */
function constant(text: string): string {
  const t = text.trim();
  const value = t.endsWith("%") ? new Dec(t.slice(0, -1)).div(100) : new Dec(t);
  return value.toString();
}

export interface ScoreAnnex {
  cells: PlannedCell[];
  merges: Merge[];
  conditionalFormats: PlannedConditionalFormat[];
  /** The roll-up's cells (local A1), for tests and hosts that show them. */
  rollUp: { ceiling: string; ceilingGrade: string; suggested: string; suggestedGrade: string; entered?: string };
}

/** A scoring table with the code that lays it out, for LayoutOptions.scoring. */
export interface ScoringLayout {
  table: ScoringTable;
  annex: typeof annexScoring;
}

export function scoringLayout(table: ScoringTable): ScoringLayout {
  return { table, annex: annexScoring };
}

interface Columns {
  entered: number;
  points: number;
  standard: number;
  value: number;
  suggested: number;
  difference: number;
  formula: number;
}

/** Σ sign·term and "every term filled" over the terms' cells. */
function termsExpression(terms: ScoreTerm[], f: CheckFormulas, fields: Map<string, FieldDef>, locate: Locator) {
  const refOf = (t: ScoreTerm) => (typeof t === "string" ? { ref: t, sign: 1 } : t);
  const plus = ruleParts(terms.map(refOf).filter((t) => t.sign === 1).map((t) => t.ref), fields, locate);
  const minus = ruleParts(terms.map(refOf).filter((t) => t.sign === -1).map((t) => t.ref), fields, locate);
  return {
    sum: `(${f.sum(plus)}${minus.length ? `-${f.sum(minus)}` : ""})`,
    // Every term a number or a no-figure word, and no non-whole headcount (the core's "not a number").
    filled: `(${f.filled([...plus, ...minus])})=${terms.length},(${f.invalid([...plus, ...minus])})=0`,
  };
}

/** The indicator's value as a ratio, or "" when the core says it has none. */
function valueFormula(spec: IndicatorSpec, f: CheckFormulas, fields: Map<string, FieldDef>, locate: Locator): string | undefined {
  const computed = spec.computed;
  if (!computed) return undefined;
  const c = computed.computation;
  const [top, base] =
    c.kind === "ratio"
      ? [termsExpression(c.numerator, f, fields, locate), termsExpression(c.denominator, f, fields, locate)]
      : [termsExpression(c.current, f, fields, locate), termsExpression(c.prior, f, fields, locate)];
  const numerator = c.kind === "ratio" ? top.sum : `(${top.sum}-${base.sum})`;
  return `=IF(AND(${top.filled},${base.filled}),IF(${r9(base.sum)}>0,ROUND(${numerator}/${base.sum},${computed.decimals + 2}),""),"")`;
}

/** The rule applied to the value in cell `v` out of `points`, as applyRule (src/core/score/rule.ts). */
export function ruleFormula(rule: ScoringRule, v: string, points: string): string {
  switch (rule.kind) {
    case "ceiling":
    case "floor": {
      const bound = constant(rule.kind === "ceiling" ? rule.limit : rule.target);
      const gap = rule.kind === "ceiling" ? `${v}-${bound}` : `${bound}-${v}`;
      const exact = r9(`(${gap})/${constant(rule.step)}`);
      const steps = rule.count === "whole" ? `INT(${exact})` : exact;
      return `IF(${r9(gap)}<=0,${points},MAX(0,${points}-${constant(rule.per)}*${steps}))`;
    }
    case "bands":
      return rule.bands.reduceRight((otherwise, band) => {
        if (band.bound === undefined) return constant(band.points);
        const test = rule.compare === "upTo" ? `${r9(`${v}-${constant(band.bound)}`)}<=0` : `${r9(`${v}-${constant(band.bound)}`)}>=0`;
        return `IF(${test},${constant(band.points)},${otherwise})`;
      }, "0");
  }
}

/** The 等次 a score in cell `x` falls in, "" below every band (as gradeFor). */
function gradeFormula(x: string, bands: GradeBand[]): string {
  const sorted = [...bands].sort((p, q) => new Dec(q.min).comparedTo(new Dec(p.min)));
  return `IF(ISNUMBER(${x}),${sorted.reduceRight((otherwise, b) => `IF(${r9(`${x}-(${b.min})`)}>=0,${quote(b.grade)},${otherwise})`, '""')},"")`;
}

/**
 * Cells, merges and highlights that make the scoring table's sheet of `p` (the form's
 * `enteredScores` table) from `table`. `widths` is the sheet's tracker.
 */
export function annexScoring(
  p: TablePlacement,
  table: ScoringTable,
  fields: Map<string, FieldDef>,
  locate: Locator,
  widths: WidthTracker,
): ScoreAnnex {
  const f = new CheckFormulas(p.sheet.name);
  const enteredColumn = p.firstValueColumn + p.valueColumns.findIndex((c) => c.id === table.enteredScores!.column);
  const start = p.lastColumn + 1;
  const col: Columns = {
    entered: enteredColumn,
    points: start,
    standard: start + 1,
    value: start + 2,
    suggested: start + 3,
    difference: start + 4,
    formula: start + 5,
  };
  const last = col.formula;
  const cells: PlannedCell[] = [];
  const merges: Merge[] = [];
  const conditionalFormats: PlannedConditionalFormat[] = [];
  const at = (row: number, column: number) => a1(row, column);

  SCORE_ANNEX_HEADERS.forEach((label, j) => cells.push({ row: p.headerTop, column: start + j, value: label, style: "header" }));
  if (p.headerDepth > 1) {
    for (let j = 0; j < SCORE_ANNEX_HEADERS.length; j++) merges.push({ top: p.headerTop, left: start + j, bottom: p.headerTop + p.headerDepth - 1, right: start + j });
  }
  widths.need(col.points, 8);
  widths.need(col.standard, 40);
  widths.need(col.value, 12);
  widths.need(col.suggested, 10);
  widths.need(col.difference, 10);
  widths.need(col.formula, 36);

  /** One indicator's annex cells on `row`; `entered` says whether the row has the officer's score. */
  const indicatorRow = (spec: IndicatorSpec, row: number, entered: boolean) => {
    const reference = new Dec(constant(spec.points)).isZero();
    cells.push({ row, column: col.points, value: Number(constant(spec.points)), style: "label", numberFormat: "General" });
    cells.push({ row, column: col.standard, value: spec.standard, style: "label" });
    const value = valueFormula(spec, f, fields, locate);
    cells.push({ row, column: col.value, style: "computedAmount", numberFormat: `0.${"0".repeat(spec.computed?.decimals ?? 2)}%`, ...(value ? { formula: value } : {}) });
    const v = at(row, col.value);
    const suggested = reference
      ? { value: NOT_SCORED }
      : spec.computed && spec.rule
        ? { formula: `=IF(ISNUMBER(${v}),${ruleFormula(spec.rule, v, constant(spec.points))},${quote(PANEL_SCORED)})` }
        : { value: PANEL_SCORED };
    cells.push({ row, column: col.suggested, style: "computedCount", numberFormat: "General", ...suggested });
    cells.push({ row, column: col.formula, style: "label", value: spec.computed?.formula ?? spec.note ?? "" });
    if (!entered) return;
    const b = at(row, col.entered);
    const s = at(row, col.suggested);
    cells.push({
      row,
      column: col.difference,
      style: "computedCount",
      numberFormat: "General",
      formula: `=IF(AND(ISNUMBER(${b}),ISNUMBER(${s})),${b}-${s},"")`,
    });
    // Out of 0–分值 is an error; a score other than the suggestion is a notice (the score is the officer's).
    conditionalFormats.push({
      range: b,
      formula: `IF(ISNUMBER(${b}),OR(${r9(b)}<0,${r9(`${b}-${at(row, col.points)}`)}>0),FALSE)`,
      severity: "error",
      ruleId: `score.indicatorRange[${spec.id}]`,
    });
    conditionalFormats.push({
      range: b,
      formula: `IF(AND(ISNUMBER(${b}),ISNUMBER(${s})),${r9(`${b}-${s}`)}<>0,FALSE)`,
      severity: "info",
      ruleId: `score.indicator[${spec.id}]`,
    });
  };

  const byId = new Map(table.indicators.map((i) => [i.id, i]));
  const scoredRows: number[] = [];
  let totalRow: number | undefined;
  p.rows.forEach((instance, i) => {
    const row = p.bodyTop + i;
    const spec = byId.get(instance.id);
    if (spec) {
      indicatorRow(spec, row, true);
      scoredRows.push(row);
    } else if (instance.id === table.enteredScores!.total) totalRow = row;
  });
  const first = scoredRows[0];
  const lastScored = scoredRows[scoredRows.length - 1];
  const range = (column: number) => `${at(first, column)}:${at(lastScored, column)}`;
  if (totalRow !== undefined && first !== undefined) {
    cells.push({ row: totalRow, column: col.points, formula: `=SUM(${range(col.points)})`, style: "computedCount", numberFormat: "General" });
    cells.push({ row: totalRow, column: col.suggested, formula: `=SUM(${range(col.suggested)})`, style: "computedCount", numberFormat: "General" });
  }

  // The reference indicators (分值 0) and any indicator the form has no score row for.
  let row = p.lastRow + 2;
  const rest = table.indicators.filter((i) => !p.rows.some((r) => r.id === i.id));
  if (rest.length) {
    cells.push({ row, column: 1, value: "参考指标（不计分，供评价组参考）", style: "header" });
    merges.push({ top: row, left: 1, bottom: row, right: last });
    row++;
    for (const spec of rest) {
      cells.push({ row, column: 1, value: `${spec.level1}·${spec.level2}·${spec.name}（${spec.points}分）`, style: "label" });
      for (let c = 2; c < col.points; c++) cells.push({ row, column: c, style: "label" });
      indicatorRow(spec, row, false);
      row++;
    }
    row++;
  }

  // The roll-up, as src/core/score/rollup.ts: the ceiling the computed indicators leave, and
  // with every indicator scored within its 分值 the suggestion (ZiPing's scores where it has
  // them, the officer's elsewhere).
  const rollTop = row;
  cells.push({ row, column: 1, value: "综合得分", style: "header" });
  cells.push({ row, column: col.entered, value: "自评", style: "header" });
  cells.push({ row, column: col.suggested, value: "建议", style: "header" });
  cells.push({ row, column: col.difference, value: "等次", style: "header" });
  cells.push({ row, column: col.standard, value: "说明", style: "header" });
  row++;
  const total = constant(table.total);
  const s = range(col.suggested);
  const b = range(col.entered);
  const pts = range(col.points);
  const n = scoredRows.length;
  const allScored = `SUMPRODUCT(ISNUMBER(${b})*(${b}>=0)*(${b}<=${pts}))=${n}`;
  const ceilingRow = row++;
  const suggestedRow = row++;
  const enteredRow = table.entered ? row++ : undefined;
  const ceiling = at(ceilingRow, col.suggested);
  const suggested = at(suggestedRow, col.suggested);
  const labelled = (r: number, label: string, note: string) => {
    cells.push({ row: r, column: 1, value: label, style: "label" });
    cells.push({ row: r, column: col.standard, value: note, style: "label" });
  };
  labelled(ceilingRow, "综合得分上限（可计算指标扣分后）", `总分${table.total}分减去可计算指标按评分标准扣的分；其余指标由评价组评分`);
  cells.push({ row: ceilingRow, column: col.suggested, style: "computedCount", numberFormat: "General", formula: `=${total}-(SUMPRODUCT(ISNUMBER(${s})*${pts})-SUM(${s}))` });
  cells.push({ row: ceilingRow, column: col.difference, style: "computedCount", formula: `=${gradeFormula(ceiling, table.grades)}` });
  labelled(suggestedRow, "建议综合得分（各指标均已自评时）", "可计算指标取建议得分，其余指标取自评得分");
  cells.push({
    row: suggestedRow,
    column: col.suggested,
    style: "computedCount",
    numberFormat: "General",
    formula: `=IF(${allScored},SUM(${s})+SUMPRODUCT(NOT(ISNUMBER(${s}))*${b}),"")`,
  });
  cells.push({ row: suggestedRow, column: col.difference, style: "computedCount", formula: `=${gradeFormula(suggested, table.grades)}` });
  let enteredAt: string | undefined;
  if (enteredRow !== undefined && table.entered) {
    const score = f.ref({ ...areaOf(locate(table.entered.score)) });
    const grade = f.ref({ ...areaOf(locate(table.entered.grade)) });
    enteredAt = at(enteredRow, col.entered);
    cells.push({ row: enteredRow, column: 1, value: "填报的绩效自评综合得分和评价等次", style: "label" });
    cells.push({ row: enteredRow, column: col.entered, style: "computedCount", numberFormat: "General", formula: `=IF(ISNUMBER(${score}),${score},"")` });
    cells.push({ row: enteredRow, column: col.difference, style: "computedCount", formula: `=IF(LEN(TRIM(${grade}))>0,TRIM(${grade}),"")` });
    const sum = totalRow !== undefined ? at(totalRow, col.entered) : undefined;
    const e = enteredAt;
    // The roll-up's findings, worded: score.sum (error), score.suggested and score.ceiling (warnings).
    // AND evaluates every argument: arithmetic on a cell that may show "" is guarded by IF.
    const sumDiffers = sum ? `AND(${allScored},IF(ISNUMBER(${sum}),${r9(`${e}-${sum}`)}<>0,FALSE))` : "FALSE";
    const aboveSuggested = `AND(${allScored},IF(ISNUMBER(${suggested}),${r9(`${e}-${suggested}`)}>0,FALSE))`;
    const aboveCeiling = `AND(NOT(${allScored}),${r9(`${e}-${ceiling}`)}>0)`;
    cells.push({
      row: enteredRow,
      column: col.standard,
      style: "computedCount",
      formula:
        `=IF(NOT(ISNUMBER(${e})),"综合得分未填写",IF(${sumDiffers},"与各指标自评得分合计不符",` +
        `IF(${aboveSuggested},"高于建议综合得分，请核对评分",IF(${aboveCeiling},"高于按可计算指标得出的上限，请核对评分",""))))`,
    });
    conditionalFormats.push({ range: e, formula: `IF(ISNUMBER(${e}),${sumDiffers},FALSE)`, severity: "error", ruleId: "score.sum" });
    conditionalFormats.push({
      range: e,
      formula: `IF(ISNUMBER(${e}),OR(${aboveSuggested},${aboveCeiling}),FALSE)`,
      severity: "warning",
      ruleId: "score.ceiling",
    });
  }
  for (let r = rollTop + 1; r < row; r++) {
    for (let c = 2; c <= last; c++) if (!cells.some((x) => x.row === r && x.column === c)) cells.push({ row: r, column: c, style: "label" });
  }
  return {
    cells,
    merges,
    conditionalFormats,
    rollUp: {
      ceiling,
      ceilingGrade: at(ceilingRow, col.difference),
      suggested,
      suggestedGrade: at(suggestedRow, col.difference),
      ...(enteredAt ? { entered: enteredAt } : {}),
    },
  };
}

function areaOf(p: { sheet: string; row: number; column: number }) {
  return { sheet: p.sheet, top: p.row, left: p.column, bottom: p.row, right: p.column };
}
