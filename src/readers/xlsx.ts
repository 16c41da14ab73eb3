/**
 * Cell values of one worksheet of an .xlsx export, read straight from the package's XML in one
 * pass: shared strings, inline strings, numbers (dates as their date, as Excel shows them),
 * booleans, errors and the cached results of formulas; cells inside a merge other than its
 * top-left are empty. A spreadsheet library would build an object per cell and, for ExcelJS,
 * ask the whole sheet for its column count at every cell; an export of 200,000 rows is read
 * here in seconds, and its limits are checked before its cells are built.
 *
 * The parts come inflated by whoever has the bytes (zip-parts with Node's zlib for the CLI,
 * inflate-stream in the pane), so this reads the same in both.
 */
import { GridGuard, GridLimitError, tooManyRows, type GridLimits, cellText, type SourceGrid } from "../core/importer";
import { columnNumber } from "../core/excel/address";
import { cellContent, dateStyles, dateSystemOf, sharedStrings, type CellContext } from "../hosts/xlsx/cell-xml";
import { relationshipTargets, relsPathOf, sheetEntries, sharedStringsPath } from "../hosts/xlsx/relationships";
import { ExportFileError } from "./errors";

export interface XlsxReadOptions {
  sheet?: string;
  limits: GridLimits;
}

/** Top-left cells of each merge, and every other cell a merge covers (blank in a CSV export too). */
function mergedAway(sheetXml: string): Set<string> {
  const out = new Set<string>();
  const at = sheetXml.indexOf("mergeCells");
  if (at < 0) return out;
  for (const m of sheetXml.slice(at).matchAll(/<(?:\w+:)?mergeCell\b[^>]*?\bref\s*=\s*"([A-Za-z]+)(\d+):([A-Za-z]+)(\d+)"/g)) {
    const [left, top, right, bottom] = [columnNumber(m[1]), Number(m[2]), columnNumber(m[3]), Number(m[4])];
    // A merge is a few cells; one over the whole sheet would be its own denial of service.
    if ((right - left + 1) * (bottom - top + 1) > 10_000) continue;
    for (let r = top; r <= bottom; r++) for (let c = left; c <= right; c++) if (r !== top || c !== left) out.add(`${r}:${c}`);
  }
  return out;
}

interface SheetContext extends CellContext {
  merged: Set<string>;
  guard: GridGuard;
}

/** A cell's text as an import reads it: numbers and booleans as they would be typed. */
function cellValue(attrs: string, body: string, ctx: SheetContext, where: () => string): string {
  const value = cellContent(attrs, body, ctx, where);
  return typeof value === "string" ? value : cellText(value);
}

/**
 * The sheet's size for a refusal: the number of its last row element (the used range a sheet
 * states in <dimension> is not trusted; it is often the whole formatted area).
 */
function lastRowNumber(sheetXml: string, atLeast: number): number {
  const at = Math.max(sheetXml.lastIndexOf("<row "), sheetXml.lastIndexOf(":row "));
  const stated = at >= 0 ? /\br\s*=\s*"(\d+)"/.exec(sheetXml.slice(at, at + 200))?.[1] : undefined;
  return Math.max(atLeast, Number(stated ?? 0));
}

/** The rows of one worksheet's XML, as cell texts, within the limits. */
function readRows(sheetXml: string, ctx: SheetContext): string[][] {
  const { limits } = ctx.guard;
  const rows: string[][] = [];
  let rowNumber = 0;
  for (const rm of sheetXml.matchAll(/<(?:\w+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g)) {
    const stated = /\br\s*=\s*"(\d+)"/.exec(rm[1])?.[1];
    rowNumber = stated !== undefined ? Number(stated) : rowNumber + 1;
    const cells: string[] = [];
    let column = 0;
    for (const cm of (rm[2] ?? "").matchAll(/<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g)) {
      const ref = /\br\s*=\s*"([A-Za-z]+)\d*"/.exec(cm[1])?.[1];
      column = ref !== undefined ? columnNumber(ref) : column + 1;
      if (column > limits.columns) ctx.guard.row(rowNumber, column);
      if (ctx.merged.has(`${rowNumber}:${column}`)) continue;
      const r = rowNumber;
      const c = column;
      const text = cellValue(cm[1], cm[2] ?? "", ctx, () => `第 ${r} 行第 ${c} 列`);
      if (text === "") continue;
      ctx.guard.cell(rowNumber, column, text.length);
      while (cells.length < column - 1) cells.push("");
      cells[column - 1] = text;
    }
    // Rows past the limit that hold nothing (formatted, or written empty) cost nothing and are left out.
    if (cells.length === 0) continue;
    if (rowNumber > limits.rows) throw tooManyRows(lastRowNumber(sheetXml, rowNumber), limits);
    ctx.guard.row(rowNumber, cells.length);
    while (rows.length < rowNumber - 1) rows.push([]);
    rows[rowNumber - 1] = cells;
  }
  return rows;
}

const corrupt = (path: string, what: string) => new ExportFileError(`${path}: 文件已损坏（${what}）；请用 Excel/WPS 打开后另存为 .xlsx`);

const UTF8 = new TextDecoder("utf-8");

/**
 * Reads one worksheet of an .xlsx export from its inflated parts: the one named `sheet`, or the
 * first with any content. Every refusal is one ExportFileError naming the file: beyond a grid
 * limit, a missing part (a corrupt package is not read as data), no such sheet.
 */
export function readXlsxParts(path: string, parts: ReadonlyMap<string, Uint8Array>, options: XlsxReadOptions): { grid: SourceGrid; sheet: string } {
  const text = (part: string | undefined) => {
    const bytes = part === undefined ? undefined : parts.get(part);
    return bytes === undefined ? undefined : UTF8.decode(bytes);
  };
  const packageRels = text("_rels/.rels") ?? "";
  const workbookPath = relationshipTargets(packageRels, "").find((r) => /\/officeDocument$/.test(r.type))?.target ?? "xl/workbook.xml";
  const workbookXml = text(workbookPath);
  if (workbookXml === undefined || !/<(?:\w+:)?workbook\b/.test(workbookXml)) throw new ExportFileError(`${path}: 不是 Excel 工作簿（.xlsx）`);
  const workbookRels = text(relsPathOf(workbookPath)) ?? "";
  const sheets = sheetEntries(workbookXml, workbookRels, workbookPath);
  const candidates = options.sheet === undefined ? sheets : sheets.filter((s) => s.name === options.sheet);
  if (!candidates.length) {
    const names = sheets.map((s) => s.name).join("、");
    throw new ExportFileError(options.sheet === undefined ? `${path}: 工作簿中没有工作表` : `${path}: 没有名为“${options.sheet}”的工作表（有：${names}）`);
  }
  const stringsPath = sharedStringsPath(workbookRels, workbookPath);
  const stringsXml = text(stringsPath);
  if (stringsPath !== undefined && stringsXml === undefined) throw corrupt(path, `缺少共享字符串表 ${stringsPath}`);
  const strings = sharedStrings(stringsXml);
  const stylesPath = relationshipTargets(workbookRels, workbookPath).find((r) => /\/styles$/.test(r.type))?.target;
  const dates = dateStyles(text(stylesPath));
  for (const { name, part } of candidates) {
    const xml = text(part);
    if (xml === undefined) throw corrupt(path, `缺少工作表“${name}”的内容`);
    let rows: string[][];
    try {
      rows = readRows(xml, { strings, dates, dateSystem: dateSystemOf(workbookXml), merged: mergedAway(xml), guard: new GridGuard(options.limits) });
    } catch (e) {
      if (e instanceof GridLimitError) throw new ExportFileError(`${path}: 工作表“${name}”${e.message}`);
      throw corrupt(path, `工作表“${name}”${(e as Error).message}`);
    }
    if (options.sheet !== undefined || rows.some((r) => r.length > 0)) {
      return { grid: { rows, lines: rows.map((_, i) => i + 1), delimiter: "grid" }, sheet: name };
    }
  }
  throw new ExportFileError(`${path}: 工作簿中没有内容`);
}
