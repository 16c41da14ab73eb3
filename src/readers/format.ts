/**
 * What an export file is, from its first bytes, and how large one may be: small and free of
 * the readers themselves, so the pane can decide before it loads them.
 */
import { IMPORT_LIMITS, type GridLimits } from "../core/importer";
import { megabytes } from "../hosts/xlsx/zip-entries";
import { ExportFileError } from "./errors";

export type SpreadsheetFormat = "xlsx" | "xls";

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/**
 * Which spreadsheet the bytes are, or undefined for anything else (text, HTML). The bytes decide,
 * not the name: a .xls renamed .csv, or an .xlsx saved as .xls, are common.
 */
export function spreadsheetFormat(bytes: Uint8Array): SpreadsheetFormat | undefined {
  if (startsWith(bytes, ZIP_MAGIC)) return "xlsx";
  if (startsWith(bytes, CFB_MAGIC)) return "xls";
  return undefined;
}

/** Many systems "export to Excel" as an HTML table named .xls: that is neither a sheet nor usable text. */
export function htmlTableRefusal(path: string, text: string): ExportFileError | undefined {
  if (!/\.xlsx?$/i.test(path) || !/<table[\s>]/i.test(text.slice(0, 4096))) return undefined;
  return new ExportFileError(`${path}: 这是网页（HTML）格式的“Excel”文件，请在 Excel/WPS 中另存为 .xlsx 或 CSV 后再导入`);
}

export interface ExportLimits {
  grid: GridLimits;
  bytes: number;
  /** What an .xlsx export's parts may inflate to, together. */
  inflatedBytes: number;
}

/**
 * Exports are small: 64 MB is none, and would only stall the CLI or the pane; a sheet of
 * IMPORT_LIMITS.rows rows inflates to well under 256 MB.
 */
export const EXPORT_LIMITS: ExportLimits = { grid: IMPORT_LIMITS, bytes: 64 * 1024 * 1024, inflatedBytes: 256 * 1024 * 1024 };

/** A file past EXPORT_LIMITS.bytes (or `limit`), refused before it is read. */
export function tooLargeExport(path: string, size: number, limit = EXPORT_LIMITS.bytes): ExportFileError {
  return new ExportFileError(`${path}: 文件 ${megabytes(size)}，超过导出表上限 ${megabytes(limit)}`);
}
