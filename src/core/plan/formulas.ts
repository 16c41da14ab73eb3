import type { Rule } from "../check/rules";
import { a1, quoteSheet } from "./address";
import type { CellPosition } from "./placement";

/** A rectangle of cells on one sheet (1-based, inclusive). */
export interface Area {
  sheet: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function isSingleCell(area: Area): boolean {
  return area.top === area.bottom && area.left === area.right;
}

/** A1 reference to an area, sheet-qualified only when it lies on another sheet than the formula. */
export function areaRef(area: Area, fromSheet: string): string {
  const from = a1(area.top, area.left);
  const local = isSingleCell(area) ? from : `${from}:${a1(area.bottom, area.right)}`;
  return area.sheet === fromSheet ? local : `${quoteSheet(area.sheet)}!${local}`;
}

/**
 * Cells grouped into as few contiguous runs (a piece of one row or one column) as their layout
 * allows, in sheet → row → column order. A run becomes a range such as B7:B8, so a row the
 * officer inserts inside it is taken in by Excel's reference adjustment.
 */
export function groupAreas(cells: CellPosition[]): Area[] {
  const sheets = [...new Set(cells.map((c) => c.sheet))];
  const sorted = [...cells].sort(
    (x, y) => sheets.indexOf(x.sheet) - sheets.indexOf(y.sheet) || x.row - y.row || x.column - y.column,
  );
  const out: Area[] = [];
  for (const c of sorted) {
    const last = out[out.length - 1];
    if (last && last.sheet === c.sheet) {
      const horizontal = last.top === last.bottom && c.row === last.top && c.column === last.right + 1;
      const vertical = last.left === last.right && c.column === last.left && c.row === last.bottom + 1;
      if (horizontal && (isSingleCell(last) || last.left !== last.right)) {
        last.right = c.column;
        continue;
      }
      if (vertical && (isSingleCell(last) || last.top !== last.bottom)) {
        last.bottom = c.row;
        continue;
      }
    }
    out.push({ sheet: c.sheet, top: c.row, left: c.column, bottom: c.row, right: c.column });
  }
  return out;
}

export type Locator = (fieldId: string) => CellPosition;

/** Where each field's cell is, for building formulas; throws for an id the layout lacks. */
export function locatorFor(index: Map<string, CellPosition>): Locator {
  return (id) => {
    const p = index.get(id);
    if (!p) throw new Error(`no cell is laid out for field ${id}`);
    return p;
  };
}

/** The terms of an equation rule as areas, split by sign. */
export function termAreas(rule: Extract<Rule, { kind: "equation" }>, locate: Locator): { plus: Area[]; minus: Area[] } {
  const plus = rule.terms.filter((t) => t.sign === 1).map((t) => locate(t.field));
  const minus = rule.terms.filter((t) => t.sign === -1).map((t) => locate(t.field));
  return { plus: groupAreas(plus), minus: groupAreas(minus) };
}

/**
 * The formula of a total: `=SUM(C6:G6)`, `=SUM(B7:B8)`, `=B5`, `=B6-C6`. SUM (which skips text
 * and blanks) for the positive terms whenever there is more than one cell; subtracted terms are
 * referenced one by one, or SUM'd when they form a range.
 */
export function totalFormula(rule: Extract<Rule, { kind: "equation" }>, locate: Locator): string {
  const fromSheet = locate(rule.target).sheet;
  const { plus, minus } = termAreas(rule, locate);
  const ref = (a: Area): string => areaRef(a, fromSheet);
  const one = (a: Area): string => (isSingleCell(a) ? ref(a) : `SUM(${ref(a)})`);
  let text: string;
  if (plus.length === 0) text = "0";
  else if (plus.length === 1) text = one(plus[0]);
  else text = `SUM(${plus.map(ref).join(",")})`;
  for (const a of minus) text += `-${one(a)}`;
  return `=${text}`;
}
