/**
 * Opens a workbook file for reading or for writing values into it: every way a file can be
 * unusable ends in one WorkbookFileError naming the file and the problem, before anything is
 * written. The file and Node's zlib are this file's; what is read from the bytes is
 * open-template.ts's, which the pane uses too.
 */
import { readFileSync, statSync } from "node:fs";
import type ExcelJS from "exceljs";
import { WorkbookFileError } from "./errors";
import { inflateParts } from "./inflate-sync";
import { openTemplate, type OpenedWorkbook } from "./open-template";
import { bytesForExcelJs, checkWorkbookSize, openPackage } from "./package";

export { findName, type OpenedWorkbook } from "./open-template";

/** A workbook file's bytes, refused (missing, a folder, empty or too large) before it is read. */
export function readBytes(file: string): Buffer {
  let size: number;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) throw new WorkbookFileError(file, "not-a-workbook", "是文件夹，不是工作簿");
    size = stat.size;
  } catch (e) {
    if (e instanceof WorkbookFileError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new WorkbookFileError(file, "missing", code === "ENOENT" ? "文件不存在" : `无法读取文件（${code ?? (e as Error).message}）`);
  }
  checkWorkbookSize(file, size);
  try {
    return readFileSync(file);
  } catch (e) {
    throw new WorkbookFileError(file, "missing", `无法读取文件（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）`);
  }
}

/** An opened workbook loaded into ExcelJS as well, to change it (re-lay it out, or rewrite it whole). */
export interface EditableWorkbook extends OpenedWorkbook {
  workbook: ExcelJS.Workbook;
}

/**
 * Opens a workbook file for reading (open-template.ts says what is refused). The cells are read
 * from the package when a read plan asks for them; no spreadsheet library is involved.
 */
export async function openWorkbook(file: string, markerName: string, bytes: Buffer = readBytes(file)): Promise<OpenedWorkbook> {
  return openTemplate(file, markerName, await openPackage(file, bytes, inflateParts));
}

/** Opens a workbook as openWorkbook does, and loads it into ExcelJS to change it. */
export async function openWorkbookForEditing(file: string, markerName: string, bytes: Buffer = readBytes(file)): Promise<EditableWorkbook> {
  const book = await openWorkbook(file, markerName, bytes);
  return { ...book, workbook: await loadIntoExcelJs(book, bytes) };
}

/** The workbook as ExcelJS reads it: to change it, and in tests, to hold the package reader to ExcelJS's reading. */
export async function loadIntoExcelJs(book: OpenedWorkbook, bytes: Buffer): Promise<ExcelJS.Workbook> {
  // Loaded here, not on start: ExcelJS takes longer to load than a folder worker takes to check a workbook.
  const { default: Excel } = await import("exceljs");
  const workbook = new Excel.Workbook();
  try {
    // ExcelJS declares its own Buffer type; a Node Buffer is what it reads.
    await workbook.xlsx.load((await bytesForExcelJs(book.package, bytes)) as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw new WorkbookFileError(book.file, "corrupt", `工作簿已损坏或含有无法读取的内容（${(e as Error).message.split("\n")[0]}）；请用 Excel/WPS 打开后另存为 .xlsx`);
  }
  return workbook;
}
