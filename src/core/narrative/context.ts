import { readValues, type CellState, type ReadValues } from "../check";
import { Dec, formatAmount, NO_DATA_PHRASE, roundHalfUp } from "../money";
import type { ListEntry, ReportData } from "../spec/data";
import { shownDecimals, type FieldDef } from "../spec/instances";
import type { FormSpec } from "../spec/types";
import { DEFAULT_SELF_REF, resolveOptions, type NarrativeOptions } from "./options";
import type { CellFact, MissingField, WordingFact } from "./types";

/** A numeric cell as a sentence uses it. */
export interface Reading {
  field: string;
  label: string;
  /** At the chosen precision: rounded to the shown decimals when precision is "shown". */
  value: Dec;
  fact: CellFact;
}

export type Needed = { ok: true; get: (id: string) => Reading } | { ok: false; missing: MissingField[] };

/**
 * Everything a sentence builder reads: the cells (parsed once, by the checks' reader), the
 * wording options, the year and the self-reference.
 */
export interface NarrativeContext {
  form: FormSpec;
  data: ReportData;
  values: ReadValues;
  options: NarrativeOptions;
  /** A numeric cell, or why it cannot be used. "无"/"—" reads as 0. */
  read(id: string): Reading | MissingField;
  /** All of `ids`, or every one that is missing. */
  need(ids: string[]): Needed;
  /** The cell holds a figure or a deliberate "无" (it is not blank). */
  isFilled(id: string): boolean;
  label(id: string): string;
  entries(listId: string): ListEntry[];
  /**
   * A clause built from cells: reused from the previous narration when every cell it read is
   * unchanged (same state object) under the same options, else built afresh.
   */
  remember<T>(key: string, build: () => T): T;
  /** A cell of `table` says 本表无数据: the department marked the whole table as having nothing to report. */
  markedNoData(table: string): boolean;
  /** report.year as a Reading, or why not. */
  year(): Reading | MissingField;
  selfRef(): { text: string; fact: WordingFact };
}

export function isMissing(x: Reading | MissingField): x is MissingField {
  return "reason" in x;
}

function shownText(field: FieldDef, value: Dec): string {
  const places = shownDecimals(field.kind);
  return places === 0 ? value.toFixed(0) : formatAmount(value, places);
}

function missingFor(field: FieldDef, cell: CellState): MissingField | undefined {
  switch (cell.state) {
    case "empty":
      return { field: field.id, label: field.label, reason: "empty" };
    case "text":
      return { field: field.id, label: field.label, reason: "text", written: cell.text };
    case "invalid":
      return { field: field.id, label: field.label, reason: "invalid", written: cell.text };
    default:
      return undefined;
  }
}

/**
 * Readings by cell state, per precision. readValues keeps the state object of every unchanged
 * cell between passes, so live re-narration re-reads only the edited cells (a Reading is
 * immutable: its value, label and shown text depend on nothing else).
 */
const readingCache = { shown: new WeakMap<CellState, Reading>(), full: new WeakMap<CellState, Reading>() };

interface RememberedClause {
  optionsKey: string;
  /** Each cell the clause read, once, with the state it had. */
  reads: Map<string, CellState | undefined>;
  result: unknown;
}

/**
 * Clauses remembered per compiled form (one list shape): readValues keeps the state object of
 * every unchanged cell, so a clause whose cells are all the same objects says the same thing.
 * Lists, labels and the form are fixed for a compiled form, so cells and options are the only
 * inputs a clause has.
 */
const clauseMemos = new WeakMap<object, Map<string, RememberedClause>>();
function clauseMemo(compiled: object): Map<string, RememberedClause> {
  let memo = clauseMemos.get(compiled);
  if (!memo) clauseMemos.set(compiled, (memo = new Map()));
  return memo;
}

export function createContext(form: FormSpec, data: ReportData, partial: Partial<NarrativeOptions> = {}): NarrativeContext {
  const options = resolveOptions(partial);
  const values = readValues(form, data);
  const cache = readingCache[options.precision];

  // The cells read by the clauses being built (innermost last), for remember().
  const tracking: Array<Map<string, CellState | undefined>> = [];
  const cellOf = (id: string): CellState | undefined => {
    const cell = values.cells.get(id);
    for (const reads of tracking) reads.set(id, cell);
    return cell;
  };
  const memo = clauseMemo(values.compiled);
  const unchanged = (reads: Map<string, CellState | undefined>): boolean => {
    for (const [id, cell] of reads) if (values.cells.get(id) !== cell) return false;
    return true;
  };
  const optionsKey = JSON.stringify(options);

  const read = (id: string): Reading | MissingField => {
    const field = values.fields.get(id);
    if (!field) return { field: id, label: id, reason: "notInForm" };
    const cell = cellOf(id) ?? { state: "empty" };
    const missing = missingFor(field, cell);
    if (missing) return missing;
    const hit = cache.get(cell);
    if (hit && hit.field === id) return hit;
    const reading = readCellAs(id, field, cell);
    cache.set(cell, reading);
    return reading;
  };

  function readCellAs(id: string, field: FieldDef, cell: CellState): Reading {
    const stored = cell.state === "number" ? cell.value : new Dec(0);
    const value = options.precision === "shown" ? roundHalfUp(stored, shownDecimals(field.kind)) : stored;
    const written = cell.state === "number" || cell.state === "none" ? cell.text : "";
    return {
      field: id,
      label: field.label,
      value,
      fact: { kind: "cell", field: id, label: field.label, written, value: value.toString(), shown: shownText(field, value) },
    };
  }

  const need = (ids: string[]): Needed => {
    const readings = new Map<string, Reading>();
    const missing: MissingField[] = [];
    for (const id of ids) {
      const r = read(id);
      if (isMissing(r)) missing.push(r);
      else readings.set(id, r);
    }
    if (missing.length) return { ok: false, missing };
    return {
      ok: true,
      get: (id) => {
        const r = readings.get(id);
        if (!r) throw new Error(`builder asked for ${id} without needing it`);
        return r;
      },
    };
  };

  const textOf = (id: string): string | undefined => {
    const cell = cellOf(id);
    return cell && (cell.state === "text" || cell.state === "number") ? cell.text.trim() || undefined : undefined;
  };

  return {
    form,
    data,
    values,
    options,
    read,
    need,
    remember<T>(key: string, build: () => T): T {
      const previous = memo.get(key);
      if (previous && previous.optionsKey === optionsKey && unchanged(previous.reads)) {
        // The reads of a reused clause count for any clause around it too.
        for (const reads of tracking) for (const [id, cell] of previous.reads) reads.set(id, cell);
        return previous.result as T;
      }
      const reads = new Map<string, CellState | undefined>();
      tracking.push(reads);
      try {
        const result = build();
        memo.set(key, { optionsKey, reads, result });
        return result;
      } finally {
        tracking.pop();
      }
    },
    isFilled: (id) => {
      const state = cellOf(id)?.state;
      return state === "number" || state === "none";
    },
    markedNoData: (table) => {
      for (const [id, field] of values.fields) {
        if (field.table.id !== table) continue;
        const cell = cellOf(id);
        if (cell?.state === "none" && cell.text.includes(NO_DATA_PHRASE)) return true;
      }
      return false;
    },
    label: (id) => values.fields.get(id)?.label ?? id,
    entries: (listId) => data.lists[listId] ?? [],
    year: () => read("report.year"),
    selfRef: () => {
      if (options.selfRef) return { text: options.selfRef, fact: { kind: "wording", label: "自称", value: options.selfRef, source: "option" } };
      const written = textOf("report.selfRef");
      if (written) return { text: written, fact: { kind: "wording", label: "自称", value: written, source: "cell", field: "report.selfRef" } };
      return { text: DEFAULT_SELF_REF, fact: { kind: "wording", label: "自称", value: DEFAULT_SELF_REF, source: "default" } };
    },
  };
}
