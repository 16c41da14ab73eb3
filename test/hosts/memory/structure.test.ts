import { createMemoryWorkbook } from "../../../src/hosts/memory";

function table() {
  const wb = createMemoryWorkbook(["收入", "校验"]);
  // Rows 6..8: 汇总 then two units; totals as formulas.
  wb.setCells("收入", "A6:C8", [
    ["汇总", "=SUM(B7:B8)", "=SUM(C7:C8)"],
    ["局机关", 10, 1],
    ["二级", 20, 2],
  ]);
  wb.model.addName("ZP_income_body", "=收入!$A$6:$C$8");
  wb.setCells("校验", "A1", [["=收入!B6"]]);
  wb.model.merge(wb.model.sheetByName("收入")!, { top: 4, bottom: 4, left: 2, right: 3 });
  return wb;
}

describe("memory host: names and formulas follow inserted and deleted rows", () => {
  it("grows a name and a SUM when rows are inserted inside them, as Excel does", async () => {
    const wb = table();
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem("收入").getRange("A8").getEntireRow().insert("Down");
      await context.sync();
    });
    expect(wb.nameFormula("ZP_income_body")).toBe("=收入!$A$6:$C$9");
    expect(wb.cell("收入!B6").formula).toBe("=SUM(B7:B9)");
    wb.userEdit("收入", "A8:B8", [["新单位", 5]]);
    expect(wb.cell("收入!B6").value).toBe(35);
    expect(wb.cell("校验!A1")).toMatchObject({ formula: "=收入!B6", value: 35 });
  });

  it("moves but does not grow them when rows are inserted at their first row or below their last", () => {
    const wb = table();
    wb.userInsertRows("收入", 9); // just below
    expect(wb.nameFormula("ZP_income_body")).toBe("=收入!$A$6:$C$8");
    wb.userInsertRows("收入", 6, 2); // at the top row: the whole table moves down
    expect(wb.nameFormula("ZP_income_body")).toBe("=收入!$A$8:$C$10");
    expect(wb.cell("收入!B8").formula).toBe("=SUM(B9:B10)");
    expect(wb.cell("校验!A1").formula).toBe("=收入!B8");
    expect(wb.merges("收入")).toEqual(["B4:C4"]);
  });

  it("shrinks on delete and turns a reference to deleted cells into #REF!", () => {
    const wb = table();
    wb.userDeleteRows("收入", 7);
    expect(wb.nameFormula("ZP_income_body")).toBe("=收入!$A$6:$C$7");
    expect(wb.cell("收入!B6")).toMatchObject({ formula: "=SUM(B7:B7)", value: 20 });
    wb.userDeleteRows("收入", 6);
    expect(wb.cell("校验!A1")).toMatchObject({ formula: "=#REF!", value: { error: "#REF!" } });
  });

  it("renames references when a sheet is renamed and breaks them when it is deleted", () => {
    const wb = table();
    wb.userRenameSheet("收入", "收入 2020");
    expect(wb.nameFormula("ZP_income_body")).toBe("='收入 2020'!$A$6:$C$8");
    expect(wb.cell("校验!A1")).toMatchObject({ formula: "='收入 2020'!B6", value: 30 });
    wb.userDeleteSheet("收入 2020");
    expect(wb.cell("校验!A1").value).toEqual({ error: "#REF!" });
    expect(wb.nameFormula("ZP_income_body")).toBe("=#REF!");
  });

  it("gives inserted rows the format of the row above", async () => {
    const wb = table();
    await wb.run(async (context) => {
      const r = context.workbook.worksheets.getItem("收入").getRange("B8");
      r.numberFormat = [["0.00"]];
      r.format.fill.color = "#FFF2CC";
      await context.sync();
    });
    wb.userInsertRows("收入", 9);
    expect(wb.cell("收入!B9")).toMatchObject({ numberFormat: "0.00", format: { fill: "#FFF2CC" }, value: null });
  });

  it("keeps relative references relative when rows are sorted", () => {
    const wb = createMemoryWorkbook(["S"]);
    wb.setCells("S", "A1:C2", [["乙", 2, "=B1*10"], ["甲", 1, "=B2*10"]]);
    wb.userSortRows("S", "A1:C2", 1);
    expect(wb.values("S!A1:C2")).toEqual([["甲", 1, 10], ["乙", 2, 20]]);
    expect(wb.cell("S!C1").formula).toBe("=B1*10");
  });

  it("evaluates conditional formats relative to each cell of their range", async () => {
    const wb = table();
    await wb.run(async (context) => {
      const cf = context.workbook.worksheets.getItem("收入").getRange("B7:C8").conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
      cf.custom.rule.formula = "=B7>=10";
      cf.custom.format.fill.color = "#FFC7CE";
      await context.sync();
    });
    expect(wb.conditionalFormats("收入")).toEqual([{ range: "B7:C8", formula: "=B7>=10", fill: "#FFC7CE" }]);
    expect(wb.conditionalFormatsShowing("收入")).toEqual(["收入!B7", "收入!B8"]);
  });
});

describe("memory host: a sheet whose name holds a '!'", () => {
  it("reports its merges, conditional formats and names by the sheet's own cells", async () => {
    const wb = createMemoryWorkbook(["年度!汇总"]);
    const sheet = wb.model.sheetByName("年度!汇总")!;
    wb.model.merge(sheet, { top: 4, bottom: 4, left: 2, right: 3 });
    wb.model.addName("ZP_total", "='年度!汇总'!$B$4:$C$4");
    expect(wb.merges("年度!汇总")).toEqual(["B4:C4"]);
    await wb.run(async (context) => {
      const range = context.workbook.names.getItem("ZP_total").getRange();
      range.load("address");
      await context.sync();
      expect(range.address).toBe("'年度!汇总'!B4:C4");
    });
  });
});
