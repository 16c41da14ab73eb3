/**
 * A report given on the command line: a JSON data file or a filled ZiPing workbook (.xlsx),
 * whichever program last saved it. Unusable input ends in one UsageError naming the file.
 */
import { extname } from "node:path";
import type { Locate } from "../core/check";
import type { FormSpec, ReportData } from "../core/spec";
import { WorkbookFileError } from "../hosts/xlsx/errors";
import { loadWorkbookReport } from "../hosts/xlsx/report";
import { workbookLocator } from "../hosts/xlsx/report-read";
import { loadReportData } from "./load-data";
import { UsageError } from "./usage-error";

export interface ReportSource {
  form: FormSpec;
  data: ReportData;
  /** Where each field's cell is in this workbook (undefined: the template's own layout). */
  locate?: Locate;
  /** What did not match the template. */
  notes: string[];
  kind: "json" | "workbook";
}

export function isJsonPath(path: string): boolean {
  return extname(path).toLowerCase() === ".json";
}

export async function loadSource(path: string, extraForms: FormSpec[]): Promise<ReportSource> {
  if (isJsonPath(path)) {
    const { form, data } = loadReportData(path, extraForms);
    return { form, data, notes: [], kind: "json" };
  }
  try {
    const report = await loadWorkbookReport(path, extraForms);
    return {
      form: report.form,
      data: report.data,
      locate: workbookLocator(report),
      notes: report.notes,
      kind: "workbook",
    };
  } catch (e) {
    if (e instanceof WorkbookFileError) throw new UsageError(e.message);
    throw e;
  }
}
