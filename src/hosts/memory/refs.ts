/** A1 references as Excel writes them: parsing and printing, with optional sheet names. */
import { columnLetters, columnNumber, quoteSheet } from "../../core/plan/address";

import { MAX_COLUMN, MAX_ROW, type Area } from "../../core/formula/area";
export { MAX_COLUMN, MAX_ROW } from "../../core/formula/area";
export type { Area } from "../../core/formula/area";

export interface SheetArea extends Area {
  /** Unquoted sheet name, when the reference named one. */
  sheet?: string;
}

const CELL = /^(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})$/;
const WHOLE_ROWS = /^\$?(\d{1,7}):\$?(\d{1,7})$/;
const WHOLE_COLUMNS = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/;

/** Splits `'收入 (2)'!A1:B2` into the sheet name (unquoted) and the local part. */
export function splitSheet(reference: string): { sheet?: string; local: string } {
  const text = reference.trim().replace(/^=/, "");
  const bang = text.lastIndexOf("!");
  if (bang < 0) return { local: text };
  let sheet = text.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, local: text.slice(bang + 1) };
}

export function parseCell(text: string): { row: number; column: number } | undefined {
  const m = CELL.exec(text);
  if (!m) return undefined;
  const column = columnNumber(m[2]);
  const row = Number(m[4]);
  if (row < 1 || row > MAX_ROW || column > MAX_COLUMN) return undefined;
  return { row, column };
}

/** Local or sheet-qualified A1 (cell, range, whole rows "5:7", whole columns "A:C"). */
export function parseArea(reference: string): SheetArea | undefined {
  const { sheet, local } = splitSheet(reference);
  const rows = WHOLE_ROWS.exec(local);
  if (rows) return { sheet, top: Number(rows[1]), bottom: Number(rows[2]), left: 1, right: MAX_COLUMN };
  const cols = WHOLE_COLUMNS.exec(local);
  if (cols) return { sheet, top: 1, bottom: MAX_ROW, left: columnNumber(cols[1]), right: columnNumber(cols[2]) };
  const [from, to = from, extra] = local.split(":");
  if (extra !== undefined) return undefined;
  const a = parseCell(from);
  const b = parseCell(to);
  if (!a || !b) return undefined;
  return {
    sheet,
    top: Math.min(a.row, b.row),
    bottom: Math.max(a.row, b.row),
    left: Math.min(a.column, b.column),
    right: Math.max(a.column, b.column),
  };
}

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

export function contains(outer: Area, inner: Area): boolean {
  return inner.top >= outer.top && inner.bottom <= outer.bottom && inner.left >= outer.left && inner.right <= outer.right;
}

export function intersects(a: Area, b: Area): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

/** A cell's key in a sheet's cell map: a number, so a lookup builds no string. */
export function cellKey(row: number, column: number): number {
  return (row - 1) * MAX_COLUMN + (column - 1);
}

export function keyRow(key: number): number {
  return Math.floor(key / MAX_COLUMN) + 1;
}

export function keyColumn(key: number): number {
  return (key % MAX_COLUMN) + 1;
}
