import { Dec, toDec, withoutNegativeZero } from "./decimal";

/** Largest number of decimal places any formatter or rounding call accepts. */
export const MAX_PLACES = 20;

/** Throws when `places` is not a whole number in 0..MAX_PLACES: that is a programming error. */
export function assertPlaces(places: number): void {
  if (!Number.isInteger(places) || places < 0 || places > MAX_PLACES) {
    throw new RangeError(`places must be an integer from 0 to ${MAX_PLACES}, got ${places}`);
  }
}

/**
 * Round to `places` decimals, a tie going away from zero: 0.005 -> 0.01,
 * 2.675 -> 2.68, -0.005 -> -0.01. This is Excel's ROUND, which is how the
 * tables' 合计 cells round, so our figures agree with the sheet's.
 * A result of zero is always +0 (never -0).
 */
export function roundHalfUp(v: Dec, places: number): Dec {
  assertPlaces(places);
  const d = toDec(v);
  // Most figures already have no more decimals than asked for: nothing to round (the common,
  // hot case in formatting).
  if (d.isFinite() && d.decimalPlaces() <= places) return withoutNegativeZero(d);
  return withoutNegativeZero(d.toDecimalPlaces(places, Dec.ROUND_HALF_UP));
}
