import Decimal from "decimal.js";
import { Dec, toDec } from "../../../src/core/money/decimal";

describe("Dec", () => {
  it("is a private clone with ZiPing's settings", () => {
    expect(Dec).not.toBe(Decimal);
    expect(Dec.precision).toBe(40);
    expect(Dec.rounding).toBe(Decimal.ROUND_HALF_UP);
    expect(Dec.toExpNeg).toBe(-40);
    expect(Dec.toExpPos).toBe(40);
  });

  it("leaves the global Decimal as decimal.js ships it", () => {
    expect(Decimal.precision).toBe(20);
    expect(Decimal.toExpNeg).toBe(-7);
    expect(Decimal.toExpPos).toBe(21);
  });

  it("divides to 40 significant digits and prints small values without exponent", () => {
    const third = new Dec(1).div(3);
    expect(third.toString()).toBe(`0.${"3".repeat(40)}`);
    expect(new Dec("0.000012").toString()).toBe("0.000012");
  });

  it("toDec moves a global Decimal under Dec's precision", () => {
    const global = new Decimal(1);
    expect(global.div(3).toString()).toBe(`0.${"3".repeat(20)}`);
    expect(toDec(global).div(3).toString()).toBe(`0.${"3".repeat(40)}`);
  });
});
