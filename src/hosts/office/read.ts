/**
 * Reading the workbook. Everything a check needs is loaded in ONE context.sync: the body of
 * every table through its defined name (the name follows the table when rows are inserted,
 * deleted or the sheet renamed). Inspection, which also needs the sheet list and the names,
 * costs two: names first, then the ranges of the names that exist.
 */
import { CHECKS_NAME, FORM_MARKER_NAME, parseFormMarker, tableBodyName, tableHeaderName } from "../../core/plan/names";
import { buildReadPlan, type ReadBlock, type ReadCell, type ReadResult } from "../../core/plan/read-plan";
import type { Lists } from "../../core/spec";
import type { FormSpec } from "../../core/spec/types";
import { parseArea, splitSheet, type Area } from "../../core/excel/address";

export interface SheetInfo {
  name: string;
  id: string;
}

export interface NameInfo {
  name: string;
  formula: string;
}

export interface TableRead extends ReadBlock {
  values: ReadCell[][];
  /** Formulas as Range.formulas gives them (constants where a cell has no formula). */
  formulas?: unknown[][];
  address: string;
}

export interface HeaderRead {
  address: string;
  /** Merged areas inside the header, when the host can tell (ExcelApi 1.13). */
  merges?: string[];
}

/** A sheet's used range (cells with a value or formula). */
export interface UsedRead {
  /** Sheet-qualified address, e.g. 收入!A1:H9. */
  address: string;
  /** As Range.formulas gives them: the formula, or the constant ("" when empty). */
  formulas: unknown[][];
  /** Absent for the 校验 sheet, read by formulas only (its values would cost a recalculation and tell nothing). */
  values?: ReadCell[][];
}

export interface WorkbookState {
  sheets: SheetInfo[];
  /** By upper-cased name (Excel compares names without case). */
  names: Map<string, NameInfo>;
  marker?: { id: string; version: number };
  /** Table id → its body as read through the name. */
  tables: Record<string, TableRead>;
  /** Table id → its header range (and merges). */
  headers: Record<string, HeaderRead>;
  /** Rows of the 校验 sheet's rule block, when it exists. */
  checkRows?: number;
  /** Sheet name → its used range, when inspected with `used` (template planning). */
  used?: Map<string, UsedRead>;
}

/** Sheet (unquoted) and area a name refers to, or undefined for #REF! and constants. */
export function nameTarget(name: NameInfo | undefined): { sheet: string; area: Area } | undefined {
  if (!name || /#REF!/.test(name.formula)) return undefined;
  const area = parseArea(name.formula);
  if (!area) return undefined;
  const { sheet } = splitSheet(name.formula);
  return sheet ? { sheet, area } : undefined;
}

export function tableIds(form: FormSpec): string[] {
  return form.sheets.flatMap((s) => s.tables.map((t) => t.id));
}

interface PendingTable {
  id: string;
  body?: Excel.Range;
  header?: Excel.Range;
  merges?: Excel.RangeAreas;
}

export interface ReadOptions {
  formulas?: boolean;
  merges?: boolean;
  /** Also every sheet's used range (Worksheet.getUsedRange(valuesOnly), ExcelApi 1.2), in the same sync. */
  used?: boolean;
}

/**
 * Queues the loads of every table whose body name is known to resolve to a range, plus the
 * 校验 block's size. One sync later, `collect` turns them into plain data.
 */
export function queueTableLoads(context: Excel.RequestContext, form: FormSpec, names: Map<string, NameInfo>, options: ReadOptions = {}): () => Pick<WorkbookState, "tables" | "headers" | "checkRows"> {
  const pending: PendingTable[] = [];
  for (const id of tableIds(form)) {
    const p: PendingTable = { id };
    const body = names.get(tableBodyName(id).toUpperCase());
    if (nameTarget(body)) {
      p.body = context.workbook.names.getItem(body!.name).getRange();
      p.body.load(options.formulas ? "address, values, formulas" : "address, values");
    }
    const header = names.get(tableHeaderName(id).toUpperCase());
    if (options.merges && nameTarget(header)) {
      p.header = context.workbook.names.getItem(header!.name).getRange();
      p.header.load("address");
      p.merges = p.header.getMergedAreasOrNullObject();
      p.merges.load("address");
    }
    pending.push(p);
  }
  let checks: Excel.Range | undefined;
  const checksName = names.get(CHECKS_NAME.toUpperCase());
  if (nameTarget(checksName)) {
    checks = context.workbook.names.getItem(checksName!.name).getRange();
    checks.load("rowCount");
  }
  return () => {
    const tables: Record<string, TableRead> = {};
    const headers: Record<string, HeaderRead> = {};
    for (const p of pending) {
      if (p.body) tables[p.id] = { address: p.body.address, values: p.body.values as ReadCell[][], ...(options.formulas ? { formulas: p.body.formulas } : {}) };
      if (p.header) {
        headers[p.id] = {
          address: p.header.address,
          merges: p.merges && !p.merges.isNullObject ? p.merges.address.split(",").map((a) => a.trim()).filter(Boolean) : [],
        };
      }
    }
    // Read after the caller's sync (the lint rule cannot follow the closure).
    // eslint-disable-next-line office-addins/call-sync-after-load, office-addins/call-sync-before-read
    return { tables, headers, checkRows: checks?.rowCount };
  };
}

/** Sheets and names (1 sync), then the tables (1 sync). */
export async function inspectWorkbook(context: Excel.RequestContext, form: FormSpec, options: ReadOptions = {}): Promise<WorkbookState> {
  const sheets = context.workbook.worksheets.load("items/name,items/id");
  const names = context.workbook.names.load("items/name,items/formula");
  await context.sync();
  const nameMap = new Map<string, NameInfo>();
  for (const n of names.items) nameMap.set(n.name.toUpperCase(), { name: n.name, formula: String(n.formula) });
  const collect = queueTableLoads(context, form, nameMap, options);
  const checksSheet = nameTarget(nameMap.get(CHECKS_NAME.toUpperCase()))?.sheet;
  const usedRanges = options.used
    ? sheets.items.map((ws) => {
        const range = ws.getUsedRange(true);
        const values = ws.name !== checksSheet;
        if (values) range.load("address, values, formulas");
        else range.load("address, formulas");
        return { name: ws.name, range, values };
      })
    : [];
  await context.sync();
  const markerName = nameMap.get(FORM_MARKER_NAME.toUpperCase());
  const used = new Map<string, UsedRead>();
  for (const u of usedRanges) {
    used.set(u.name, { address: u.range.address, formulas: u.range.formulas, ...(u.values ? { values: u.range.values as ReadCell[][] } : {}) });
  }
  return {
    sheets: sheets.items.map((s) => ({ name: s.name, id: s.id })),
    names: nameMap,
    marker: markerName ? parseFormMarker(markerName.formula) : undefined,
    ...collect(),
    ...(options.used ? { used } : {}),
  };
}

/** The tables as the core's interpretRead takes them. */
export function readResult(tables: Record<string, TableRead>): ReadResult {
  const out: ReadResult = {};
  for (const [id, t] of Object.entries(tables)) out[id] = { values: t.values, address: t.address };
  return out;
}

/** The read plan's ranges this workbook lacks (their names are gone or broken). */
export function missingTables(form: FormSpec, lists: Lists, tables: Record<string, TableRead>): string[] {
  return buildReadPlan(form, lists).ranges.filter((r) => !tables[r.key]).map((r) => r.key);
}
