import { Dec } from "../../../src/core/money/decimal";
import { formatAmount, formatNumber, formatPercent, formatTrimmed } from "../../../src/core/money/format";

const d = (text: string) => new Dec(text);

describe("formatAmount", () => {
  const cases: Array<[value: string, places: number | undefined, expected: string]> = [
    ["1299.77", undefined, "1299.77"],
    ["1299.7", undefined, "1299.70"],
    ["1112.8", undefined, "1112.80"],
    ["12997700", undefined, "12997700.00"],
    ["0", undefined, "0.00"],
    ["-0", undefined, "0.00"],
    ["-0.001", undefined, "0.00"],
    ["-0.004999", undefined, "0.00"],
    ["-0.005", undefined, "-0.01"],
    ["-12.3", undefined, "-12.30"],
    ["2.675", undefined, "2.68"],
    ["1299.77", 0, "1300"],
    ["1e21", undefined, "1000000000000000000000.00"],
    ["1e-30", undefined, "0.00"],
  ];
  it.each(cases)("%s (places %s) -> %s", (value, places, expected) => {
    expect(places === undefined ? formatAmount(d(value)) : formatAmount(d(value), places)).toBe(expected);
  });

  it("prints no thousands separator and no exponent", () => {
    expect(formatAmount(d("123456789.5"))).toBe("123456789.50");
    expect(formatAmount(d("1.5e25"))).not.toMatch(/[e,]/);
  });

  it("refuses a value that is not finite rather than printing NaN", () => {
    expect(() => formatAmount(new Dec(Number.NaN))).toThrow(RangeError);
    expect(() => formatPercent(new Dec(Number.POSITIVE_INFINITY))).toThrow(RangeError);
    expect(() => formatTrimmed(new Dec(Number.NaN), 2)).toThrow(RangeError);
  });
});

describe("formatPercent", () => {
  const cases: Array<[ratio: string, places: number | undefined, expected: string]> = [
    ["0.447674", undefined, "44.77%"],
    ["-0.447674", undefined, "-44.77%"],
    ["0.9717", undefined, "97.17%"],
    ["1", undefined, "100.00%"],
    ["0", undefined, "0.00%"],
    ["-0.0000001", undefined, "0.00%"],
    ["0.00005", undefined, "0.01%"],
    ["0.123456", 1, "12.3%"],
    ["0.5", 0, "50%"],
  ];
  it.each(cases)("%s (places %s) -> %s", (ratio, places, expected) => {
    expect(places === undefined ? formatPercent(d(ratio)) : formatPercent(d(ratio), places)).toBe(expected);
  });
});

describe("formatNumber", () => {
  it.each([
    ["0.0487179", 3, "0.049"],
    ["0.06", 2, "0.06"],
    ["39", 0, "39"],
    ["-0.0004", 3, "0.000"],
    ["7.5", 3, "7.500"],
  ] as Array<[string, number, string]>)("%s at %i places -> %s", (value, places, expected) => {
    expect(formatNumber(d(value), places)).toBe(expected);
  });
});

describe("formatTrimmed", () => {
  // As the 2025 report writes figures: 105万元, 5.8万元, 6.45万.
  it.each([
    ["105", 2, "105"],
    ["105.00", 2, "105"],
    ["5.80", 2, "5.8"],
    ["6.45", 2, "6.45"],
    ["6.454", 2, "6.45"],
    ["6.455", 2, "6.46"],
    ["-0.001", 2, "0"],
    ["1200.53", 0, "1201"],
    ["1e21", 2, "1000000000000000000000"],
  ] as Array<[string, number, string]>)("%s (max %i) -> %s", (value, places, expected) => {
    expect(formatTrimmed(d(value), places)).toBe(expected);
  });
});
