/**
 * A picked .xlsx/.xls export, read in the pane with the CLI's readers. Loaded on first use (a
 * dynamic import from ./importer): the zip and compound-file readers stay out of the pane's
 * start-up script and out of the 导入 tab's chunk until an officer picks a spreadsheet.
 */
import { inflatePartsStreaming } from "../../hosts/xlsx/inflate-stream";
import { EXPORT_LIMITS, type SpreadsheetFormat } from "../../readers/format";
import { readSpreadsheet, type SpreadsheetContent } from "../../readers/spreadsheet";

export function readSpreadsheetFile(name: string, bytes: Uint8Array, format: SpreadsheetFormat): Promise<SpreadsheetContent> {
  return readSpreadsheet(name, bytes, format, { limits: EXPORT_LIMITS.grid, inflatedBytes: EXPORT_LIMITS.inflatedBytes, inflate: inflatePartsStreaming });
}
