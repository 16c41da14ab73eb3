import { Dec, toDec } from "./decimal";

/** 10000 元 = 1 万元. */
const YUAN_PER_WAN = 4;

/**
 * 元 -> 万元, exact. Moving the decimal point (rather than dividing) keeps the
 * result exact however many digits the amount has.
 */
export function yuanToWan(v: Dec): Dec {
  return shiftDecimalPoint(toDec(v), -YUAN_PER_WAN);
}

/** yuanToWan of a plain decimal text, as text (what toFixed() writes for the result). */
export function yuanToWanText(text: string): string {
  return shiftPointText(text, -YUAN_PER_WAN);
}

/** wanToYuan of a plain decimal text, as text. */
export function wanToYuanText(text: string): string {
  return shiftPointText(text, YUAN_PER_WAN);
}

/** 万元 -> 元, exact. */
export function wanToYuan(v: Dec): Dec {
  return shiftDecimalPoint(toDec(v), YUAN_PER_WAN);
}

/** v × 10^places without rounding: a power of ten only moves the exponent. */
export function shiftDecimalPoint(v: Dec, places: number): Dec {
  if (!v.isFinite() || v.isZero()) return v;
  // Multiplying by a power of ten adds no significant digits, so within Dec's precision the
  // product is exact (and much cheaper than rebuilding from text, which imports do per cell).
  if (v.sd() <= Dec.precision) return v.times(powerOfTen(places));
  // toExponential() writes every significant digit, so the rebuilt value is exact.
  const [mantissa, exponent] = v.toExponential().split("e");
  return new Dec(`${mantissa}e${Number(exponent) + places}`);
}

/** 10^places, made once per exponent in Dec's range: an import converts every cell by the same one. */
const POWERS = new Map<number, Dec>();
function powerOfTen(places: number): Dec {
  if (!Number.isInteger(places) || Math.abs(places) > Dec.precision) return new Dec(`1e${places}`);
  let p = POWERS.get(places);
  if (!p) POWERS.set(places, (p = new Dec(`1e${places}`)));
  return p;
}

/**
 * A plain decimal text times 10^places, written as Dec's toFixed() writes the product (no
 * exponent, no trailing fraction zeros, "0" for zero): 元 → 万元 of a figure an import has
 * already written out, by moving its point rather than through a decimal.
 */
export function shiftPointText(text: string, places: number): string {
  const negative = text.startsWith("-");
  const body = negative ? text.slice(1) : text;
  const point = body.indexOf(".");
  const integer = point < 0 ? body : body.slice(0, point);
  let digits = point < 0 ? body : integer + body.slice(point + 1);
  let pointAt = integer.length + places;
  if (pointAt <= 0) {
    digits = "0".repeat(1 - pointAt) + digits;
    pointAt = 1;
  }
  if (pointAt > digits.length) digits += "0".repeat(pointAt - digits.length);
  const whole = digits.slice(0, pointAt).replace(/^0+(?=\d)/, "");
  const fraction = digits.slice(pointAt).replace(/0+$/, "");
  const out = fraction ? `${whole}.${fraction}` : whole;
  return negative && /[1-9]/.test(out) ? `-${out}` : out;
}
