/**
 * 绩效 scoring: each indicator of a scoring table computed from the workbook with its formula
 * and inputs, a suggested score with the rule that gave it, the roll-up to a suggested 综合得分
 * and 等次 beside the officer's own, and the 定量指标 rows' 完成率 (typed or stated in the text)
 * checked against 实际完成值 ÷ 指标值. The officer's entered score is never changed: the result
 * explains how it differs from the suggestion.
 */
import { checkReport, templateLocator, type CheckReport, type Locate } from "../check";
import { sortFindings } from "../check/finding";
import type { ReadValues } from "../check/values";
import type { ReportData } from "../spec/data";
import type { IndicatorSpec, ScoringTable } from "../spec/score-types";
import { builtInScoringTable } from "../spec/scoring/built-in";
import type { GivenFigure } from "../narrative/options";
import type { FormSpec } from "../spec/types";
import { listRowCount } from "../spec/instances";
import { termRef } from "./inputs";
import { memoFor, positions, statesAt, unchanged, type ScoreMemo } from "./memo";
import { deviationFindings, listOfRow, quantitativeRows, rowFieldIds, statedRateFindings, statementFields } from "./quantitative";
import { enteredField, indicatorFindings, indicatorResult } from "./result";
import { rollUp } from "./rollup";
import type { ScoreReport } from "./types";
import { narrativeFigures } from "./figures";

export type { QuantitativeRow } from "./quantitative";
export { narrativeFigures } from "./figures";
export type { ScoreInput } from "./inputs";
export type { IndicatorResult, IndicatorStatus, RollUp, ScoreReport } from "./types";

export interface ScoreOptions {
  locate?: Locate;
  /** A check already run over the same data (the live pass): its values and 等次 verdict are reused. */
  check?: CheckReport;
}

/** Every field position each part of the table reads, for the memo. */
function planOf(values: ReadValues, form: FormSpec, data: ReportData, table: ScoringTable): ScoreMemo["plan"] {
  const termIds = (spec: IndicatorSpec): string[] => {
    const c = spec.computed?.computation;
    if (!c) return [];
    const terms = c.kind === "ratio" ? [...c.numerator, ...c.denominator] : [...c.current, ...c.prior];
    return terms.map((t) => termRef(t).ref);
  };
  const source = table.quantitative;
  const listId = source ? listOfRow(form, source.table, source.row) : undefined;
  const rowIds =
    source && listId
      ? Array.from({ length: listRowCount(data.lists, listId) }, (_, k) => Object.values(rowFieldIds(source, k + 1))).flat()
      : [];
  return {
    indicators: table.indicators.map((spec) => positions(values, [...termIds(spec), ...[enteredField(table, spec)].filter((f): f is string => !!f)])),
    rows: positions(values, rowIds),
    statements: source ? positions(values, statementFields(values, form, data.lists, source.statements ?? [])) : [],
  };
}

/**
 * Scores a report by a table. Pure; with `check` from the same pass it reads no cell twice, and
 * on a live pass only the indicators, rows and statements whose cells changed are worked out
 * again (see memo.ts). The 等次 that does not match the entered score is the form's own `grade`
 * rule: its finding is taken from the check, not worked out again.
 */
export function scoreReport(form: FormSpec, data: ReportData, table: ScoringTable, options: ScoreOptions = {}): ScoreReport {
  const locate = options.locate ?? templateLocator(form, data);
  const check = options.check ?? checkReport(form, data, locate);
  const values = check.values;
  const memo = memoFor(values, table, locate, () => planOf(values, form, data, table));

  const indicators = table.indicators.map((spec, i) => {
    const ix = memo.plan.indicators[i];
    const kept = memo.indicators[i];
    if (kept && unchanged(values, ix, kept.inputs)) return kept.result;
    const result = indicatorResult(values, table, spec);
    memo.indicators[i] = { inputs: statesAt(values, ix), result };
    return result;
  });
  const summary = rollUp(values, table, indicators, locate);

  const source = table.quantitative;
  if (source && !unchanged(values, memo.plan.rows, memo.rows?.inputs)) {
    const rows = quantitativeRows(values, form, data.lists, source);
    memo.rows = { inputs: statesAt(values, memo.plan.rows), rows, findings: deviationFindings(values, rows, locate) };
  }
  const quantitative = memo.rows?.rows ?? [];
  if (source && (memo.statements?.rows !== quantitative || !unchanged(values, memo.plan.statements, memo.statements.inputs))) {
    memo.statements = {
      inputs: statesAt(values, memo.plan.statements),
      rows: quantitative,
      findings: statedRateFindings(values, form, data.lists, quantitative, source, locate),
    };
  }
  const rateFindings = source ? [...memo.rows!.findings, ...memo.statements!.findings] : [];

  // The check's own verdicts on the cells scoring reads as the officer's: 等次 against score,
  // a score out of range, text in a score cell, a 合计 of the indicator scores that does not add up.
  const entered = [table.entered?.score, table.entered?.grade];
  const scoreTable = table.enteredScores ? `${table.enteredScores.table}.` : undefined;
  // And its 完成率 verdicts on the 定量指标 rows (a ratio relation of the form).
  const rowsTable = source ? `${source.table}.` : undefined;
  const gradeFindings = check.findings.filter(
    (f) =>
      f.kind !== "blank" &&
      f.kind !== "tail" &&
      f.fields.some(
        (id) => entered.includes(id) || (scoreTable !== undefined && id.startsWith(scoreTable)) || (f.kind === "ratio" && rowsTable !== undefined && id.startsWith(rowsTable)),
      ),
  );
  return {
    table: { id: table.id, title: table.title, source: table.source },
    indicators,
    rollUp: summary.rollUp,
    quantitative,
    findings: sortFindings([...gradeFindings, ...summary.findings, ...indicatorFindings(values, indicators, locate), ...rateFindings], values.compiled.order),
  };
}

/**
 * The figures of the form's built-in scoring table for the narrative ("预算调整率为53.73%，得0分"),
 * the command line's and the pane's alike; undefined when the form has no table.
 */
export function builtInFigures(form: FormSpec, data: ReportData): Record<string, GivenFigure> | undefined {
  const table = builtInScoringTable(form.id);
  return table ? narrativeFigures(scoreReport(form, data, table)) : undefined;
}
