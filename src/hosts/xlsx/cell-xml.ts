/**
 * What one cell of a worksheet's XML holds, decoded the way Excel shows it: shared strings,
 * inline strings, numbers (a number under a date format as its date), booleans, errors. Both
 * readers that go straight to the package use it: a filled template read for `check`, and an
 * .xlsx export read for `import`. Formula cells are decoded too; a template read takes their
 * results from `formulaResults` instead, which tells a missing result from an empty one.
 */
import { dateOfSerial, isDateFormat, isoDate, type DateSystem } from "../../core/excel/dates";
import type { ReadValue } from "./cell-value";
import { unescapeXml } from "./names";

/** The tables a cell's content is looked up in. */
export interface CellContext {
  strings: string[];
  /** Cell styles (indexes into cellXfs) whose number format shows a date. */
  dates: Set<number>;
  dateSystem: DateSystem;
}

/**
 * Text of a string item (<si>, <is>): its <t> runs, phonetic guides (<rPh>) left out, and the
 * _xHHHH_ escapes a writer uses for characters XML cannot carry decoded (_x005F_ protects a
 * literal "_xHHHH_", and decodes to the underscore it stands for).
 */
export function itemText(xml: string): string {
  const body = xml.includes("rPh") ? xml.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, "") : xml;
  let text = "";
  for (const m of body.matchAll(/<(?:\w+:)?t\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?t>)/g)) text += m[1] ?? "";
  return unescapeXml(text).replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The items of a shared-strings part, in order. */
export function sharedStrings(xml: string | undefined): string[] {
  if (!xml) return [];
  return [...xml.matchAll(/<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g)].map((m) => itemText(m[1] ?? ""));
}

/** Built-in number formats that show a date or time (Excel's ids, and the CJK ones). */
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** Which cell styles (index into cellXfs) show a date. */
export function dateStyles(stylesXml: string | undefined): Set<number> {
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

/** The workbook's date system, from workbookPr's date1904 (an xsd:boolean: 1 or true). */
export function dateSystemOf(workbookXml: string): DateSystem {
  return /<(?:\w+:)?workbookPr\b[^>]*\bdate1904\s*=\s*"(1|true)"/.test(workbookXml) ? "1904" : "1900";
}

/**
 * One cell's content from its <c> attributes and body; "" when it holds nothing. A number under
 * a date format is its date as yyyy-mm-dd (where a figure belongs, a typing accident the
 * checks then report as not a number); outside Excel's dates it stays the number. Throws when
 * the cell points past the shared-strings table (`where` names the cell).
 */
export function cellContent(attrs: string, body: string, ctx: CellContext, where: () => string): ReadValue {
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
      return text === "1" || text.toLowerCase() === "true";
    case "str":
    case "e":
      return text;
    case "d":
      return text.slice(0, 10);
    default: {
      if (text.trim() === "") return "";
      const n = Number(text);
      if (!Number.isFinite(n)) return text;
      const style = /\bs\s*=\s*"(\d+)"/.exec(attrs)?.[1];
      const date = style !== undefined && ctx.dates.has(Number(style)) ? dateOfSerial(n, ctx.dateSystem) : undefined;
      return date ? isoDate(date) : n;
    }
  }
}
