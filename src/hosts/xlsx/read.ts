/**
 * Executes a read plan on an opened workbook: each range is found through its defined name
 * when the workbook still has it (the officer may have inserted rows or moved a table, and
 * Excel, WPS and LibreOffice keep names pointing at the moved cells), otherwise at the
 * address the layout gave it.
 */
import { a1, parseSheetRange, rangeAddress, type SheetRange } from "../../core/excel/address";
import type { ReadPlan } from "../../core/plan/layout-types";
import type { ReadValue } from "./cell-value";
import { findDefinedName } from "./names";
import type { OpenedWorkbook } from "./open";

/**
 * What reading a template needs of an opened workbook: its defined names, its cells and the
 * formulas' cached results. The CLI's OpenedWorkbook is one; the pane builds one from a picked
 * file (taskpane/adapters/prior-workbook) without Node's zlib and Buffer.
 */
export type ReadableWorkbook = Pick<OpenedWorkbook, "file" | "cells" | "marker" | "formulaResults"> & { package: Pick<OpenedWorkbook["package"], "names"> };
import type { SheetCells, WorkbookCells } from "./package-cells";

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

/** The range a plan entry reads now: by its name if that still resolves to a sheet, else by address. */
export function locateRange(book: ReadableWorkbook, entry: ReadPlan["ranges"][number], cells: WorkbookCells = book.cells): { range: SheetRange; viaName: boolean } | undefined {
  if (entry.name) {
    const named = findDefinedName(book.package.names, entry.name);
    // A name over whole rows or columns (收入!$5:$9) is kept and clipped below to what the
    // table can occupy, with a note, rather than dropped.
    const range = named && parseSheetRange(named.text);
    if (range && cells.sheet(range.sheet)) return { range, viaName: true };
  }
  const range = parseSheetRange(entry.address);
  return range ? { range, viaName: false } : undefined;
}

function readGrid(book: ReadableWorkbook, sheet: SheetCells | undefined, range: SheetRange, uncalculated: string[]): ReadValue[][] {
  if (!sheet) return Array.from({ length: range.bottom - range.top + 1 }, () => new Array<ReadValue>(range.right - range.left + 1).fill(""));
  const results = book.formulaResults(sheet.name);
  return sheet.grid(range).map((cells, i) =>
    cells.map((value, j) => {
      // Only a merge's top-left cell holds the value (Office.js reads "" in the others).
      if (value === null) return "";
      const [r, c] = [range.top + i, range.left + j];
      const at = a1(r, c);
      if (!results.has(at)) return value;
      // A formula: its result as the file caches it (ExcelJS's own reading loses a 0).
      const result = results.get(at);
      if (result === undefined) uncalculated.push(rangeAddress(sheet.name, r, c, r, c));
      return result ?? "";
    }),
  );
}

/** Columns a range without a laid-out width may span; the form's widest table has fewer than 20. */
const MAX_TABLE_COLUMNS = 100;

/**
 * A located range cut to what the table can occupy: the columns it was laid out with, the sheet's
 * last used row (rows beyond it are empty), and MAX_TABLE_ROWS. An address from the layout is
 * within them already.
 */
export function clipRange(range: SheetRange, entry: ReadPlan["ranges"][number], sheet: SheetCells | undefined): SheetRange {
  const columns = Math.max(entry.columns ?? MAX_TABLE_COLUMNS, 1);
  const laidOutBottom = range.top + Math.max(entry.rows ?? 1, 1) - 1;
  const usedBottom = sheet ? Math.max(sheet.rowCount, laidOutBottom) : range.bottom;
  return {
    ...range,
    right: Math.min(range.right, range.left + columns - 1),
    bottom: Math.min(range.bottom, usedBottom, range.top + MAX_TABLE_ROWS - 1),
  };
}

/**
 * Reads the plan's ranges. The cells come from the package itself (`book.cells`); a test gives
 * ExcelJS's reading of the same file instead, to hold the two to the same values.
 */
export function readWorkbook(book: ReadableWorkbook, plan: ReadPlan, cells: WorkbookCells = book.cells): WorkbookRead {
  const ranges = new Map<string, RangeRead>();
  const uncalculated: string[] = [];
  const missingSheets = new Set<string>();
  for (const entry of plan.ranges) {
    const located = locateRange(book, entry, cells);
    if (!located) continue;
    const sheet = cells.sheet(located.range.sheet);
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
