/**
 * Reads an export file for `ziping import`: the bytes become either text (CSV, TSV, a pasted
 * block saved as .txt) or a grid of cell texts (.xlsx, .xls). Node-only; the core importer
 * takes what this returns and never sees a file or a Buffer.
 */
import { readFileSync, statSync } from "node:fs";
import iconv from "iconv-lite";
import { detectEncoding, GridLimitError, readDelimited, type DetectedEncoding, type GridLimits, type SourceGrid } from "../core/importer";
import { inflateParts } from "../hosts/xlsx/inflate-sync";
import { ExportFileError } from "../readers/errors";
import { EXPORT_LIMITS, htmlTableRefusal, spreadsheetFormat, tooLargeExport, type ExportLimits } from "../readers/format";
import { readSpreadsheet } from "../readers/spreadsheet";
import { UsageError } from "./usage-error";

/** An export as the importer takes it: a grid of cell texts, split from text or read from a sheet. */
export type ExportContent =
  | { kind: "text"; text: string; encoding: DetectedEncoding; grid: SourceGrid }
  | { kind: "grid"; grid: SourceGrid; sheet: string; format: "xlsx" | "xls" };

export { EXPORT_LIMITS, type ExportLimits };

/** Bytes → text in the encoding the bytes show (BOM, valid UTF-8, else GB18030 — a superset of GBK). */
export function decodeText(bytes: Uint8Array): { text: string; encoding: DetectedEncoding } {
  const encoding = detectEncoding(bytes);
  const body = Buffer.from(bytes.buffer, bytes.byteOffset + encoding.bomLength, bytes.byteLength - encoding.bomLength);
  return { text: iconv.decode(body, encoding.encoding), encoding };
}

function readBytes(path: string, limit: number): Buffer {
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new UsageError(`${path}: 是文件夹，不是导出文件`);
    if (stat.size === 0) throw new UsageError(`${path}: 文件是空的（0 字节），没有可导入的数据`);
    if (stat.size > limit) throw new UsageError(tooLargeExport(path, stat.size, limit).message);
    return readFileSync(path);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`${path}: ${code === "ENOENT" ? "文件不存在" : `无法读取文件（${code ?? (e as Error).message}）`}`);
  }
}

/**
 * Reads an export. The format is decided by the bytes, the extension only breaking ties.
 * `sheet` picks a worksheet by name; otherwise the first one with any content is read.
 */
export async function readExport(path: string, options: { sheet?: string; limits?: ExportLimits } = {}): Promise<ExportContent> {
  const limits = options.limits ?? EXPORT_LIMITS;
  const bytes = readBytes(path, limits.bytes);
  const format = spreadsheetFormat(bytes);
  if (format) {
    try {
      const read = await readSpreadsheet(path, bytes, format, { sheet: options.sheet, limits: limits.grid, inflatedBytes: limits.inflatedBytes, inflate: inflateParts });
      return { kind: "grid", ...read };
    } catch (e) {
      if (e instanceof ExportFileError) throw new UsageError(e.message);
      throw e;
    }
  }
  const decoded = decodeText(bytes);
  const html = htmlTableRefusal(path, decoded.text);
  if (html) throw new UsageError(html.message);
  return textContent(path, decoded, limits.grid);
}

/** A limit passed is one line naming the file. */
function withinLimits<T>(path: string, read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (e instanceof GridLimitError) throw new UsageError(`${path}: ${e.message}`);
    throw e;
  }
}

function textContent(path: string, decoded: { text: string; encoding: DetectedEncoding }, limits: GridLimits): ExportContent {
  return { kind: "text", ...decoded, grid: withinLimits(path, () => readDelimited(decoded.text, undefined, limits)) };
}
