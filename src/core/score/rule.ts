import { Dec, parseAmount, shiftDecimalPoint } from "../money";
import type { ScoringRule } from "../spec/score-types";
import { showPoints } from "./inputs";
import { percentText } from "./indicator";

/** A suggested score and the words of the rule that gave it. */
export interface RuleOutcome {
  score: Dec;
  /** "93.02% 不超过 100%，得满分5分". */
  explanation: string;
}

/**
 * A threshold as a table writes it: "100%" (a ratio of 1), "0", "0.5". Throws on anything
 * else: tables are validated before use (validateScoringTable names the JSON path).
 */
export function thresholdRatio(text: string): Dec {
  let value = thresholds.get(text);
  if (value) return value;
  const parsed = parseAmount(text);
  if (parsed.kind !== "amount") throw new Error(`不是数值或百分比：「${text}」`);
  thresholds.set(text, (value = parsed.value));
  return value;
}

export function pointsOf(text: string): Dec {
  let value = points.get(text);
  if (value) return value;
  const parsed = parseAmount(text);
  if (parsed.kind !== "amount" || parsed.unitHint) throw new Error(`不是分值：「${text}」`);
  points.set(text, (value = parsed.value));
  return value;
}

/**
 * Tables write a handful of distinct figures ("5", "0.5", "100%"), read on every live pass:
 * each is parsed once. Decimals are immutable, so sharing them is safe; the maps stay as small
 * as the set of figures the loaded tables use.
 */
const thresholds = new Map<string, Dec>();
const points = new Map<string, Dec>();

/** A threshold shown as the table means it: "100%", "0". */
function showThreshold(ratio: Dec): string {
  return ratio.isZero() ? "0" : percentText(ratio, Math.max(0, ratio.decimalPlaces() - 2));
}

/** Percentage points between two ratios: 0.0350 → "3.5个百分点". */
function pointsBetween(a: Dec, b: Dec): string {
  return `${showPoints(shiftDecimalPoint(a.minus(b).abs(), 2), 20)}个百分点`;
}

function deduct(
  points: Dec,
  gap: Dec,
  rule: { per: string; step: string; count: "whole" | "proportional" },
): { score: Dec; steps: Dec; deduction: Dec; exhausted: boolean } {
  const step = thresholdRatio(rule.step);
  const exact = gap.div(step);
  const steps = rule.count === "whole" ? exact.floor() : exact;
  const wanted = steps.times(pointsOf(rule.per));
  const exhausted = wanted.gte(points);
  const deduction = exhausted ? points : wanted;
  return { score: points.minus(deduction), steps, deduction, exhausted };
}

/** Applies a rule to the shown (rounded) value of an indicator with `points` 分值. */
export function applyRule(rule: ScoringRule, value: Dec, shown: string, points: Dec): RuleOutcome {
  switch (rule.kind) {
    case "ceiling":
    case "floor": {
      const bound = thresholdRatio(rule.kind === "ceiling" ? rule.limit : rule.target);
      const gap = rule.kind === "ceiling" ? value.minus(bound) : bound.minus(value);
      const boundText = showThreshold(bound);
      if (gap.lte(0)) {
        const side = rule.kind === "ceiling" ? "不超过" : "不低于";
        return { score: points, explanation: `${shown} ${side} ${boundText}，得满分${showPoints(points)}分` };
      }
      const d = deduct(points, gap, rule);
      const side = rule.kind === "ceiling" ? "超过" : "低于";
      const per = `每${side}${showThreshold(thresholdRatio(rule.step)).replace(/%$/, "个百分点")}扣${rule.per}分`;
      const counted = rule.count === "whole" ? `，计${showPoints(d.steps, 0)}档` : "";
      const result = d.exhausted ? `扣完为止，得0分` : `扣${showPoints(d.deduction)}分，得${showPoints(d.score)}分`;
      return {
        score: d.score,
        explanation: `${shown} ${side} ${boundText} ${pointsBetween(value, bound)}，${per}${counted}，${result}`,
      };
    }
    case "bands": {
      let previous: Dec | undefined;
      for (const band of rule.bands) {
        const bound = band.bound === undefined ? undefined : thresholdRatio(band.bound);
        const inBand = bound === undefined || (rule.compare === "upTo" ? value.lte(bound) : value.gte(bound));
        if (inBand) {
          const score = pointsOf(band.points);
          return { score, explanation: `${shown} ${describeBand(rule.compare, previous, bound)}，得${showPoints(score)}分` };
        }
        previous = bound;
      }
      // A table whose last band has a bound leaves values past it unscored: validation requires an open last band.
      return { score: new Dec(0), explanation: `${shown} 不在评分标准的任何一档中，得0分` };
    }
  }
}

function describeBand(compare: "upTo" | "atLeast", previous: Dec | undefined, bound: Dec | undefined): string {
  const p = previous === undefined ? undefined : showThreshold(previous);
  const b = bound === undefined ? undefined : showThreshold(bound);
  if (compare === "upTo") {
    if (b === undefined) return p === undefined ? "" : `高于 ${p}`;
    if (p === undefined) return `不超过 ${b}`;
    return `高于 ${p}、不超过 ${b}`;
  }
  if (b === undefined) return p === undefined ? "" : `低于 ${p}`;
  if (p === undefined) return `不低于 ${b}`;
  return `低于 ${p}、不低于 ${b}`;
}
