import type { Finding } from "../check/finding";
import type { Locate } from "../check/evaluate";
import type { ReadValues } from "../check/values";
import type { IndicatorSpec, ScoringTable } from "../spec/score-types";
import { computeIndicator } from "./indicator";
import { cellOf, showPoints } from "./inputs";
import { applyRule, pointsOf } from "./rule";
import type { IndicatorResult } from "./types";

/** The officer's score cell of an indicator, when the table says where officers score. */
export function enteredField(table: ScoringTable, spec: IndicatorSpec): string | undefined {
  const e = table.enteredScores;
  return e && spec.points !== "0" ? `${e.table}.${spec.id}.${e.column}` : undefined;
}

/** An indicator computed, scored by its rule, and set beside the officer's own score of it. */
export function indicatorResult(values: ReadValues, table: ScoringTable, spec: IndicatorSpec): IndicatorResult {
  const field = enteredField(table, spec);
  const cell = field ? cellOf(values, field) : undefined;
  const base: IndicatorResult = {
    id: spec.id,
    level1: spec.level1,
    level2: spec.level2,
    name: spec.name,
    points: spec.points,
    standard: spec.standard,
    status: "manual",
    ...(spec.note ? { note: spec.note } : {}),
    ...(field ? { enteredField: field } : {}),
    ...(cell && cell.state !== "empty" ? { entered: cell.text.trim() } : {}),
  };
  const reference = pointsOf(spec.points).isZero();
  if (!spec.computed) return { ...base, status: reference ? "reference" : "manual", reason: spec.note ?? "由评价组评分" };
  const value = computeIndicator(values, spec, spec.computed);
  const computed = { ...base, formula: spec.computed.formula, inputs: value.inputs };
  if (!value.ok) return { ...computed, status: reference ? "reference" : "unavailable", reason: value.reason };
  const shown = { ...computed, value: value.shown, ratio: value.ratio.toString(), working: value.working };
  if (reference || !spec.rule) return { ...shown, status: reference ? "reference" : "manual" };
  const outcome = applyRule(spec.rule, value.shownRatio, value.shown, pointsOf(spec.points));
  const suggested = showPoints(outcome.score);
  const own = cell?.state === "number" ? cell.value : undefined;
  const difference =
    own === undefined || own.eq(outcome.score)
      ? undefined
      : `自评 ${showPoints(own)} 分，按评分标准建议 ${suggested} 分（${own.gt(outcome.score) ? "多" : "少"} ${showPoints(own.minus(outcome.score).abs())} 分）`;
  return { ...shown, status: "scored", suggested, rule: outcome.explanation, ...(difference ? { difference } : {}) };
}

/**
 * The officer's scores of single indicators: one above its 分值 (or below 0) is an error; one
 * that differs from the suggestion is a notice that gives the rule, since the score is the
 * officer's to give.
 */
export function indicatorFindings(values: ReadValues, results: IndicatorResult[], locate: Locate): Finding[] {
  const out: Finding[] = [];
  for (const r of results) {
    if (!r.enteredField) continue;
    const cell = cellOf(values, r.enteredField);
    if (cell?.state !== "number") continue;
    const points = pointsOf(r.points);
    const at = { fields: [r.enteredField], cell: locate(r.enteredField), cells: [locate(r.enteredField)] };
    if (cell.value.gt(points) || cell.value.isNegative()) {
      out.push({
        ruleId: `score.indicatorRange[${r.id}]`,
        relationId: "score.indicatorRange",
        kind: "score",
        severity: "error",
        ...at,
        expected: `0–${r.points}`,
        actual: cell.text.trim(),
        message: `「${r.name}」自评得分 ${cell.text.trim()} 分，应在 0 到该指标分值 ${r.points} 分之间。`,
      });
    } else if (r.difference) {
      out.push({
        ruleId: `score.indicator[${r.id}]`,
        relationId: "score.indicator",
        kind: "score",
        severity: "info",
        ...at,
        expected: r.suggested,
        actual: showPoints(cell.value),
        difference: showPoints(cell.value.minus(pointsOf(r.suggested!))),
        message: `「${r.name}」${r.difference}：${r.working}；${r.rule}。`,
      });
    }
  }
  return out;
}
