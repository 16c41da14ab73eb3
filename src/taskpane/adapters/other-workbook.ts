/**
 * 与另一工作簿核对: a second ZiPing workbook picked in the pane (the 部门决算 beside the 自评, or the
 * other way round), read with the CLI's own template reader (hosts/xlsx/report-read, inflated by
 * the browser's DecompressionStream) and compared with the open workbook by the core's
 * crossCheck, which `ziping check A --with B` runs too: the figures paired are spec data
 * (core/spec/cross). Loaded on first use, in a chunk of its own (pane-cross).
 *
 * Why a second file and not both forms in one workbook: a workbook carries one ZIPING_FORM
 * marker (one workbook-scoped defined name, naming one form), and the two forms' layouts share
 * 11 defined names (ZP_report, ZP_income, ZP_sangong, ZP_checks, …) and the 校验 and 报告综述
 * sheets, so the second form's tables could not be found by their names in the same workbook.
 */
import { crossCheck, type CrossCheck, type Locate } from "../../core/check";
import type { FormSpec, ReportData } from "../../core/spec";
import { builtInCrossLinks } from "../../core/spec/cross";
import { WorkbookFileError } from "../../hosts/xlsx/errors";
import { inflatePartsStreaming } from "../../hosts/xlsx/inflate-stream";
import { readWorkbookReport, workbookLocator } from "../../hosts/xlsx/report-read";

/** The open workbook's cells where the live report gives no locator (the template's layout). */
export { templateLocator as templateLocatorOf } from "../../core/check";

export interface OtherWorkbook {
  file: string;
  form: FormSpec;
  data: ReportData;
  locate: Locate;
  /** What did not match the template, in Chinese (a renamed sheet, a formula never calculated). */
  notes: string[];
}

/** Reads a picked workbook; one that cannot be used throws one Chinese line naming the file. */
export async function readOtherWorkbook(file: string, bytes: Uint8Array): Promise<OtherWorkbook> {
  try {
    const report = await readWorkbookReport(file, bytes, inflatePartsStreaming);
    return { file, form: report.form, data: report.data, locate: workbookLocator(report), notes: report.notes };
  } catch (e) {
    if (e instanceof WorkbookFileError) throw new Error(e.message);
    throw e;
  }
}

export interface ThisWorkbook {
  form: FormSpec;
  data: ReportData;
  locate: Locate;
  /** How the findings name it ("本工作簿"). */
  source: string;
}

/** Where the two disagree on the same figure; `link` undefined when no link pairs their forms. */
export function compareWorkbooks(open: ThisWorkbook, other: OtherWorkbook): CrossCheck {
  return crossCheck(open, { form: other.form, data: other.data, locate: other.locate, source: other.file }, builtInCrossLinks);
}
