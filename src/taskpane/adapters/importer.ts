/**
 * The 导入 tab's link to src/core/importer: decode a picked file, plan a paste, and turn a plan
 * into the session calls that carry it out. Only this file knows the importer's entry points.
 */
import { detectEncoding, planImport, type ImportPlan, type SourceUnit } from "../../core/importer";
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

export interface PlanRequest {
  form: FormSpec;
  text: string;
  unit: UnitOption;
  /** Target table id; undefined lets the importer infer it. */
  table?: string;
  /** The workbook's current values and lists. */
  reference: ReportData;
}

/** The importer's plan for a paste; throws only for a bad option (an unknown table). */
export function planPaste(request: PlanRequest): ImportPlan {
  return planImport(request.text, {
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
