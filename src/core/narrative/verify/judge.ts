import { Dec, roundHalfUp, shiftDecimalPoint } from "../../money";
import type { Expectation } from "./measures";
import type { FigureToken } from "./scan";

/**
 * Whether a stated figure agrees with what the tables give.
 * - ok: the exact result rounded half up to the decimals the officer wrote;
 * - tail (尾差): a figure that rounding explains and nothing else — the same result at the other
 *   precision, a total row's own rounding, an amount written with fewer decimals than the table
 *   shows;
 * - wrong: anything else. A ratio of two table figures has one right value from the figures as
 *   shown, so 97.02% for 4.02 → 0.12 is wrong even though some unrounded inputs could give it.
 *   For the same reason a quotient cut off instead of rounded (99.86% for 99.868%) is wrong: no
 *   rounding of the parts explains it, only a calculator's digits copied short. `why` says so.
 */
export type Verdict = { status: "ok" } | { status: "tail"; why: string } | { status: "wrong"; why?: string };

/** Powers of ten between the stated unit and 万元 (the tables' unit). */
const UNIT_SHIFT: Record<string, number> = { 元: 4, 万元: 0, 万: 0, 亿元: -4, "万元/台": 0, "万元/人": 0 };

/** `value` rounded half up at `decimals`, which may be negative (亿元 figures written with 2 decimals). */
function roundAt(value: Dec, decimals: number): Dec {
  if (decimals >= 0) return roundHalfUp(value, Math.min(decimals, 20));
  return shiftDecimalPoint(roundHalfUp(shiftDecimalPoint(value, decimals), 0), -decimals);
}

function truncateAt(value: Dec, decimals: number): Dec {
  return value.toDecimalPlaces(Math.max(0, decimals), Dec.ROUND_DOWN);
}

/** The expectation expressed in the stated unit (元, 亿元) so both compare at the officer's decimals. */
export function inStatedUnit(value: Dec, unit: FigureToken["unit"]): Dec {
  const shift = unit ? UNIT_SHIFT[unit] ?? 0 : 0;
  return shift === 0 ? value : shiftDecimalPoint(value, shift);
}

export function judge(figure: FigureToken, expectation: Expectation, magnitude: boolean): Verdict {
  const stated = figure.value;
  const d = figure.decimals;
  const norm = (v: Dec): Dec => inStatedUnit(magnitude ? v.abs() : v, figure.unit);
  const exact = norm(expectation.value);
  if (stated.eq(roundAt(exact, d))) {
    if (!expectation.quotient && !stated.eq(exact) && d < 2) {
      return { status: "tail", why: `文中取整为${figure.digits}，表中为${exact.toFixed()}` };
    }
    return { status: "ok" };
  }
  for (const alt of expectation.alternatives) {
    if (stated.eq(roundAt(norm(alt.value), d))) return { status: "tail", why: alt.why };
  }
  if (expectation.quotient && stated.eq(truncateAt(exact, d))) return { status: "wrong", why: "末位为截尾，应四舍五入" };
  if (expectation.largestRemainder && d >= 0 && stated.eq(exact.toDecimalPlaces(d, Dec.ROUND_UP))) {
    return { status: "tail", why: "按最大余数法调整各项占比使合计为100%时，末位可进一" };
  }
  return { status: "wrong" };
}

/** An amount whose number is right but whose unit is not: "1.90元" for 1.90万元, "19000万元" for 19000元. */
export function wrongUnit(figure: FigureToken, expectation: Expectation): string | undefined {
  const d = figure.decimals;
  const asWan = roundAt(expectation.value, d);
  if ((figure.unit === "元" || figure.unit === "亿元") && figure.value.eq(asWan)) return "万元";
  if ((figure.unit === "万元" || figure.unit === "万") && figure.value.eq(roundAt(inStatedUnit(expectation.value, "元"), d))) return "元";
  return undefined;
}
