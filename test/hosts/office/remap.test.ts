import { referencedCells, remapFormula, type CellMover } from "../../../src/hosts/office/remap";

/** 收入: rows from 8 down move one row down (a row added at 8); row 5 is gone; other sheets stay. */
const move: CellMover = (sheet, row, column) => {
  if (sheet !== "收入") return { row, column };
  if (row === 5) return undefined;
  return { row: row >= 8 ? row + 1 : row, column };
};

describe("an officer's formula follows the cells it reads", () => {
  it("moves single references and keeps $ markers, sheet names and the rest of the text", () => {
    expect(remapFormula("=C8*2+$D$9", "收入", move)).toMatchObject({ formula: "=C9*2+$D$10", exact: true });
    expect(remapFormula("=收入!C8+'我的 表'!C8", "汇总", move)).toMatchObject({ formula: "=收入!C9+'我的 表'!C8", exact: true });
    expect([...remapFormula("=收入!C8", "汇总", move).moved]).toEqual(["收入"]);
  });

  it("a range follows its corners, so a row added inside it is taken in", () => {
    expect(remapFormula("=SUM(C6:C8)", "收入", move).formula).toBe("=SUM(C6:C9)");
    expect(remapFormula('=IF(C7="","",ROUND(C7,2))', "收入", move).formula).toBe('=IF(C7="","",ROUND(C7,2))');
  });

  it("leaves a formula unchanged, and says so, when a cell it reads is gone", () => {
    const r = remapFormula("=C5+C8", "收入", move);
    expect(r).toMatchObject({ formula: "=C5+C8", exact: false });
    expect([...r.lost]).toEqual(["收入"]);
    // Text the tokenizer cannot read is not a formula to rewrite: unchanged, nothing lost.
    expect(remapFormula("=SUM(C:C)", "收入", move)).toMatchObject({ formula: "=SUM(C:C)", exact: false });
  });

  it("lists the cells a formula reads, ranges expanded; a defined name makes it unknowable", () => {
    expect(referencedCells("=SUM(B2:C3)-收入!A1", "表")).toEqual([
      { sheet: "表", row: 2, column: 2 },
      { sheet: "表", row: 2, column: 3 },
      { sheet: "表", row: 3, column: 2 },
      { sheet: "表", row: 3, column: 3 },
      { sheet: "收入", row: 1, column: 1 },
    ]);
    expect(referencedCells("=ZP_income*2", "表")).toBeUndefined();
  });
});
