/**
 * A small hand-built layout plan: one table with two input rows and formula totals, a sheet
 * name that needs quoting, texts that look like formulas, a merge, a conditional format and
 * defined names. It exercises the executor independently of the core's plan builder.
 */
import type { CellStyle, LayoutPlan, StyleId } from "../../../src/core/plan/layout-types";

export const SMALL_STYLES: Record<StyleId, CellStyle> = {
  title: { bold: true, size: 14, horizontal: "center" },
  unit: { horizontal: "right" },
  header: { bold: true, fill: "#D9E1F2", border: true, horizontal: "center", wrap: true },
  label: { border: true },
  listLabel: { border: true, fill: "#FFF2CC", locked: false },
  inputAmount: { border: true, fill: "#FFF2CC", numberFormat: "0.00", locked: false },
  inputCount: { border: true, fill: "#FFF2CC", numberFormat: "0", locked: false },
  inputText: { border: true, fill: "#FFF2CC", numberFormat: "@", wrap: true, locked: false },
  computedAmount: { border: true, fill: "#E2EFDA", numberFormat: "0.00" },
  computedCount: { border: true, fill: "#E2EFDA", numberFormat: "0" },
  checkHeader: { bold: true, fill: "#D9E1F2", border: true },
  checkCell: { border: true },
  narrative: { wrap: true, vertical: "top" },
};

export const SMALL_SHEET = "收入 (测试)";
export const SMALL_MARKER = { name: "ZIPING_FORM", value: "small-test@3" };

/**
 * 收入 (测试):
 *   A1 title (merged A1:D1)       A2 单位：万元
 *   A3 机构 | B3 上年结转 | C3 财政拨款 | D3 合计
 *   A4 局机关 | 1 | 2 | =B4+C4
 *   A5 二级机构 | 3 | 4 | =B5+C5
 *   A6 汇总 | =SUM(B4:B5) | =SUM(C4:C5) | =ROUND(SUM(D4:D5),2)
 *   A8 texts that look like formulas
 */
export function smallPlan(): LayoutPlan {
  const header = (column: number, value: string) => ({ row: 3, column, value, style: "header" as const });
  const input = (row: number, column: number, fieldId: string) => ({ row, column, style: "inputAmount" as const, fieldId });
  return {
    formId: "small-test",
    formVersion: 3,
    marker: SMALL_MARKER,
    sheets: [
      {
        name: SMALL_SHEET,
        id: "income",
        cells: [
          { row: 1, column: 1, value: "年度收入情况", style: "title" },
          { row: 2, column: 1, value: "单位：万元", style: "unit" },
          header(1, "机构"),
          header(2, "上年结转"),
          header(3, "财政拨款"),
          header(4, "合计"),
          { row: 4, column: 1, value: "局机关", style: "listLabel", fieldId: "income.unit[1].#name" },
          input(4, 2, "income.unit[1].carryover"),
          input(4, 3, "income.unit[1].fiscal"),
          { row: 4, column: 4, formula: "=B4+C4", style: "computedAmount", fieldId: "income.unit[1].total" },
          { row: 5, column: 1, value: "二级机构", style: "listLabel", fieldId: "income.unit[2].#name" },
          input(5, 2, "income.unit[2].carryover"),
          input(5, 3, "income.unit[2].fiscal"),
          { row: 5, column: 4, formula: "=B5+C5", style: "computedAmount", fieldId: "income.unit[2].total" },
          { row: 6, column: 1, value: "汇总", style: "label" },
          { row: 6, column: 2, formula: "=SUM(B4:B5)", style: "computedAmount", fieldId: "income.all.carryover" },
          { row: 6, column: 3, formula: "=SUM(C4:C5)", style: "computedAmount", fieldId: "income.all.fiscal" },
          { row: 6, column: 4, formula: "=ROUND(SUM(D4:D5),2)", style: "computedAmount", fieldId: "income.all.total" },
          { row: 8, column: 1, value: "=1+1", style: "inputText" },
          { row: 8, column: 2, value: "+12", style: "inputText" },
          { row: 8, column: 3, value: "-5", style: "inputText" },
          { row: 8, column: 4, value: "@SUM(A1)", style: "inputText" },
        ],
        merges: [{ top: 1, left: 1, bottom: 1, right: 4 }],
        columnWidths: [
          { column: 1, width: 20 },
          { column: 2, width: 12 },
        ],
        freeze: { rows: 3, columns: 1 },
        conditionalFormats: [
          { range: "D6", formula: "=ROUND(D6-SUM(B6:C6),2)<>0", severity: "error", ruleId: "income.all.rowTotal" },
        ],
      },
    ],
    names: [
      { name: "ZP_INCOME_BODY", reference: `'${SMALL_SHEET}'!$A$4:$D$5`, comment: "年度收入情况：各机构行" },
      { name: "ZP_INCOME_TOTAL", reference: `'${SMALL_SHEET}'!$B$6:$D$6` },
    ],
  };
}
