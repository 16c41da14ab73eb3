/** A filled ZiPing workbook file as report data, in Node (report-read.ts reads the bytes). */
import type { FormSpec } from "../../core/spec";
import { inflateParts } from "./inflate-sync";
import { readBytes } from "./open";
import { readWorkbookReport, type WorkbookReport } from "./report-read";

export { readReport, recogniseForm, type WorkbookReport } from "./report-read";

/** Opens, recognises and reads a filled workbook file. */
export async function loadWorkbookReport(file: string, extraForms: FormSpec[] = [], bytes?: Buffer): Promise<WorkbookReport> {
  return readWorkbookReport(file, bytes ?? readBytes(file), inflateParts, extraForms);
}
