import Decimal from "decimal.js";
import fc from "fast-check";
import { Dec } from "../../../src/core/money/decimal";
import { largestRemainderShares, percentChange, sum } from "../../../src/core/money/calc";
import { roundHalfUp } from "../../../src/core/money/round";
import { wanToYuan, yuanToWan } from "../../../src/core/money/units";
import { exactDecimal, nonNegativeDecimal } from "./arbitraries";
import { divideHalfUp, plain } from "./exact-oracle";

const RUNS = { numRuns: 1000 };

/** A wide-precision decimal for checking residuals without rounding them away. */
const Wide = Decimal.clone({ precision: 200 });

describe("元/万元 properties", () => {
  it("yuanToWan and wanToYuan undo each other exactly", () => {
    fc.assert(
      fc.property(exactDecimal({ maxScale: 10 }), ({ value }) => {
        expect(yuanToWan(wanToYuan(value)).eq(value)).toBe(true);
        expect(wanToYuan(yuanToWan(value)).eq(value)).toBe(true);
        expect(new Wide(yuanToWan(value)).times(10000).eq(new Wide(value))).toBe(true);
      }),
      RUNS,
    );
  });
});

describe("sum properties", () => {
  const listAndShuffle = fc
    .array(exactDecimal(), { maxLength: 30 })
    .chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length })));

  it("does not depend on order and equals the exact integer sum", () => {
    fc.assert(
      fc.property(listAndShuffle, ([list, shuffled]) => {
        const total = sum(list.map((x) => x.value));
        expect(sum(shuffled.map((x) => x.value)).eq(total)).toBe(true);
        // Oracle: add as integers at the largest scale.
        const scale = Math.max(0, ...list.map((x) => x.scale));
        const units = list.reduce((acc, x) => acc + x.units * 10n ** BigInt(scale - x.scale), 0n);
        expect(total.eq(new Dec(plain(units, scale)))).toBe(true);
      }),
      RUNS,
    );
  });
});

describe("roundHalfUp properties", () => {
  it("moves by at most half a unit, is idempotent and matches the oracle", () => {
    fc.assert(
      fc.property(exactDecimal({ maxScale: 10 }), fc.integer({ min: 0, max: 8 }), ({ units, scale, value }, places) => {
        const rounded = roundHalfUp(value, places);
        const halfUnit = new Dec(`5e-${places + 1}`);
        expect(rounded.minus(value).abs().lte(halfUnit)).toBe(true);
        expect(roundHalfUp(rounded, places).eq(rounded)).toBe(true);
        expect(rounded.decimalPlaces()).toBeLessThanOrEqual(places);
        const oracle = plain(divideHalfUp(units, 10n ** BigInt(scale), places), places);
        expect(rounded.eq(new Dec(oracle))).toBe(true);
        expect(rounded.isZero() && rounded.isNegative()).toBe(false);
      }),
      RUNS,
    );
  });
});

describe("largestRemainderShares properties", () => {
  it("sums to exactly 100 and each share is within one unit of its exact value", () => {
    fc.assert(
      fc.property(
        fc.array(nonNegativeDecimal(), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 0, max: 4 }),
        (parts, places) => {
          const values = parts.map((p) => p.value);
          const shares = largestRemainderShares(values, places);
          const total = sum(values);
          if (total.isZero()) {
            expect(shares).toBeNull();
            return;
          }
          if (shares === null) throw new Error("shares of a positive total must exist");
          expect(sum(shares).eq(100)).toBe(true);
          const unit = new Wide(`1e-${places}`);
          shares.forEach((s, i) => {
            expect(s.decimalPlaces()).toBeLessThanOrEqual(places);
            // |share − 100·part/total| < unit, checked without dividing: |share·total − 100·part| < unit·total.
            const error = new Wide(s).times(new Wide(total)).minus(new Wide(values[i] as Dec).times(100)).abs();
            expect(error.lt(unit.times(new Wide(total)))).toBe(true);
          });
        },
      ),
      RUNS,
    );
  });
});

describe("percentChange properties", () => {
  it("change × prior + prior gives back current", () => {
    fc.assert(
      fc.property(exactDecimal({ maxScale: 4 }), exactDecimal({ maxScale: 4 }), (prior, current) => {
        const change = percentChange(prior.value, current.value);
        if (prior.value.isZero()) {
          expect(change).toBeNull();
          return;
        }
        if (change === null) throw new Error("non-zero prior must give a change");
        // The quotient is rounded at its 40th significant digit, so the identity
        // holds to within that half unit (exactly when the quotient terminates) …
        const back = new Wide(change).times(new Wide(prior.value)).plus(new Wide(prior.value));
        const halfUlp = new Wide(prior.value).abs().times(new Wide(10).pow(change.e - 39)).div(2);
        expect(back.minus(new Wide(current.value)).abs().lte(halfUlp)).toBe(true);
        // … which at the figures' own scale is exact, computed in Dec itself.
        const places = Math.max(prior.scale, current.scale);
        const inDec = roundHalfUp(change.times(prior.value).plus(prior.value), places);
        expect(inDec.eq(current.value)).toBe(true);
      }),
      RUNS,
    );
  });

  it("is exact when the change terminates", () => {
    fc.assert(
      fc.property(
        exactDecimal({ maxScale: 4 }).filter((p) => !p.value.isZero()),
        exactDecimal({ maxScale: 4, maxUnits: 10n ** 6n }),
        (prior, rate) => {
          const current = prior.value.plus(prior.value.times(rate.value));
          const change = percentChange(prior.value, current);
          expect(change?.eq(rate.value)).toBe(true);
          expect(change?.times(prior.value).plus(prior.value).eq(current)).toBe(true);
        },
      ),
      RUNS,
    );
  });
});
