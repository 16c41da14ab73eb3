import fc from "fast-check";
import { displayGeneral, displayGeneralInCell } from "../../../src/core/formula/display";

describe("a General number as a cell shows it (at most 11 characters, KB 65903)", () => {
  it("drops float remainders a formula leaves, as Excel's grid does", () => {
    // What the 校验 sheet's working column computes for 1299.77 − (…) on the 2020 seed.
    expect(displayGeneral(77.0799999999999)).toBe("77.0799999999999");
    expect(displayGeneralInCell(77.0799999999999)).toBe("77.08");
    expect(displayGeneralInCell(-2.02000000000001)).toBe("-2.02");
    expect(displayGeneralInCell(0.1 + 0.2)).toBe("0.3");
  });

  it("shows a tiny remainder in scientific notation rather than as 0 or 16 digits", () => {
    expect(displayGeneral(7.105427357601e-15)).toBe("7.105427357601e-15");
    expect(displayGeneralInCell(7.105427357601e-15)).toBe("7.10543E-15");
    expect(displayGeneralInCell(-1.13686837721616e-13)).toBe("-1.13687E-13");
    expect(displayGeneralInCell(1.5e-10)).toBe("1.5E-10");
  });

  it("keeps 10 digits with a decimal point, 11 without, then goes scientific", () => {
    expect(displayGeneralInCell(99.99999999)).toBe("99.99999999");
    expect(displayGeneralInCell(99.999999999)).toBe("100");
    expect(displayGeneralInCell(12345678901)).toBe("12345678901");
    expect(displayGeneralInCell(123456789012)).toBe("1.23457E+11");
    expect(displayGeneralInCell(0.0001234567891)).toBe("0.000123457");
    expect(displayGeneralInCell(2020)).toBe("2020");
    expect(displayGeneralInCell(0)).toBe("0");
  });

  it("never takes more than 11 characters besides the sign, and reads back within the shown precision", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e300, max: 1e300 }), (n) => {
        const shown = displayGeneralInCell(n);
        expect(shown.replace(/^-/, "").length).toBeLessThanOrEqual(11);
        const back = Number(shown);
        if (n === 0 || Object.is(n, -0)) return;
        // Five significant digits survive at worst (a mantissa beside a three-digit exponent, E-285).
        expect(Math.abs(back - n)).toBeLessThanOrEqual(Math.abs(n) * 5e-5);
      }),
    );
  });
});
