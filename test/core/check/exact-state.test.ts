import fc from "fast-check";
import { exactAmountState, readCell } from "../../../src/core/check/values";
import { Dec } from "../../../src/core/money";
import { defaultForm, expandFields } from "../../../src/core/spec";

const amountFields = expandFields(defaultForm, {}).filter((f) => f.kind === "amount" || f.kind === "amountOrNone");
const digits = fc.tuple(fc.bigInt({ min: -(10n ** 14n), max: 10n ** 14n }), fc.integer({ min: 0, max: 8 }));

describe("exactAmountState: a figure the importer holds exactly, as readCell would read it", () => {
  it("equals readCell of { value: text, exact: true } for amount fields", () => {
    expect(amountFields.some((f) => f.unit === "万元")).toBe(true);
    fc.assert(
      fc.property(digits, fc.constantFrom(...amountFields), ([units, places], field) => {
        const value = new Dec(units.toString()).times(new Dec(10).pow(-places));
        const text = value.decimalPlaces() >= 2 ? value.toFixed() : value.toFixed(2);
        const read = readCell(field, { value: text, exact: true });
        const made = exactAmountState(value, text);
        expect(made.state).toBe(read.state);
        if (read.state !== "number" || made.state !== "number") throw new Error(`not a number: ${text}`);
        expect(made.text).toBe(read.text);
        expect(made.value.eq(read.value)).toBe(true);
        expect(made.halfWidth.eq(read.halfWidth)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
