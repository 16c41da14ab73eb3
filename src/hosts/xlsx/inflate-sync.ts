/**
 * The parts of an .xlsx package, inflated under a budget, with Node's zlib (the CLI). A zip
 * states each part's size, but a hostile one can state a small size and inflate to gigabytes,
 * so the sizes are not trusted: every part is inflated by zlib with the bytes still allowed as
 * its ceiling, and the package is refused the moment the parts together pass the budget.
 * inflate-stream.ts does the same in the browser.
 */
import { inflateRawSync } from "node:zlib";
import type JSZip from "jszip";
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
