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
import { unescapeXml } from "../hosts/xlsx/names";
import { relationshipTargets, relsPathOf, sheetEntries, sharedStringsPath } from "../hosts/xlsx/relationships";
import { ExportFileError } from "./errors";
import { isDateFormat } from "../core/excel/dates";

export interface XlsxReadOptions {
  sheet?: string;
  limits: GridLimits;
}

/** Text of a <si> or <is>: its <t> runs, phonetic guides (<rPh>) left out. */
function itemText(xml: string): string {
  const body = xml.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, "");
  let text = "";
  for (const m of body.matchAll(/<(?:\w+:)?t\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?t>)/g)) text += m[1] ?? "";
  return unescapeXml(text);
}

function sharedStrings(xml: string | undefined): string[] {
  if (!xml) return [];
  return [...xml.matchAll(/<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g)].map((m) => itemText(m[1] ?? ""));
}

/** Built-in number formats that show a date or time (Excel's ids, and the CJK ones). */
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** Which cell styles (index into cellXfs) show a date. */
function dateStyles(stylesXml: string | undefined): Set<number> {
  const out = new Set<number>();
  if (!stylesXml) return out;
  const custom = new Map<number, string>();
  for (const m of stylesXml.matchAll(/<(?:\w+:)?numFmt\b([^>]*?)\/?>/g)) {
    const id = /\bnumFmtId\s*=\s*"(\d+)"/.exec(m[1])?.[1];
    const code = /\bformatCode\s*=\s*"([^"]*)"/.exec(m[1])?.[1];
    if (id !== undefined && code !== undefined) custom.set(Number(id), unescapeXml(code));
  }
  const xfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(stylesXml)?.[1] ?? "";
  let index = 0;
  for (const m of xfs.matchAll(/<(?:\w+:)?xf\b([^>]*?)\/?>/g)) {
    const id = Number(/\bnumFmtId\s*=\s*"(\d+)"/.exec(m[1])?.[1] ?? 0);
    const code = custom.get(id);
    if (code !== undefined ? isDateFormat(code) : DATE_FORMAT_IDS.has(id)) out.add(index);
    index++;
  }
  return out;
}

/** A date serial as the date Excel shows (1900 system, or 1904 when the workbook says so). */
function serialDate(serial: number, date1904: boolean): string {
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  const d = new Date(epoch + Math.round(serial * 86400) * 1000);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
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

interface SheetContext {
  strings: string[];
  dates: Set<number>;
  date1904: boolean;
  merged: Set<string>;
  guard: GridGuard;
}

function cellValue(attrs: string, body: string, ctx: SheetContext, where: () => string): string {
  const type = /\bt\s*=\s*"(\w+)"/.exec(attrs)?.[1] ?? "n";
  if (type === "inlineStr") {
    const is = /<(?:\w+:)?is\b[^>]*>([\s\S]*?)<\/(?:\w+:)?is>/.exec(body);
    return is ? itemText(is[1]) : "";
  }
  const v = /<(?:\w+:)?v\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?v>)/.exec(body);
  if (!v) return "";
  const text = unescapeXml(v[1] ?? "");
  switch (type) {
    case "s": {
      const s = ctx.strings[Number(text)];
      if (s === undefined) throw new Error(`${where()} 指向共享字符串表中不存在的第 ${Number(text) + 1} 项`);
      return s;
    }
    case "b":
      return cellText(text === "1" || text.toLowerCase() === "true");
    case "str":
    case "e":
      return text;
    case "d":
      return text.slice(0, 10);
    default: {
      if (text.trim() === "") return "";
      const n = Number(text);
      if (!Number.isFinite(n)) return text;
      const style = Number(/\bs\s*=\s*"(\d+)"/.exec(attrs)?.[1] ?? 0);
      // A date where a figure belongs is a typing accident: its date text is then refused as not a number.
      return ctx.dates.has(style) ? serialDate(n, ctx.date1904) : cellText(n);
    }
  }
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
  const date1904 = /<(?:\w+:)?workbookPr\b[^>]*\bdate1904\s*=\s*"(1|true)"/.test(workbookXml);
  for (const { name, part } of candidates) {
    const xml = text(part);
    if (xml === undefined) throw corrupt(path, `缺少工作表“${name}”的内容`);
    let rows: string[][];
    try {
      rows = readRows(xml, { strings, dates, date1904, merged: mergedAway(xml), guard: new GridGuard(options.limits) });
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
