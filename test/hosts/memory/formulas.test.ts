import Decimal from "decimal.js";
import { createMemoryWorkbook, excelRound } from "../../../src/hosts/memory";

describe("memory host: formula evaluation", () => {
  const wb = createMemoryWorkbook(["收入", "校验 表"]);
  wb.setCells("收入", "A1:E3", [
    ["局机关", 0.1, 0.2, "=SUM(B1:C1)", "=ROUND(D1,2)=ROUND(0.3,2)"],
    ["二级", "'12.5", 3, "=B2+C2", "=SUM(B2:C2)"],
    ["无", "无", "", "=COUNT(B1:C3)", '=COUNTIF(A1:A3,"<>无")'],
  ]);

  it("adds IEEE doubles as Excel does, so a bare = on a sum is unsafe and ROUND makes it safe", () => {
    expect(wb.cell("收入!D1").value).toBe(0.1 + 0.2);
    expect(wb.evaluate("收入", "=D1-0.3=0")).toBe(false);
    expect(wb.cell("收入!E1").value).toBe(true);
  });

  it("coerces numeric text in arithmetic but SUM and COUNT skip text in ranges", () => {
    expect(wb.cell("收入!D2").value).toBe(15.5);
    expect(wb.cell("收入!E2").value).toBe(3);
    expect(wb.cell("收入!D3").value).toBe(3);
    expect(wb.cell("收入!E3").value).toBe(2);
  });

  it("rounds half away from zero on the 15-digit decimal, as Excel's ROUND", () => {
    for (const [x, places] of [[2.675, 2], [-0.005, 2], [1.005, 2], [0.285, 2], [1234.5, 0], [-2.5, 0], [15.55, 1]] as const) {
      const expected = new Decimal(x.toPrecision(15)).toDecimalPlaces(places, Decimal.ROUND_HALF_UP).toNumber();
      expect(excelRound(x, places)).toBe(expected);
      expect(wb.evaluate("收入", `=ROUND(${x},${places})`)).toBe(expected);
    }
    expect(excelRound(2.675, 2)).toBe(2.68);
  });

  it("evaluates IF, AND, OR, ABS, ISNUMBER, ISTEXT, comparisons and cross-sheet refs with quoted names", () => {
    wb.setCells("校验 表", "A1:B1", [["=IF(AND(ISNUMBER(收入!D2),ABS(收入!D2-15.5)<=0.005),\"通过\",\"不通过\")", "=OR(ISTEXT(收入!B3),收入!B2>100)"]]);
    expect(wb.cell("'校验 表'!A1").value).toBe("通过");
    expect(wb.cell("'校验 表'!B1").value).toBe(true);
    expect(wb.evaluate("收入", '="a"&1&TRUE')).toBe("a1TRUE");
    expect(wb.evaluate("收入", "=1/0")).toEqual({ error: "#DIV/0!" });
    expect(wb.evaluate("收入", "=NOSUCH(1)")).toEqual({ error: "#NAME?" });
    expect(wb.evaluate("收入", "=-2^2")).toBe(4);
  });

  it("resolves defined names in formulas", () => {
    wb.model.addName("ZP_parts", "=收入!$B$1:$C$2");
    expect(wb.evaluate("校验 表", "=SUM(ZP_parts)")).toBe(0 + 0.1 + 0.2 + 3);
    expect(wb.evaluate("校验 表", "=SUM(NoSuchName)")).toEqual({ error: "#NAME?" });
  });

  it('gives a formula that returns "" an empty text: values "", text "", valueTypes String; other formulas see text, not a blank', async () => {
    const book = createMemoryWorkbook(["S"]);
    // A total as the layout plan writes it (src/core/plan/formulas.ts), over blank parts, spaces,
    // a no-figure word, figures, and a nested total of nothing.
    book.setCells("S", "A1:F1", [["", " ", "无", 2.5, 4, '=IF(SUMPRODUCT(LEN(TRIM(A1:B1)))=0,"",SUM(A1:B1))']]);
    book.setCells("S", "A2:F2", [['=IF(SUMPRODUCT(LEN(TRIM(B1:C1)))=0,"",SUM(B1:C1))', '=IF(LEN(TRIM(F1))+LEN(TRIM(A1))=0,"",F1-A1)', "=F1", "=ISBLANK(F1)", "=COUNT(F1)+COUNTA(F1)*10", "=LEN(F1)"]]);
    book.setCells("S", "A3:C3", [['=IF(SUMPRODUCT(LEN(TRIM(D1:E1)))=0,"",SUM(D1:E1))', '=IF(SUMPRODUCT(LEN(TRIM(F1:F1)))+LEN(TRIM(A3))=0,"",SUM(F1,A3))', "=ISTEXT(F1)"]]);
    const read = await book.run(async (context) => {
      const range = context.workbook.worksheets.getItem("S").getRange("A1:F3");
      range.load("values, text, valueTypes");
      await context.sync();
      return { values: range.values, text: range.text, valueTypes: range.valueTypes };
    });
    expect(read.values[0][5]).toBe("");
    expect(read.text[0][5]).toBe("");
    expect(read.valueTypes[0][5]).toBe("String");
    // A truly empty cell reads the same through values, and only valueTypes tells them apart.
    expect([read.values[0][0], read.valueTypes[0][0]]).toEqual(["", "Empty"]);
    // 无 is something (the sum is 0); a nested "" is nothing, and so is a copy of it.
    expect(read.values[1].slice(0, 3)).toEqual([0, "", ""]);
    // Excel: ISBLANK is FALSE for a formula cell, COUNT skips its "", COUNTA counts it, LEN is 0.
    expect(read.values[1].slice(3)).toEqual([false, 10, 0]);
    expect(read.values[2].slice(0, 3)).toEqual([6.5, 6.5, true]);
  });
});
