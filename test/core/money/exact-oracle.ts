/**
 * An independent exact oracle for the money tests: decimals as scaled BigInts.
 * It shares no code with src/core/money (nor decimal.js), so a bug there cannot
 * hide itself by being repeated here.
 */

/** A decimal number `units × 10^-scale`. */
export interface Scaled {
  units: bigint;
  scale: number;
}

/** "1,299.77" style plain decimal text (no exponent) -> Scaled. */
export function scaled(text: string): Scaled {
  const match = /^(-?)(\d*)(?:\.(\d*))?$/.exec(text.replace(/,/g, ""));
  if (!match) throw new Error(`oracle cannot read ${text}`);
  const [, sign = "", whole = "", fraction = ""] = match;
  const units = BigInt(`${whole || "0"}${fraction}`);
  return { units: sign === "-" ? -units : units, scale: fraction.length };
}

const TEN = 10n;
const abs = (n: bigint): bigint => (n < 0n ? -n : n);

/** Plain text of units × 10^-scale with exactly `scale` decimals, "-" only when non-zero. */
export function plain(units: bigint, scale: number): string {
  const digits = abs(units).toString().padStart(scale + 1, "0");
  const body = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return units < 0n ? `-${body}` : body;
}

/** numerator / denominator rounded to `places`, ties away from zero, as units of 10^-places. */
export function divideHalfUp(numerator: bigint, denominator: bigint, places: number): bigint {
  if (denominator === 0n) throw new Error("oracle: divide by zero");
  const negative = numerator < 0n !== denominator < 0n && numerator !== 0n;
  const n = abs(numerator) * TEN ** BigInt(places);
  const d = abs(denominator);
  const rounded = (2n * n + d) / (2n * d);
  return negative ? -rounded : rounded;
}

/** (a / b) × 100 rounded half up to `places`, as text: ratioPercent("1.90", "39") etc. */
export function percentOf(numerator: string, denominator: string, places: number): string {
  const [n, d] = alignScales(scaled(numerator), scaled(denominator));
  return plain(divideHalfUp(n * 100n, d, places), places);
}

/** (a / b) rounded half up to `places`, as text. */
export function quotient(numerator: string, denominator: string, places: number): string {
  const [n, d] = alignScales(scaled(numerator), scaled(denominator));
  return plain(divideHalfUp(n, d, places), places);
}

/** Round a plain decimal text half up (away from zero) to `places`. */
export function roundText(text: string, places: number): string {
  const { units, scale } = scaled(text);
  return plain(divideHalfUp(units, TEN ** BigInt(scale), places), places);
}

function alignScales(a: Scaled, b: Scaled): [bigint, bigint] {
  const scale = Math.max(a.scale, b.scale);
  return [a.units * TEN ** BigInt(scale - a.scale), b.units * TEN ** BigInt(scale - b.scale)];
}
