/**
 * How references follow structural edits, as Excel adjusts them
 * (https://support.microsoft.com/office/insert-or-delete-rows-and-columns-6f40e6e4-85af-45e0-b39d-65dd504a3246,
 * and "Define and use names in formulas": a name refers to cells, so it moves with them):
 * - rows inserted at or above a reference push it down; rows inserted strictly inside a range
 *   (below its first row, at or above its last) make the range grow;
 * - deleted rows shrink a range; a reference whose cells are all deleted becomes #REF!;
 * - a renamed sheet is renamed in every formula; a deleted sheet's references become #REF!.
 * Only references whose columns lie within the shifted columns move (an insert of whole rows
 * moves every reference on the sheet).
 */
import type { Area } from "../refs";
import { FormulaSyntaxError, printRef, printTokens, tokenize, type CellRef, type Token } from "../../../core/formula/tokens";

export interface RowShift {
  sheet: string;
  kind: "insert" | "delete";
  /** First row inserted or deleted. */
  at: number;
  count: number;
  /** Columns whose cells shift. */
  left: number;
  right: number;
}

/** New rows of a [top, bottom] span after the shift, or undefined when it is deleted entirely. */
export function shiftSpan(top: number, bottom: number, s: Pick<RowShift, "kind" | "at" | "count">): { top: number; bottom: number } | undefined {
  if (s.kind === "insert") {
    if (top >= s.at) return { top: top + s.count, bottom: bottom + s.count };
    if (bottom >= s.at) return { top, bottom: bottom + s.count };
    return { top, bottom };
  }
  const last = s.at + s.count - 1;
  const newTop = top < s.at ? top : top > last ? top - s.count : s.at;
  const newBottom = bottom < s.at ? bottom : bottom > last ? bottom - s.count : s.at - 1;
  return newBottom < newTop ? undefined : { top: newTop, bottom: newBottom };
}

/** A single cell moves; it never grows (an insert at its own row pushes it down). */
function shiftCellRow(row: number, s: RowShift): number | undefined {
  if (s.kind === "insert") return row >= s.at ? row + s.count : row;
  const last = s.at + s.count - 1;
  if (row < s.at) return row;
  if (row > last) return row - s.count;
  return undefined;
}

export function shiftArea(area: Area, s: RowShift): Area | undefined {
  if (area.left < s.left || area.right > s.right) return area;
  if (area.top === area.bottom) {
    const row = shiftCellRow(area.top, s);
    return row === undefined ? undefined : { ...area, top: row, bottom: row };
  }
  const span = shiftSpan(area.top, area.bottom, s);
  return span && { ...area, ...span };
}

type RefToken = Extract<Token, { type: "ref" }>;

function rewrite(formula: string, change: (t: RefToken) => RefToken | "#REF!" | undefined): string {
  let tokens: Token[];
  try {
    tokens = tokenize(formula);
  } catch (e) {
    if (e instanceof FormulaSyntaxError) return formula;
    throw e;
  }
  let changed = false;
  const out = tokens.map((t): Token => {
    if (t.type !== "ref") return t;
    const next = change(t);
    if (next === undefined) return t;
    changed = true;
    return next === "#REF!" ? { type: "error", text: t.sheet === undefined ? "#REF!" : `#REF!` } : next;
  });
  return changed ? printTokens(out) : formula;
}

function withRows(t: RefToken, top: number, bottom: number): RefToken {
  const start: CellRef = { ...t.start, row: t.end && t.end.row < t.start.row ? bottom : top };
  const end: CellRef | undefined = t.end && { ...t.end, row: t.end.row < t.start.row ? top : bottom };
  return { ...t, start, end, text: printRef(t.sheet, start, end) };
}

/** Moves the references of a formula (on sheet `ownSheet`, or a name's when undefined) for a row shift. */
export function shiftFormula(formula: string, ownSheet: string | undefined, s: RowShift): string {
  return rewrite(formula, (t) => {
    if ((t.sheet ?? ownSheet) !== s.sheet) return undefined;
    const end = t.end ?? t.start;
    const area: Area = {
      top: Math.min(t.start.row, end.row),
      bottom: Math.max(t.start.row, end.row),
      left: Math.min(t.start.column, end.column),
      right: Math.max(t.start.column, end.column),
    };
    const moved = shiftArea(area, s);
    if (!moved) return "#REF!";
    if (moved.top === area.top && moved.bottom === area.bottom) return undefined;
    return withRows(t, moved.top, moved.bottom);
  });
}

export function renameSheetInFormula(formula: string, from: string, to: string): string {
  return rewrite(formula, (t) => (t.sheet === from ? { ...t, sheet: to, text: printRef(to, t.start, t.end) } : undefined));
}

export function dropSheetFromFormula(formula: string, deleted: string): string {
  return rewrite(formula, (t) => (t.sheet === deleted ? "#REF!" : undefined));
}

/** A formula moved (not cut) by `rows`: relative row references follow, absolute ones stay (sort, fill). */
export function translateFormula(formula: string, rows: number): string {
  if (rows === 0) return formula;
  return rewrite(formula, (t) => {
    const move = (r: CellRef): CellRef => (r.rowAbsolute ? r : { ...r, row: r.row + rows });
    const start = move(t.start);
    const end = t.end && move(t.end);
    if (start.row < 1 || (end && end.row < 1)) return "#REF!";
    return { ...t, start, end, text: printRef(t.sheet, start, end) };
  });
}
