/**
 * The in-memory Excel host: tests and the preview page run the Office.js host against it.
 *
 * ```ts
 * const workbook = createMemoryWorkbook();
 * const session = createZiPingSession(workbook.run);
 * workbook.userEdit("收入", "C7", [["12.5"]]); // the officer types
 * ```
 */
export { createMemoryWorkbook, MemoryWorkbook } from "./workbook";
export type { CellSnapshot, InjectedFault, SyncStats, ExcelRunLike } from "./workbook";
export { MemoryOfficeError } from "./errors";
export type { MemoryErrorCode } from "./errors";
export type { CellResult } from "./cells";
export { excelRound } from "../../core/formula/evaluate";
