import { Dec } from "../../../src/core/money/decimal";
import { roundHalfUp } from "../../../src/core/money/round";
import { roundText } from "./exact-oracle";

describe("roundHalfUp", () => {
  // Ties go away from zero, as Excel's ROUND does: -0.005 -> -0.01.
  const cases: Array<[value: string, places: number, expected: string]> = [
    ["0.005", 2, "0.01"],
    ["0.015", 2, "0.02"],
    ["0.025", 2, "0.03"],
    ["2.675", 2, "2.68"],
    ["1.005", 2, "1.01"],
    ["0.0049999", 2, "0"],
    ["-0.005", 2, "-0.01"],
    ["-2.675", 2, "-2.68"],
    ["-0.0049", 2, "0"],
    ["2.5", 0, "3"],
    ["-2.5", 0, "-3"],
    ["0.0487179487", 3, "0.049"],
    ["44.7674418604651", 2, "44.77"],
    ["97.0149253731", 2, "97.01"],
    ["1299.77", 4, "1299.77"],
  ];

  it.each(cases)("%s to %i places", (value, places, expected) => {
    const rounded = roundHalfUp(new Dec(value), places);
    expect(rounded.toFixed()).toBe(expected);
    // The independent BigInt oracle agrees.
    expect(new Dec(roundText(value, places)).eq(rounded)).toBe(true);
  });

  it("gets right the ties binary floating point gets wrong", () => {
    // 2.675 and 1.005 are stored below the tie as doubles, so float rounding goes down.
    expect((2.675).toFixed(2)).toBe("2.67");
    expect((1.005).toFixed(2)).toBe("1.00");
    expect(roundHalfUp(new Dec("2.675"), 2).toFixed(2)).toBe("2.68");
    expect(roundHalfUp(new Dec("1.005"), 2).toFixed(2)).toBe("1.01");
  });

  it("never returns negative zero", () => {
    const rounded = roundHalfUp(new Dec("-0.001"), 2);
    expect(rounded.isZero()).toBe(true);
    expect(rounded.isNegative()).toBe(false);
  });

  it("refuses places that are not a whole number from 0 to 20", () => {
    for (const places of [-1, 1.5, 21, Number.NaN]) {
      expect(() => roundHalfUp(new Dec(1), places)).toThrow(RangeError);
    }
  });
});
