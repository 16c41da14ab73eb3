import { printRef, printTokens, tokenize, type Token } from "../../../src/core/excel/tokens";

const refs = (formula: string) => tokenize(formula).filter((t): t is Extract<Token, { type: "ref" }> => t.type === "ref");

describe("formula tokens", () => {
  it("reads sheet-qualified references through the same reader as addresses", () => {
    const [a, b, c] = refs("=SUM('我的 表'!C8:C9)+收入!$A$1-'年度!汇总'!B2");
    expect(a).toMatchObject({ sheet: "我的 表", start: { row: 8, column: 3 }, end: { row: 9, column: 3 } });
    expect(b).toMatchObject({ sheet: "收入", start: { row: 1, column: 1, rowAbsolute: true, columnAbsolute: true } });
    expect(c).toMatchObject({ sheet: "年度!汇总", start: { row: 2, column: 2 } });
  });

  it("tells functions, names, booleans and cells apart", () => {
    const types = tokenize("=IF(LOG10(A1)>ZP_total,TRUE,A1B)").map((t) => t.type);
    expect(types).toEqual(["func", "paren", "func", "paren", "ref", "paren", "op", "name", "comma", "bool", "comma", "name", "paren"]);
  });

  it("prints a formula back unchanged, and a moved reference with its sheet quoted as Excel does", () => {
    const formula = "=IF(SUMPRODUCT(LEN(TRIM('收入 (2)'!C6:C7)))=0,\"\",SUM(收入!$C$6:C7))";
    expect(printTokens(tokenize(formula))).toBe(formula);
    expect(printRef("O'Brien", { row: 3, column: 2, rowAbsolute: true, columnAbsolute: false })).toBe("'O''Brien'!B$3");
  });

  it("refuses a sheet name without a reference", () => {
    expect(() => tokenize("=收入!+1")).toThrow();
    expect(() => tokenize("='收入")).toThrow();
  });
});
