/**
 * How each sheet prints: as the official form does, on A4, one page wide, the header rows
 * repeated on every page, page numbers in the footer. Data, like the rest of the layout plan;
 * the hosts execute it (ExcelJS pageSetup, Office.js worksheet.pageLayout).
 */
import type { Merge, PageSetup, PlannedCell, PrintArea, SheetLayout } from "./layout-types";
import { displayWidth } from "./widths";

export const PAGE_FOOTER = "第 &P 页 共 &N 页";
export const PAGE_MARGINS = { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 };

/**
 * Characters of column width that fit across an A4 portrait page inside the margins: 210 mm less
 * 2 × 12.7 mm, at about 1.9 mm per character of Excel's default font. A wider table is printed
 * landscape (and in any case scaled to one page wide).
 */
export const PORTRAIT_WIDTH_CHARACTERS = 95;
/** Excel's width of a column no width was set for. */
const DEFAULT_COLUMN_WIDTH = 8.43;

/** Points per line of 11-pt text, and the row's padding. */
const LINE_HEIGHT = 15;
const ROW_PADDING = 3;
const DEFAULT_ROW_HEIGHT = 15;

function columnWidth(layout: SheetLayout, column: number): number {
  return layout.columnWidths.find((w) => w.column === column)?.width ?? DEFAULT_COLUMN_WIDTH;
}

/** The area every printed cell lies in: the laid-out cells, without hidden working columns. */
function printArea(layout: SheetLayout): PrintArea {
  const hidden = new Set(layout.hiddenColumns ?? []);
  const shown = layout.cells.filter((c) => !hidden.has(c.column));
  const right = Math.max(1, ...shown.map((c) => c.column), ...layout.merges.filter((m) => !hidden.has(m.right)).map((m) => m.right));
  const bottom = Math.max(1, ...shown.map((c) => c.row), ...layout.merges.map((m) => m.bottom));
  return { top: 1, left: 1, bottom, right };
}

/** Total width of the printed columns, in characters. */
export function printedWidth(layout: SheetLayout, area: PrintArea = printArea(layout)): number {
  const hidden = new Set(layout.hiddenColumns ?? []);
  let width = 0;
  for (let c = area.left; c <= area.right; c++) if (!hidden.has(c)) width += columnWidth(layout, c);
  return width;
}

/** The page setup of one sheet; `titleRows` when the sheet holds one table whose header should repeat. */
export function pageSetupFor(layout: SheetLayout, titleRows?: { top: number; bottom: number }): PageSetup {
  const area = printArea(layout);
  return {
    paper: "A4",
    orientation: printedWidth(layout, area) > PORTRAIT_WIDTH_CHARACTERS ? "landscape" : "portrait",
    fitToWidth: 1,
    fitToHeight: 0,
    printArea: area,
    ...(titleRows ? { titleRows } : {}),
    margins: PAGE_MARGINS,
    footer: PAGE_FOOTER,
    blackAndWhite: true,
    horizontallyCentered: true,
  };
}

/** Lines a text takes when wrapped in a cell `width` characters wide. */
export function wrappedLines(text: string, width: number): number {
  const room = Math.max(1, width - 1);
  return text.split(/\r?\n/).reduce((n, line) => n + Math.max(1, Math.ceil(displayWidth(line) / room)), 0);
}

function mergeAt(merges: Merge[], cell: PlannedCell): Merge | undefined {
  return merges.find((m) => m.top === cell.row && m.left === cell.column);
}

/**
 * Row heights (points) that show the whole of each wrapped text, given the text each cell holds
 * once filled (`textAt`); rows whose text fits on one line are left to the default height.
 * Excel does not grow a row for text written by a program, so without this long 职能职责 text
 * is cut off on screen and on paper.
 */
export function wrappedRowHeights(
  layout: SheetLayout,
  wraps: (cell: PlannedCell) => boolean,
  textAt: (row: number, column: number) => string | undefined,
): Array<{ row: number; height: number }> {
  const lines = new Map<number, number>();
  for (const cell of layout.cells) {
    if (!wraps(cell)) continue;
    const text = textAt(cell.row, cell.column);
    if (!text) continue;
    const merge = mergeAt(layout.merges, cell);
    if (merge && merge.bottom > merge.top) continue;
    let width = 0;
    for (let c = cell.column; c <= (merge?.right ?? cell.column); c++) width += columnWidth(layout, c);
    lines.set(cell.row, Math.max(lines.get(cell.row) ?? 1, wrappedLines(text, width)));
  }
  return [...lines]
    .filter(([, n]) => n > 1)
    .sort(([a], [b]) => a - b)
    .map(([row, n]) => ({ row, height: Math.max(DEFAULT_ROW_HEIGHT, n * LINE_HEIGHT + ROW_PADDING) }));
}
