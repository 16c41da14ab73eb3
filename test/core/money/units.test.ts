import { describe, expect, it } from "vitest";
import { Dec } from "../../../src/core/money/decimal";
import { shiftDecimalPoint, wanToYuan, yuanToWan } from "../../../src/core/money/units";

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
