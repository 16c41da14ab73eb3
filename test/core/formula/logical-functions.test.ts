/**
 * TRUE() and FALSE() are Excel functions as well as constants, and LibreOffice writes the bare
 * constant as the function when it saves a workbook (IF(…,FALSE(),…)). Without them the
 * evaluator answered #NAME?, and a surgical write into a LibreOffice-saved template dropped every
 * formula result (all or nothing) — `check` then said 没有计算结果.
 */
import { FormulaGrid } from "../../../src/core/formula/grid";

function value(formula: string, cells: Array<[number, number, number | string]> = []): unknown {
  const grid = new FormulaGrid();
  for (const [row, column, v] of cells) grid.set("表", row, column, { value: v });
  grid.set("表", 10, 1, { formula });
  return grid.cellValue("表", 10, 1);
}

test("TRUE() and FALSE() are the booleans, as in Excel", () => {
  expect(value("TRUE()")).toBe(true);
  expect(value("FALSE()")).toBe(false);
  expect(value("IF(A1>1,TRUE(),FALSE())", [[1, 1, 2]])).toBe(true);
  expect(value("IF(A1>1,TRUE(),FALSE())", [[1, 1, 0]])).toBe(false);
  expect(value("AND(TRUE(),NOT(FALSE()))")).toBe(true);
});
