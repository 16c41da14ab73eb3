/**
 * What the preview's grid draws for one sheet of the in-memory workbook, and how a paste from a
 * spreadsheet splits into cells. Pure: the grid component only renders this.
 */
import { a1, columnLetters, parseArea } from "../core/excel/address";
import { displayGeneralInCell } from "../core/formula/display";
import type { MemoryWorkbook } from "../hosts/memory";

export interface GridCell {
  row: number;
  column: number;
  /** As Excel shows it in the cell (number format applied; General in at most 11 characters). */
  text: string;
  /** What editing starts from: the formula, or the value as typed. */
  input: string;
  isFormula: boolean;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  align?: "left" | "center" | "right";
  wrap?: boolean;
  /** A conditional format of the template colours this cell now (a failing total, an overspend). */
  flagged: boolean;
  rowSpan: number;
  colSpan: number;
}

export interface GridView {
  sheet: string;
  rows: number;
  columns: number;
  /** `${row},${column}` → cell; cells hidden under a merge are absent and listed in `covered`. */
  cells: Map<string, GridCell>;
  covered: Set<string>;
  /**
   * The columns drawn, ascending: every column up to `columns` but those the workbook hides
   * (the 校验 sheet's 规则编号 and working columns), as Excel leaves them out of its grid.
   */
  shownColumns: number[];
  /** The rows drawn, ascending: every row up to `rows` but those the workbook hides. */
  shownRows: number[];
  /** Pixel width by 1-based column. */
  widths: number[];
}

/** Blank rows and columns drawn past the last used cell, room to type beyond a table. */
const SPARE = 2;
const DEFAULT_WIDTH_PX = 72;
const MAX_WIDTH_PX = 260;

export const key = (row: number, column: number) => `${row},${column}`;

function asInput(value: unknown, formula?: string): string {
  if (formula) return formula;
  if (value === null || value === undefined) return "";
  if (typeof value === "object" && "error" in value) return String((value as { error: string }).error);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}

function alignOf(horizontal: string | undefined, value: unknown): GridCell["align"] {
  const h = horizontal?.toLowerCase();
  if (h === "center" || h === "centeracrossselection") return "center";
  if (h === "right") return "right";
  if (h === "left") return "left";
  return typeof value === "number" ? "right" : undefined;
}

export function gridView(workbook: MemoryWorkbook, sheet: string): GridView {
  const cells = new Map<string, GridCell>();
  let rows = 0;
  let columns = 0;
  const flagged = new Set(
    workbook.conditionalFormatsShowing(sheet).map((address) => {
      const area = parseArea(address);
      return area ? key(area.top, area.left) : "";
    }),
  );
  for (const { row, column, snapshot } of workbook.usedCells(sheet)) {
    rows = Math.max(rows, row);
    columns = Math.max(columns, column);
    const { value, formula, text, format, numberFormat } = snapshot;
    cells.set(key(row, column), {
      row,
      column,
      // Range.text gives a General number's 15 digits (77.0799999999999); the cell shows 77.08.
      text: typeof value === "number" && numberFormat === "General" ? displayGeneralInCell(value) : text,
      input: asInput(value, formula),
      isFormula: formula !== undefined,
      fill: format.fill,
      fontColor: format.fontColor,
      bold: format.bold,
      align: alignOf(format.horizontal, value),
      wrap: format.wrap,
      flagged: flagged.has(key(row, column)),
      rowSpan: 1,
      colSpan: 1,
    });
  }

  const hidden = new Set(workbook.hiddenColumns(sheet));
  const hiddenRows = new Set(workbook.hiddenRows(sheet));
  const covered = new Set<string>();
  for (const merge of workbook.merges(sheet)) {
    const area = parseArea(merge);
    if (!area) continue;
    rows = Math.max(rows, area.bottom);
    columns = Math.max(columns, area.right);
    // A merge spans only its shown rows and columns; with its first row or column hidden, Excel
    // shows its content from the first one left.
    const columnsIn = Array.from({ length: area.right - area.left + 1 }, (_, i) => area.left + i).filter((c) => !hidden.has(c));
    const rowsIn = Array.from({ length: area.bottom - area.top + 1 }, (_, i) => area.top + i).filter((r) => !hiddenRows.has(r));
    const anchor = cells.get(key(area.top, area.left)) ?? blankCell(area.top, area.left);
    const [top, left] = [rowsIn[0], columnsIn[0]];
    if (top !== undefined && left !== undefined) cells.set(key(top, left), { ...anchor, row: top, column: left, rowSpan: rowsIn.length, colSpan: columnsIn.length });
    for (let r = area.top; r <= area.bottom; r++) {
      for (let c = area.left; c <= area.right; c++) if (r !== top || c !== left) covered.add(key(r, c));
    }
  }

  rows += SPARE;
  columns += SPARE;
  const shownColumns = Array.from({ length: columns }, (_, i) => i + 1).filter((c) => !hidden.has(c));
  const shownRows = Array.from({ length: rows }, (_, i) => i + 1).filter((r) => !hiddenRows.has(r));
  const widths = Array.from({ length: columns + 1 }, (_, c) => {
    const points = c === 0 ? undefined : workbook.columnWidth(sheet, c);
    return points === undefined ? DEFAULT_WIDTH_PX : Math.min(MAX_WIDTH_PX, Math.round((points * 96) / 72));
  });
  return { sheet, rows, columns, cells, covered, shownColumns, shownRows, widths };
}

export function blankCell(row: number, column: number): GridCell {
  return { row, column, text: "", input: "", isFormula: false, flagged: false, rowSpan: 1, colSpan: 1 };
}

export { a1, columnLetters };

/**
 * Cells of a paste as a spreadsheet puts them on the clipboard: rows by line, cells by tab;
 * a cell with a line break, tab or quote comes quoted ("a""b" for a"b). A final line break
 * ends the last row rather than starting an empty one.
 */
export function parsePastedCells(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let i = 0;
  let quoted = false;
  let atCellStart = true;
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (ch === '"') {
        quoted = false;
        i++;
        continue;
      }
      cell += ch;
      i++;
      continue;
    }
    if (ch === '"' && atCellStart) {
      quoted = true;
      atCellStart = false;
      i++;
      continue;
    }
    if (ch === "\t") {
      row.push(cell);
      cell = "";
      atCellStart = true;
      i++;
      continue;
    }
    if (ch === "\r" || ch === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      atCellStart = true;
      i += ch === "\r" && text[i + 1] === "\n" ? 2 : 1;
      continue;
    }
    cell += ch;
    atCellStart = false;
    i++;
  }
  if (cell !== "" || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** Whether a paste fills more than the one cell it lands in. */
export function isBlockPaste(cells: string[][]): boolean {
  return cells.length > 1 || (cells[0]?.length ?? 0) > 1;
}

/** The top-left cell of a selection address (收入!C7 or 收入!C7:D9), or undefined. */
export function selectionCell(address: string | undefined): { sheet?: string; row: number; column: number } | undefined {
  if (!address) return undefined;
  const area = parseArea(address);
  return area ? { sheet: area.sheet, row: area.top, column: area.left } : undefined;
}
