/**
 * What a zip says about its parts before any is inflated (jszip's entry records), and the
 * refusal of a package too large once inflated: shared by the Node inflater (zip-parts) and the
 * one that runs in the pane (inflate-stream), so both refuse with the same words.
 */
import type JSZip from "jszip";
import { WorkbookFileError } from "./errors";

export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** What jszip keeps of each entry from the zip's directory (a private field; jszip has no public raw access). */
export interface RawEntry {
  uncompressedSize?: number;
  compressedContent?: Uint8Array | string;
  compression?: { magic?: string };
}

export function rawEntry(entry: JSZip.JSZipObject): RawEntry | undefined {
  return (entry as unknown as { _data?: RawEntry })._data;
}

/** The sizes the zip states for its parts, added up: a first, free refusal of an honest zip bomb. */
export function statedInflatedSize(zip: JSZip): number {
  let total = 0;
  zip.forEach((_, entry) => (total += rawEntry(entry)?.uncompressedSize ?? 0));
  return total;
}

export function tooLarge(file: string, limit: number, detail = ""): WorkbookFileError {
  return new WorkbookFileError(file, "too-large", `解压后超过 ${megabytes(limit)}（上限）${detail}，不像是自评表或导出表`);
}

/** A part that cannot be inflated; `detail` is what the inflater said. */
export function unreadablePart(file: string, path: string, detail?: string): WorkbookFileError {
  return new WorkbookFileError(file, "corrupt", `文件已损坏（${path}${detail ? `：${detail}` : " 无法读取"}）；请用 Excel/WPS 打开后重新保存`);
}

export function unsupportedCompression(file: string, path: string): WorkbookFileError {
  return new WorkbookFileError(file, "corrupt", `文件已损坏或使用了不支持的压缩方式（${path}）；请用 Excel/WPS 打开后重新保存`);
}
