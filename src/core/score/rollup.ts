import { Dec } from "../money";
import { gradeFor } from "../check/evaluate";
import type { Finding } from "../check/finding";
import type { Locate } from "../check/evaluate";
import type { ReadValues } from "../check/values";
import type { ScoringTable } from "../spec/score-types";
import { cellOf, showPoints } from "./inputs";
import { pointsOf } from "./rule";
import type { IndicatorResult, RollUp } from "./types";

function writtenText(values: ReadValues, field: string | undefined): string | undefined {
  const cell = field ? cellOf(values, field) : undefined;
  return cell && cell.state !== "empty" ? cell.text.trim() : undefined;
}

function numberAt(values: ReadValues, field: string | undefined): Dec | undefined {
  const cell = field ? cellOf(values, field) : undefined;
  return cell?.state === "number" ? cell.value : undefined;
}

const sumOf = (xs: Dec[]) => xs.reduce((t, x) => t.plus(x), new Dec(0));

function finding(field: string, locate: Locate, f: Omit<Finding, "fields" | "cell" | "cells">): Finding {
  return { ...f, fields: [field], cell: locate(field), cells: [locate(field)] };
}

/**
 * The roll-up. What ZiPing computes it scores; the rest is the 评价组's. Without the officer's
 * score of every indicator, the suggestion is a ceiling (100 less what the computed indicators
 * lose) and an entered 综合得分 above it is a warning. With every indicator scored, the
 * suggestion is a score (ZiPing's for the computed indicators, the officer's for the rest), and
 * the officer's own sum must be the 综合得分 they entered.
 */
export function rollUp(values: ReadValues, table: ScoringTable, indicators: IndicatorResult[], locate: Locate): { rollUp: RollUp; findings: Finding[] } {
  const scored = indicators.filter((r) => r.status === "scored");
  const panel = indicators.filter((r) => r.status === "manual" || r.status === "unavailable");
  const total = pointsOf(table.total);
  const scoredPoints = sumOf(scored.map((r) => pointsOf(r.points)));
  const scoredSuggested = sumOf(scored.map((r) => pointsOf(r.suggested!)));
  const panelPoints = sumOf(panel.map((r) => pointsOf(r.points)));
  const deducted = scoredPoints.minus(scoredSuggested);
  const ceiling = total.minus(deducted);
  const ceilingGrade = gradeFor(ceiling, table.grades);
  const scoreField = table.entered?.score;
  const enteredScore = writtenText(values, scoreField);
  const enteredGrade = writtenText(values, table.entered?.grade);
  const entered = numberAt(values, scoreField);

  const losses = scored
    .filter((r) => pointsOf(r.points).gt(pointsOf(r.suggested!)))
    .map((r) => `${r.name}扣${showPoints(pointsOf(r.points).minus(pointsOf(r.suggested!)))}分`);
  const computedPart =
    `可计算的 ${scored.length} 项指标共 ${showPoints(scoredPoints)} 分，建议得 ${showPoints(scoredSuggested)} 分` +
    (losses.length ? `（${losses.join("，")}）` : "（均得满分）");

  // Every indicator with points scored by the officer, within its 分值.
  const own = indicators.filter((r) => r.status !== "reference").map((r) => ({ r, v: numberAt(values, r.enteredField) }));
  const allScored = own.length > 0 && own.every(({ r, v }) => v !== undefined && !v.isNegative() && v.lte(pointsOf(r.points)));
  const findings: Finding[] = [];
  let explanation: string;
  let suggestion: Pick<RollUp, "suggested" | "suggestedGrade" | "enteredSum"> = {};

  if (allScored) {
    const enteredSum = sumOf(own.map(({ v }) => v!));
    const suggested = sumOf(own.map(({ r, v }) => (r.status === "scored" ? pointsOf(r.suggested!) : v!)));
    const suggestedGrade = gradeFor(suggested, table.grades);
    suggestion = { suggested: showPoints(suggested), ...(suggestedGrade ? { suggestedGrade } : {}), enteredSum: showPoints(enteredSum) };
    const differing = scored.filter((r) => r.difference).map((r) => `${r.name}${r.difference}`);
    explanation =
      `${computedPart}；其余指标按自评得分计 ${showPoints(suggested.minus(scoredSuggested))} 分，建议综合得分 ${showPoints(suggested)} 分` +
      `${suggestedGrade ? `（${suggestedGrade}）` : ""}。各指标自评得分合计 ${showPoints(enteredSum)} 分` +
      (differing.length ? `，与建议的差别在于：${differing.join("；")}。` : "，与建议一致。");
    if (entered !== undefined && !entered.eq(enteredSum)) {
      findings.push(
        finding(scoreField!, locate, {
          ruleId: "score.sum",
          relationId: "score.sum",
          kind: "score",
          severity: "error",
          expected: showPoints(enteredSum),
          actual: showPoints(entered),
          difference: showPoints(entered.minus(enteredSum)),
          message: `绩效自评综合得分填报 ${showPoints(entered)} 分，各指标自评得分合计为 ${showPoints(enteredSum)} 分，相差 ${showPoints(entered.minus(enteredSum).abs())} 分。`,
        }),
      );
    } else if (entered !== undefined && entered.gt(suggested)) {
      findings.push(
        finding(scoreField!, locate, {
          ruleId: "score.suggested",
          relationId: "score.suggested",
          kind: "score",
          severity: "warning",
          expected: showPoints(suggested),
          actual: showPoints(entered),
          difference: showPoints(entered.minus(suggested)),
          message: `绩效自评综合得分 ${showPoints(entered)} 分，按评分标准建议 ${showPoints(suggested)} 分：${differing.join("；")}。请核对评分。`,
        }),
      );
    }
  } else {
    const limit =
      `${computedPart}；其余 ${showPoints(panelPoints)} 分由评价组评分，综合得分建议不超过 ${showPoints(ceiling)} 分` +
      `${ceilingGrade ? `（${ceilingGrade}）` : ""}`;
    explanation = `${limit}。`;
    if (entered === undefined) {
      explanation += enteredScore === undefined ? "综合得分未填写。" : `综合得分填写的是「${enteredScore}」，不是分数。`;
    } else if (entered.gt(ceiling)) {
      explanation += `填报 ${showPoints(entered)} 分，比建议上限高 ${showPoints(entered.minus(ceiling))} 分。`;
      findings.push(
        finding(scoreField!, locate, {
          ruleId: "score.ceiling",
          relationId: "score.ceiling",
          kind: "score",
          severity: "warning",
          expected: `≤ ${showPoints(ceiling)}`,
          actual: showPoints(entered),
          difference: showPoints(entered.minus(ceiling)),
          message: `绩效自评综合得分填报 ${showPoints(entered)} 分，高于按评分表可计算指标得出的上限 ${showPoints(ceiling)} 分：${limit}。请核对评分。`,
        }),
      );
    } else {
      const gap = ceiling.minus(entered);
      explanation += gap.isZero()
        ? `填报 ${showPoints(entered)} 分，即评价组评分的指标均得满分。`
        : `填报 ${showPoints(entered)} 分，即评价组评分的指标共扣 ${showPoints(gap)} 分。`;
    }
  }
  return {
    rollUp: {
      total: showPoints(total),
      scoredPoints: showPoints(scoredPoints),
      scoredSuggested: showPoints(scoredSuggested),
      deducted: showPoints(deducted),
      panelPoints: showPoints(panelPoints),
      ceiling: showPoints(ceiling),
      ...(ceilingGrade ? { ceilingGrade } : {}),
      ...(enteredScore !== undefined ? { enteredScore } : {}),
      ...(enteredGrade !== undefined ? { enteredGrade } : {}),
      ...(entered !== undefined ? { enteredScoreGrade: gradeFor(entered, table.grades) } : {}),
      ...suggestion,
      explanation,
    },
    findings,
  };
}
