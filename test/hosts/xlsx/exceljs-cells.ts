/**
 * The cells of a workbook as ExcelJS reads them: how `check` read a template before it read the
 * package itself. Kept as the reference the package reader is held to (it shares no decoding
 * with it: ExcelJS parses the XML, this turns ExcelJS's cell values into what a read returns).
 */
import type ExcelJS from "exceljs";
import type { CellValue } from "exceljs";
import type { ReadValue } from "../../../src/hosts/xlsx/cell-value";
import type { SheetCells, WorkbookCells } from "../../../src/hosts/xlsx/package-cells";

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null;
}

/** A date where a figure belongs: its date text, which the checks report as not a number. */
function dateText(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function richText(runs: Array<{ text?: unknown }>): string {
  return runs.map((r) => (typeof r.text === "string" ? r.text : "")).join("");
}

/** An ExcelJS cell value as a read returns it. */
export function normaliseCellValue(value: CellValue): ReadValue {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? value : String(value);
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return dateText(value);
  if (!isObject(value)) return String(value);
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as { result?: unknown }).result;
    if (result === undefined || result === null) return "";
    return normaliseCellValue(result as CellValue);
  }
  if ("richText" in value && Array.isArray(value.richText)) return richText(value.richText);
  if ("error" in value) return String(value.error);
  if ("text" in value) {
    const text = (value as { text: unknown }).text;
    if (typeof text === "string") return text;
    if (isObject(text) && Array.isArray(text.richText)) return richText(text.richText);
  }
  return "";
}

function sheetCells(sheet: ExcelJS.Worksheet): SheetCells {
  return {
    name: sheet.name,
    // ExcelJS counts the rows it holds, which getCell adds to: read on each use, as before.
    get rowCount() {
      return sheet.rowCount;
    },
    grid(range) {
      const rows: Array<Array<ReadValue | null>> = [];
      for (let r = range.top; r <= range.bottom; r++) {
        const row: Array<ReadValue | null> = [];
        for (let c = range.left; c <= range.right; c++) {
          const cell = sheet.getCell(r, c);
          row.push(cell.isMerged && cell.master !== cell ? null : normaliseCellValue(cell.value));
        }
        rows.push(row);
      }
      return rows;
    },
  };
}

export function excelJsCells(workbook: ExcelJS.Workbook): WorkbookCells {
  return {
    sheet(name) {
      const found = workbook.getWorksheet(name) ?? workbook.worksheets.find((w) => w.name.toUpperCase() === name.toUpperCase());
      return found && sheetCells(found);
    },
  };
}
