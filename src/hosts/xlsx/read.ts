/**
 * Executes a read plan on an opened workbook: each range is found through its defined name
 * when the workbook still has it (the officer may have inserted rows or moved a table, and
 * Excel, WPS and LibreOffice keep names pointing at the moved cells), otherwise at the
 * address the layout gave it.
 */
import type ExcelJS from "exceljs";
import { a1, parseSheetRange, rangeAddress, spansWholeRowsOrColumns, type SheetRange } from "../../core/excel/address";
import type { ReadPlan } from "../../core/plan/layout-types";
import { normaliseCellValue, type ReadValue } from "./cell-value";
import { findName, type OpenedWorkbook } from "./open";

export interface RangeRead {
  key: string;
  /** Where the values were read: sheet-qualified A1 range. */
  address: string;
  range: SheetRange;
  /** True when the defined name located it; false when the layout's address was used. */
  viaName: boolean;
  /** Row-major, like Office.js `range.values`: "" for an empty cell. */
  values: ReadValue[][];
}

export interface WorkbookRead {
  ranges: Map<string, RangeRead>;
  /** Formula cells the file carries no result for (sheet-qualified A1). */
  uncalculated: string[];
  /** Ranges whose sheet is not in the workbook (renamed or deleted, and no name to follow). */
  missingSheets: string[];
}

function worksheet(book: OpenedWorkbook, name: string): ExcelJS.Worksheet | undefined {
  return book.workbook.getWorksheet(name) ?? book.workbook.worksheets.find((w) => w.name.toUpperCase() === name.toUpperCase());
}

/**
 * The cells a name or address refers to, read cell by cell: whole rows or columns (a name an
 * officer redefined as 收入!$5:$9) would be a million cells, so the layout's address is read instead.
 */
function cellRange(reference: string): SheetRange | undefined {
  const range = parseSheetRange(reference);
  return range && !spansWholeRowsOrColumns(range) ? range : undefined;
}

/** The range a plan entry reads now: by its name if that still resolves to a sheet, else by address. */
export function locateRange(book: OpenedWorkbook, entry: ReadPlan["ranges"][number]): { range: SheetRange; viaName: boolean } | undefined {
  if (entry.name) {
    const named = findName(book.package, entry.name);
    const range = named && cellRange(named.text);
    if (range && worksheet(book, range.sheet)) return { range, viaName: true };
  }
  const range = cellRange(entry.address);
  return range ? { range, viaName: false } : undefined;
}

function readGrid(book: OpenedWorkbook, sheet: ExcelJS.Worksheet | undefined, range: SheetRange, uncalculated: string[]): ReadValue[][] {
  const results = sheet ? book.formulaResults.get(sheet.name) : undefined;
  const rows: ReadValue[][] = [];
  for (let r = range.top; r <= range.bottom; r++) {
    const row: ReadValue[] = [];
    for (let c = range.left; c <= range.right; c++) {
      if (!sheet) {
        row.push("");
        continue;
      }
      const cell = sheet.getCell(r, c);
      // Only a merge's top-left cell holds the value (Office.js reads "" in the others).
      if (cell.isMerged && cell.master !== cell) {
        row.push("");
        continue;
      }
      const at = a1(r, c);
      if (results?.has(at)) {
        // A formula: its result as the file caches it (ExcelJS's own reading loses a 0).
        const result = results.get(at);
        if (result === undefined) uncalculated.push(rangeAddress(sheet.name, r, c, r, c));
        row.push(result ?? "");
        continue;
      }
      row.push(normaliseCellValue(cell.value));
    }
    rows.push(row);
  }
  return rows;
}

export function readWorkbook(book: OpenedWorkbook, plan: ReadPlan): WorkbookRead {
  const ranges = new Map<string, RangeRead>();
  const uncalculated: string[] = [];
  const missingSheets = new Set<string>();
  for (const entry of plan.ranges) {
    const located = locateRange(book, entry);
    if (!located) continue;
    const sheet = worksheet(book, located.range.sheet);
    if (!sheet) missingSheets.add(located.range.sheet);
    const { range } = located;
    ranges.set(entry.key, {
      key: entry.key,
      address: rangeAddress(sheet?.name ?? range.sheet, range.top, range.left, range.bottom, range.right),
      range,
      viaName: located.viaName,
      values: readGrid(book, sheet, range, uncalculated),
    });
  }
  return { ranges, uncalculated, missingSheets: [...missingSheets] };
}

/** A1 of a cell inside a range read, for messages. */
export function cellInRange(read: RangeRead, rowOffset: number, columnOffset: number): string {
  return a1(read.range.top + rowOffset, read.range.left + columnOffset);
}
