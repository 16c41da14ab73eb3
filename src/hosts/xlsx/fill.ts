/** Writes a report's values into the field cells the layout plan placed. */
import type ExcelJS from "exceljs";
import { NARRATIVE_SHEET_ID } from "../../core/plan/layout";
import type { LayoutPlan } from "../../core/plan/layout-types";
import { expandFields, type FormSpec, type ReportData } from "../../core/spec";
import { cellInput, inputValue } from "../../core/excel/cell-input";

export interface FieldCell {
  sheet: string;
  row: number;
  column: number;
}

/** Field id → where the plan put it. */
export function plannedFieldCells(plan: LayoutPlan): Map<string, FieldCell> {
  const out = new Map<string, FieldCell>();
  for (const sheet of plan.sheets) {
    for (const cell of sheet.cells) {
      if (cell.fieldId) out.set(cell.fieldId, { sheet: sheet.name, row: cell.row, column: cell.column });
    }
  }
  return out;
}

/**
 * Writes every value of `data` into its cell, as an officer typing it would: a typed figure
 * replaces a total's formula. Returns the ids of values that have no cell (none, when the plan
 * was built for the data's lists).
 */
export function fillValues(
  workbook: ExcelJS.Workbook,
  form: FormSpec,
  data: ReportData,
  cells: Map<string, FieldCell>,
): string[] {
  const fields = new Map(expandFields(form, data.lists).map((f) => [f.id, f]));
  const missing: string[] = [];
  for (const [id, raw] of Object.entries(data.values)) {
    const at = cells.get(id);
    const content = inputValue(cellInput(fields.get(id), raw));
    if (content === undefined) continue;
    const sheet = at && workbook.getWorksheet(at.sheet);
    if (!at || !sheet) {
      missing.push(id);
      continue;
    }
    sheet.getCell(at.row, at.column).value = content;
  }
  return missing;
}

/**
 * Writes paragraphs into the 报告综述 area, one a row from its top, as text (a paragraph is never
 * read as a formula). More lines than rows go on below the area rather than being dropped.
 */
export function fillNarrative(workbook: ExcelJS.Workbook, plan: LayoutPlan, lines: readonly string[]): void {
  const layout = plan.sheets.find((s) => s.id === NARRATIVE_SHEET_ID);
  const sheet = layout && workbook.getWorksheet(layout.name);
  if (!layout || !sheet) return;
  const rows = layout.cells.filter((c) => c.style === "narrative").map((c) => c.row);
  const top = Math.min(...rows);
  lines.forEach((line, i) => {
    const cell = sheet.getCell(top + i, 1);
    cell.value = line;
    if (top + i > Math.max(...rows)) cell.style = { ...sheet.getCell(top, 1).style };
  });
}
