import { Dec } from "../../../src/core/money/decimal";
import { shiftDecimalPoint, shiftPointText, wanToYuan, wanToYuanText, yuanToWan, yuanToWanText } from "../../../src/core/money/units";
import fc from "fast-check";
import { exactDecimal } from "./arbitraries";

describe("元 and 万元", () => {
  it("yuanToWan(12997700) is 1299.77 exactly", () => {
    const wan = yuanToWan(new Dec(12997700));
    expect(wan.eq(new Dec("1299.77"))).toBe(true);
    expect(wan.toString()).toBe("1299.77");
  });

  it("wanToYuan(1299.77) is 12997700", () => {
    expect(wanToYuan(new Dec("1299.77")).toString()).toBe("12997700");
  });

  it("keeps every digit however long the amount", () => {
    const long = "1234567890123456789.0123456789012345678901";
    expect(yuanToWan(new Dec(long)).toFixed()).toBe("123456789012345.67890123456789012345678901");
    expect(wanToYuan(new Dec("0.0001")).toString()).toBe("1");
    expect(yuanToWan(new Dec("-1")).toString()).toBe("-0.0001");
    expect(yuanToWan(new Dec(0)).isZero()).toBe(true);
  });

  it("shiftDecimalPoint moves the point both ways", () => {
    expect(shiftDecimalPoint(new Dec("0.4477"), 2).toString()).toBe("44.77");
    expect(shiftDecimalPoint(new Dec("44.77"), -2).toString()).toBe("0.4477");
  });
});

describe("shiftPointText: moving the point of a written decimal, as Dec would write the product", () => {
  it.each([
    ["49774.64", -4, "4.977464"],
    ["100.00", -4, "0.01"],
    ["0.00", -4, "0"],
    ["-5", -4, "-0.0005"],
    ["12997700", -4, "1299.77"],
    ["1299.77", 4, "12997700"],
    ["0.0001", 4, "1"],
  ] as const)("%s × 10^%d = %s", (text, places, out) => {
    expect(shiftPointText(text, places)).toBe(out);
  });
  it("equals Dec's own shift for random decimals written with any number of decimals", () => {
    fc.assert(
      fc.property(exactDecimal(), fc.integer({ min: 0, max: 3 }), fc.integer({ min: -6, max: 6 }), ({ value, scale }, extra, places) => {
        const written = value.toFixed(scale + extra);
        expect(shiftPointText(written, places)).toBe(shiftDecimalPoint(value, places).toFixed());
      }),
      { numRuns: 500 },
    );
  });
});

describe("yuanToWanText and wanToYuanText", () => {
  it("agree with the decimal conversions", () => {
    fc.assert(
      fc.property(exactDecimal({ maxScale: 4 }), ({ value, scale }) => {
        expect(yuanToWanText(value.toFixed(scale))).toBe(yuanToWan(value).toFixed());
        expect(wanToYuanText(value.toFixed(scale))).toBe(wanToYuan(value).toFixed());
      }),
      { numRuns: 300 },
    );
  });
});
