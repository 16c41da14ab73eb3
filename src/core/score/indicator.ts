import { Dec, formatNumber, roundHalfUp, shiftDecimalPoint } from "../money";
import type { ReadValues } from "../check/values";
import type { ComputedIndicator, IndicatorSpec } from "../spec/score-types";
import { showTerms, sumTerms, type ScoreInput } from "./inputs";

/** An indicator's value, or the words saying why it has none (never NaN). */
export type IndicatorValue =
  | {
      ok: true;
      /** The exact ratio (0.9302325…), before rounding. */
      ratio: Dec;
      /** The ratio rounded half up to the stated decimals of its percentage: what is shown and scored. */
      shownRatio: Dec;
      /** "93.02%". */
      shown: string;
      /** The formula with the table's figures: "40 ÷ 43 × 100% = 93.02%". */
      working: string;
      inputs: ScoreInput[];
    }
  | { ok: false; reason: string; inputs: ScoreInput[] };

/** A ratio as a percentage with `decimals` places, half up: 0.9302325 → "93.02%". */
export function percentText(ratio: Dec, decimals: number): string {
  return `${formatNumber(shiftDecimalPoint(ratio, 2), decimals)}%`;
}

/** The ratio a percentage shows, rounded half up at `decimals` places of the percentage. */
export function shownRatioOf(ratio: Dec, decimals: number): Dec {
  return shiftDecimalPoint(roundHalfUp(shiftDecimalPoint(ratio, 2), decimals), -2);
}

export function computeIndicator(values: ReadValues, spec: IndicatorSpec, computed: ComputedIndicator): IndicatorValue {
  const c = computed.computation;
  const [top, base, baseLabel, what] =
    c.kind === "ratio"
      ? [sumTerms(values, c.numerator), sumTerms(values, c.denominator), c.denominatorLabel, spec.name]
      : [sumTerms(values, c.current), sumTerms(values, c.prior), c.priorLabel, "变动率"];
  const inputs = [...top.inputs, ...base.inputs];
  if (!top.ok || !base.ok) {
    const reasons = [top, base].flatMap((s) => (s.ok ? [] : [s.reason]));
    return { ok: false, reason: `${reasons.join("；")}，无法计算${spec.name}`, inputs };
  }
  if (base.value.isZero()) return { ok: false, reason: `${baseLabel}为0，无法计算${what}`, inputs };
  if (base.value.isNegative()) return { ok: false, reason: `${baseLabel}为负数（${showTerms(values, base)}），无法计算${what}`, inputs };
  const numerator = c.kind === "ratio" ? top.value : top.value.minus(base.value);
  const ratio = numerator.div(base.value);
  const shownRatio = shownRatioOf(ratio, computed.decimals);
  const shown = percentText(ratio, computed.decimals);
  const topText = showTerms(values, top);
  const baseText = showTerms(values, base);
  const wrap = (text: string, sum: typeof top) => (sum.ok && sum.inputs.length > 1 ? `（${text}）` : text);
  const working =
    c.kind === "ratio"
      ? `${wrap(topText, top)} ÷ ${wrap(baseText, base)} × 100% = ${shown}`
      : `（${topText} − ${baseText}）÷ ${wrap(baseText, base)} × 100% = ${shown}`;
  return { ok: true, ratio, shownRatio, shown, working, inputs };
}
