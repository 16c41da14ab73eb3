import fc from "fast-check";
import { Dec } from "../../../src/core/money/decimal";
import { formatAmount, formatPercent } from "../../../src/core/money/format";
import { parseAmount } from "../../../src/core/money/parse";
import { roundHalfUp } from "../../../src/core/money/round";
import { shiftDecimalPoint } from "../../../src/core/money/units";
import { exactDecimal, groupThousands, plainText, toFullWidth } from "./arbitraries";

const RUNS = { numRuns: 1000 };

describe("parseAmount properties", () => {
  it("reads back what formatAmount writes, exactly, with the same decimals", () => {
    fc.assert(
      fc.property(exactDecimal(), ({ value, scale }) => {
        const parsed = parseAmount(formatAmount(value, scale));
        expect(parsed.kind).toBe("amount");
        if (parsed.kind !== "amount") return;
        expect(parsed.value.eq(value)).toBe(true);
        expect(parsed.decimals).toBe(scale);
        expect(parsed.negative).toBe(value.isNegative() && !value.isZero());
      }),
      RUNS,
    );
  });

  it("reads back a rounded percentage from formatPercent", () => {
    fc.assert(
      fc.property(exactDecimal({ maxScale: 8 }), fc.integer({ min: 0, max: 4 }), ({ value }, places) => {
        const parsed = parseAmount(formatPercent(value, places));
        expect(parsed.kind === "amount" && parsed.unitHint).toBe("%");
        const expected = shiftDecimalPoint(roundHalfUp(shiftDecimalPoint(value, 2), places), -2);
        expect(parsed.kind === "amount" && parsed.value.eq(expected)).toBe(true);
      }),
      RUNS,
    );
  });

  it("reads the exact value through every decoration officers and exports add", () => {
    const decoration = fc.record({
      thousands: fc.constantFrom("", ",", "，"),
      fullWidth: fc.boolean(),
      currency: fc.constantFrom("", "￥", "¥", "RMB ", "RMB"),
      negativeStyle: fc.constantFrom("-", "－", "\u2212", "▲", "()", "（）"),
      positiveSign: fc.constantFrom("", "+"),
      unit: fc.constantFrom("", "元", "万元", " 元"),
      apostrophe: fc.boolean(),
      before: fc.constantFrom("", " ", "\t", "\u00a0", "\u3000", "  "),
      after: fc.constantFrom("", " ", "\t", "\u00a0", "\u3000", "   "),
    });
    fc.assert(
      fc.property(exactDecimal(), decoration, ({ units, scale, value }, style) => {
        const { integer, fraction } = plainText(units, scale);
        let digits = groupThousands(integer, style.thousands) + (scale > 0 ? `.${fraction}` : "");
        if (style.fullWidth) digits = toFullWidth(digits);
        const negative = units < 0n;
        const money = `${style.currency}${digits}`;
        let body: string;
        if (!negative) body = `${style.positiveSign}${money}`;
        else if (style.negativeStyle.length === 2) body = `${style.negativeStyle[0]}${money}${style.negativeStyle[1]}`;
        else body = `${style.negativeStyle}${money}`;
        const text = `${style.before}${style.apostrophe ? "'" : ""}${body}${style.unit}${style.after}`;

        const parsed = parseAmount(text);
        if (parsed.kind !== "amount") throw new Error(`${JSON.stringify(text)} -> ${JSON.stringify(parsed)}`);
        expect(parsed.value.eq(value)).toBe(true);
        expect(parsed.decimals).toBe(scale);
        expect(parsed.negative).toBe(negative);
        expect(parsed.unitHint).toBe(style.unit.trim() === "" ? undefined : style.unit.trim());
      }),
      RUNS,
    );
  });

  it("reads scientific notation to the exact value", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }),
        fc.integer({ min: -12, max: 4 }),
        fc.constantFrom("e", "E"),
        (mantissa, exponent, letter) => {
          const text = `${mantissa}${letter}${exponent >= 0 ? "+" : ""}${exponent}`;
          const parsed = parseAmount(text);
          if (parsed.kind !== "amount") throw new Error(`${text} -> ${JSON.stringify(parsed)}`);
          expect(parsed.value.eq(shiftDecimalPoint(new Dec(mantissa.toString()), exponent))).toBe(true);
          expect(parsed.decimals).toBe(Math.max(0, -exponent));
        },
      ),
      RUNS,
    );
  });

  it("never throws, and any amount it returns is finite and within the limits", () => {
    const cellChars = [..."0123456789.,-+()（）%％元万¥￥RMBeE▲'　 \t０１９．，－约/—"];
    const text = fc.oneof(
      fc.string({ unit: "binary", maxLength: 30 }),
      fc.string({ unit: fc.constantFrom(...cellChars), maxLength: 20 }),
    );
    fc.assert(
      fc.property(text, (cell) => {
        const parsed = parseAmount(cell);
        expect(["amount", "none", "invalid"]).toContain(parsed.kind);
        if (parsed.kind === "amount") {
          expect(parsed.value.isFinite()).toBe(true);
          expect(parsed.value.decimalPlaces()).toBeLessThanOrEqual(20);
          expect(parsed.negative).toBe(parsed.value.isNegative());
        }
        if (parsed.kind === "invalid") expect(parsed.reason.startsWith("无法识别为金额：")).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it("reads any finite JS number as String(n) reads", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 }), (n) => {
        const parsed = parseAmount(n);
        const written = new Dec(String(n));
        if (written.decimalPlaces() > 20) {
          // Beyond 20 decimals is refused by design (see MAX_DECIMAL_PLACES).
          expect(parsed.kind === "invalid" && parsed.reason).toContain("小数位数过多");
          return;
        }
        if (parsed.kind !== "amount") throw new Error(`${n} -> ${JSON.stringify(parsed)}`);
        expect(parsed.value.eq(written)).toBe(true);
        expect(parsed.value.toNumber()).toBe(n === 0 ? 0 : n);
      }),
      RUNS,
    );
  });
});
