import Decimal from "decimal.js";

/**
 * The one decimal constructor ZiPing computes money with.
 *
 * A private clone, so no other code (and no other library sharing decimal.js)
 * can change our precision or rounding by mutating the global Decimal.
 * - precision 40: amounts are at most 20 integer + 20 fraction digits (parse
 *   enforces it), so sums and differences of them are exact; only quotients
 *   are rounded, at the 40th significant digit.
 * - ROUND_HALF_UP: decimal.js rounds a tie away from zero (2.675 -> 2.68,
 *   -0.005 -> -0.01), the same as Excel's ROUND and what the reports expect.
 * - toExpNeg/toExpPos ±40: toString() keeps plain notation for every value
 *   parse can produce, so no "1e-7" leaks into a message.
 */
export const Dec: typeof Decimal = Decimal.clone({
  precision: 40,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -40,
  toExpPos: 40,
});

/** A decimal value made by Dec (instance type). */
export type Dec = Decimal;

/**
 * Re-create a value under Dec's settings. decimal.js takes precision and
 * rounding from the constructor of the left operand, so a value built with
 * the global Decimal (precision 20) would otherwise round our arithmetic.
 */
export function toDec(value: Decimal): Dec {
  // Every decimal.js instance records its constructor; ours need no copy (the hot path of sums).
  return value.constructor === Dec ? value : new Dec(value);
}

/** A zero of either sign becomes +0, so callers never see or print "-0". */
export function withoutNegativeZero(value: Dec): Dec {
  return value.isZero() ? new Dec(0) : value;
}
