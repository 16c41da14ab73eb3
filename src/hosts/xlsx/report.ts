/**
 * A filled ZiPing workbook as report data: recognises the template by its marker, reads every
 * table through the core's read plan and hands the cells to the core to interpret.
 */
import { FORM_MARKER_NAME } from "../../core/plan/names";
import { type FormSpec } from "../../core/spec";
import { builtInForms } from "../../core/spec/built-in";
import { openWorkbook } from "./open";
import { readReport, recogniseForm, type WorkbookReport } from "./report-read";

export { readReport, recogniseForm, type WorkbookReport } from "./report-read";

/** Opens, recognises and reads a filled workbook file. */
export async function loadWorkbookReport(file: string, extraForms: FormSpec[] = [], bytes?: Buffer): Promise<WorkbookReport> {
  const book = await openWorkbook(file, FORM_MARKER_NAME, bytes);
  return readReport(book, recogniseForm(book, [...extraForms, ...builtInForms]));
}
