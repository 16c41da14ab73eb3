import fc from "fast-check";
import { Dec } from "../../../src/core/money/decimal";
import { percentChange, share } from "../../../src/core/money/calc";
import { formatAmount, formatNumber, formatPercent, formatTrimmed } from "../../../src/core/money/format";
import { exactDecimal } from "./arbitraries";

/** "NaN", "Infinity", an exponent, or any spelling of a negative zero ("-0", "-0.00", "-0.0%"). */
const FORBIDDEN = /NaN|Infinity|e|^-0(\.0*)?%?$/;

describe("formatted text properties", () => {
  const anyValue = fc.oneof(
    exactDecimal({ maxScale: 10 }).map((x) => x.value),
    // tiny negatives that round to zero, and huge values
    fc.integer({ min: 1, max: 10 ** 6 }).map((n) => new Dec(`-${n}e-12`)),
    fc.bigInt({ min: -(10n ** 19n), max: 10n ** 19n }).map((n) => new Dec(n.toString())),
    // ratios from division (40 significant digits)
    fc.tuple(exactDecimal(), exactDecimal()).map(([a, b]) => share(a.value, b.value) ?? new Dec(0)),
    fc.tuple(exactDecimal(), exactDecimal()).map(([a, b]) => percentChange(a.value, b.value) ?? new Dec(0)),
  );

  it("never contain NaN, Infinity, an exponent or a negative zero", () => {
    fc.assert(
      fc.property(anyValue, fc.integer({ min: 0, max: 8 }), (value, places) => {
        const outputs = [
          formatAmount(value),
          formatAmount(value, places),
          formatNumber(value, places),
          formatPercent(value),
          formatPercent(value, places),
          formatTrimmed(value, places),
        ];
        for (const text of outputs) expect(text).not.toMatch(FORBIDDEN);
        expect(formatAmount(value)).toMatch(/^-?\d+\.\d{2}$/);
        expect(formatPercent(value, places)).toMatch(places === 0 ? /^-?\d+%$/ : new RegExp(`^-?\\d+\\.\\d{${places}}%$`));
        expect(formatTrimmed(value, places)).toMatch(/^-?\d+(\.\d*[1-9])?$/);
      }),
      { numRuns: 1000 },
    );
  });

  it("formatTrimmed and formatNumber print the same value", () => {
    fc.assert(
      fc.property(anyValue, fc.integer({ min: 0, max: 8 }), (value, places) => {
        expect(new Dec(formatTrimmed(value, places)).eq(new Dec(formatNumber(value, places)))).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
