/**
 * Opens a workbook file for reading or for writing values into it: every way a file can be
 * unusable ends in one WorkbookFileError naming the file and the problem, before anything is
 * written.
 */
import { readFileSync, statSync } from "node:fs";
import type ExcelJS from "exceljs";
import type { ReadValue } from "./cell-value";
import { WorkbookFileError } from "./errors";
import { constantValue } from "../../core/excel/defined-name";
import { assertPartsWhole, bytesForExcelJs, checkWorkbookSize, openPackage, sheetFormulaResults, type WorkbookPackage } from "./package";
import { packageCells, type WorkbookCells } from "./package-cells";
import { findDefinedName } from "./names";

export interface OpenedWorkbook {
  file: string;
  package: WorkbookPackage;
  /** The cells, read from the package as a read plan asks for them. */
  cells: WorkbookCells;
  /** The marker name's text (e.g. the form id and version), when the workbook has one. */
  marker?: string;
  /** A sheet's formula cells, each with its cached result by A1 (undefined: saved without one); read on first use. */
  formulaResults(sheet: string): Map<string, ReadValue | undefined>;
}

/** Excel compares names case-insensitively. */
export function findName(pkg: WorkbookPackage, name: string) {
  return findDefinedName(pkg.names, name);
}

function readBytes(file: string): Buffer {
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
 * Opens a workbook for reading. `markerName` is the template marker to look for: a workbook
 * without it is refused as "not a ZiPing template" before its sheets are parsed. The cells are
 * read from the package when a read plan asks for them; no spreadsheet library is involved.
 */
export async function openWorkbook(file: string, markerName: string, bytes: Buffer = readBytes(file)): Promise<OpenedWorkbook> {
  const pkg = await openPackage(file, bytes);
  const markerEntry = findName(pkg, markerName);
  const marker = markerEntry ? constantValue(markerEntry.text) : undefined;
  if (marker === undefined) {
    throw new WorkbookFileError(
      file,
      "not-a-template",
      `不是 ZiPing 自评表模板（工作簿中没有 ${markerName} 标记）；请用 ziping template 生成模板，导出的数据请用 ziping import 导入`,
    );
  }
  // A part cut short or left unfinished is a damaged file, not one with fewer cells.
  assertPartsWhole(file, pkg);
  const results = new Map<string, Map<string, ReadValue | undefined>>();
  const resultsOf = (sheet: string) => {
    let cells = results.get(sheet);
    if (!cells) results.set(sheet, (cells = sheetFormulaResults(pkg, sheet)));
    return cells;
  };
  return { file, package: pkg, cells: packageCells(file, pkg), marker, formulaResults: resultsOf };
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
