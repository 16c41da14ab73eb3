/**
 * 绩效 scoring: each indicator of a scoring table computed from the workbook with its formula
 * and inputs, a suggested score with the rule that gave it, the roll-up to a suggested 综合得分
 * and 等次 beside the officer's own, and the 定量指标 rows' 完成率 (typed or stated in the text)
 * checked against 实际完成值 ÷ 指标值. The officer's entered score is never changed: the result
 * explains how it differs from the suggestion.
 */
import { Dec } from "../money";
import { checkReport, gradeFor, templateLocator, type CheckReport, type Finding, type Locate } from "../check";
import { sortFindings } from "../check/finding";
import type { ReadValues } from "../check/values";
import type { ReportData } from "../spec/data";
import type { IndicatorSpec, ScoringTable } from "../spec/score-types";
import type { FormSpec } from "../spec/types";
import { computeIndicator, type IndicatorValue } from "./indicator";
import { listRowCount } from "../spec/instances";
import { cellOf, showPoints, termRef, type ScoreInput } from "./inputs";
import { memoFor, positions, statesAt, unchanged, type ScoreMemo } from "./memo";
import {
  listOfRow,
  quantitativeRows,
  rateCellFindings,
  rowFieldIds,
  statedRateFindings,
  statementFields,
  type QuantitativeRow,
} from "./quantitative";
import { applyRule, pointsOf } from "./rule";

export type { QuantitativeRow } from "./quantitative";
export type { ScoreInput } from "./inputs";


/**
 * - scored: computed and scored by the table's rule;
 * - unavailable: computable in principle, but an input is missing, zero or not a number;
 * - manual: scored by the 评价组 (no rule, or no formula the tables can feed);
 * - reference: shown for the 评价组, worth no points.
 */
export type IndicatorStatus = "scored" | "unavailable" | "manual" | "reference";

/** An indicator of the table as scored: its spec's names, 分值 and 评分标准, and what came of it. */
export interface IndicatorResult extends Pick<IndicatorSpec, "id" | "level1" | "level2" | "name" | "points" | "standard" | "note"> {
  status: IndicatorStatus;
  formula?: string;
  /** "93.02%". */
  value?: string;
  /** "40 ÷ 43 × 100% = 93.02%". */
  working?: string;
  inputs?: ScoreInput[];
  /** The suggested score, e.g. "5", "3.5". */
  suggested?: string;
  /** The rule as applied: "93.02% 不超过 100%，得满分5分". */
  rule?: string;
  /** Why there is no value or no suggestion, in words. */
  reason?: string;
}

export interface RollUp {
  total: string;
  /** 分值 of the indicators ZiPing scored, and what they were given. */
  scoredPoints: string;
  scoredSuggested: string;
  deducted: string;
  /** 分值 left to the 评价组 (定性指标, and computable ones whose inputs are missing). */
  panelPoints: string;
  /** total − deducted: the highest 综合得分 the computed indicators leave. */
  ceiling: string;
  /** 等次 of the ceiling. */
  ceilingGrade?: string;
  enteredScore?: string;
  enteredGrade?: string;
  /** 等次 the entered score falls in, by this table's bands. */
  enteredScoreGrade?: string;
  /** How the entered score relates to the suggestion, in words. */
  explanation: string;
}

export interface ScoreReport {
  table: { id: string; title: string; source: string };
  indicators: IndicatorResult[];
  rollUp: RollUp;
  quantitative: QuantitativeRow[];
  /** 完成率, entered-score and 等次 findings, errors first. */
  findings: Finding[];
}

export interface ScoreOptions {
  locate?: Locate;
  /** A check already run over the same data (the live pass): its values and 等次 verdict are reused. */
  check?: CheckReport;
}

function indicatorResult(values: ReadValues, spec: IndicatorSpec): IndicatorResult {
  const base: IndicatorResult = {
    id: spec.id,
    level1: spec.level1,
    level2: spec.level2,
    name: spec.name,
    points: spec.points,
    standard: spec.standard,
    status: "manual",
    ...(spec.note ? { note: spec.note } : {}),
  };
  const reference = pointsOf(spec.points).isZero();
  if (!spec.computed) {
    return { ...base, status: reference ? "reference" : "manual", reason: spec.note ?? "由评价组评分" };
  }
  const value: IndicatorValue = computeIndicator(values, spec, spec.computed);
  const computed = { ...base, formula: spec.computed.formula, inputs: value.inputs };
  if (!value.ok) return { ...computed, status: reference ? "reference" : "unavailable", reason: value.reason };
  const shown = { ...computed, value: value.shown, working: value.working };
  if (reference || !spec.rule) return { ...shown, status: reference ? "reference" : "manual" };
  const outcome = applyRule(spec.rule, value.shownRatio, value.shown, pointsOf(spec.points));
  return { ...shown, status: "scored", suggested: showPoints(outcome.score), rule: outcome.explanation };
}

function enteredText(values: ReadValues, field: string | undefined): string | undefined {
  const cell = field ? cellOf(values, field) : undefined;
  return cell && cell.state !== "empty" ? cell.text.trim() : undefined;
}

function rollUp(values: ReadValues, table: ScoringTable, indicators: IndicatorResult[], locate: Locate): { rollUp: RollUp; findings: Finding[] } {
  const add = (xs: IndicatorResult[], pick: (r: IndicatorResult) => string) => xs.reduce((t, r) => t.plus(pointsOf(pick(r))), new Dec(0));
  const scored = indicators.filter((r) => r.status === "scored");
  const panel = indicators.filter((r) => r.status === "manual" || r.status === "unavailable");
  const total = pointsOf(table.total);
  const scoredPoints = add(scored, (r) => r.points);
  const scoredSuggested = add(scored, (r) => r.suggested!);
  const deducted = scoredPoints.minus(scoredSuggested);
  const ceiling = total.minus(deducted);
  const ceilingGrade = gradeFor(ceiling, table.grades);
  const scoreField = table.entered?.score;
  const enteredScore = enteredText(values, scoreField);
  const enteredGrade = enteredText(values, table.entered?.grade);
  const scoreCell = scoreField ? cellOf(values, scoreField) : undefined;
  const entered = scoreCell?.state === "number" ? scoreCell.value : undefined;
  const losses = scored
    .filter((r) => pointsOf(r.points).gt(pointsOf(r.suggested!)))
    .map((r) => `${r.name}扣${showPoints(pointsOf(r.points).minus(pointsOf(r.suggested!)))}分`);
  const computedPart =
    `可计算的 ${scored.length} 项指标共 ${showPoints(scoredPoints)} 分，建议得 ${showPoints(scoredSuggested)} 分` +
    (losses.length ? `（${losses.join("，")}）` : "（均得满分）") +
    `；其余 ${showPoints(add(panel, (r) => r.points))} 分由评价组评分，综合得分建议不超过 ${showPoints(ceiling)} 分` +
    (ceilingGrade ? `（${ceilingGrade}）` : "");
  const findings: Finding[] = [];
  let explanation = `${computedPart}。`;
  if (entered === undefined) {
    explanation += enteredScore === undefined ? "综合得分未填写。" : `综合得分填写的是「${enteredScore}」，不是分数。`;
  } else if (entered.gt(ceiling)) {
    explanation += `填报 ${showPoints(entered)} 分，比建议上限高 ${showPoints(entered.minus(ceiling))} 分。`;
    findings.push({
      ruleId: "score.ceiling",
      relationId: "score.ceiling",
      kind: "score",
      severity: "warning",
      fields: [scoreField!],
      cell: locate(scoreField!),
      cells: [locate(scoreField!)],
      expected: `≤ ${showPoints(ceiling)}`,
      actual: showPoints(entered),
      difference: showPoints(entered.minus(ceiling)),
      message: `绩效自评综合得分填报 ${showPoints(entered)} 分，高于按评分表可计算指标得出的上限 ${showPoints(ceiling)} 分：${computedPart}。请核对评分。`,
    });
  } else {
    const gap = ceiling.minus(entered);
    explanation += gap.isZero()
      ? `填报 ${showPoints(entered)} 分，即评价组评分的指标均得满分。`
      : `填报 ${showPoints(entered)} 分，即评价组评分的指标共扣 ${showPoints(gap)} 分。`;
  }
  return {
    rollUp: {
      total: showPoints(total),
      scoredPoints: showPoints(scoredPoints),
      scoredSuggested: showPoints(scoredSuggested),
      deducted: showPoints(deducted),
      panelPoints: showPoints(add(panel, (r) => r.points)),
      ceiling: showPoints(ceiling),
      ...(ceilingGrade ? { ceilingGrade } : {}),
      ...(enteredScore !== undefined ? { enteredScore } : {}),
      ...(enteredGrade !== undefined ? { enteredGrade } : {}),
      ...(entered !== undefined ? { enteredScoreGrade: gradeFor(entered, table.grades) } : {}),
      explanation,
    },
    findings,
  };
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
    indicators: table.indicators.map((spec) => positions(values, termIds(spec))),
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
    const result = indicatorResult(values, spec);
    memo.indicators[i] = { inputs: statesAt(values, ix), result };
    return result;
  });
  const summary = rollUp(values, table, indicators, locate);

  const source = table.quantitative;
  if (source && !unchanged(values, memo.plan.rows, memo.rows?.inputs)) {
    const rows = quantitativeRows(values, form, data.lists, source);
    memo.rows = { inputs: statesAt(values, memo.plan.rows), rows, findings: rateCellFindings(values, rows, source, locate) };
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

  const entered = [table.entered?.score, table.entered?.grade];
  const gradeFindings = check.findings.filter(
    (f) => (f.kind === "grade" || f.kind === "range" || f.kind === "invalid") && f.fields.some((id) => entered.includes(id)),
  );
  return {
    table: { id: table.id, title: table.title, source: table.source },
    indicators,
    rollUp: summary.rollUp,
    quantitative,
    findings: sortFindings([...gradeFindings, ...summary.findings, ...rateFindings], values.compiled.order),
  };
}
