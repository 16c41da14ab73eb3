/**
 * The parts of an .xlsx package, inflated under a budget. A zip states each part's size, but a
 * hostile one can state a small size and inflate to gigabytes, so the sizes are not trusted:
 * every part is inflated by zlib with the bytes still allowed as its ceiling, and the package
 * is refused the moment the parts together pass the budget.
 */
import { inflateRawSync } from "node:zlib";
import type JSZip from "jszip";
import { parseArea } from "../../core/excel/address";
import { megabytes, rawEntry, statedInflatedSize, tooLarge, unreadablePart, unsupportedCompression } from "./zip-entries";

/**
 * Every part of the package, inflated, by path. Refuses a package whose parts together inflate
 * past `limit` (stated sizes first, then the real bytes), or that uses a compression other than
 * store and deflate, as one WorkbookFileError naming the file.
 */
export function inflateParts(file: string, zip: JSZip, limit: number): Map<string, Buffer> {
  const stated = statedInflatedSize(zip);
  if (stated > limit) throw tooLarge(file, limit, `：各部分声明共 ${megabytes(stated)}`);
  const parts = new Map<string, Buffer>();
  let used = 0;
  zip.forEach((path, entry) => {
    if (entry.dir) return;
    const raw = rawEntry(entry);
    const content = raw?.compressedContent;
    if (content === undefined || typeof content === "string") {
      throw unreadablePart(file, path);
    }
    const bytes = Buffer.from(content.buffer, content.byteOffset, content.byteLength);
    const left = limit - used;
    let inflated: Buffer;
    if (raw?.compression?.magic === "\x00\x00") {
      if (bytes.length > left) throw tooLarge(file, limit);
      inflated = bytes;
    } else if (raw?.compression?.magic === "\x08\x00") {
      try {
        inflated = inflateRawSync(bytes, { maxOutputLength: Math.max(1, left) });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") throw tooLarge(file, limit);
        throw unreadablePart(file, path, (e as Error).message);
      }
      if (inflated.length > left) throw tooLarge(file, limit);
    } else {
      throw unsupportedCompression(file, path);
    }
    used += inflated.length;
    parts.set(path, inflated);
  });
  return parts;
}

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
