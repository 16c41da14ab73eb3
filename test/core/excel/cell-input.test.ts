import fc from "fast-check";
import { readCell } from "../../../src/core/check";
import { cellInput, numberText } from "../../../src/core/excel/cell-input";
import { formatAmount } from "../../../src/core/money";
import { defaultForm, expandFields, type FieldDef } from "../../../src/core/spec";
import { exactDecimal } from "../money/arbitraries";

const fields = expandFields(defaultForm, {});
const amount = fields.find((f) => f.kind === "amount" && f.unit === "万元")!;
const count = fields.find((f) => f.kind === "count" && f.unit === "人")!;
const text = fields.find((f) => f.kind === "text")!;
const percent: FieldDef = { ...amount, kind: "percent", unit: "%" };

describe("cellInput", () => {
  it("writes figures in the cell's own unit as numbers", () => {
    expect(cellInput(amount, "1299.77万元")).toEqual({ kind: "number", value: 1299.77 });
    expect(cellInput(amount, "1,299.77")).toEqual({ kind: "number", value: 1299.77 });
    expect(cellInput(amount, { value: "616.9912", exact: true })).toEqual({ kind: "number", value: 616.9912 });
    expect(cellInput(percent, "44.77%")).toEqual({ kind: "number", value: 0.4477 });
    expect(cellInput(count, 12)).toEqual({ kind: "number", value: 12 });
  });

  it("keeps as text what is not a figure of this cell, and what Excel would round", () => {
    for (const raw of ["100元", "44.77%", "无", "—", "=1+2", "+86 0730", "@SUM(A1)", "12345678901234567.89", "1234567890123456"]) {
      expect(cellInput(amount, raw), raw).toEqual({ kind: "text", text: raw });
    }
    expect(cellInput(amount, "123456789012345")).toEqual({ kind: "number", value: 123456789012345 });
  });

  it("keeps text fields and list names as text, whatever they look like", () => {
    expect(cellInput(text, "07308858935")).toEqual({ kind: "text", text: "07308858935" });
    expect(cellInput(undefined, "2020")).toEqual({ kind: "text", text: "2020" });
    expect(cellInput(text, 2020)).toEqual({ kind: "text", text: "2020" });
  });

  it("clears the cell for nothing or only spaces", () => {
    for (const raw of [null, undefined, "", "  ", "\u3000", { value: null }]) expect(cellInput(amount, raw)).toEqual({ kind: "blank" });
  });

  it("writes a number exactly when the cell reads back as the figure the checks read in the text", () => {
    fc.assert(
      fc.property(exactDecimal({ maxUnits: 10n ** 19n, maxScale: 8 }), fc.constantFrom("", "万元", "元"), ({ value, scale }, unit) => {
        const written = `${formatAmount(value, scale)}${unit}`;
        const input = cellInput(amount, written);
        const fromText = readCell(amount, written);
        if (input.kind === "number") {
          // What the workbook gives back is what the checks saw in the text.
          const fromCell = readCell(amount, numberText(input.value));
          expect(fromText.state).toBe("number");
          expect(fromCell.state === "number" && fromText.state === "number" && fromCell.value.eq(fromText.value)).toBe(true);
        } else {
          expect(input).toEqual({ kind: "text", text: written });
          // Text only for another unit or more digits than Excel keeps.
          expect(unit === "元" || value.sd() > 15).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
