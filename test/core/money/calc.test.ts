import Decimal from "decimal.js";
import { Dec } from "../../../src/core/money/decimal";
import {
  difference,
  executionRate,
  percentChange,
  perCapita,
  share,
  sum,
} from "../../../src/core/money/calc";
import { quotient } from "./exact-oracle";

const d = (text: string) => new Dec(text);

describe("sum and difference", () => {
  it("add exactly where floats do not", () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(sum([d("0.1"), d("0.2")]).toString()).toBe("0.3");
    expect(sum([]).toString()).toBe("0");
    // 2020 report: 264.05 + 987.55 + 0 + 0 + 48.17 = 1299.77 (收入合计)
    expect(sum(["264.05", "987.55", "0", "0", "48.17"].map(d)).toString()).toBe("1299.77");
  });

  it("difference is a − b and never −0", () => {
    // 2020 report: 累计结余 = 1299.77 − 1112.80 = 186.97
    expect(difference(d("1299.77"), d("1112.80")).toString()).toBe("186.97");
    const zero = difference(d("-0"), d("0"));
    expect(zero.isZero() && !zero.isNegative()).toBe(true);
  });
});

describe("ratios", () => {
  it("percentChange is (current − prior) / prior", () => {
    expect(percentChange(d("100"), d("125"))?.toString()).toBe("0.25");
    expect(percentChange(d("4"), d("1"))?.toString()).toBe("-0.75");
    expect(percentChange(d("5"), d("5"))?.toString()).toBe("0");
  });

  it("return null rather than NaN or Infinity when undefined", () => {
    expect(percentChange(d("0"), d("5"))).toBeNull();
    expect(share(d("5"), d("0"))).toBeNull();
    expect(perCapita(d("1.90"), d("0"))).toBeNull();
    expect(executionRate(d("1"), d("-0"))).toBeNull();
    expect(share(new Dec(Number.NaN), d("1"))).toBeNull();
    expect(share(d("1"), new Dec(Number.POSITIVE_INFINITY))).toBeNull();
  });

  it("executionRate is actual / budget", () => {
    // 2020 report: 基本支出 决算 781.00 against 预算 507.32 (overspent)
    const rate = executionRate(d("781.00"), d("507.32"));
    expect(rate?.toDecimalPlaces(6).toFixed(6)).toBe(quotient("781.00", "507.32", 6));
    expect(rate?.gt(1)).toBe(true);
  });

  it("compute with Dec's precision even when given global Decimal values", () => {
    const third = share(new Decimal(1) as Dec, new Decimal(3) as Dec);
    expect(third?.toString()).toBe(`0.${"3".repeat(40)}`);
  });
});
