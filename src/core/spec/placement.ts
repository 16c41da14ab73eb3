import { listRowCount, rowInstances, type Lists, type RowInstance } from "./instances";
import type { ColumnSpec, FormSpec, SheetSpec, TableSpec } from "./types";

/**
 * Where each table sits on its sheet in a freshly laid-out template. Every host lays out
 * from this, and findings name cells from it, so positions are computed in one place.
 *
 * A table occupies, from its top row:
 *   title row · unit row ("单位：万元") · header rows · body rows · two blank rows.
 * Grid tables: label column(s) from column A, then one column per value column.
 * Record tables: A = label, B = value, C = unit.
 * A table whose rows carry 行次 has a 行次 column right after its label column(s); one whose
 * columns carry 栏次 has a last header row that prints them (栏次 | 1 | 2 …), as the official
 * 决算 tables do.
 */
export interface TablePlacement {
  sheet: SheetSpec;
  table: TableSpec;
  titleRow: number;
  unitRow: number;
  headerTop: number;
  headerDepth: number;
  bodyTop: number;
  /** The body's rows, built on first read: positions need only their number (rowSpecOffsets). */
  readonly rows: RowInstance[];
  /** Number of label columns (1 or 2 for grids, 1 for records). */
  labelColumnCount: number;
  /** 1-based column of the 行次 column, when the table's rows carry 行次. */
  lineNoColumn?: number;
  /** Row of the 栏次 header row (the header's last), when the table's columns carry 栏次. */
  colNoRow?: number;
  /** Value columns; a record table has one synthetic column. */
  valueColumns: ColumnSpec[];
  /** 1-based column of the first value column. */
  firstValueColumn: number;
  lastColumn: number;
  lastRow: number;
}

export interface SheetPlacement {
  sheet: SheetSpec;
  tables: TablePlacement[];
}

export interface CellPosition {
  sheet: string;
  /** 1-based row and column. */
  row: number;
  column: number;
}

const BLANK_ROWS_BETWEEN_TABLES = 2;

/** The value column of a record table. */
export const RECORD_VALUE_COLUMN: ColumnSpec = { id: "value", label: "数值" };

export function hasLineNumbers(table: TableSpec): boolean {
  return table.rows.some((r) => r.lineNo !== undefined);
}

export function hasColumnNumbers(table: TableSpec): boolean {
  return table.layout === "grid" && (table.columns ?? []).some((c) => c.colNo !== undefined);
}

export function headerDepthOf(table: TableSpec): number {
  if (table.layout === "record") return 1;
  return 1 + Math.max(0, ...(table.columns ?? []).map((c) => c.groups?.length ?? 0)) + (hasColumnNumbers(table) ? 1 : 0);
}

/** Body rows of each row spec: 1, or one per entry of its list. */
function rowSpan(spec: TableSpec["rows"][number], lists: Lists): number {
  return spec.list ? listRowCount(lists, spec.list) : 1;
}

/** Offset from the body's first row of each row spec's first row, as rowInstances lays them out. */
export function rowSpecOffsets(table: TableSpec, lists: Lists): Map<string, number> {
  const offsets = new Map<string, number>();
  let offset = 0;
  for (const spec of table.rows) {
    if (!offsets.has(spec.id)) offsets.set(spec.id, offset);
    offset += rowSpan(spec, lists);
  }
  return offsets;
}

function placeTable(sheet: SheetSpec, table: TableSpec, top: number, lists: Lists): TablePlacement {
  const headerDepth = headerDepthOf(table);
  const rowCount = table.rows.reduce((n, spec) => n + rowSpan(spec, lists), 0);
  let rows: RowInstance[] | undefined;
  // The lists as they are now, so rows built later are the rows placed now.
  const listsNow: Lists = Object.fromEntries(table.rows.filter((r) => r.list).map((r) => [r.list!, lists[r.list!]?.slice()]));
  const labelColumnCount = table.layout === "record" ? 1 : (table.labelColumns?.length ?? 1);
  const valueColumns = table.layout === "record" ? [RECORD_VALUE_COLUMN] : (table.columns ?? []);
  const lineNoColumn = hasLineNumbers(table) ? labelColumnCount + 1 : undefined;
  const firstValueColumn = (lineNoColumn ?? labelColumnCount) + 1;
  // Record tables carry a unit column after the value.
  const lastColumn = firstValueColumn + valueColumns.length - 1 + (table.layout === "record" ? 1 : 0);
  const bodyTop = top + 2 + headerDepth;
  return {
    sheet,
    table,
    titleRow: top,
    unitRow: top + 1,
    headerTop: top + 2,
    headerDepth,
    bodyTop,
    // A 100,000-entry list would build 100,000 instances for a caller that only wants addresses.
    get rows() {
      return (rows ??= rowInstances(table, listsNow));
    },
    labelColumnCount,
    ...(lineNoColumn !== undefined ? { lineNoColumn } : {}),
    ...(hasColumnNumbers(table) ? { colNoRow: top + 2 + headerDepth - 1 } : {}),
    valueColumns,
    firstValueColumn,
    lastColumn,
    lastRow: bodyTop + rowCount - 1,
  };
}

export function placeForm(form: FormSpec, lists: Lists): SheetPlacement[] {
  return form.sheets.map((sheet) => {
    let top = 1;
    const tables = sheet.tables.map((table) => {
      const placed = placeTable(sheet, table, top, lists);
      top = placed.lastRow + 1 + BLANK_ROWS_BETWEEN_TABLES;
      return placed;
    });
    return { sheet, tables };
  });
}

/** Field id → position of its cell (value cells and list label cells). */
export function cellIndex(form: FormSpec, lists: Lists): Map<string, CellPosition> {
  const index = new Map<string, CellPosition>();
  for (const { sheet, tables } of placeForm(form, lists)) {
    for (const p of tables) {
      p.rows.forEach((row, i) => {
        const r = p.bodyTop + i;
        if (p.table.layout === "record") {
          index.set(`${p.table.id}.${row.id}`, { sheet: sheet.name, row: r, column: p.firstValueColumn });
          return;
        }
        if (row.listIndex !== undefined) {
          (p.table.labelColumns ?? [{ id: "name" as const }]).forEach((lc, j) =>
            index.set(`${p.table.id}.${row.id}.#${lc.id}`, { sheet: sheet.name, row: r, column: j + 1 }),
          );
        }
        p.valueColumns.forEach((c, j) =>
          index.set(`${p.table.id}.${row.id}.${c.id}`, { sheet: sheet.name, row: r, column: p.firstValueColumn + j }),
        );
      });
    }
  }
  return index;
}
