import { createMemoryWorkbook } from "../../../src/hosts/memory";

async function write(values: unknown[][], setup?: (range: Excel.Range) => void) {
  const wb = createMemoryWorkbook(["S"]);
  await wb.run(async (context) => {
    const range = context.workbook.worksheets.getItem("S").getRange("A1");
    setup?.(range);
    range.values = values;
    await context.sync();
  });
  return wb;
}

describe("memory host: what Range.values stores", () => {
  it("turns a string starting with = into a formula, as Excel does", async () => {
    const wb = await write([["=1+1"]]);
    expect(wb.cell("S!A1")).toMatchObject({ formula: "=1+1", value: 2 });
  });

  it("turns @SUM(…) into a formula and numeric text into a number (leading zeros lost)", async () => {
    const wb = createMemoryWorkbook(["S"]);
    wb.setCells("S", "B1", [[4]]);
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem("S").getRange("A1:A2").values = [["@SUM(B1)"], ["07308858935"]];
      await context.sync();
    });
    expect(wb.cell("S!A1")).toMatchObject({ formula: "=SUM(B1)", value: 4 });
    expect(wb.cell("S!A2").value).toBe(7308858935);
  });

  it("rejects '+86 0730' and a lone '-' as invalid formulas (InvalidArgument), leaving the cell alone", async () => {
    for (const text of ["+86 0730", "-"]) {
      await expect(write([[text]])).rejects.toMatchObject({ code: "InvalidArgument" });
    }
  });

  it("keeps text with a leading apostrophe (quote prefix) and in a cell formatted @ first", async () => {
    for (const text of ["=1+1", "+86 0730", "-", "@SUM(A1)", "07308858935"]) {
      const quoted = await write([[`'${text}`]]);
      expect(quoted.cell("S!A1")).toMatchObject({ value: text, formula: undefined, quotePrefix: true });
      const asText = await write([[text]], (r) => {
        r.numberFormat = [["@"]];
      });
      expect(asText.cell("S!A1")).toMatchObject({ value: text, formula: undefined });
    }
  });

  it("sets @ too late if numberFormat is queued after values", async () => {
    const wb = createMemoryWorkbook(["S"]);
    await wb.run(async (context) => {
      const range = context.workbook.worksheets.getItem("S").getRange("A1");
      range.values = [["=1+1"]];
      range.numberFormat = [["@"]];
      await context.sync();
    });
    expect(wb.cell("S!A1").formula).toBe("=1+1");
  });

  it("leaves a cell unchanged for null in a 2-D array and clears it for ''", async () => {
    const wb = createMemoryWorkbook(["S"]);
    wb.setCells("S", "A1:B1", [[1, 2]]);
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem("S").getRange("A1:B1").values = [[null, ""]];
      await context.sync();
    });
    expect(wb.values("S!A1:B1")).toEqual([[1, ""]]);
  });

  it("reports formulas, text by number format, and value types", async () => {
    const wb = createMemoryWorkbook(["S"]);
    wb.setCells("S", "A1:D1", [[1112.8, "=A1*2", "无", ""]]);
    const read = await wb.run(async (context) => {
      const range = context.workbook.worksheets.getItem("S").getRange("A1:D1");
      range.numberFormat = [["0.00", "#,##0.00", "@", "General"]];
      range.load("values, formulas, text, valueTypes");
      await context.sync();
      return { values: range.values, formulas: range.formulas, text: range.text, types: range.valueTypes };
    });
    expect(read).toEqual({
      values: [[1112.8, 2225.6, "无", ""]],
      formulas: [[1112.8, "=A1*2", "无", ""]],
      text: [["1112.80", "2,225.60", "无", ""]],
      types: [["Double", "Double", "String", "Empty"]],
    });
  });

  it("rejects an input array that does not match the range", async () => {
    await expect(write([[1, 2]])).rejects.toMatchObject({ code: "InvalidArgument" });
  });
});
