/**
 * Writes values into an officer's existing workbook (ziping import --into FILE.xlsx --apply)
 * and saves it whole, keeping its defined names and the ZIPING_FORM marker.
 */
import type ExcelJS from "exceljs";
import { parseSheetRange } from "../../core/excel/address";
import { cellInput, inputValue } from "../../core/excel/cell-input";
import type { FieldDef } from "../../core/spec/instances";
import type { RawValue } from "../../core/spec";
import { WorkbookFileError } from "./errors";
import type { OpenedWorkbook } from "./open";
import { writeFileAtomically } from "./save";
import { workbookBytes } from "./write";

/** Parts ExcelJS does not carry through a save: writing would silently drop them. */
const UNKEPT_PARTS: Array<{ prefix: string; what: string }> = [
  { prefix: "xl/charts/", what: "图表" },
  { prefix: "xl/drawings/", what: "图片或图形" },
  { prefix: "xl/media/", what: "图片" },
  { prefix: "xl/pivotTables/", what: "数据透视表" },
  { prefix: "xl/vbaProject.bin", what: "宏" },
];

/** Refuses a workbook whose save through ExcelJS would lose content the officer made. */
export function assertSafeToRewrite(book: OpenedWorkbook): void {
  const names = Object.keys(book.package.zip.files);
  const lost = UNKEPT_PARTS.filter((p) => names.some((n) => n.startsWith(p.prefix))).map((p) => p.what);
  if (lost.length) {
    throw new WorkbookFileError(
      book.file,
      "not-a-workbook",
      `工作簿含有${[...new Set(lost)].join("、")}，直接写入会丢失这些内容，未写入；请导入到 .json 数据文件，或把数据复制粘贴到工作簿中`,
    );
  }
}

/** Writes one value into the cell at a sheet-qualified address; false when there is no such cell. */
export function writeAt(book: OpenedWorkbook, address: string, field: Pick<FieldDef, "kind" | "unit"> | undefined, raw: RawValue): boolean {
  const at = parseSheetRange(address);
  const sheet = at && book.workbook.getWorksheet(at.sheet);
  if (!at || !sheet) return false;
  const content = inputValue(cellInput(field, raw));
  // Nothing to write (an empty value) clears the cell.
  sheet.getCell(at.top, at.left).value = content === undefined ? null : content;
  return true;
}

/**
 * Drops every formula's cached result, so no stale total is read before the workbook is opened
 * again, and asks the spreadsheet to calculate everything on open.
 */
export function forgetFormulaResults(workbook: ExcelJS.Workbook): void {
  workbook.calcProperties.fullCalcOnLoad = true;
  workbook.eachSheet((sheet) => {
    sheet.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const value = cell.value;
        if (value && typeof value === "object" && ("formula" in value || "sharedFormula" in value) && "result" in value) {
          const { result: _stale, ...formula } = value as ExcelJS.CellFormulaValue;
          cell.value = formula as ExcelJS.CellValue;
        }
      });
    });
  });
}

/** Saves the workbook over its file, with the names it was opened with. */
export async function saveWorkbook(book: OpenedWorkbook): Promise<void> {
  forgetFormulaResults(book.workbook);
  writeFileAtomically(book.file, await workbookBytes(book.workbook, book.package.names));
}
