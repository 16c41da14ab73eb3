import fc from "fast-check";
import {
  absoluteRange,
  formatAddress,
  MAX_COLUMN,
  MAX_ROW,
  parseArea,
  parseSheetRange,
  quoteSheet,
  sheetAddress,
  splitSheet,
  topLeftOf,
} from "../../../src/core/excel/address";

describe("sheet-qualified addresses", () => {
  it("reads quoted names with spaces, doubled quotes and a '!' inside", () => {
    expect(splitSheet("'我的 表'!C8")).toEqual({ sheet: "我的 表", local: "C8" });
    expect(splitSheet("'O''Brien'!A1")).toEqual({ sheet: "O'Brien", local: "A1" });
    expect(splitSheet("'年度!汇总'!B2:C3")).toEqual({ sheet: "年度!汇总", local: "B2:C3" });
    expect(splitSheet("收入!$A$5")).toEqual({ sheet: "收入", local: "$A$5" });
    expect(splitSheet("B28")).toEqual({ local: "B28" });
  });

  it("reads a defined name's reference as Excel and Office.js give it (=收入!$A$1:$G$20)", () => {
    expect(parseSheetRange("收入!$A$1:$G$20")).toEqual({ sheet: "收入", top: 1, left: 1, bottom: 20, right: 7 });
    expect(parseSheetRange("=收入!$A$1:$G$20")).toEqual({ sheet: "收入", top: 1, left: 1, bottom: 20, right: 7 });
    expect(parseSheetRange(" ='支出 (二)'!$B$3 ")).toEqual({ sheet: "支出 (二)", top: 3, left: 2, bottom: 3, right: 2 });
    // LibreOffice and WPS sometimes drop the $; a reversed range is put in order.
    expect(parseSheetRange("收入!G20:A1")).toEqual({ sheet: "收入", top: 1, left: 1, bottom: 20, right: 7 });
  });

  it("refuses what is not one area on a named sheet: #REF!, several areas, constants, formulas, local refs", () => {
    for (const text of ["=#REF!", "收入!#REF!", "=收入!A1,收入!B2", '="yueyang-self-eval@1"', "=SUM(收入!A1:A3)", "A1:B2", "收入!", "'收入!A1"]) {
      expect(parseSheetRange(text), text).toBeUndefined();
    }
  });

  it("stays inside Excel's grid", () => {
    expect(parseArea(`A${MAX_ROW}`)).toMatchObject({ top: MAX_ROW });
    expect(parseArea(`A${MAX_ROW + 1}`)).toBeUndefined();
    expect(parseArea("XFD1")).toMatchObject({ left: MAX_COLUMN });
    expect(parseArea("XFE1")).toBeUndefined();
    expect(parseArea("A0")).toBeUndefined();
  });

  it("reads whole rows and whole columns", () => {
    expect(parseArea("收入!$5:$7")).toEqual({ sheet: "收入", top: 5, bottom: 7, left: 1, right: MAX_COLUMN });
    expect(parseArea("B:C")).toEqual({ sheet: undefined, top: 1, bottom: MAX_ROW, left: 2, right: 3 });
  });

  it("gives the top-left cell a finding is located from", () => {
    expect(topLeftOf("收入!$A$5:$G$9")).toEqual({ sheet: "收入", row: 5, column: 1 });
    expect(topLeftOf("'My sheet''s'!B12")).toEqual({ sheet: "My sheet's", row: 12, column: 2 });
    expect(topLeftOf("A1")).toBeUndefined();
  });

  it("prints what Excel prints", () => {
    expect(sheetAddress("基本概况", 28, 2)).toBe("基本概况!B28");
    expect(sheetAddress("收入 (2)", 1, 1)).toBe("'收入 (2)'!A1");
    expect(absoluteRange("收入", 6, 1, 8, 7)).toBe("收入!$A$6:$G$8");
    // A sheet named like a cell must be quoted, or 'A1'!B2 would read as a cell.
    expect(quoteSheet("A1")).toBe("'A1'");
  });

  it("reads back every address it prints, whatever the sheet is called", () => {
    const sheetName = fc.oneof(
      fc.string({ minLength: 1, maxLength: 12 }).filter((s) => !/[\\/?*[\]:]/.test(s) && s.trim() === s && s !== ""),
      fc.constantFrom("收入", "支出（一）", "我的 表", "O'Brien", "年度!汇总", "A1", "Sheet1", "_x", "2020年"),
    );
    const area = fc
      .tuple(fc.integer({ min: 1, max: MAX_ROW }), fc.integer({ min: 1, max: MAX_COLUMN - 1 }), fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 1 }))
      .map(([top, left, height, width]) => ({ top, left, bottom: Math.min(MAX_ROW, top + height), right: left + width }));
    fc.assert(
      fc.property(sheetName, area, fc.boolean(), (sheet, a, absolute) => {
        expect(parseArea(formatAddress(sheet, a, absolute))).toEqual({ sheet, ...a });
      }),
      { numRuns: 2000 },
    );
  });
});
