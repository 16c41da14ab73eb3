/**
 * Reads an export file for `ziping import`: the bytes become either text (CSV, TSV, a pasted
 * block saved as .txt) or a grid of cell texts (.xlsx, .xls). Node-only; the core importer
 * takes what this returns and never sees a file or a Buffer.
 */
import { readFileSync, statSync } from "node:fs";
import { extname } from "node:path";
import iconv from "iconv-lite";
import { detectEncoding, gridFromCells, GridLimitError, IMPORT_LIMITS, readDelimited, type DetectedEncoding, type GridLimits, type SourceGrid } from "../core/importer";
import { readXls } from "./read-xls";
import { readXlsxExport } from "./read-xlsx";
import { megabytes } from "../hosts/xlsx/zip-parts";
import { UsageError } from "./usage-error";

/** An export as the importer takes it: a grid of cell texts, split from text or read from a sheet. */
export type ExportContent =
  | { kind: "text"; text: string; encoding: DetectedEncoding; grid: SourceGrid }
  | { kind: "grid"; grid: SourceGrid; sheet: string; format: "xlsx" | "xls" };

/** Exports are small; anything this large is not one, and would only stall the CLI. */
const MAX_EXPORT_BYTES = 64 * 1024 * 1024;
/** What an .xlsx export's parts may inflate to: a sheet of IMPORT_LIMITS.rows rows with room to spare. */
const MAX_EXPORT_INFLATED_BYTES = 256 * 1024 * 1024;

export interface ExportLimits {
  grid: GridLimits;
  bytes: number;
  inflatedBytes: number;
}

export const EXPORT_LIMITS: ExportLimits = { grid: IMPORT_LIMITS, bytes: MAX_EXPORT_BYTES, inflatedBytes: MAX_EXPORT_INFLATED_BYTES };

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
    if (stat.size > limit) throw new UsageError(`${path}: 文件 ${megabytes(stat.size)}，超过导出表上限 ${megabytes(limit)}`);
    return readFileSync(path);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`${path}: ${code === "ENOENT" ? "文件不存在" : `无法读取文件（${code ?? (e as Error).message}）`}`);
  }
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/**
 * Reads an export. The format is decided by the bytes (a .xls renamed .csv, or an .xlsx saved
 * as .xls, are common), the extension only breaking ties. `sheet` picks a worksheet by name;
 * otherwise the first one with any content is read.
 */
export async function readExport(path: string, options: { sheet?: string; limits?: ExportLimits } = {}): Promise<ExportContent> {
  const limits = options.limits ?? EXPORT_LIMITS;
  const bytes = readBytes(path, limits.bytes);
  const ext = extname(path).toLowerCase();
  if (startsWith(bytes, ZIP_MAGIC)) {
    const { grid, sheet } = await readXlsxExport(path, bytes, { sheet: options.sheet, limits: limits.grid, inflatedBytes: limits.inflatedBytes });
    return { kind: "grid", grid, sheet, format: "xlsx" };
  }
  if (startsWith(bytes, CFB_MAGIC)) {
    const { rows, sheet } = readXls(path, bytes, options.sheet, limits.grid);
    return { kind: "grid", grid: withinLimits(path, () => gridFromCells(rows, limits.grid)), sheet, format: "xls" };
  }
  if (ext === ".xlsx" || ext === ".xls") {
    // Many systems "export to Excel" as an HTML table or tab text named .xls: read it as text.
    const decoded = decodeText(bytes);
    if (/<table[\s>]/i.test(decoded.text.slice(0, 4096))) {
      throw new UsageError(`${path}: 这是网页（HTML）格式的“Excel”文件，请在 Excel/WPS 中另存为 .xlsx 或 CSV 后再导入`);
    }
    return textContent(path, decoded, limits.grid);
  }
  return textContent(path, decodeText(bytes), limits.grid);
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
