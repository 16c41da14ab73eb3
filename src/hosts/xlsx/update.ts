/**
 * The ExcelJS route for writing values into an officer's workbook: the whole workbook is
 * re-serialised, keeping its defined names and the ZIPING_FORM marker. `ziping import --apply`
 * writes surgically (patch.ts) and comes here only when that cannot be done; ExcelJS drops
 * parts it does not carry, so this route refuses workbooks that have them.
 */
import type ExcelJS from "exceljs";
import { parseSheetRange } from "../../core/excel/address";
import { cellInput, inputValue } from "../../core/excel/cell-input";
import type { FieldDef } from "../../core/spec/instances";
import type { RawValue } from "../../core/spec";
import { WorkbookFileError } from "./errors";
import type { EditableWorkbook, OpenedWorkbook } from "./open";
import { workbookBytes } from "./write";

/** Parts ExcelJS does not carry through a save: writing would silently drop them. */
const UNKEPT_PARTS: Array<{ part: RegExp; what: string }> = [
  { part: /^xl\/charts\//, what: "图表" },
  { part: /^xl\/comments/, what: "批注" },
  { part: /^xl\/drawings\/(?!vmlDrawing)/, what: "图片或图形" },
  { part: /^xl\/media\//, what: "图片" },
  { part: /^xl\/pivotTables\//, what: "数据透视表" },
  { part: /^xl\/vbaProject\.bin$/, what: "宏" },
];

/** Refuses a workbook whose save through ExcelJS would lose content the officer made. */
export function assertSafeToRewrite(book: OpenedWorkbook): void {
  const names = Object.keys(book.package.zip.files);
  const lost = UNKEPT_PARTS.filter((p) => names.some((n) => p.part.test(n))).map((p) => p.what);
  if (lost.length) {
    throw new WorkbookFileError(
      book.file,
      "not-a-workbook",
      `工作簿含有${[...new Set(lost)].join("、")}，直接写入会丢失这些内容，未写入；请导入到 .json 数据文件，或把数据复制粘贴到工作簿中`,
    );
  }
}

/** Writes one value into the cell at a sheet-qualified address; false when there is no such cell. */
export function writeAt(book: EditableWorkbook, address: string, field: Pick<FieldDef, "kind" | "unit"> | undefined, raw: RawValue): boolean {
  return writeContentAt(book, address, inputValue(cellInput(field, raw)));
}

/** Writes content already decided by cellInput; undefined (nothing to write) clears the cell. */
export function writeContentAt(book: EditableWorkbook, address: string, content: string | number | undefined): boolean {
  const at = parseSheetRange(address);
  const sheet = at && book.workbook.getWorksheet(at.sheet);
  if (!at || !sheet) return false;
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

/** The whole workbook re-serialised by ExcelJS, with the names it was opened with. */
export async function rewrittenWorkbookBytes(book: EditableWorkbook): Promise<Buffer> {
  forgetFormulaResults(book.workbook);
  return workbookBytes(book.workbook, book.package.names);
}
