/**
 * A1 references as Excel writes them: columns, cells, areas and sheet-qualified addresses
 * (收入!$A$5:$G$9, '我的 表'!C8, 'O''Brien'!A1). The one reader and writer of addresses: the
 * plan, every host, the pane and the formula tokenizer parse and print references through it.
 */

/** Excel's grid: 1,048,576 rows × 16,384 columns (XFD). */
export const MAX_ROW = 1_048_576;
export const MAX_COLUMN = 16_384;

/** A rectangle of cells, 1-based, top ≤ bottom and left ≤ right. */
export interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetArea extends Area {
  /** Unquoted sheet name, when the reference named one. */
  sheet?: string;
}

/** An area on a named sheet: what a table's defined name or a Range.address refers to. */
export interface SheetRange extends Area {
  sheet: string;
}

/** One cell of a reference, with its $ marks (a formula keeps them when it is moved). */
export interface CellRef {
  row: number;
  column: number;
  rowAbsolute: boolean;
  columnAbsolute: boolean;
}

// ── columns and cells ─────────────────────────────────────────────────────

export function columnLetters(column: number): string {
  let n = column;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function a1(row: number, column: number): string {
  return `${columnLetters(column)}${row}`;
}

const CELL_AT = /(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})/y;

/** The cell reference starting at `at` (C8, $A$5), inside the grid, and where it ends. */
export function readCellAt(text: string, at = 0): { ref: CellRef; end: number } | undefined {
  CELL_AT.lastIndex = at;
  const m = CELL_AT.exec(text);
  if (!m) return undefined;
  const column = columnNumber(m[2]);
  const row = Number(m[4]);
  if (row < 1 || row > MAX_ROW || column > MAX_COLUMN) return undefined;
  return { ref: { row, column, rowAbsolute: m[3] === "$", columnAbsolute: m[1] === "$" }, end: at + m[0].length };
}

/** A whole text that is one cell (B12, $B$12). */
export function parseCell(text: string): { row: number; column: number } | undefined {
  const cell = readCellAt(text);
  return cell && cell.end === text.length ? { row: cell.ref.row, column: cell.ref.column } : undefined;
}

// ── sheet names ───────────────────────────────────────────────────────────

/**
 * Excel leaves a sheet name bare in a reference only when it is letters, digits, underscores
 * and dots and does not start with a digit; anything else (spaces, （）, -) needs quotes, with
 * embedded quotes doubled.
 */
export function quoteSheet(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

/**
 * An unquoted sheet name and its "!". Wider than what quoteSheet leaves bare, so a reference
 * from another program that skipped the quotes around 收入（一） still reads; never any of the
 * characters a formula gives a meaning to, so `SUM(收入!A1)` is not read as a sheet `SUM(收入`.
 */
const BARE_SHEET_AT = /[^\s'"!:,;()[\]{}#$=<>&+\-*/^%@~`|]+!/uy;

/** The sheet prefix starting at `at` ('我的 表'! or 收入!): the unquoted name and where the local part starts. */
export function readSheetAt(text: string, at = 0): { sheet: string; end: number } | undefined {
  if (text[at] === "'") {
    let name = "";
    let j = at + 1;
    for (;;) {
      if (j >= text.length) return undefined;
      if (text[j] === "'") {
        if (text[j + 1] !== "'") break;
        name += "'";
        j += 2;
        continue;
      }
      name += text[j++];
    }
    return name !== "" && text[j + 1] === "!" ? { sheet: name, end: j + 2 } : undefined;
  }
  BARE_SHEET_AT.lastIndex = at;
  const m = BARE_SHEET_AT.exec(text);
  return m ? { sheet: m[0].slice(0, -1), end: at + m[0].length } : undefined;
}

// ── references ────────────────────────────────────────────────────────────

/** Splits `'收入 (2)'!A1:B2` (or `=收入!A1`, as a name's formula reads) into the unquoted sheet and the local part. */
export function splitSheet(reference: string): { sheet?: string; local: string } {
  const text = reference.trim().replace(/^=\s*/, "");
  const prefix = readSheetAt(text);
  return prefix ? { sheet: prefix.sheet, local: text.slice(prefix.end) } : { local: text };
}

const WHOLE_ROWS = /^\$?(\d{1,7}):\$?(\d{1,7})$/;
const WHOLE_COLUMNS = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/;

function ordered(sheet: string | undefined, a: { row: number; column: number }, b: { row: number; column: number }): SheetArea {
  return {
    sheet,
    top: Math.min(a.row, b.row),
    bottom: Math.max(a.row, b.row),
    left: Math.min(a.column, b.column),
    right: Math.max(a.column, b.column),
  };
}

/**
 * A single-area reference, local or sheet-qualified: a cell, a range, whole rows (5:7) or whole
 * columns (A:C). Anything else (#REF! after the rows were deleted, several areas, a constant, a
 * formula) is undefined.
 */
export function parseArea(reference: string): SheetArea | undefined {
  const { sheet, local } = splitSheet(reference);
  const rows = WHOLE_ROWS.exec(local);
  if (rows) {
    const [top, bottom] = [Number(rows[1]), Number(rows[2])];
    if (Math.min(top, bottom) < 1 || Math.max(top, bottom) > MAX_ROW) return undefined;
    return ordered(sheet, { row: top, column: 1 }, { row: bottom, column: MAX_COLUMN });
  }
  const columns = WHOLE_COLUMNS.exec(local);
  if (columns) {
    const [left, right] = [columnNumber(columns[1]), columnNumber(columns[2])];
    if (Math.max(left, right) > MAX_COLUMN) return undefined;
    return ordered(sheet, { row: 1, column: left }, { row: MAX_ROW, column: right });
  }
  const from = readCellAt(local);
  if (!from) return undefined;
  if (from.end === local.length) return ordered(sheet, from.ref, from.ref);
  const to = local[from.end] === ":" ? readCellAt(local, from.end + 1) : undefined;
  return to && to.end === local.length ? ordered(sheet, from.ref, to.ref) : undefined;
}

/** A single area on a named sheet (收入!$A$1:$G$20, '支出 (二)'!$B$3), or undefined. */
export function parseSheetRange(reference: string): SheetRange | undefined {
  const area = parseArea(reference);
  return area?.sheet === undefined ? undefined : (area as SheetRange);
}

/** Sheet and top-left cell of "收入!$A$5:$G$9", "'My sheet'!A5" (for locating findings). */
export function topLeftOf(address: string): { sheet: string; row: number; column: number } | undefined {
  const range = parseSheetRange(address);
  return range && { sheet: range.sheet, row: range.top, column: range.left };
}

/** Whole rows or whole columns: a reader walking it cell by cell would walk a million cells. */
export function spansWholeRowsOrColumns(area: Area): boolean {
  return (area.left === 1 && area.right === MAX_COLUMN) || (area.top === 1 && area.bottom === MAX_ROW);
}

// ── printing ──────────────────────────────────────────────────────────────

/** Local A1 of an area, e.g. C6:H7, 5:7 for whole rows. */
export function formatLocal(area: Area, absolute = false): string {
  const d = absolute ? "$" : "";
  if (area.left === 1 && area.right === MAX_COLUMN) return `${d}${area.top}:${d}${area.bottom}`;
  const from = `${d}${columnLetters(area.left)}${d}${area.top}`;
  const to = `${d}${columnLetters(area.right)}${d}${area.bottom}`;
  return from === to ? from : `${from}:${to}`;
}

/** Sheet-qualified address the way Range.address reports it, e.g. 收入!C6:H7. */
export function formatAddress(sheet: string, area: Area, absolute = false): string {
  return `${quoteSheet(sheet)}!${formatLocal(area, absolute)}`;
}

export function sheetAddress(sheet: string, row: number, column: number): string {
  return formatAddress(sheet, { top: row, left: column, bottom: row, right: column });
}

export function rangeAddress(sheet: string, top: number, left: number, bottom: number, right: number): string {
  return formatAddress(sheet, { top, left, bottom, right });
}

/** Sheet-qualified absolute range, the form a defined name refers to: 收入!$A$6:$G$8. */
export function absoluteRange(sheet: string, top: number, left: number, bottom: number, right: number): string {
  return formatAddress(sheet, { top, left, bottom, right }, true);
}

// ── areas on the grid ─────────────────────────────────────────────────────

export function contains(outer: Area, inner: Area): boolean {
  return inner.top >= outer.top && inner.bottom <= outer.bottom && inner.left >= outer.left && inner.right <= outer.right;
}

export function intersects(a: Area, b: Area): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

/** A cell's key in a map of cells: a number, so a lookup builds no string. */
export function cellKey(row: number, column: number): number {
  return (row - 1) * MAX_COLUMN + (column - 1);
}

export function keyRow(key: number): number {
  return Math.floor(key / MAX_COLUMN) + 1;
}

export function keyColumn(key: number): number {
  return (key % MAX_COLUMN) + 1;
}
