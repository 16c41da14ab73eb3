/**
 * The parts of an .xlsx package, inflated under a budget. A zip states each part's size, but a
 * hostile one can state a small size and inflate to gigabytes, so the sizes are not trusted:
 * every part is inflated by zlib with the bytes still allowed as its ceiling, and the package
 * is refused the moment the parts together pass the budget. Also the package relationships
 * that lead from the package to the workbook and from the workbook to its sheets.
 */
import { inflateRawSync } from "node:zlib";
import type JSZip from "jszip";
import { parseArea } from "../../core/excel/address";
import { WorkbookFileError } from "./errors";
import { unescapeXml } from "./names";

export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** What jszip keeps of each entry from the zip's directory (a private field; jszip has no public raw access). */
interface RawEntry {
  uncompressedSize?: number;
  compressedContent?: Uint8Array | string;
  compression?: { magic?: string };
}

function rawEntry(entry: JSZip.JSZipObject): RawEntry | undefined {
  return (entry as unknown as { _data?: RawEntry })._data;
}

/** The sizes the zip states for its parts, added up: a first, free refusal of an honest zip bomb. */
export function statedInflatedSize(zip: JSZip): number {
  let total = 0;
  zip.forEach((_, entry) => (total += rawEntry(entry)?.uncompressedSize ?? 0));
  return total;
}

function tooLarge(file: string, limit: number, detail = ""): WorkbookFileError {
  return new WorkbookFileError(file, "too-large", `解压后超过 ${megabytes(limit)}（上限）${detail}，不像是自评表或导出表`);
}

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
      throw new WorkbookFileError(file, "corrupt", `文件已损坏（${path} 无法读取）；请用 Excel/WPS 打开后重新保存`);
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
        throw new WorkbookFileError(file, "corrupt", `文件已损坏（${path}：${(e as Error).message}）；请用 Excel/WPS 打开后重新保存`);
      }
      if (inflated.length > left) throw tooLarge(file, limit);
    } else {
      throw new WorkbookFileError(file, "corrupt", `文件已损坏或使用了不支持的压缩方式（${path}）；请用 Excel/WPS 打开后重新保存`);
    }
    used += inflated.length;
    parts.set(path, inflated);
  });
  return parts;
}

/** Relationship targets by id, resolved against the folder of the part they belong to. */
export function relationshipTargets(relsXml: string, partPath: string): Array<{ id: string; type: string; target: string }> {
  const dir = partPath.replace(/[^/]*$/, "");
  const out: Array<{ id: string; type: string; target: string }> = [];
  for (const m of relsXml.matchAll(/<(?:\w+:)?Relationship\b([^>]*)\/?>/g)) {
    const id = /\bId\s*=\s*"([^"]*)"/.exec(m[1])?.[1];
    const target = /\bTarget\s*=\s*"([^"]*)"/.exec(m[1])?.[1];
    const type = /\bType\s*=\s*"([^"]*)"/.exec(m[1])?.[1] ?? "";
    if (id === undefined || target === undefined) continue;
    const t = unescapeXml(target);
    out.push({ id, type, target: t.startsWith("/") ? t.slice(1) : normalisePath(dir + t) });
  }
  return out;
}

/** a/b/../c → a/c, as a relationship's relative target is meant. */
function normalisePath(path: string): string {
  const out: string[] = [];
  for (const seg of path.split("/")) {
    if (seg === "..") out.pop();
    else if (seg !== ".") out.push(seg);
  }
  return out.join("/");
}

/** Where a part's relationships are kept: xl/workbook.xml → xl/_rels/workbook.xml.rels. */
export function relsPathOf(partPath: string): string {
  const dir = partPath.replace(/[^/]*$/, "");
  return `${dir}_rels/${partPath.slice(dir.length)}.rels`;
}

/** Each sheet of workbook.xml in order, with the part its r:id leads to (undefined: no such relationship). */
export function sheetEntries(workbookXml: string, workbookRels: string, workbookPath: string): Array<{ name: string; part: string | undefined }> {
  const targets = new Map(relationshipTargets(workbookRels, workbookPath).map((r) => [r.id, r.target]));
  const out: Array<{ name: string; part: string | undefined }> = [];
  for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\b([^>]*?)\/?>/g)) {
    const name = /\bname\s*=\s*"([^"]*)"/.exec(m[1])?.[1];
    const rid = /\br:id\s*=\s*"([^"]*)"/.exec(m[1])?.[1] ?? /\b\w+:id\s*=\s*"([^"]*)"/.exec(m[1])?.[1];
    if (name !== undefined) out.push({ name: unescapeXml(name), part: rid === undefined ? undefined : targets.get(rid) });
  }
  return out;
}

/** The workbook's shared-strings part, by its relationship (undefined: it has none). */
export function sharedStringsPath(workbookRels: string, workbookPath: string): string | undefined {
  return relationshipTargets(workbookRels, workbookPath).find((r) => /\/sharedStrings$/.test(r.type))?.target;
}

/** Text of a <si> or <is>: its <t> runs, phonetic guides (<rPh>) left out. */
export function itemText(xml: string): string {
  const body = xml.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, "");
  let text = "";
  for (const m of body.matchAll(/<(?:\w+:)?t\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?t>)/g)) text += m[1] ?? "";
  return unescapeXml(text);
}

/** Every item of a shared-strings part, as text. */
export function sharedStrings(xml: string | undefined): string[] {
  if (!xml) return [];
  return [...xml.matchAll(/<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g)].map((m) => itemText(m[1] ?? ""));
}

/** The highest shared-string index a sheet's cells use (-1: none). */
export function highestSharedStringIndex(sheetXml: string): number {
  let highest = -1;
  for (const m of sheetXml.matchAll(/<(?:\w+:)?c\b[^>]*?\bt\s*=\s*"s"[^>]*>\s*<(?:\w+:)?v>\s*(\d+)\s*</g)) highest = Math.max(highest, Number(m[1]));
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
