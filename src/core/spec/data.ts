/**
 * A filled report as data: what a workbook holds, keyed by field id. This is the format of
 * `ziping check --data FILE.json` and of test/fixtures/seed-*.json.
 */

export interface ListEntry {
  name: string;
  /** 科目编码, for coded lists (功能科目, 经济分类). */
  code?: string;
}

/**
 * A cell's content as typed or read. Strings are kept as written ("1112.80", "无", "约5万").
 * The object form marks a figure known at full precision (imported in 元), which makes the
 * checks exact instead of allowing for the rounding of a 2-decimal 万元 figure.
 */
export type RawValue = string | number | null | { value: string | number | null; exact?: boolean };

export interface ReportData {
  /** FormSpec id the values belong to. */
  form: string;
  /** Open lists: reporting units, 功能科目 lines, … in the order they appear. */
  lists: Record<string, ListEntry[]>;
  values: Record<string, RawValue>;
}

export function rawText(raw: RawValue | undefined): string | number | null {
  if (raw === undefined || raw === null) return null;
  if (typeof raw === "object") return raw.value;
  return raw;
}

export function isMarkedExact(raw: RawValue | undefined): boolean {
  return typeof raw === "object" && raw !== null && raw.exact === true;
}
