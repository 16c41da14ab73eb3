/**
 * Edits cells inside one worksheet part's XML text, leaving every other byte of it as it was:
 * the cell's style index and the rest of the sheet (validations, conditional formats, extLst
 * with sparklines and x14 validations, drawings, comments' anchors) are never re-serialised.
 */
import { a1, columnNumber } from "../../core/excel/address";
import { escapeXml } from "./names";

/**
 * What goes into one cell: a number, text (kept as text, never a formula: an inline string), an
 * entry of the shared-string table, or nothing (cleared).
 */
export type CellContent = string | number | { sharedString: number } | undefined;

export interface SheetEdit {
  xml: string;
  /** A formula cell was overwritten with a value (the calculation chain no longer matches). */
  formulaReplaced: boolean;
}

/** A change to a text: replace start..end by xml (an insertion when start = end). */
interface Splice {
  start: number;
  end: number;
  xml: string;
  /** Orders insertions at the same place (by column or row). */
  order: number;
}

/** Applies non-overlapping splices; insertions at one place go in `order`, before a replacement there. */
function splice(text: string, edits: Splice[]): string {
  const sorted = [...edits].sort((x, y) => x.start - y.start || (x.end - x.start) - (y.end - y.start) || x.order - y.order);
  let out = "";
  let at = 0;
  for (const e of sorted) {
    out += text.slice(at, e.start) + e.xml;
    at = e.end;
  }
  return out + text.slice(at);
}

interface Element {
  start: number;
  end: number;
  attrs: string;
  /** undefined for a self-closing element. */
  body: string | undefined;
}

function elements(xml: string, tag: string, prefix: string): Element[] {
  const out: Element[] = [];
  const pattern = new RegExp(`<${prefix}${tag}\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${prefix}${tag}>)`, "g");
  for (const m of xml.matchAll(pattern)) out.push({ start: m.index!, end: m.index! + m[0].length, attrs: m[1], body: m[2] });
  return out;
}

function attribute(attrs: string, name: string): string | undefined {
  return new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attrs)?.slice(1).find((v) => v !== undefined);
}

function withoutAttributes(attrs: string, names: string[]): string {
  return names.reduce((rest, name) => rest.replace(new RegExp(`\\s+${name}\\s*=\\s*(?:"[^"]*"|'[^']*')`, "g"), ""), attrs);
}

/**
 * Text that only survives as an OOXML escape: a control character (not allowed in XML) or a
 * literal "_xHHHH_" (which readers would decode). Readers decode these escapes in the
 * shared-string table but not all of them in inline strings (ExcelJS leaves them as written),
 * so such text goes into the shared-string table.
 */
export function needsStringEscape(text: string): boolean {
  return /_x[0-9A-Fa-f]{4}_|[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/.test(text);
}

/**
 * Text as an OOXML string holds it: XML-escaped, control characters as _xHHHH_, and a literal
 * "_xHHHH_" protected by escaping its underscore, so a reader never decodes the officer's text.
 */
export function xmlStringText(text: string): string {
  const protectedText = text.replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1");
  return escapeXml(protectedText).replace(/[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);
}

function cellElement(prefix: string, ref: string, keptAttrs: string, content: CellContent): string {
  const open = `<${prefix}c r="${ref}"${keptAttrs}`;
  if (content === undefined) return `${open}/>`;
  if (typeof content === "number") return `${open}><${prefix}v>${String(content)}</${prefix}v></${prefix}c>`;
  if (typeof content === "object") return `${open} t="s"><${prefix}v>${content.sharedString}</${prefix}v></${prefix}c>`;
  return `${open} t="inlineStr"><${prefix}is><${prefix}t xml:space="preserve">${xmlStringText(content)}</${prefix}t></${prefix}is></${prefix}c>`;
}

/** A1:B2 or A1 → the cells it covers (1-based rows and columns). */
function rangeOf(ref: string): { top: number; left: number; bottom: number; right: number } | undefined {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(ref.trim());
  if (!m) return undefined;
  const left = columnNumber(m[1].toUpperCase());
  const top = Number(m[2]);
  return { top, left, bottom: m[4] ? Number(m[4]) : top, right: m[3] ? columnNumber(m[3].toUpperCase()) : left };
}

/** Why a formula cell cannot simply be overwritten, or undefined when it can. */
function formulaBlock(body: string | undefined, ref: string): string | undefined {
  const f = body && /<(?:\w+:)?f\b([^>]*?)\/?>/.exec(body);
  if (!f) return undefined;
  const type = attribute(f[1], "t");
  const span = attribute(f[1], "ref");
  if ((type === "shared" || type === "array") && span && span.toUpperCase() !== ref) {
    return `${ref} 是${type === "shared" ? "共享公式" : "数组公式"} ${span} 的首格`;
  }
  return undefined;
}

function rowStyle(attrs: string): string {
  const s = attribute(attrs, "s");
  return s !== undefined && attribute(attrs, "customFormat") === "1" ? ` s="${s}"` : "";
}

/** Writes cells into one row element's body; returns the new body. */
function editRow(prefix: string, row: number, rowAttrs: string, body: string, writes: Map<number, CellContent>): { body: string; formulaReplaced: boolean; inserted: boolean; blocked?: string } {
  const cells = elements(body, "c", prefix);
  let column = 0;
  const located = cells.map((cell) => {
    const ref = attribute(cell.attrs, "r");
    column = ref ? columnNumber(ref.replace(/\d+$/, "").toUpperCase()) : column + 1;
    return { ...cell, column };
  });
  let formulaReplaced = false;
  const replacements: Splice[] = [];
  for (const [col, content] of writes) {
    const ref = a1(row, col);
    const hit = located.find((c) => c.column === col);
    if (hit) {
      const blocked = formulaBlock(hit.body, ref);
      if (blocked) return { body, formulaReplaced, inserted: false, blocked };
      if (hit.body && /<(?:\w+:)?f\b/.test(hit.body)) formulaReplaced = true;
      replacements.push({ start: hit.start, end: hit.end, xml: cellElement(prefix, ref, withoutAttributes(hit.attrs, ["r", "t", "cm", "vm"]), content), order: col });
    } else {
      if (content === undefined) continue;
      const next = located.find((c) => c.column > col);
      const at = next ? next.start : located.length ? located[located.length - 1].end : 0;
      replacements.push({ start: at, end: at, xml: cellElement(prefix, ref, rowStyle(rowAttrs), content), order: col });
    }
  }
  return { body: splice(body, replacements), formulaReplaced, inserted: replacements.some((r) => r.start === r.end) };
}

/**
 * Writes `writes` (row → column → content) into a worksheet's XML. Returns the new XML, or the
 * reason a cell cannot be written without rebuilding the sheet.
 */
export function writeCells(xml: string, writes: Map<number, Map<number, CellContent>>): SheetEdit | { cannot: string } {
  const open = /<((?:\w+:)?)sheetData\b([^>]*?)(\/?)>/.exec(xml);
  if (!open) return { cannot: "工作表中没有 sheetData" };
  const prefix = open[1];
  const innerStart = open.index + open[0].length;
  const closeTag = `</${prefix}sheetData>`;
  const innerEnd = open[3] ? innerStart : xml.indexOf(closeTag, innerStart);
  if (innerEnd < 0) return { cannot: "工作表 XML 不完整" };
  const inner = xml.slice(innerStart, innerEnd);
  const rows = elements(inner, "row", prefix);
  let rowNumber = 0;
  const located = rows.map((r) => {
    const n = attribute(r.attrs, "r");
    rowNumber = n ? Number(n) : rowNumber + 1;
    return { ...r, row: rowNumber };
  });
  let formulaReplaced = false;
  const replacements: Splice[] = [];
  for (const [row, cells] of writes) {
    const hit = located.find((r) => r.row === row);
    if (hit) {
      const edited = editRow(prefix, row, hit.attrs, hit.body ?? "", cells);
      if (edited.blocked) return { cannot: edited.blocked };
      formulaReplaced ||= edited.formulaReplaced;
      // A new cell may fall outside the row's optional spans hint: drop the hint rather than mislead.
      const attrs = edited.inserted ? withoutAttributes(hit.attrs, ["spans"]) : hit.attrs;
      replacements.push({ start: hit.start, end: hit.end, xml: `<${prefix}row${attrs}>${edited.body}</${prefix}row>`, order: row });
    } else {
      const body = [...cells]
        .filter(([, content]) => content !== undefined)
        .sort(([x], [y]) => x - y)
        .map(([col, content]) => cellElement(prefix, a1(row, col), "", content))
        .join("");
      if (!body) continue;
      const next = located.find((r) => r.row > row);
      const at = next ? next.start : located.length ? located[located.length - 1].end : inner.length;
      replacements.push({ start: at, end: at, xml: `<${prefix}row r="${row}">${body}</${prefix}row>`, order: row });
    }
  }
  const edited = splice(inner, replacements);
  const sheetData = open[3] ? `<${prefix}sheetData${open[2]}>${edited}${closeTag}` : `${open[0]}${edited}`;
  const out = xml.slice(0, open.index) + sheetData + xml.slice(open[3] ? innerStart : innerEnd);
  return { xml: extendDimension(out, writes), formulaReplaced };
}

/** Widens the sheet's <dimension> (the used-range hint) when a written cell lies outside it. */
function extendDimension(xml: string, writes: Map<number, Map<number, CellContent>>): string {
  const m = /(<(?:\w+:)?dimension\b[^>]*?\bref\s*=\s*")([^"]*)(")/.exec(xml);
  const range = m && rangeOf(m[2]);
  if (!m || !range) return xml;
  let { top, left, bottom, right } = range;
  for (const [row, cells] of writes) {
    for (const [col, content] of cells) {
      if (content === undefined) continue;
      top = Math.min(top, row);
      bottom = Math.max(bottom, row);
      left = Math.min(left, col);
      right = Math.max(right, col);
    }
  }
  if (top === range.top && left === range.left && bottom === range.bottom && right === range.right) return xml;
  const ref = top === bottom && left === right ? a1(top, left) : `${a1(top, left)}:${a1(bottom, right)}`;
  return xml.slice(0, m.index) + m[1] + ref + m[3] + xml.slice(m.index + m[0].length);
}

/**
 * Removes every formula's cached result (and its type), so no stale total is read before the
 * workbook is calculated again. Returns the XML unchanged (same string) when nothing was cached.
 */
export function dropFormulaResults(xml: string): string {
  // (?<!\/)> : a self-closing <c …/> has no body, and must not borrow the next cell's.
  return xml.replace(/<((?:\w+:)?)c\b([^>]*?)(?<!\/)>([\s\S]*?)<\/\1c>/g, (whole, prefix: string, attrs: string, body: string) => {
    if (!/<(?:\w+:)?f\b/.test(body) || !/<(?:\w+:)?v\b/.test(body)) return whole;
    const kept = body.replace(/<(?:\w+:)?v\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:\w+:)?v>)/g, "");
    return `<${prefix}c${withoutAttributes(attrs, ["t"])}>${kept}</${prefix}c>`;
  });
}
