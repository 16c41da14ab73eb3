import { createMemoryWorkbook } from "../../../src/hosts/memory";

/** Reads every cell of the block (as a Range.values load would) and says how many formulas that computed. */
function readAll(wb: ReturnType<typeof createMemoryWorkbook>, address: string) {
  const before = wb.model.computations;
  const values = wb.values(address);
  return { values, computed: wb.model.computations - before };
}

describe("memory host: a formula is recomputed only when a cell it reads changed", () => {
  it("an edit recomputes what reads the edited cell, and what reads that, and nothing else", () => {
    const wb = createMemoryWorkbook(["表"]);
    wb.setCells("表", "A1:E1", [[1, "=A1*2", "=B1+1", "=SUM(A1:C1)", "=5*5"]]);
    expect(readAll(wb, "表!A1:E1")).toEqual({ values: [[1, 2, 3, 6, 25]], computed: 4 });
    expect(readAll(wb, "表!A1:E1").computed).toBe(0);
    wb.userEdit("表", "A1", [["10"]]);
    expect(readAll(wb, "表!A1:E1")).toEqual({ values: [[10, 20, 21, 51, 25]], computed: 3 });
    // Editing a formula recomputes it and its readers.
    wb.userEdit("表", "B1", [["=A1*3"]]);
    expect(readAll(wb, "表!A1:E1")).toEqual({ values: [[10, 30, 31, 71, 25]], computed: 3 });
  });

  it("follows cells that were empty when read, other sheets, branches not taken before, and cleared cells", () => {
    const wb = createMemoryWorkbook(["表", "汇总"]);
    wb.setCells("表", "A1:D1", [["=B1+1", "", "=IF(B1>5,C2,D2)", ""]]);
    wb.setCells("汇总", "A1", [["=表!A1*10"]]);
    expect(wb.values("表!A1:C1")).toEqual([[1, "", 0]]);
    expect(wb.cell("汇总!A1").value).toBe(10);
    wb.userEdit("表", "B1", [["7"]]);
    expect(wb.cell("表!A1").value).toBe(8);
    expect(wb.cell("汇总!A1").value).toBe(80);
    // Now the IF reads C2, which it had not read before.
    wb.userEdit("表", "C2", [["42"]]);
    expect(wb.cell("表!C1").value).toBe(42);
    wb.userEdit("表", "B1", [[""]]);
    expect(wb.cell("表!A1").value).toBe(1);
    expect(wb.cell("汇总!A1").value).toBe(10);
  });

  it("writes through Office.js, clears and merges recompute their readers", async () => {
    const wb = createMemoryWorkbook(["表"]);
    wb.setCells("表", "A1:C1", [[1, 2, "=SUM(A1:B1)"]]);
    expect(wb.cell("表!C1").value).toBe(3);
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem("表").getRange("A1").values = [[5]];
      await context.sync();
    });
    expect(wb.cell("表!C1").value).toBe(7);
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem("表").getRange("A1").clear("Contents");
      await context.sync();
    });
    expect(wb.cell("表!C1").value).toBe(2);
    wb.userEdit("表", "A1", [["4"]]);
    expect(wb.cell("表!C1").value).toBe(6);
    await wb.run(async (context) => {
      // A merge keeps the top-left value and clears B1.
      context.workbook.worksheets.getItem("表").getRange("A1:B1").merge(false);
      await context.sync();
    });
    expect(wb.cell("表!C1").value).toBe(4);
  });

  it("structural changes (rows, names, sheets) recompute everything, with references moved", () => {
    const wb = createMemoryWorkbook(["表"]);
    wb.setCells("表", "A1:A3", [[1], [2], ["=SUM(A1:A2)+合计"]]);
    wb.model.addName("合计", "=表!$A$1");
    expect(wb.cell("表!A3").value).toBe(4);
    wb.userInsertRows("表", 2);
    expect(wb.cell("表!A4")).toMatchObject({ formula: "=SUM(A1:A3)+合计", value: 4 });
    wb.userEdit("表", "A2", [["10"]]);
    expect(wb.cell("表!A4").value).toBe(14);
    wb.model.names.get("合计")!.formula = "=表!$A$3";
    wb.model.touch();
    expect(wb.cell("表!A4").value).toBe(15);
    wb.userRenameSheet("表", "新表");
    wb.userEdit("新表", "A3", [["5"]]);
    expect(wb.cell("新表!A4").value).toBe(21);
  });

  it("a circular reference reads as 0 and does not stop later recalculation", () => {
    const wb = createMemoryWorkbook(["表"]);
    wb.setCells("表", "A1:C1", [["=B1+1", "=A1+1", "=C2"]]);
    expect(wb.values("表!A1:B1")).toEqual([[2, 1]]);
    wb.userEdit("表", "C2", [["3"]]);
    expect(wb.cell("表!C1").value).toBe(3);
  });
});
