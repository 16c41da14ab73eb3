import type { PlannedCell } from "../../../src/core/plan/layout-types";
import { boundingBox, styleRects } from "../../../src/hosts/office/write-sheet";

describe("one sheet of the plan as Office.js calls", () => {
  it("finds the block of a sheet with more cells than a call takes arguments (a 校验 sheet at thousands of units)", () => {
    // 25,000 rule rows × 11 columns: Math.min(...cells) would overflow the stack here.
    const cells: PlannedCell[] = [];
    for (let row = 10; row < 25_010; row++) for (let column = 1; column <= 11; column++) cells.push({ row, column, style: "checkCell" });
    cells.push({ row: 1, column: 2, style: "title" });
    expect(boundingBox(cells)).toEqual({ top: 1, bottom: 25_009, left: 1, right: 11 });
    expect(boundingBox([])).toBeUndefined();
  });

  it("formats rectangles of equally styled cells, not cells one by one", () => {
    const cells: PlannedCell[] = [];
    for (let row = 5; row <= 104; row++) {
      cells.push({ row, column: 1, style: "listLabel" });
      for (let column = 2; column <= 6; column++) cells.push({ row, column, style: column === 2 ? "computedAmount" : "inputAmount" });
    }
    expect(styleRects(cells).map((r) => [r.style, r.rect])).toEqual([
      ["listLabel", { top: 5, bottom: 104, left: 1, right: 1 }],
      ["computedAmount", { top: 5, bottom: 104, left: 2, right: 2 }],
      ["inputAmount", { top: 5, bottom: 104, left: 3, right: 6 }],
    ]);
  });
});
