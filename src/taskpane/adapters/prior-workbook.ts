/**
 * 导入上年工作簿 in the pane: last year's ZiPing workbook, picked as a file, read by the CLI's
 * own template reader (hosts/xlsx/report-read: tables found by their defined names; inflated by
 * the browser's DecompressionStream), then planned with the core functions `ziping import
 * --prior` uses: carryForward for what goes where, priorFindings for this year's 上年 figures
 * that differ from last year's 本年 ones.
 * Loaded when the officer picks a file, apart from the pane's start-up script.
 */
import { templateLocator, type Finding } from "../../core/check";
import { carryForward, missingEntries, type CarriedValue, type MissingEntry } from "../../core/prior/carry";
import { priorFindings } from "../../core/prior/check";
import { expandFields, rawText, type ReportData } from "../../core/spec";
import type { FormSpec } from "../../core/spec/types";
import { WorkbookFileError } from "../../hosts/xlsx/errors";
import { inflatePartsStreaming } from "../../hosts/xlsx/inflate-stream";
import { readWorkbookReport } from "../../hosts/xlsx/report-read";

/** Last year's workbook as read. */
export interface LastYear {
  file: string;
  data: ReportData;
  /** Field id → last year's cell (sheet-qualified A1). */
  addresses: Map<string, string>;
  notes: string[];
}

/** Reads last year's ZiPing workbook with the CLI's template reader; anything else is refused in one line naming the file. */
export async function readLastYear(file: string, bytes: Uint8Array, form: FormSpec): Promise<LastYear> {
  const report = await readWorkbookReport(file, bytes, inflatePartsStreaming, [form]);
  if (report.form.id !== form.id) throw new WorkbookFileError(file, "other-form", `是另一种报表（${report.form.title}）的工作簿，与本工作簿的「${form.title}」不同，无法导入上年数`);
  return {
    file,
    data: report.data,
    addresses: report.addresses,
    notes: report.notes,
  };
}

/** One cell the import would write. */
export interface PriorPlanRow extends CarriedValue {
  /** 三公经费·公务接待费·上年数. */
  label: string;
  /** This year's cell (sheet-qualified A1). */
  cell: string;
  /** Last year's cell it comes from. */
  fromCell: string;
  /** What this year's cell holds now, when it is not empty: writing it needs the officer's yes. */
  replaces?: string;
}

export interface PriorPlan {
  rows: PriorPlanRow[];
  /**
   * Last year's units (and other paired list entries) this year's workbook lacks: added after the
   * officer's own on confirm, then planned again so their 上年 cells are written too.
   */
  entries: MissingEntry[];
  /** This year's 上年 figures that differ from last year's 本年 ones, as they stand now. */
  findings: Finding[];
}

const shown = (raw: ReturnType<typeof rawText>): string => (raw === null ? "" : String(raw).trim());

/**
 * What last year's workbook would put into this year's: carryForward over this year's values
 * as if empty (so every candidate is listed), then each marked as filling an empty cell or
 * replacing what the officer wrote; a cell already holding the same is left out.
 */
export function planPriorImport(form: FormSpec, current: ReportData, last: LastYear, locate = templateLocator(form, current)): PriorPlan {
  const fields = new Map(expandFields(form, current.lists).map((f) => [f.id, f]));
  const everything = carryForward(form, last.data, { ...current, values: {} });
  const rows: PriorPlanRow[] = [];
  for (const c of everything) {
    const field = fields.get(c.fieldId);
    if (!field) continue;
    const now = shown(rawText(current.values[c.fieldId]));
    if (now === shown(rawText(c.value))) continue;
    rows.push({
      ...c,
      label: [field.table.title, field.row.label, field.column?.label].filter(Boolean).join("·"),
      cell: locate(c.fieldId),
      fromCell: last.addresses.get(c.from) ?? c.from,
      ...(now ? { replaces: now } : {}),
    });
  }
  const locateLast = (id: string) => last.addresses.get(id) ?? id;
  return {
    rows,
    entries: missingEntries(form, last.data, current.lists),
    findings: priorFindings(form, current, last.data, locate, locateLast, last.file),
  };
}

/**
 * What to write once the chosen entries were added and the import planned again on the new
 * layout: the rows the officer chose, and every row the first plan did not have (the added
 * entries' 上年 cells) that fills an empty cell.
 */
export function rowsAfterAdding(replanned: PriorPlan, first: PriorPlan, chosen: ReadonlySet<string>): PriorPlanRow[] {
  const before = new Set(first.rows.map((r) => r.fieldId));
  return replanned.rows.filter((r) => chosen.has(r.fieldId) || (!before.has(r.fieldId) && r.replaces === undefined));
}

/** The chosen rows as session.writeValues takes them. */
export function priorWrites(rows: readonly PriorPlanRow[]): Record<string, string | number | null> {
  return Object.fromEntries(rows.map((r) => [r.fieldId, typeof r.value === "object" && r.value !== null ? r.value.value : r.value]));
}
