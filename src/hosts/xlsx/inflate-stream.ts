/**
 * inflate-sync's inflateParts for places without Node's zlib (the pane reading a picked .xlsx): the
 * same budget and refusals, inflated by the platform's DecompressionStream("deflate-raw"),
 * which every webview the pane runs in has. The stream is cancelled the moment the parts
 * together pass the budget, so a zip that lies about its sizes never fills the memory.
 */
import type JSZip from "jszip";
import { WorkbookFileError } from "./errors";
import { megabytes, rawEntry, statedInflatedSize, tooLarge, unreadablePart, unsupportedCompression } from "./zip-entries";

/** Raw deflate data, inflated chunk by chunk; refused past `left` bytes. */
async function inflateRaw(file: string, path: string, limit: number, left: number, bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > left) {
        await reader.cancel();
        throw tooLarge(file, limit);
      }
      chunks.push(value);
    }
  } catch (e) {
    if (e instanceof WorkbookFileError) throw e;
    throw unreadablePart(file, path, (e as Error).message);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** Every part of the package, inflated, by path, within `limit` bytes together (see zip-parts). */
export async function inflatePartsStreaming(file: string, zip: JSZip, limit: number): Promise<Map<string, Uint8Array>> {
  const stated = statedInflatedSize(zip);
  if (stated > limit) throw tooLarge(file, limit, `：各部分声明共 ${megabytes(stated)}`);
  const entries: Array<[string, JSZip.JSZipObject]> = [];
  zip.forEach((path, entry) => {
    if (!entry.dir) entries.push([path, entry]);
  });
  const parts = new Map<string, Uint8Array>();
  let used = 0;
  for (const [path, entry] of entries) {
    const raw = rawEntry(entry);
    const content = raw?.compressedContent;
    if (content === undefined || typeof content === "string") throw unreadablePart(file, path);
    const left = limit - used;
    let inflated: Uint8Array;
    if (raw?.compression?.magic === "\x00\x00") {
      if (content.byteLength > left) throw tooLarge(file, limit);
      inflated = content;
    } else if (raw?.compression?.magic === "\x08\x00") {
      inflated = await inflateRaw(file, path, limit, left, content);
    } else {
      throw unsupportedCompression(file, path);
    }
    used += inflated.byteLength;
    parts.set(path, inflated);
  }
  return parts;
}
