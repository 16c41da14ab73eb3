import type { FormSpec } from "../spec/types";
import { constantValue } from "../excel/defined-name";

/**
 * Workbook defined names ZiPing lays out, so a host finds its tables again after the officer
 * inserts or deletes rows, moves a table or renames a sheet (Excel keeps a name's reference
 * in step with all three). The scheme:
 *
 *   ZP_<tableId>          body of a table: every body row (fixed and list rows), from the first
 *                         label column to the last value (or unit) column. Rows inserted inside
 *                         it widen it, which is how an inserted unit row is found.
 *   ZP_<tableId>_header   the table's header rows (for repairing a broken merged header).
 *   ZP_checks             body of the 校验 sheet: one row per expanded rule.
 *   ZP_checks_summary     the 校验 sheet's counts (不通过 / 超支 / 尾差 / 无法校验 / 未填).
 *   ZP_narrative          the 报告综述 area the add-in writes paragraphs into, one per row.
 *   ZIPING_FORM           (the marker, not a range) "<form id>@<version>", e.g. yueyang-self-eval@1.
 *
 * Table ids are ASCII identifiers in the spec, so every name is a valid Excel name.
 */
export const NAME_PREFIX = "ZP_";
export const FORM_MARKER_NAME = "ZIPING_FORM";
export const CHECKS_NAME = "ZP_checks";
export const CHECKS_SUMMARY_NAME = "ZP_checks_summary";
export const NARRATIVE_NAME = "ZP_narrative";
/** The 绩效评分 sheet's block: the score table with the scoring table's columns and roll-up (score-sheet.ts). */
export const SCORING_NAME = "ZP_scoring";

export function tableBodyName(tableId: string): string {
  return `${NAME_PREFIX}${tableId}`;
}

export function tableHeaderName(tableId: string): string {
  return `${NAME_PREFIX}${tableId}_header`;
}

export function formMarkerValue(form: Pick<FormSpec, "id" | "version">): string {
  return `${form.id}@${form.version}`;
}

/** Reads "yueyang-self-eval@1" back into id and version; undefined when it is not a marker. */
export function parseFormMarker(value: string): { id: string; version: number } | undefined {
  // As the name holds it (="…@1", from Office.js) or already unquoted (the xlsx reader's).
  const m = /^(.+)@(\d+)$/.exec((constantValue(value) ?? value.trim().replace(/^=/, "")).trim());
  return m ? { id: m[1], version: Number(m[2]) } : undefined;
}

/** Excel compares names without regard to case; two tables must never share one. */
export function assertDistinctNames(names: string[]): void {
  const seen = new Map<string, string>();
  for (const name of names) {
    const key = name.toUpperCase();
    const before = seen.get(key);
    if (before !== undefined) throw new Error(`defined names ${before} and ${name} clash (Excel ignores case)`);
    seen.set(key, name);
  }
}
