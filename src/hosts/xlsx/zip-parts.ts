/**
 * What the package reader counts in an .xlsx's parts without a spreadsheet library: shared
 * strings used and held, cells a reference covers. Portable (the pane reads a picked workbook
 * with it too); inflating the parts is inflate-sync.ts's (Node) or inflate-stream.ts's (browser).
 */
import { parseArea } from "../../core/excel/address";

/** The highest shared-string index a sheet's cells use (-1: none). */
export function highestSharedStringIndex(sheetXml: string): number {
  let highest = -1;
  // Only a cell has a <v> after t="s"; starting at the attribute rather than at every "<c" is several times faster.
  for (const m of sheetXml.matchAll(/\st\s*=\s*"s"[^>]*>\s*<(?:\w+:)?v>\s*(\d+)\s*</g)) highest = Math.max(highest, Number(m[1]));
  return highest;
}

/** Items in a shared-strings part. */
export function sharedStringCount(xml: string): number {
  let n = 0;
  for (let at = xml.indexOf("<si"); at >= 0; at = xml.indexOf("<si", at + 3)) {
    const next = xml[at + 3];
    if (next === ">" || next === " " || next === "/") n++;
  }
  return n;
}

/**
 * Cells of a reference list such as a defined name's 收入!$A$1:$XFD$1048576 or a data validation's
 * sqref "A1:B2 D4": areas separated by commas (names) or blanks (sqref), whole rows and columns
 * counted in full; what is not an area (a constant, #REF!) counts nothing.
 */
export function referenceCells(text: string): number {
  let total = 0;
  for (const part of text.split(/[,\s]+/)) {
    const area = part ? parseArea(part) : undefined;
    if (area) total += (area.bottom - area.top + 1) * (area.right - area.left + 1);
  }
  return total;
}
