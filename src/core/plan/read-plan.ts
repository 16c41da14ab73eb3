import type { ListEntry, RawValue, ReportData } from "../spec/data";
import { fieldId, labelFieldId, type Lists } from "../spec/instances";
import type { FormSpec, RowSpec, TableSpec } from "../spec/types";
import { rangeAddress, sheetAddress, topLeftOf } from "../excel/address";
import { numberText } from "../excel/cell-input";
import type { ReadPlan } from "./layout-types";
import { tableBodyName } from "./names";
import { placeForm, type TablePlacement } from "../spec/placement";

/**
 * What a check needs from a workbook: the body of every table, each one range, so a host reads
 * everything in one batch. Each range is found by its defined name (ZP_<tableId>) first — the
 * name follows the table when the officer inserts rows or moves it — and by the laid-out
 * address when the name is gone.
 */
export function buildReadPlan(form: FormSpec, lists: Lists): ReadPlan {
  return {
    ranges: placeForm(form, lists).flatMap(({ sheet, tables }) =>
      tables.map((p) => ({
        key: p.table.id,
        address: rangeAddress(sheet.name, p.bodyTop, 1, p.lastRow, p.lastColumn),
        name: tableBodyName(p.table.id),
        tableId: p.table.id,
        rows: p.rows.length,
        columns: p.lastColumn,
      })),
    ),
  };
}

/** One cell as a host reads it (Office.js `values`, ExcelJS cell values reduced to these). */
export type ReadCell = string | number | boolean | null | undefined;

export interface ReadBlock {
  values: ReadCell[][];
  /**
   * Where the block was actually read (the name's current address, sheet-qualified, e.g.
   * 收入!$A$5:$G$9), so findings can name the cells where they are now.
   */
  address?: string;
}

/** Key of each read-plan range → what was read there; a table missing from it was not read. */
export type ReadResult = Record<string, ReadBlock | ReadCell[][] | undefined>;

export interface InterpretedRead {
  data: ReportData;
  /** Field id → sheet-qualified address of the cell it was read from. */
  addresses: Map<string, string>;
  /** Plain-Chinese notes on structure that did not match the plan (for the pane to show). */
  notes: string[];
}


/** A read cell as the value the core takes; undefined for a blank. Text stays text. */
export function rawFromCell(cell: ReadCell): RawValue | undefined {
  if (cell === null || cell === undefined) return undefined;
  if (typeof cell === "number") return numberText(cell);
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  return cell.trim() === "" ? undefined : cell;
}

function blockOf(read: ReadResult, key: string): ReadBlock | undefined {
  const b = read[key];
  if (b === undefined) return undefined;
  return Array.isArray(b) ? { values: b } : b;
}

const normalizeLabel = (s: ReadCell): string => (typeof s === "string" ? s.replace(/\s+/g, "") : s == null ? "" : String(s));

function labelMatches(row: RowSpec, text: ReadCell): boolean {
  const t = normalizeLabel(text);
  return [row.label, ...(row.synonyms ?? [])].some((l) => normalizeLabel(l) === t);
}

const isBlankRow = (cells: ReadCell[]): boolean => cells.every((c) => rawFromCell(c) === undefined);

/** A body row of the workbook assigned to a row of the spec. */
interface MappedRow {
  spec: RowSpec;
  /** Index into the read block. */
  readIndex: number;
}

/**
 * Which read rows are which spec rows. The fixed rows before a table's open list are its top
 * rows, the fixed rows after it its bottom rows, and every row between them belongs to the list:
 * a row the officer inserted inside the table (which widens the defined name) becomes a new
 * entry, a deleted one disappears. Wholly blank list rows are dropped. A table without a list
 * maps row by row when the row count is as planned, and by label otherwise.
 */
function mapRows(p: TablePlacement, values: ReadCell[][], notes: string[]): MappedRow[] {
  const specs = p.table.rows;
  const listAt = specs.map((r, i) => (r.list ? i : -1)).filter((i) => i >= 0);
  const n = values.length;
  const out: MappedRow[] = [];
  if (listAt.length === 1) {
    const prefix = specs.slice(0, listAt[0]);
    const suffix = specs.slice(listAt[0] + 1);
    if (n < prefix.length + suffix.length) notes.push(`「${p.table.title}」行数少于表格固定行，部分固定行未读到。`);
    prefix.forEach((spec, i) => i < n && out.push({ spec, readIndex: i }));
    const listEnd = Math.max(prefix.length, n - suffix.length);
    for (let i = prefix.length; i < listEnd; i++) if (!isBlankRow(values[i])) out.push({ spec: specs[listAt[0]], readIndex: i });
    suffix.forEach((spec, j) => {
      const i = listEnd + j;
      if (i < n && i >= prefix.length) out.push({ spec, readIndex: i });
    });
    for (const m of out) {
      if (!m.spec.list && !labelMatches(m.spec, values[m.readIndex][0])) {
        notes.push(`「${p.table.title}」第 ${m.readIndex + 1} 行应为「${m.spec.label}」，读到的是「${normalizeLabel(values[m.readIndex][0])}」。`);
      }
    }
    return out;
  }
  if (listAt.length === 0) {
    if (n === specs.length) return specs.map((spec, i) => ({ spec, readIndex: i }));
    notes.push(`「${p.table.title}」行数与模板不同（${n} 行，应为 ${specs.length} 行），按行标题对应。`);
    const used = new Set<number>();
    for (const spec of specs) {
      const i = values.findIndex((row, k) => !used.has(k) && labelMatches(spec, row[0]));
      if (i >= 0) {
        used.add(i);
        out.push({ spec, readIndex: i });
      } else notes.push(`「${p.table.title}」找不到「${spec.label}」行。`);
    }
    return out;
  }
  // More than one open list in a table: only the planned shape can be read.
  let i = 0;
  for (const instance of p.rows) {
    if (i < n) out.push({ spec: instance.spec, readIndex: i });
    i++;
  }
  if (n !== p.rows.length) notes.push(`「${p.table.title}」行数与模板不同，按模板位置读取。`);
  return out;
}

/** The row an empty list's spare row was laid out in, if the read block still has it. */
function spareListRow(p: TablePlacement, readRows: number): MappedRow | undefined {
  const at = p.table.rows.findIndex((r) => r.list);
  if (at < 0) return undefined;
  const fixedAfter = p.table.rows.length - at - 1;
  return readRows - at - fixedAfter >= 1 ? { spec: p.table.rows[at], readIndex: at } : undefined;
}

/** An open list as one table shows it: each list row's entry, in order. */
interface TableListRows {
  listId: string;
  rows: Array<{ entry: ListEntry; readIndex: number }>;
}

const entryKey = (e: ListEntry): string => e.name.replace(/\s+/g, "");

/**
 * Several tables show one list (the units appear in 收入, 支出, 三公, 固定资产). The workbook's
 * list is their union by name, in order; a unit the officer added to one table only is a
 * list entry whose rows in the other tables are simply blank. A name met twice in one table is
 * two entries; unnamed rows with figures pair up across tables in order, like names.
 */
interface MergedList {
  entries: ListEntry[];
  /** For each table, the merged index of each of its list rows. */
  indexOf: Map<TableListRows, number[]>;
}

function mergeLists(perTable: TableListRows[]): Map<string, MergedList> {
  const out = new Map<string, MergedList>();
  for (const t of perTable) {
    const list: MergedList = out.get(t.listId) ?? { entries: [], indexOf: new Map() };
    out.set(t.listId, list);
    // Where each name stands in the merged list, ascending; kept in step with insertions so a
    // lookup is a map access, not a scan (a workbook may have thousands of units).
    const positions = new Map<string, number[]>();
    list.entries.forEach((e, i) => atKey(positions, entryKey(e)).push(i));
    const seen = new Map<string, number>();
    let cursor = -1;
    const indices: number[] = [];
    for (const { entry } of t.rows) {
      const key = entryKey(entry);
      const occurrence = seen.get(key) ?? 0;
      seen.set(key, occurrence + 1);
      // The occurrence-th entry of that name in the merged list, if there is one.
      const found = positions.get(key)?.[occurrence];
      if (found !== undefined) {
        cursor = found;
        if (!list.entries[found].code && entry.code) list.entries[found].code = entry.code;
      } else {
        cursor += 1;
        list.entries.splice(cursor, 0, entry);
        if (cursor < list.entries.length - 1) {
          // Entries after the insertion point moved down one.
          const shift = (v: number, j: number, a: number[]) => v >= cursor && (a[j] = v + 1);
          for (const other of list.indexOf.values()) other.forEach(shift);
          indices.forEach(shift);
          for (const at of positions.values()) at.forEach(shift);
        }
        const at = atKey(positions, key);
        at.splice(sortedIndex(at, cursor), 0, cursor);
      }
      indices.push(cursor);
    }
    list.indexOf.set(t, indices);
  }
  return out;
}

function atKey(map: Map<string, number[]>, key: string): number[] {
  let at = map.get(key);
  if (!at) map.set(key, (at = []));
  return at;
}

/** First position in an ascending array at which `value` can be inserted keeping it sorted. */
function sortedIndex(sorted: number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The values read back, as the core takes them, with where each field was read and notes on
 * anything that did not match the plan. `lists` are the lists the template was laid out with;
 * the lists of the result are read from the list rows' label cells.
 */
export function interpretRead(form: FormSpec, lists: Lists, read: ReadResult): InterpretedRead {
  const notes: string[] = [];
  const placements = placeForm(form, lists).flatMap((s) => s.tables);
  const perTable: Array<{ p: TablePlacement; block: ReadBlock; mapped: MappedRow[]; list?: TableListRows; origin: { sheet: string; row: number; column: number } }> = [];

  for (const p of placements) {
    const block = blockOf(read, p.table.id);
    if (!block) continue;
    const origin = (block.address && topLeftOf(block.address)) || { sheet: p.sheet.name, row: p.bodyTop, column: 1 };
    const width = Math.max(0, ...block.values.map((r) => r.length));
    if (block.values.length > 0 && width < p.lastColumn) notes.push(`「${p.table.title}」列数少于模板（${width} 列，应为 ${p.lastColumn} 列）。`);
    const mapped = mapRows(p, block.values, notes);
    const listSpec = p.table.rows.find((r) => r.list);
    let list: TableListRows | undefined;
    if (listSpec?.list) {
      const labelColumns = p.table.labelColumns ?? [{ id: "name" as const, label: "" }];
      const textAt = (i: number, id: "name" | "code"): string | undefined => {
        const j = labelColumns.findIndex((lc) => lc.id === id);
        const raw = j >= 0 ? rawFromCell(block.values[i][j]) : undefined;
        return raw === undefined ? undefined : String(raw).trim();
      };
      list = {
        listId: listSpec.list,
        rows: mapped
          .filter((m) => m.spec.list)
          .map((m) => {
            const code = textAt(m.readIndex, "code");
            return { readIndex: m.readIndex, entry: { name: textAt(m.readIndex, "name") ?? "", ...(code ? { code } : {}) } };
          }),
      };
    }
    perTable.push({ p, block, mapped, list, origin });
  }

  const merged = mergeLists(perTable.flatMap((t) => (t.list ? [t.list] : [])));
  const outLists: Record<string, ListEntry[]> = {};
  for (const l of form.lists) {
    const entries = merged.get(l.id)?.entries ?? lists[l.id] ?? [];
    if (entries.length > 0) outLists[l.id] = entries;
  }

  const values: Record<string, RawValue> = {};
  const addresses = new Map<string, string>();
  for (const { p, block, mapped, list, origin } of perTable) {
    const table: TableSpec = p.table;
    const listIndices = list ? merged.get(list.listId)?.indexOf.get(list) : undefined;
    let listRow = 0;
    const rowsRead: MappedRow[] = [...mapped];
    // A list left empty still has its one spare row in the form: it is the first row between
    // the fixed rows, when the table has one there.
    const spare = spareListRow(p, block.values.length);
    if (list && (merged.get(list.listId)?.entries.length ?? 0) === 0 && spare) rowsRead.push(spare);
    for (const m of rowsRead) {
      const rowId = m.spec.list ? `${m.spec.id}[${(listIndices?.[listRow++] ?? 0) + 1}]` : m.spec.id;
      const cells = block.values[m.readIndex];
      const at = (column: number): string => sheetAddress(origin.sheet, origin.row + m.readIndex, origin.column + column - 1);
      const take = (id: string, column: number): void => {
        addresses.set(id, at(column));
        const raw = rawFromCell(cells[column - 1]);
        if (raw !== undefined) values[id] = raw;
      };
      if (table.layout === "record") {
        take(fieldId(table, rowId), p.firstValueColumn);
        continue;
      }
      if (m.spec.list) (table.labelColumns ?? [{ id: "name" as const }]).forEach((lc, j) => addresses.set(labelFieldId(table, rowId, lc.id), at(j + 1)));
      p.valueColumns.forEach((c, j) => take(fieldId(table, rowId, c.id), p.firstValueColumn + j));
    }
  }
  return { data: { form: form.id, lists: outLists, values }, addresses, notes };
}

/** The values of a read, as report data for the core's checks and narrative. */
export function valuesFromRead(form: FormSpec, lists: Lists, read: ReadResult): ReportData {
  return interpretRead(form, lists, read).data;
}
