/**
 * Queues one sheet of the layout plan as Office.js calls, without syncing: the caller syncs once
 * per sheet. Contents and number formats go in as one 2-D array each over the sheet's planned
 * block (null = leave the cell as it is, per "Blank and null values",
 * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-blank-null-values), number
 * formats first so text cells are "@" before their text arrives; formats are applied per
 * rectangle of equally styled cells, not per cell.
 */
import { columnLetters } from "../../core/excel/address";
import type { CellStyle, PlannedCell, SheetLayout, StyleId } from "../../core/plan/layout-types";
import type { PageSetup } from "../../core/plan/layout-types";
import { CELL_STYLES, SEVERITY_FILLS } from "../../core/plan/styles";
import { textInput } from "./text";

/** What goes into a planned cell. */
export type CellContent =
  | { kind: "formula"; formula: string }
  | { kind: "number"; value: number }
  | { kind: "text"; text: string }
  /** Leave the cell's content as it is (an entered value being kept). */
  | { kind: "keep" };

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetWriteOptions {
  /** Content of each planned cell; undefined leaves the cell as it is. */
  content: (cell: PlannedCell) => CellContent | undefined;
  /** Areas whose merges and conditional formats go first (a re-laid-out table's old place). */
  reset?: Rect[];
  /** Apply the plan's page setup: Worksheet.pageLayout needs ExcelApi 1.9, above the manifest's 1.7. */
  pageLayout?: boolean;
}

const POINTS_PER_INCH = 72;

/** The plan's print settings through Worksheet.pageLayout (ExcelApi 1.9). */
export function queuePageLayout(ws: Excel.Worksheet, page: PageSetup): void {
  const inches = (n: number) => n * POINTS_PER_INCH;
  ws.pageLayout.set({
    paperSize: "A4",
    orientation: page.orientation === "landscape" ? "Landscape" : "Portrait",
    zoom: { horizontalFitToPages: page.fitToWidth, verticalFitToPages: page.fitToHeight },
    blackAndWhite: page.blackAndWhite,
    centerHorizontally: page.horizontallyCentered,
    leftMargin: inches(page.margins.left),
    rightMargin: inches(page.margins.right),
    topMargin: inches(page.margins.top),
    bottomMargin: inches(page.margins.bottom),
    headerMargin: inches(page.margins.header),
    footerMargin: inches(page.margins.footer),
    headersFooters: { defaultForAllPages: { centerFooter: page.footer } },
  });
  ws.pageLayout.setPrintArea(rectAddress(page.printArea));
  if (page.titleRows) ws.pageLayout.setPrintTitleRows(`$${page.titleRows.top}:$${page.titleRows.bottom}`);
}

/** Excel column width is in points; the plan's is in characters of the default font (7 px + 5 px padding). */
export function widthInPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

export function rectAddress(r: Rect): string {
  const from = `${columnLetters(r.left)}${r.top}`;
  const to = `${columnLetters(r.right)}${r.bottom}`;
  return from === to ? from : `${from}:${to}`;
}

export function numberFormatOf(cell: PlannedCell): string | undefined {
  return cell.numberFormat ?? CELL_STYLES[cell.style].numberFormat;
}

/** The smallest rectangle holding every cell (a loop: a sheet may have far more cells than a call takes arguments). */
export function boundingBox(cells: PlannedCell[]): Rect | undefined {
  if (cells.length === 0) return undefined;
  const box = { top: Infinity, bottom: -Infinity, left: Infinity, right: -Infinity };
  for (const c of cells) {
    box.top = Math.min(box.top, c.row);
    box.bottom = Math.max(box.bottom, c.row);
    box.left = Math.min(box.left, c.column);
    box.right = Math.max(box.right, c.column);
  }
  return box;
}

/** Rectangles of cells sharing a style: runs along each row, joined down while they repeat. */
export function styleRects(cells: PlannedCell[]): Array<{ rect: Rect; style: StyleId }> {
  const byRow = new Map<number, PlannedCell[]>();
  for (const c of cells) byRow.set(c.row, [...(byRow.get(c.row) ?? []), c]);
  const open = new Map<string, { rect: Rect; style: StyleId }>();
  const done: Array<{ rect: Rect; style: StyleId }> = [];
  for (const row of [...byRow.keys()].sort((a, b) => a - b)) {
    const rowCells = byRow.get(row)!.sort((a, b) => a.column - b.column);
    const runs: Array<{ left: number; right: number; style: StyleId }> = [];
    for (const c of rowCells) {
      const last = runs[runs.length - 1];
      if (last && last.style === c.style && last.right === c.column - 1) last.right = c.column;
      else if (!last || last.right < c.column) runs.push({ left: c.column, right: c.column, style: c.style });
    }
    const seen = new Set<string>();
    for (const run of runs) {
      const key = `${run.left}|${run.right}|${run.style}`;
      seen.add(key);
      const prev = open.get(key);
      if (prev && prev.rect.bottom === row - 1) prev.rect.bottom = row;
      else {
        if (prev) done.push(prev);
        open.set(key, { rect: { top: row, bottom: row, left: run.left, right: run.right }, style: run.style });
      }
    }
    for (const [key, value] of open) {
      if (!seen.has(key) && value.rect.bottom < row) {
        done.push(value);
        open.delete(key);
      }
    }
  }
  return [...done, ...open.values()];
}

const HORIZONTAL = { left: "Left", center: "Center", right: "Right" } as const;
const VERTICAL = { top: "Top", center: "Center" } as const;

function applyStyle(range: Excel.Range, style: CellStyle, rect: Rect): void {
  const f = range.format;
  if (style.fill) f.fill.color = style.fill;
  if (style.bold !== undefined) f.font.bold = style.bold;
  if (style.size !== undefined) f.font.size = style.size;
  if (style.fontColor) f.font.color = style.fontColor;
  if (style.horizontal) f.horizontalAlignment = HORIZONTAL[style.horizontal];
  if (style.vertical) f.verticalAlignment = VERTICAL[style.vertical];
  if (style.wrap !== undefined) f.wrapText = style.wrap;
  if (style.locked !== undefined) f.protection.locked = style.locked;
  if (style.border) {
    const edges: Excel.BorderIndex[] = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] as Excel.BorderIndex[];
    if (rect.right > rect.left) edges.push("InsideVertical" as Excel.BorderIndex);
    if (rect.bottom > rect.top) edges.push("InsideHorizontal" as Excel.BorderIndex);
    for (const edge of edges) f.borders.getItem(edge).style = "Continuous";
  }
}

/** Queues the whole sheet (no sync). */
export function queueSheet(ws: Excel.Worksheet, layout: SheetLayout, options: SheetWriteOptions): void {
  for (const area of options.reset ?? []) {
    const range = ws.getRange(rectAddress(area));
    range.unmerge();
    range.conditionalFormats.clearAll();
  }

  const box = boundingBox(layout.cells);
  if (box) {
    const rows = box.bottom - box.top + 1;
    const cols = box.right - box.left + 1;
    const formats: Array<Array<string | null>> = Array.from({ length: rows }, () => Array<string | null>(cols).fill(null));
    const contents: Array<Array<string | number | null>> = Array.from({ length: rows }, () => Array<string | number | null>(cols).fill(null));
    for (const cell of layout.cells) {
      const i = cell.row - box.top;
      const j = cell.column - box.left;
      const format = numberFormatOf(cell);
      if (format) formats[i][j] = format;
      const content = options.content(cell);
      if (!content || content.kind === "keep") continue;
      if (content.kind === "formula") contents[i][j] = content.formula;
      else if (content.kind === "number") contents[i][j] = content.value;
      else contents[i][j] = textInput(content.text, format);
    }
    const range = ws.getRange(rectAddress(box));
    range.numberFormat = formats;
    range.formulas = contents;
  }

  for (const { rect, style } of styleRects(layout.cells)) applyStyle(ws.getRange(rectAddress(rect)), CELL_STYLES[style], rect);
  for (const m of layout.merges) ws.getRange(rectAddress(m)).merge(false);
  for (const { column, width } of layout.columnWidths) {
    const letter = columnLetters(column);
    ws.getRange(`${letter}:${letter}`).format.columnWidth = widthInPoints(width);
  }
  for (const column of layout.hiddenColumns ?? []) {
    const letter = columnLetters(column);
    ws.getRange(`${letter}:${letter}`).columnHidden = true;
  }
  if (layout.freeze && (layout.freeze.rows > 0 || layout.freeze.columns > 0)) {
    if (layout.freeze.columns === 0) ws.freezePanes.freezeRows(layout.freeze.rows);
    else if (layout.freeze.rows === 0) ws.freezePanes.freezeColumns(layout.freeze.columns);
    else ws.freezePanes.freezeAt(ws.getRange(`A1:${columnLetters(layout.freeze.columns)}${layout.freeze.rows}`));
  }
  if (options.pageLayout && layout.page) queuePageLayout(ws, layout.page);
  if (layout.autoFilter) ws.autoFilter.apply(ws.getRange(rectAddress(layout.autoFilter)));
  // Re-applying a template must not stack a second copy of each highlight.
  for (const range of new Set(layout.conditionalFormats.map((cf) => cf.range))) ws.getRange(range).conditionalFormats.clearAll();
  for (const cf of layout.conditionalFormats) {
    const format = ws.getRange(cf.range).conditionalFormats.add("Custom");
    format.custom.rule.formula = cf.formula;
    format.custom.format.fill.color = SEVERITY_FILLS[cf.severity].fill;
    format.custom.format.font.color = SEVERITY_FILLS[cf.severity].fontColor;
  }
}
