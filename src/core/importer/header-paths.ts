import { isBlank, type SourceGrid } from "./grid";
import type { Layout } from "./layout";
import { matchName, type NameMatch } from "./match";
import type { TableModel } from "./model";
import { isGroupWord, isTotalWord, normalizeLabel } from "./normalize";

/**
 * The header cells over each column, top to bottom, with a merged cell's text carried over the
 * columns it spans: an export writes a merged cell once, in its first column, and leaves the
 * rest blank. A blank cell takes the text to its left on its row only while no cell above starts
 * between the two (so 公务接待费 under 预算数 does not take the 运行维护费 beside it). 其中： is
 * left out. One sweep per header row; made once per layout (every table of the form asks).
 */
export function headerPaths(grid: SourceGrid, layout: Layout): string[][] {
  const known = pathsOf.get(layout);
  if (known) return known;
  const paths: string[][] = Array.from({ length: layout.width }, () => []);
  // Per column: some header row above the current one has a cell there.
  const startedAbove = new Array<boolean>(layout.width).fill(false);
  for (const r of layout.header) {
    const row = grid.rows[r];
    let carried: string | undefined;
    for (let c = 0; c < layout.width; c++) {
      const text = row[c];
      if (!isBlank(text)) carried = text.trim();
      else if (startedAbove[c]) carried = undefined;
      const path = paths[c];
      if (carried !== undefined && !isGroupWord(carried) && path[path.length - 1] !== carried) path.push(carried);
    }
    for (let c = 0; c < layout.width; c++) if (!isBlank(row[c])) startedAbove[c] = true;
  }
  pathsOf.set(layout, paths);
  return paths;
}

const pathsOf = new WeakMap<Layout, string[][]>();

/** A column whose header names a row of the table as well as one of its columns. */
export interface CellAddress {
  row: string;
  column: string;
  /** The header cells over the column, top to bottom ("预算数 › 公务接待费"), and the ones that named the row and column. */
  path: string[];
  matchedRow: string;
  matchedColumn: NameMatch<string>;
}

/** Exact or synonym matches only: a cell is addressed on names the form gives, never on a likeness. */
function sure(normalized: string, candidates: TableModel["rows"]): NameMatch<string> | undefined {
  const found = matchName(normalized, candidates).filter((m) => m.how !== "fuzzy");
  return found.length === 1 ? found[0] : undefined;
}

/**
 * The table cell a header path names: one part names a column ("预算数"), a deeper or shallower
 * part names a row ("公务接待费"); the deepest row-naming part wins ("公务用车购置及运行维护费 ›
 * 购置费" is 购置费), and a bare 小计 under a row's name is that row itself.
 */
export function addressOf(path: string[], model: TableModel): CellAddress | undefined {
  let column: NameMatch<string> | undefined;
  let columnAt = -1;
  let row: { key: string; text: string } | undefined;
  path.forEach((text, k) => {
    const n = normalizeLabel(text);
    if (n === "") return;
    const asColumn = sure(n, model.columns);
    if (asColumn && !column) {
      column = asColumn;
      columnAt = k;
      return;
    }
    if (isTotalWord(n) && row) return;
    const asRow = sure(n, model.rows);
    if (asRow && k !== columnAt) row = { key: asRow.key, text };
  });
  if (!column || !row) return undefined;
  return { row: row.key, column: column.key, path, matchedRow: row.text, matchedColumn: column };
}

/**
 * The export is one line of figures under a header that addresses every cell (公开07表 printed
 * wide: 预算数 {合计, 因公出国（境）费, …} and 决算数 {…}, against a table whose rows are the
 * items): the columns that address a cell, when at least two rows and two figures are named.
 * Undefined for an ordinary header (rows named by the body's labels).
 */
export function cellAddressedColumns(grid: SourceGrid, layout: Layout, model: TableModel, candidates: number[]): Map<number, CellAddress> | undefined {
  if (model.table.layout === "record" || layout.header.length < 2) return undefined;
  const paths = headerPaths(grid, layout);
  const out = new Map<number, CellAddress>();
  for (const c of candidates) {
    const address = paths[c].length >= 2 ? addressOf(paths[c], model) : undefined;
    if (address) out.set(c, address);
  }
  const rows = new Set([...out.values()].map((a) => a.row));
  return out.size >= 2 && rows.size >= 2 ? out : undefined;
}
