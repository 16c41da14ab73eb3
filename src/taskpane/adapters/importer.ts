/**
 * The 导入 tab's link to src/core/importer: decode a picked file, plan a paste, and turn a plan
 * into the session calls that carry it out. Only this file knows the importer's entry points.
 */
import { detectEncoding, planImport, type ImportPlan, type SourceGrid, type SourceUnit } from "../../core/importer";
import { EXPORT_LIMITS, htmlTableRefusal, spreadsheetFormat, tooLargeExport } from "../../readers/format";
import type { RawValue, ReportData } from "../../core/spec";
import type { ListAddition } from "../../hosts/office";
import type { FormSpec } from "../../core/spec/types";

export type { ImportPlan, SourceUnit };

/** 自动 leaves the unit to what the export states or what its magnitudes suggest. */
export type UnitOption = "auto" | SourceUnit;

export interface DecodedFile {
  text: string;
  /** Which encoding was used and why, in Chinese. */
  note: string;
}

/** Text of an exported file, whatever encoding a Chinese Windows program wrote it in. */
export function decodeFile(bytes: Uint8Array): DecodedFile {
  const detected = detectEncoding(bytes);
  // Browsers decode GB18030 (a superset of GBK) natively: no iconv in the pane's bundle.
  const text = new TextDecoder(detected.encoding).decode(bytes.subarray(detected.bomLength));
  return { text, note: `${detected.encoding.toUpperCase()}：${detected.reason}` };
}

/**
 * What a picked file gives the tab: its text, and for a spreadsheet the sheet's cells as the
 * importer takes them (the text is then their tab-separated view, to see what was read).
 */
export interface PickedFile {
  text: string;
  grid?: SourceGrid;
  note: string;
}

/** Cells as tab-separated lines, one per sheet row (so a reject's line is the sheet's row). */
export function gridText(grid: SourceGrid): string {
  const quoted = (cell: string) => (/[\t\n\r"]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  return grid.rows.map((row) => row.map(quoted).join("\t")).join("\n");
}

/**
 * Reads a picked export: CSV/TSV/text decoded in the encoding its bytes show, .xlsx/.xls by the
 * CLI's readers, loaded on first use. A file that cannot be read throws one line naming it.
 */
export async function readPickedFile(name: string, bytes: Uint8Array): Promise<PickedFile> {
  if (bytes.byteLength > EXPORT_LIMITS.bytes) throw tooLargeExport(name, bytes.byteLength);
  const format = spreadsheetFormat(bytes);
  if (!format) {
    const decoded = decodeFile(bytes);
    const html = htmlTableRefusal(name, decoded.text);
    if (html) throw html;
    return decoded;
  }
  const { readSpreadsheetFile } = await import(/* webpackChunkName: "pane-spreadsheet" */ "./spreadsheet-file");
  const { grid, sheet } = await readSpreadsheetFile(name, bytes, format);
  return { text: gridText(grid), grid, note: `${format === "xls" ? "Excel 97–2003" : "Excel"}：工作表“${sheet}”` };
}

export interface PlanRequest {
  form: FormSpec;
  text: string;
  /** The cells of a picked spreadsheet, planned instead of `text` while the text is theirs. */
  grid?: SourceGrid;
  unit: UnitOption;
  /** Target table id; undefined lets the importer infer it. */
  table?: string;
  /** The workbook's current values and lists. */
  reference: ReportData;
}

/** The importer's plan for a paste; throws only for a bad option (an unknown table). */
export function planPaste(request: PlanRequest): ImportPlan {
  return planImport(request.grid ?? request.text, {
    form: request.form,
    table: request.table,
    unit: request.unit === "auto" ? undefined : request.unit,
    reference: request.reference,
  });
}

/** The plan's lists moved since it was made (a unit row was added meanwhile): plan again. */
export function planIsStale(plan: ImportPlan, data: ReportData): boolean {
  return Object.entries(plan.basis).some(([list, length]) => (data.lists[list]?.length ?? 0) !== length);
}

/** New list entries (a 机构, a 科目) in the order the plan gives them. */
export function listAdditions(plan: ImportPlan): ListAddition[] {
  return [...plan.listAdds].sort((a, b) => a.index - b.index).map((add) => ({ list: add.list, entry: add.entry }));
}

function cellValue(raw: RawValue): string | number | null {
  if (raw !== null && typeof raw === "object") return raw.value;
  return raw;
}

/** The writes as field id → value pairs for `session.writeValues`. */
export function writePairs(plan: ImportPlan): Array<[string, string | number | null]> {
  return plan.writes.map((w) => [w.fieldId, cellValue(w.value)]);
}
