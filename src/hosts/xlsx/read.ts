/**
 * Executes a read plan on an opened workbook: each range is found through its defined name
 * when the workbook still has it (the officer may have inserted rows or moved a table, and
 * Excel, WPS and LibreOffice keep names pointing at the moved cells), otherwise at the
 * address the layout gave it.
 */
import type ExcelJS from "exceljs";
import { a1, parseSheetRange, rangeAddress, type SheetRange } from "../../core/excel/address";
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
  /** The name's range as written, when it reached past what the table can occupy and was cut to it. */
  clippedFrom?: string;
}

/**
 * Rows a table can occupy: its list rows (units, 科目, 项目) grow with the department, never to
 * this many. A name reaching further (收入!$A$1:$XFD$1048576) is cut, not read cell by cell.
 */
export const MAX_TABLE_ROWS = 10_000;

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

/** The range a plan entry reads now: by its name if that still resolves to a sheet, else by address. */
export function locateRange(book: OpenedWorkbook, entry: ReadPlan["ranges"][number]): { range: SheetRange; viaName: boolean } | undefined {
  if (entry.name) {
    const named = findName(book.package, entry.name);
    // A name over whole rows or columns (收入!$5:$9) is kept and clipped below to what the
    // table can occupy, with a note, rather than dropped.
    const range = named && parseSheetRange(named.text);
    if (range && worksheet(book, range.sheet)) return { range, viaName: true };
  }
  const range = parseSheetRange(entry.address);
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

/** Columns a range without a laid-out width may span; the form's widest table has fewer than 20. */
const MAX_TABLE_COLUMNS = 100;

/**
 * A located range cut to what the table can occupy: the columns it was laid out with, the sheet's
 * last used row (rows beyond it are empty), and MAX_TABLE_ROWS. An address from the layout is
 * within them already.
 */
export function clipRange(range: SheetRange, entry: ReadPlan["ranges"][number], sheet: ExcelJS.Worksheet | undefined): SheetRange {
  const columns = Math.max(entry.columns ?? MAX_TABLE_COLUMNS, 1);
  const laidOutBottom = range.top + Math.max(entry.rows ?? 1, 1) - 1;
  const usedBottom = sheet ? Math.max(sheet.rowCount, laidOutBottom) : range.bottom;
  return {
    ...range,
    right: Math.min(range.right, range.left + columns - 1),
    bottom: Math.min(range.bottom, usedBottom, range.top + MAX_TABLE_ROWS - 1),
  };
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
    const range = clipRange(located.range, entry, sheet);
    const clipped = range.right !== located.range.right || range.bottom !== located.range.bottom;
    const written = located.range;
    ranges.set(entry.key, {
      key: entry.key,
      address: rangeAddress(sheet?.name ?? range.sheet, range.top, range.left, range.bottom, range.right),
      range,
      viaName: located.viaName,
      values: readGrid(book, sheet, range, uncalculated),
      ...(clipped ? { clippedFrom: rangeAddress(written.sheet, written.top, written.left, written.bottom, written.right) } : {}),
    });
  }
  return { ranges, uncalculated, missingSheets: [...missingSheets] };
}

/** A1 of a cell inside a range read, for messages. */
export function cellInRange(read: RangeRead, rowOffset: number, columnOffset: number): string {
  return a1(read.range.top + rowOffset, read.range.left + columnOffset);
}
