import { buildLayoutPlan, CHECK_COLUMNS, CHECK_HEADER_ROW, CHECK_SHEET_ID } from "../../../src/core/plan";
import { placeForm } from "../../../src/core/spec/placement";
import { PORTRAIT_WIDTH_CHARACTERS, wrappedLines, wrappedRowHeights } from "../../../src/core/plan/page";
import { defaultForm } from "../../../src/core/spec";
import { loadSeed } from "../../fixtures/load";

describe("page setup in the layout plan", () => {
  const lists = loadSeed(2020).lists;
  const plan = buildLayoutPlan(defaultForm, lists);

  it("prints every sheet on A4, one page wide, numbered 第 &P 页 共 &N 页, without the screen's fills", () => {
    for (const sheet of plan.sheets) {
      expect(sheet.page, sheet.name).toMatchObject({ paper: "A4", fitToWidth: 1, fitToHeight: 0, footer: "第 &P 页 共 &N 页", blackAndWhite: true });
    }
  });

  it("turns a sheet landscape exactly when its printed columns are wider than a portrait page", () => {
    const orientations = new Set<string>();
    for (const sheet of plan.sheets) {
      const area = sheet.page!.printArea;
      const hidden = new Set(sheet.hiddenColumns ?? []);
      let width = 0;
      for (let c = area.left; c <= area.right; c++) if (!hidden.has(c)) width += sheet.columnWidths.find((w) => w.column === c)?.width ?? 8.43;
      expect(sheet.page!.orientation, sheet.name).toBe(width > PORTRAIT_WIDTH_CHARACTERS ? "landscape" : "portrait");
      orientations.add(sheet.page!.orientation);
    }
    expect([...orientations].sort()).toEqual(["landscape", "portrait"]);
  });

  it("prints every laid-out cell, and not the 校验 sheet's hidden working columns", () => {
    for (const sheet of plan.sheets) {
      const hidden = new Set(sheet.hiddenColumns ?? []);
      const area = sheet.page!.printArea;
      const outside = sheet.cells.filter((c) => !hidden.has(c.column) && (c.row > area.bottom || c.column > area.right));
      expect(outside, sheet.name).toEqual([]);
    }
    const checks = plan.sheets.find((s) => s.id === CHECK_SHEET_ID)!;
    // The last column an officer reads (校验内容); the working columns after it are hidden.
    expect(checks.page!.printArea.right).toBe(CHECK_COLUMNS.cells);
    expect(checks.page!.titleRows).toEqual({ top: CHECK_HEADER_ROW, bottom: CHECK_HEADER_ROW });
  });

  it("repeats a table's header rows on every page of a sheet holding only that table", () => {
    let single = 0;
    for (const { sheet, tables } of placeForm(defaultForm, lists)) {
      const page = plan.sheets.find((s) => s.id === sheet.id)!.page!;
      if (tables.length !== 1) {
        expect(page.titleRows, sheet.name).toBeUndefined();
        continue;
      }
      single++;
      expect(page.titleRows, sheet.name).toEqual({ top: tables[0].headerTop, bottom: tables[0].headerTop + tables[0].headerDepth - 1 });
    }
    expect(single).toBeGreaterThan(2);
  });

  it("makes a row of wrapped text tall enough for all its lines", () => {
    // 100 CJK characters (200 widths) in a 40-wide column, 39 usable: 6 lines; a second paragraph adds one.
    expect(wrappedLines("科".repeat(100), 40)).toBe(6);
    expect(wrappedLines(`${"科".repeat(100)}\n一`, 40)).toBe(7);
    const basics = plan.sheets.find((s) => s.cells.some((c) => c.fieldId === "basics.duties"))!;
    const duties = basics.cells.find((c) => c.fieldId === "basics.duties")!;
    const width = basics.columnWidths.find((w) => w.column === duties.column)!.width;
    const text = "负责全市科学技术进步的宏观管理和统筹协调。".repeat(10);
    const heights = wrappedRowHeights(basics, (c) => c === duties, (r, c) => (r === duties.row && c === duties.column ? text : undefined));
    const lines = Math.ceil((text.length * 2) / (width - 1));
    expect(heights).toEqual([{ row: duties.row, height: lines * 15 + 3 }]);
  });
});
