import fc from "fast-check";
import { createMemoryWorkbook } from "../../src/hosts/memory";
import { bootPreview } from "../../src/preview/boot";
import { gridView, isBlockPaste, key, parsePastedCells, selectionCell } from "../../src/preview/grid-model";

describe("a paste from a spreadsheet", () => {
  it("splits rows by line and cells by tab, with a trailing line break ending the last row", () => {
    expect(parsePastedCells("a\tb\r\nc\td\r\n")).toEqual([["a", "b"], ["c", "d"]]);
    expect(parsePastedCells("12.5")).toEqual([["12.5"]]);
    expect(parsePastedCells("\t\n")).toEqual([["", ""]]);
  });

  it("reads quoted cells with line breaks, tabs and doubled quotes", () => {
    expect(parsePastedCells('"收入\n合计"\t"a""b"\tx\n1\t"2\t3"\t4')).toEqual([
      ["收入\n合计", 'a"b', "x"],
      ["1", "2\t3", "4"],
    ]);
  });

  it("round-trips any block written the way Excel writes the clipboard", () => {
    const cell = fc.string({ maxLength: 6 });
    const block = fc.integer({ min: 1, max: 4 }).chain((w) => fc.array(fc.array(cell, { minLength: w, maxLength: w }), { minLength: 1, maxLength: 4 }));
    const quote = (s: string) => (/[\t\n\r"]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
    fc.assert(
      fc.property(block, (rows) => {
        fc.pre(!(rows.length === 1 && rows[0].length === 1 && rows[0][0] === ""));
        const text = rows.map((r) => r.map(quote).join("\t")).join("\r\n") + "\r\n";
        expect(parsePastedCells(text)).toEqual(rows);
      }),
    );
  });

  it("counts as a block paste only when it fills more than one cell", () => {
    expect(isBlockPaste([["1"]])).toBe(false);
    expect(isBlockPaste([["1", "2"]])).toBe(true);
    expect(isBlockPaste([["1"], ["2"]])).toBe(true);
  });
});

describe("the grid's view of a sheet", () => {
  it("shows values as Excel does, formulas for editing, merges as spans, and spare rows and columns", () => {
    const wb = createMemoryWorkbook(["表"]);
    wb.userEdit("表", "A1:B2", [["标题", null], ["3", "=A2*2"]]);
    wb.setCells("表", "C3", [["'=1+1"]]);
    const view = gridView(wb, "表");
    expect(view.rows).toBe(3 + 2);
    expect(view.columns).toBe(3 + 2);
    expect(view.cells.get(key(2, 2))).toMatchObject({ text: "6", input: "=A2*2", isFormula: true, align: "right" });
    expect(view.cells.get(key(3, 3))).toMatchObject({ text: "=1+1", isFormula: false });
    expect(view.widths).toHaveLength(view.columns + 1);
  });

  it("spans merged cells and hides the cells under them", async () => {
    const wb = createMemoryWorkbook(["表"]);
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem("表").getRange("A1:C2").merge(false);
    });
    const view = gridView(wb, "表");
    expect(view.cells.get(key(1, 1))).toMatchObject({ rowSpan: 2, colSpan: 3 });
    expect([...view.covered].sort()).toEqual(["1,2", "1,3", "2,1", "2,2", "2,3"]);
  });

  it("reads the selection the add-in made", () => {
    expect(selectionCell("基本概况!B28")).toEqual({ sheet: "基本概况", row: 28, column: 2 });
    expect(selectionCell("'收入 (2)'!C7:D9")).toEqual({ sheet: "收入 (2)", row: 7, column: 3 });
    expect(selectionCell(undefined)).toBeUndefined();
  });

  it("leaves out the columns the workbook hides, merges spanning only what is shown", async () => {
    const wb = createMemoryWorkbook(["表"]);
    wb.userEdit("表", "A1:E1", [["编号", "规则", "结果", "计算差", "备注"]]);
    await wb.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("表");
      sheet.getRange("A:A").columnHidden = true;
      sheet.getRange("D:D").columnHidden = true;
      sheet.getRange("A2:E2").merge(false);
    });
    wb.userEdit("表", "A2", [["合并标题"]]);
    const view = gridView(wb, "表");
    expect(view.shownColumns).toEqual([2, 3, 5, 6, 7]);
    // The merge's first column is hidden: its content shows from B, across B, C and E.
    expect(view.cells.get(key(2, 2))).toMatchObject({ text: "合并标题", colSpan: 3 });
    expect(view.covered.has(key(2, 3))).toBe(true);
  });

  it("leaves out the rows the workbook hides, and they move with whole rows inserted above them", async () => {
    const wb = createMemoryWorkbook(["表"]);
    wb.userEdit("表", "A1:A5", [["1"], ["2"], ["3"], ["4"], ["5"]]);
    await wb.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("表");
      sheet.getRange("3:4").rowHidden = true;
      sheet.getRange("B2:B4").merge(false);
    });
    wb.userEdit("表", "B2", [["合并"]]);
    expect(wb.hiddenRows("表")).toEqual([3, 4]);
    const view = gridView(wb, "表");
    expect(view.shownRows).toEqual([1, 2, 5, 6, 7]);
    // The merge spans only its one shown row.
    expect(view.cells.get(key(2, 2))).toMatchObject({ text: "合并", rowSpan: 1 });
    wb.userInsertRows("表", 1);
    expect(wb.hiddenRows("表")).toEqual([4, 5]);
    wb.userDeleteRows("表", 4);
    expect(wb.hiddenRows("表")).toEqual([4]);
  });

  it("shows a General formula result as the cell shows it, a formatted one by its format", () => {
    const wb = createMemoryWorkbook(["表"]);
    wb.userEdit("表", "A1:C1", [["1299.77", "1222.69", "=A1-B1"]]);
    wb.userEdit("表", "A2:B2", [["0.1", "=A2*3-0.3"]]);
    const raw = wb.cell("表!C1");
    // The float difference the formula bar keeps (Range.text gives it whole).
    expect(raw.text).not.toBe("77.08");
    const view = gridView(wb, "表");
    expect(view.cells.get(key(1, 3))?.text).toBe("77.08");
    expect(view.cells.get(key(1, 3))?.input).toBe("=A1-B1");
    expect(view.cells.get(key(2, 2))?.text).toMatch(/^-?\d\.\d{0,5}E-\d\d$/);
  });

  it("draws the preview's 校验 sheet without its hidden working columns or float noise", async () => {
    const { workbook } = await bootPreview();
    const hidden = workbook.hiddenColumns("校验");
    expect(hidden.length).toBeGreaterThan(0);
    const view = gridView(workbook, "校验");
    for (const column of hidden) expect(view.shownColumns).not.toContain(column);
    const shown = [...view.cells.values()].filter((c) => view.shownColumns.includes(c.column));
    // Any General number in at most Excel's 11 characters; no "7.105427357601e-15" or "77.0799999999999".
    for (const cell of shown) if (/^-?[\d.]+(e[-+]\d+)?$/i.test(cell.text)) expect(cell.text.replace(/^-/, "").length).toBeLessThanOrEqual(11);
    // The column computing the difference is hidden in the file: its noise never reaches the grid.
    const noisy = workbook.usedCells("校验").filter(({ snapshot }) => typeof snapshot.value === "number" && snapshot.text.replace(/^-/, "").length > 11);
    expect(noisy.length).toBeGreaterThan(0);
  });
});
