/**
 * Reads an export file for `ziping import`: the bytes become either text (CSV, TSV, a pasted
 * block saved as .txt) or a grid of cell texts (.xlsx, .xls). Node-only; the core importer
 * takes what this returns and never sees a file or a Buffer.
 */
import { readFileSync, statSync } from "node:fs";
import { extname } from "node:path";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { detectEncoding, gridFromCells, type DetectedEncoding, type SourceGrid } from "../core/importer";
import { normaliseCellValue } from "../hosts/xlsx/cell-value";
import { readXls } from "./read-xls";
import { UsageError } from "./usage-error";

export type ExportContent =
  | { kind: "text"; text: string; encoding: DetectedEncoding }
  | { kind: "grid"; grid: SourceGrid; sheet: string; format: "xlsx" | "xls" };

/** Exports are small; anything this large is not one, and would only stall the CLI. */
const MAX_EXPORT_BYTES = 64 * 1024 * 1024;

/** Bytes → text in the encoding the bytes show (BOM, valid UTF-8, else GB18030 — a superset of GBK). */
export function decodeText(bytes: Uint8Array): { text: string; encoding: DetectedEncoding } {
  const encoding = detectEncoding(bytes);
  const body = Buffer.from(bytes.buffer, bytes.byteOffset + encoding.bomLength, bytes.byteLength - encoding.bomLength);
  return { text: iconv.decode(body, encoding.encoding), encoding };
}

function readBytes(path: string): Buffer {
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new UsageError(`${path}: 是文件夹，不是导出文件`);
    if (stat.size > MAX_EXPORT_BYTES) throw new UsageError(`${path}: 文件超过 64 MB，不像是一张导出表`);
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
export async function readExport(path: string, options: { sheet?: string } = {}): Promise<ExportContent> {
  const bytes = readBytes(path);
  const ext = extname(path).toLowerCase();
  if (startsWith(bytes, ZIP_MAGIC)) return readXlsx(path, bytes, options.sheet);
  if (startsWith(bytes, CFB_MAGIC)) {
    const { rows, sheet } = readXls(path, bytes, options.sheet);
    return { kind: "grid", grid: gridFromCells(rows), sheet, format: "xls" };
  }
  if (ext === ".xlsx" || ext === ".xls") {
    // Many systems "export to Excel" as an HTML table or tab text named .xls: read it as text.
    const decoded = decodeText(bytes);
    if (/<table[\s>]/i.test(decoded.text.slice(0, 4096))) {
      throw new UsageError(`${path}: 这是网页（HTML）格式的“Excel”文件，请在 Excel/WPS 中另存为 .xlsx 或 CSV 后再导入`);
    }
    return { kind: "text", ...decoded };
  }
  return { kind: "text", ...decodeText(bytes) };
}

async function readXlsx(path: string, bytes: Buffer, sheetName: string | undefined): Promise<ExportContent> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw new UsageError(`${path}: 无法读取 .xlsx（${(e as Error).message}）`);
  }
  const sheets = workbook.worksheets;
  const sheet = sheetName === undefined ? sheets.find((ws) => ws.actualRowCount > 0) : sheets.find((ws) => ws.name === sheetName);
  if (!sheet) {
    const names = sheets.map((ws) => ws.name).join("、");
    throw new UsageError(sheetName === undefined ? `${path}: 工作簿中没有内容` : `${path}: 没有名为“${sheetName}”的工作表（有：${names}）`);
  }
  const rows: Array<Array<string | number | boolean>> = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row: Array<string | number | boolean> = [];
    for (let c = 1; c <= sheet.columnCount; c++) {
      const cell = sheet.getCell(r, c);
      // A merged range's text stands in its top-left cell only, as a CSV export would have it.
      if (cell.isMerged && cell.master.address !== cell.address) row.push("");
      else row.push(normaliseCellValue(cell.value));
    }
    rows.push(row);
  }
  return { kind: "grid", grid: gridFromCells(rows), sheet: sheet.name, format: "xlsx" };
}
