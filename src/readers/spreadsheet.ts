/**
 * An accounting system's spreadsheet export (.xlsx or BIFF8 .xls) → one sheet as a grid of cell
 * texts, for the CLI and the pane alike (./format tells which the bytes are). The caller brings
 * the inflater: Node's zlib in the CLI, the browser's DecompressionStream in the pane.
 */
import JSZip from "jszip";
import { gridFromCells, GridLimitError, type GridLimits, type SourceGrid } from "../core/importer";
import { WorkbookFileError } from "../hosts/xlsx/errors";
import { ExportFileError } from "./errors";
import type { SpreadsheetFormat } from "./format";
import { readXls } from "./xls";
import { readXlsxParts } from "./xlsx";

export type Inflater = (file: string, zip: JSZip, limit: number) => Map<string, Uint8Array> | Promise<Map<string, Uint8Array>>;

export interface SpreadsheetOptions {
  /** A worksheet by name; otherwise the first one with any content. */
  sheet?: string;
  limits: GridLimits;
  /** Bytes an .xlsx's parts may inflate to, together. */
  inflatedBytes: number;
  inflate: Inflater;
}

export interface SpreadsheetContent {
  grid: SourceGrid;
  sheet: string;
  format: SpreadsheetFormat;
}

/** Reads one sheet of a spreadsheet export; every refusal is one ExportFileError naming the file. */
export async function readSpreadsheet(path: string, bytes: Uint8Array, format: SpreadsheetFormat, options: SpreadsheetOptions): Promise<SpreadsheetContent> {
  if (format === "xls") {
    const { rows, sheet } = readXls(path, bytes, options.sheet, options.limits);
    try {
      return { grid: gridFromCells(rows, options.limits), sheet, format };
    } catch (e) {
      if (e instanceof GridLimitError) throw new ExportFileError(`${path}: ${e.message}`);
      throw e;
    }
  }
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (e) {
    throw new ExportFileError(`${path}: 文件已损坏（无法解压：${(e as Error).message}）；请用 Excel/WPS 打开后另存为 .xlsx`);
  }
  let parts: Map<string, Uint8Array>;
  try {
    parts = await options.inflate(path, zip, options.inflatedBytes);
  } catch (e) {
    if (e instanceof WorkbookFileError) throw new ExportFileError(e.message);
    throw e;
  }
  return { ...readXlsxParts(path, parts, { sheet: options.sheet, limits: options.limits }), format };
}
