/**
 * What a workbook already holds, by field id: the value and (when it is one) the formula of every
 * cell the read reached, and the lists as the sheets show them. Template upgrades, repairs and
 * list additions are all decided from this, so no entered value is ever lost.
 */
import { sheetAddress, topLeftOf } from "../../core/excel/address";
import { interpretRead, type InterpretedRead, type ReadCell } from "../../core/plan/read-plan";
import { expandRules } from "../../core/spec/rules";
import type { ListEntry, Lists } from "../../core/spec";
import type { FormSpec } from "../../core/spec/types";
import { readResult, type TableRead } from "./read";

export interface ExistingCell {
  value: ReadCell;
  formula?: string;
  address: string;
}

export interface Existing {
  read: InterpretedRead;
  /** Field id (values and list labels) → the cell it was read from. */
  cells: Map<string, ExistingCell>;
  /** Sheet-qualified address → the cell read there. */
  byAddress: Map<string, ExistingCell>;
}

export function isBlank(value: ReadCell): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/**
 * Range.formulas gives a text cell's text, so a text "=1+1" (stored as text) also "starts with =":
 * Office.js returns it without its quote prefix (OfficeDev/office-js#6687). A cell is a formula
 * only when its formula differs from its value.
 */
export function isFormula(formula: unknown, value: ReadCell): boolean {
  return typeof formula === "string" && formula.startsWith("=") && formula !== value;
}

export function indexTables(tables: Record<string, TableRead>): Map<string, ExistingCell> {
  const byAddress = new Map<string, ExistingCell>();
  for (const t of Object.values(tables)) {
    const origin = topLeftOf(t.address);
    if (!origin) continue;
    t.values.forEach((row, i) =>
      row.forEach((value, j) => {
        const address = sheetAddress(origin.sheet, origin.row + i, origin.column + j);
        const f = t.formulas?.[i]?.[j];
        byAddress.set(address, { value, address, ...(isFormula(f, value) ? { formula: f as string } : {}) });
      }),
    );
  }
  return byAddress;
}

export function readExisting(form: FormSpec, lists: Lists, tables: Record<string, TableRead>): Existing {
  const read = interpretRead(form, lists, readResult(tables));
  const byAddress = indexTables(tables);
  const cells = new Map<string, ExistingCell>();
  for (const [id, address] of read.addresses) {
    const cell = byAddress.get(address);
    if (cell) cells.set(id, cell);
  }
  return { read, cells, byAddress };
}

/** A list row's field id: table, row, 1-based entry, rest ("unit[2].carryover" in "income"). */
const LIST_FIELD = /^([^.]+)\.([^.[]+)\[(\d+)\](.*)$/;

/** Fields the template lays out as total formulas. */
function totalFields(form: FormSpec, lists: Lists): Set<string> {
  const out = new Set<string>();
  for (const rule of expandRules(form, lists)) if (rule.kind === "equation" && rule.relation.formula) out.add(rule.target);
  return out;
}

/**
 * Per list, the entries (1-based) whose rows hold something the officer entered: a value, or a
 * formula that is not one of the template's totals. One pass over the cells read.
 */
function enteredEntries(form: FormSpec, existing: Existing, listOfRow: Map<string, string>): Map<string, Set<number>> {
  const totals = totalFields(form, existing.read.data.lists);
  const out = new Map<string, Set<number>>();
  for (const [id, cell] of existing.cells) {
    const m = LIST_FIELD.exec(id);
    const listId = m && listOfRow.get(`${m[1]}.${m[2]}`);
    if (!m || !listId) continue;
    const entered = cell.formula ? !totals.has(id) : !isBlank(cell.value);
    if (!entered) continue;
    let set = out.get(listId);
    if (!set) out.set(listId, (set = new Set()));
    set.add(Number(m[3]));
  }
  return out;
}

export interface MergedLists {
  lists: Lists;
  /** The field id a planned field had in the workbook as read (list entries may be renumbered). */
  previousId: (fieldId: string) => string;
}

/**
 * The lists a template is laid out with: the workbook's own entries first, in their order, then
 * the requested ones it does not have yet (matched by name). A nameless row with nothing entered
 * (the spare row an empty list shows) is dropped once real entries arrive.
 */
export function mergeLists(form: FormSpec, existing: Existing | undefined, requested: Lists = {}): MergedLists {
  const out: Lists = {};
  /** list id → new 1-based index → old 1-based index. */
  const renumbered = new Map<string, Map<number, number>>();
  const listOfRow = new Map<string, string>();
  for (const s of form.sheets) for (const t of s.tables) for (const r of t.rows) if (r.list) listOfRow.set(`${t.id}.${r.id}`, r.list);
  // Only needed when a list shows a nameless row (the spare row of an empty list, or a row left unnamed).
  let entered: Map<string, Set<number>> | undefined;
  for (const list of form.lists) {
    const current = existing?.read.data.lists[list.id] ?? [];
    const kept: Array<{ entry: ListEntry; old: number }> = [];
    current.forEach((entry, i) => {
      if (entry.name.trim() === "" && existing) {
        entered ??= enteredEntries(form, existing, listOfRow);
        if (!entered.get(list.id)?.has(i + 1)) return;
      }
      kept.push({ entry, old: i + 1 });
    });
    const known = new Set(kept.map((k) => k.entry.name.trim()));
    const added = (requested[list.id] ?? []).filter((e) => e.name.trim() !== "" && !known.has(e.name.trim()));
    const entries = [...kept.map((k) => k.entry), ...added];
    if (entries.length > 0) out[list.id] = entries;
    renumbered.set(list.id, new Map(kept.map((k, i) => [i + 1, k.old])));
  }
  const previousId = (fieldId: string): string => {
    const m = LIST_FIELD.exec(fieldId);
    if (!m) return fieldId;
    const listId = listOfRow.get(`${m[1]}.${m[2]}`);
    const old = listId ? renumbered.get(listId)?.get(Number(m[3])) : undefined;
    // A new entry had no cell before: an id no read produced.
    return old === undefined ? `${fieldId}#new` : `${m[1]}.${m[2]}[${old}]${m[4]}`;
  };
  return { lists: out, previousId };
}
