import type { ListEntry } from "./data";
import type { ColumnSpec, FormSpec, RowSpec, SheetSpec, TableSpec, Unit, ValueKind } from "./types";

/** One concrete row of a table: a fixed row, or one entry of an open list. */
export interface RowInstance {
  /** "all", "reception", or "unit[2]" for the second entry of the list row "unit". */
  id: string;
  spec: RowSpec;
  /** 1-based position in its list, for list rows. */
  listIndex?: number;
  /** The entry's name and code, for list rows that have one filled. */
  entry?: ListEntry;
  label: string;
}

/** One value cell of the form, with everything needed to parse, check and describe it. */
export interface FieldDef {
  id: string;
  sheet: SheetSpec;
  table: TableSpec;
  row: RowInstance;
  /** Undefined for record tables (one value per row). */
  column?: ColumnSpec;
  kind: ValueKind;
  unit: Unit;
  /** Human label, e.g. 「年度收入情况·局机关·上年结转」. */
  label: string;
}

export type Lists = Record<string, ListEntry[] | undefined>;

/** Rows shown for an open list: one per entry, and one blank row when the list is empty. */
export function listRowCount(lists: Lists, listId: string): number {
  return Math.max(1, lists[listId]?.length ?? 0);
}

export function rowInstances(table: TableSpec, lists: Lists): RowInstance[] {
  const out: RowInstance[] = [];
  for (const spec of table.rows) {
    if (!spec.list) {
      out.push({ id: spec.id, spec, label: spec.label });
      continue;
    }
    const entries = lists[spec.list] ?? [];
    for (let n = 1; n <= listRowCount(lists, spec.list); n++) {
      const entry = entries[n - 1];
      out.push({ id: `${spec.id}[${n}]`, spec, listIndex: n, entry, label: entry?.name || `${spec.label}${n}` });
    }
  }
  return out;
}

/**
 * Ids are joined rather than written as template literals: a template literal of several parts
 * is a chain of string pieces that V8 joins only when the id is first compared, and then keeps
 * both; a form with a 100,000-entry list keeps 100,000 ids.
 */
export function fieldId(table: TableSpec, rowId: string, columnId?: string): string {
  return columnId === undefined ? [table.id, rowId].join(".") : [table.id, rowId, columnId].join(".");
}

/** Field id of a list row's label cell (name or code). */
export function labelFieldId(table: TableSpec, rowId: string, which: "name" | "code"): string {
  return `${table.id}.${rowId}.#${which}`;
}

function describe(table: TableSpec, row: RowInstance, column?: ColumnSpec): string {
  return [table.title, row.label, column?.label].filter(Boolean).join("·");
}

/** Every value cell of the form for the given lists, in layout order. */
export function expandFields(form: FormSpec, lists: Lists): FieldDef[] {
  const out: FieldDef[] = [];
  for (const sheet of form.sheets) {
    for (const table of sheet.tables) {
      for (const row of rowInstances(table, lists)) {
        if (table.layout === "record") {
          out.push({
            id: fieldId(table, row.id),
            sheet,
            table,
            row,
            kind: row.spec.kind ?? table.kind ?? "amount",
            unit: row.spec.unit ?? table.unit ?? "",
            label: describe(table, row),
          });
          continue;
        }
        for (const column of table.columns ?? []) {
          out.push({
            id: fieldId(table, row.id, column.id),
            sheet,
            table,
            row,
            column,
            kind: column.kind ?? table.kind ?? "amount",
            unit: column.unit ?? table.unit ?? "",
            label: describe(table, row, column),
          });
        }
      }
    }
  }
  return out;
}

export function isNumericKind(kind: ValueKind): boolean {
  return kind === "amount" || kind === "count" || kind === "score" || kind === "percent" || kind === "amountOrNone";
}

/** Decimals a figure of this kind is shown with: the precision its rounding interval is based on. */
export function shownDecimals(kind: ValueKind): number {
  switch (kind) {
    case "amount":
    case "amountOrNone":
    case "percent":
      return 2;
    default:
      return 0;
  }
}
