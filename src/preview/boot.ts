/**
 * The preview's workbook: an in-memory Excel workbook with ZiPing's template laid out through
 * the add-in's own session (the same code that runs in Excel), then the 2020 seed report typed
 * in as its officer filled it (totals typed over the template's formulas where the report has
 * its own figure), so the pane opens on a real, imperfect report: 39 vs 40 人, overspends, the
 * 1112.80 尾差.
 */
import seed from "../../test/fixtures/seed-2020.json";
import { a1 } from "../core/excel/address";
import { cellIndex } from "../core/spec/placement";
import { expandFields, rawText, type ReportData } from "../core/spec";
import { createMemoryWorkbook, type MemoryWorkbook } from "../hosts/memory";
import type { ExcelRun } from "../hosts/office";
import { createBackend, type PaneBackend } from "../taskpane/adapters/backend";

export interface Preview {
  workbook: MemoryWorkbook;
  backend: PaneBackend;
  /** Problems met while laying out the template, in Chinese (none expected). */
  problems: string[];
}

export const SEED_2020 = seed as ReportData;
/** No lists, no figures: the bare template. */
export const EMPTY: ReportData = { form: SEED_2020.form, lists: {}, values: {} };

/**
 * `workbook.run`, calling `afterBatch` when each batch is over, so the grid redraws after the
 * pane's own writes (template, import, conversion) as Excel's grid would.
 */
export function observedRun(workbook: MemoryWorkbook, afterBatch: () => void): ExcelRun {
  const run = workbook.run as (...args: unknown[]) => Promise<unknown>;
  return ((...args: unknown[]) => run(...args).finally(afterBatch)) as ExcelRun;
}

/**
 * Types every field of the report into its cell of a freshly laid-out template, as the officer
 * does: a total the report prints is typed over its formula, and a field the report leaves empty
 * is cleared, so the sheets hold exactly the report.
 */
export function typeReport(workbook: MemoryWorkbook, backend: PaneBackend, data: ReportData): void {
  const form = backend.session.form;
  const index = cellIndex(form, data.lists);
  for (const field of expandFields(form, data.lists)) {
    const at = index.get(field.id);
    if (at) workbook.userEdit(at.sheet, a1(at.row, at.column), [[rawText(data.values[field.id]) ?? ""]]);
  }
}

/**
 * The preview's workbook and the pane's backend on it. `data` null leaves a new, empty workbook
 * (one Sheet1, no template), to try the 模板 tab from the start.
 */
export async function bootPreview(afterBatch: () => void = () => undefined, data: ReportData | null = SEED_2020): Promise<Preview> {
  const workbook = createMemoryWorkbook();
  const backend = createBackend(observedRun(workbook, afterBatch));
  if (data === null) return { workbook, backend, problems: [] };
  const plan = await backend.session.previewTemplate({ lists: data.lists });
  const applied = await backend.session.applyTemplate(plan);
  if (Object.keys(data.values).length > 0) typeReport(workbook, backend, data);
  // A new Excel workbook starts with Sheet1; once the template is there it is only clutter.
  if (workbook.sheetNames().length > 1 && workbook.sheetNames().includes("Sheet1")) workbook.userDeleteSheet("Sheet1");
  return { workbook, backend, problems: applied.problems.map((p) => p.message) };
}
