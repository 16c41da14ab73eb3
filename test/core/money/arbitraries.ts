/** fast-check generators for exact decimals, built from integers so no float ever enters. */
import fc from "fast-check";
import { Dec } from "../../../src/core/money/decimal";

export interface ExactDecimal {
  units: bigint;
  scale: number;
  value: Dec;
}

const build = (units: bigint, scale: number): ExactDecimal => ({ units, scale, value: new Dec(`${units}e-${scale}`) });

/** units × 10^-scale: amounts up to ±10^18 units with 0–6 decimals, biased toward small and edge values. */
export function exactDecimal(options: { maxUnits?: bigint; maxScale?: number; min?: bigint } = {}): fc.Arbitrary<ExactDecimal> {
  const max = options.maxUnits ?? 10n ** 18n;
  return fc
    .tuple(fc.bigInt({ min: options.min ?? -max, max }), fc.integer({ min: 0, max: options.maxScale ?? 6 }))
    .map(([units, scale]) => build(units, scale));
}

/** A non-negative decimal. */
export const nonNegativeDecimal = (maxScale = 4): fc.Arbitrary<ExactDecimal> =>
  exactDecimal({ min: 0n, maxUnits: 10n ** 12n, maxScale });

/** Exactly `scale` decimals, grouped and decorated text helpers. */
export function plainText(units: bigint, scale: number): { integer: string; fraction: string } {
  const digits = (units < 0n ? -units : units).toString().padStart(scale + 1, "0");
  return { integer: scale === 0 ? digits : digits.slice(0, -scale), fraction: scale === 0 ? "" : digits.slice(-scale) };
}

/** 1299770 -> "1,299,770" with the given separator. */
export function groupThousands(integer: string, separator: string): string {
  const groups: string[] = [];
  for (let end = integer.length; end > 0; end -= 3) groups.unshift(integer.slice(Math.max(0, end - 3), end));
  return groups.join(separator);
}

/** ASCII digits and punctuation -> their full-width forms. */
export function toFullWidth(text: string): string {
  return text.replace(/[0-9.,\-()%+]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}
