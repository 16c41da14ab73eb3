import fc from "fast-check";
import { parseAmount, plainDecimalText } from "../../../src/core/money";
import { parseWithScanner } from "../../../src/core/money/parse";

const same = (text: string) => {
  const fast = parseAmount(text);
  const slow = parseWithScanner(text);
  expect(fast.kind).toBe(slow.kind);
  if (fast.kind === "amount" && slow.kind === "amount") {
    expect(fast.value.eq(slow.value)).toBe(true);
    expect([fast.decimals, fast.negative, fast.unitHint]).toEqual([slow.decimals, slow.negative, slow.unitHint]);
    expect(fast.value.isNegative() && fast.value.isZero()).toBe(false);
  }
};

describe("the plain-decimal fast path gives what the full scanner gives", () => {
  it.each(["12,997,700.00", "-1,299.77", "1,000", "999,999,999,999,999,999.99", "0,000.5", "1,29,9.7", "12,99.77", "1,2345.6", "0", "-0", "-0.00", "1299.77", "1112.80", "105", "007.50", "-12.30", "0.000001", "99999999999999999999.99"])("%s", same);
  it("for random plain decimals", () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.stringMatching(/^\d{1,20}$/),
        fc.option(fc.stringMatching(/^\d{1,20}$/), { nil: undefined }),
        fc.boolean(),
        (neg, whole, frac, grouped) => {
          const digits = grouped ? whole.replace(/\B(?=(\d{3})+$)/g, ",") : whole;
          same(`${neg ? "-" : ""}${digits}${frac === undefined ? "" : `.${frac}`}`);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe("plainDecimalText: the written form of a plain decimal without building one", () => {
  const asDec = (text: string) => {
    const p = parseAmount(text);
    return p.kind === "amount" ? p.value.toFixed(p.decimals) : undefined;
  };
  it.each(["12,997,700.00", "-1,299.77", "1,000", "0", "-0", "-0.00", "007.50", "-007", "0.000001", "99999999999999999999.99"])("%s", (text) => {
    expect(plainDecimalText(text)).toBe(asDec(text));
  });
  it.each(["1,29,9.7", " 12", "12 ", "1.2.3", "+5", "1e3", "１２", "", "-", "."])("%s is not plain: undefined", (text) => {
    expect(plainDecimalText(text)).toBeUndefined();
  });
  it("for random plain and grouped decimals", () => {
    fc.assert(
      fc.property(fc.boolean(), fc.stringMatching(/^\d{1,20}$/), fc.option(fc.stringMatching(/^\d{1,20}$/), { nil: undefined }), fc.boolean(), (neg, whole, frac, grouped) => {
        const digits = grouped && !whole.startsWith("0") ? whole.replace(/\B(?=(\d{3})+$)/g, ",") : whole;
        const text = `${neg ? "-" : ""}${digits}${frac === undefined ? "" : `.${frac}`}`;
        expect(plainDecimalText(text)).toBe(asDec(text));
      }),
      { numRuns: 500 },
    );
  });
});
