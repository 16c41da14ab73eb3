import { Dec, toDec } from "./decimal";
import { roundHalfUp } from "./round";
import { shiftDecimalPoint } from "./units";

/**
 * Text for figures as the reports print them: plain digits, "." as the
 * decimal point, "-" for negatives, no thousands separator, never exponent
 * notation, never "-0.00".
 *
 * A NaN or infinite value cannot come out of parseAmount or the calc
 * functions (they return null instead), so one reaching a formatter is a bug;
 * it throws rather than printing "NaN" into a report.
 */

function assertFinite(v: Dec): void {
  if (!toDec(v).isFinite()) throw new RangeError(`cannot format a non-finite value: ${v.toString()}`);
}

/** Exactly `places` decimals, half up: formatNumber(0.0487, 3) = "0.049". */
export function formatNumber(v: Dec, places: number): string {
  // Decimal values are immutable, so a value's text at a given number of places never changes;
  // the narrative formats the same cached cell values on every live pass.
  let byPlaces = formatted.get(v);
  const hit = byPlaces?.[places];
  if (hit !== undefined) return hit;
  assertFinite(v);
  // roundHalfUp turns a rounded -0 into +0, so toFixed cannot print "-0.00".
  const text = roundHalfUp(v, places).toFixed(places);
  if (!byPlaces) formatted.set(v, (byPlaces = []));
  byPlaces[places] = text;
  return text;
}

const formatted = new WeakMap<Dec, string[]>();

/** An amount with `places` decimals (default 2): 1299.77 -> "1299.77", 0 -> "0.00". */
export function formatAmount(v: Dec, places = 2): string {
  return formatNumber(v, places);
}

/** A ratio as a percentage: 0.447674 -> "44.77%", -0.447674 -> "-44.77%". */
export function formatPercent(ratio: Dec, places = 2): string {
  assertFinite(ratio);
  return `${formatNumber(shiftDecimalPoint(toDec(ratio), 2), places)}%`;
}

/**
 * At most `maxPlaces` decimals, trailing zeros dropped, as the reports write
 * some figures: 105 -> "105", 5.80 -> "5.8", 6.45 -> "6.45".
 */
export function formatTrimmed(v: Dec, maxPlaces: number): string {
  assertFinite(v);
  // decimal.js keeps no trailing zeros, so toFixed() without places prints the shortest form.
  return roundHalfUp(v, maxPlaces).toFixed();
}
