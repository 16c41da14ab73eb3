import { Dec, toDec } from "./decimal";
import { assertPlaces } from "./round";

/**
 * Percentages of a whole that add up to exactly 100, each rounded to `places`
 * decimals by the largest-remainder (Hamilton) method: every share starts at
 * its exact percentage rounded down; the units still missing from 100 go one
 * each to the shares with the largest remainders. Ties go to the earlier
 * index, so the result is deterministic and follows the table's row order.
 *
 * Each result is within 10^-places of the exact percentage. Shares of
 * 507.32 and 14.76 in 522.08 are [97.17, 2.83].
 *
 * Returns null when the shares are undefined: an empty list, a total of 0, a
 * negative part (a share of a whole with negative parts is not a proportion),
 * or a part that is not finite. Throws a RangeError for invalid `places`.
 *
 * The work is done on scaled BigInts, not on rounded quotients, so remainders
 * compare exactly and a true tie is recognised as a tie.
 */
export function largestRemainderShares(parts: Dec[], places: number): Dec[] | null {
  assertPlaces(places);
  const values = parts.map(toDec);
  if (values.length === 0 || values.some((v) => !v.isFinite() || v.isNegative())) return null;

  const scale = Math.max(...values.map((v) => v.decimalPlaces()));
  const integers = values.map((v) => BigInt(v.toFixed(scale).replace(".", "")));
  const total = integers.reduce((a, b) => a + b, 0n);
  if (total === 0n) return null;

  // Shares are counted in units of 10^-places percent; 100% is `whole` units.
  const whole = 100n * 10n ** BigInt(places);
  const floors = integers.map((n) => (n * whole) / total);
  const remainders = integers.map((n) => (n * whole) % total);
  let missing = whole - floors.reduce((a, b) => a + b, 0n);

  const byRemainder = remainders
    .map((remainder, index) => ({ remainder, index }))
    .sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  const units = [...floors];
  for (const { index } of byRemainder) {
    if (missing === 0n) break;
    units[index] += 1n;
    missing -= 1n;
  }
  return units.map((u) => new Dec(`${u.toString()}e-${places}`));
}
