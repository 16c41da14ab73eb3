/**
 * An officer's formula carried through a re-layout: every cell reference is pointed at where its
 * cell goes, as Excel itself adjusts references when rows move (a cut-and-paste keeps a formula
 * reading the same cells). A range follows its corner cells, so a row the layout adds inside a
 * range is taken in, as an inserted row would be. References are found with the formula
 * tokenizer, so only real references change.
 */
import { printRef, printTokens, tokenize, type CellRef, type Token } from "../../core/formula/tokens";

/** Where a cell (sheet as the formula names it, 1-based row and column) goes: undefined when it no longer exists. */
export type CellMover = (sheet: string, row: number, column: number) => { row: number; column: number } | undefined;

export interface Remapped {
  formula: string;
  /** False when a reference could not follow its cells (they leave the layout, or the formula could not be read): the formula is then unchanged. */
  exact: boolean;
  /** Sheets holding cells a reference read that no longer exist. */
  lost: Set<string>;
  /** Sheets (as named in the formula, or the formula's own sheet) whose references moved. */
  moved: Set<string>;
}

function moveRef(ref: CellRef, to: { row: number; column: number }): CellRef {
  return { ...ref, row: to.row, column: to.column };
}

/** `formula` (with its leading "=") as it must read once cells have moved; `ownSheet` is the sheet it sits on. */
export function remapFormula(formula: string, ownSheet: string, move: CellMover): Remapped {
  let tokens: Token[];
  try {
    tokens = tokenize(formula);
  } catch {
    return { formula, exact: false, moved: new Set(), lost: new Set() };
  }
  const moved = new Set<string>();
  const lost = new Set<string>();
  const out = tokens.map((t): Token => {
    if (t.type !== "ref") return t;
    const sheet = t.sheet ?? ownSheet;
    const start = move(sheet, t.start.row, t.start.column);
    const end = t.end && move(sheet, t.end.row, t.end.column);
    // Gone, or a range whose corners cross over (it would read other cells than before).
    if (!start || (t.end && !end) || (end && (Math.sign(end.row - start.row) !== Math.sign(t.end!.row - t.start.row) || Math.sign(end.column - start.column) !== Math.sign(t.end!.column - t.start.column)))) {
      lost.add(sheet);
      return t;
    }
    const sameStart = start.row === t.start.row && start.column === t.start.column;
    const sameEnd = !end || (end.row === t.end!.row && end.column === t.end!.column);
    if (sameStart && sameEnd) return t;
    moved.add(sheet);
    const s = moveRef(t.start, start);
    const e = t.end && end ? moveRef(t.end, end) : undefined;
    return { ...t, start: s, end: e, text: printRef(t.sheet, s, e) };
  });
  if (lost.size > 0) return { formula, exact: false, moved: new Set(), lost };
  return { formula: moved.size > 0 ? printTokens(out) : formula, exact: true, moved, lost };
}

/** Every cell a formula reads, per sheet (as named, or `ownSheet`), ranges expanded; undefined when it cannot be read. */
export function referencedCells(formula: string, ownSheet: string): Array<{ sheet: string; row: number; column: number }> | undefined {
  let tokens: Token[];
  try {
    tokens = tokenize(formula);
  } catch {
    return undefined;
  }
  const out: Array<{ sheet: string; row: number; column: number }> = [];
  for (const t of tokens) {
    if (t.type === "name") return undefined;
    if (t.type !== "ref") continue;
    const sheet = t.sheet ?? ownSheet;
    const end = t.end ?? t.start;
    for (let r = Math.min(t.start.row, end.row); r <= Math.max(t.start.row, end.row); r++) {
      for (let c = Math.min(t.start.column, end.column); c <= Math.max(t.start.column, end.column); c++) out.push({ sheet, row: r, column: c });
    }
  }
  return out;
}
