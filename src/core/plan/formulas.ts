import type { Rule } from "../spec/rules";
import { a1, quoteSheet } from "../excel/address";
import type { CellPosition } from "../spec/placement";

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
 * Characters in an area once TRIM has taken the spaces off: 0 exactly when every cell is empty,
 * a "" (a total of nothing, below) or spaces; positive for a number and for any text, the
 * no-figure words (无, —, -, /) included. SUMPRODUCT evaluates LEN over a range cell by cell in
 * Excel, WPS and LibreOffice alike.
 */
function writtenLength(ref: string, single: boolean): string {
  return single ? `LEN(TRIM(${ref}))` : `SUMPRODUCT(LEN(TRIM(${ref})))`;
}

/**
 * The formula of a total: `=IF(SUMPRODUCT(LEN(TRIM(C6:G6)))=0,"",SUM(C6:G6))`, and with the same
 * guard `SUM(B7:B8)`, `B5`, `SUM(B6)-SUM(C6)` (`=IF(LEN(TRIM(B6))+LEN(TRIM(C6))=0,"",SUM(B6)-SUM(C6))`).
 * SUM (which skips text and blanks) for the positive terms whenever there is more than one cell
 * and around every subtracted term.
 *
 * The guard: a total of nothing is not 0. It stays blank ("") until a part holds something, as
 * the core treats it (src/core/check/evaluate.ts: a sum with no part filled is "not filled",
 * never silently 0), so Excel, WPS and LibreOffice show what the checks see; the host reads ""
 * as blank, and so does the 校验 sheet. "Holds something" is the core's "filled": a number or a
 * no-figure word. Hence not COUNT(parts)=0, which takes parts that are all 无 or — for blank
 * where the core adds them up to 0 (the total would then read as not filled, and the blank
 * notice would ask for a 0 or — that is already there); and not COUNTA, which counts the ""
 * of a nested total of nothing. Any other text makes the core skip the rule as unreadable,
 * whatever the total shows. One edge remains: a part of only non-ASCII white space (a
 * full-width space, a no-break space) is blank to the core but not to TRIM, so a total of such
 * parts (and blanks) shows 0 where the core would leave it blank. The total's own rule is
 * skipped as not filled either way; a rule that reads the total sees a 0 instead of a blank.
 */
export function totalFormula(rule: Extract<Rule, { kind: "equation" }>, locate: Locator): string {
  const fromSheet = locate(rule.target).sheet;
  const { plus, minus } = termAreas(rule, locate);
  const ref = (a: Area): string => areaRef(a, fromSheet);
  // A difference SUMs every term: SUM reads a no-figure word (无, —) as 0, as the core does,
  // where a bare B6-C6 would show #VALUE!.
  const sumAll = (areas: Area[]): string => `SUM(${areas.map(ref).join(",")})`;
  let text: string;
  if (plus.length === 0) text = "0";
  else if (plus.length === 1 && minus.length === 0 && isSingleCell(plus[0])) text = ref(plus[0]);
  else text = sumAll(plus);
  for (const a of minus) text += `-${sumAll([a])}`;
  const parts = [...plus, ...minus];
  if (parts.length === 0) return `=${text}`;
  const written = parts.map((a) => writtenLength(ref(a), isSingleCell(a))).join("+");
  return `=IF(${written}=0,"",${text})`;
}
