import type { ImportPlan } from "../../src/taskpane/adapters/importer";
import { newValueText, replaced, sameFigure } from "../../src/taskpane/model/import-values";

type PlannedWrite = ImportPlan["writes"][number];

function write(existing: PlannedWrite["existing"], converted: string): PlannedWrite {
  return { fieldId: "income.unit[1].total", cell: "收入!B6", label: "收入合计", text: converted, value: converted, converted, existing } as PlannedWrite;
}

describe("what an import write replaces", () => {
  it("compares amounts as decimals: grouping and trailing zeros do not make a figure different", () => {
    expect(sameFigure("1,075.81", "1075.81")).toBe(true);
    expect(sameFigure("1075.8", "1075.80")).toBe(true);
    expect(sameFigure("-0", "0.00")).toBe(true);
    expect(sameFigure("1075.81", "1075.810000000000000001")).toBe(false);
    expect(sameFigure("无", "0.00")).toBe(false);
    expect(sameFigure("1,07,5.81", "1075.81")).toBe(false);
  });

  it("says nothing for an empty cell, 与现值相同 for the same figure, and the old value otherwise", () => {
    expect(replaced(write(null, "1075.81"))).toEqual({ kind: "nothing" });
    expect(replaced(write("1,075.81", "1075.81"))).toEqual({ kind: "same" });
    expect(replaced(write(1075.8, "1075.80"))).toEqual({ kind: "same" });
    expect(replaced(write("1,075.82", "1075.81"))).toEqual({ kind: "other", value: "1,075.82" });
  });

  it("shows amounts with at least the two decimals of 万元, padded, never rounded", () => {
    expect(newValueText(write(null, "1075.8"))).toBe("1075.80");
    expect(newValueText(write(null, "0.04815"))).toBe("0.04815");
  });
});
