/**
 * Which text encoding a file's bytes are in, from the bytes alone (no Node or browser API, so
 * the pane and the CLI decide the same way). Chinese Windows exports are GBK/GB18030 unless
 * they say otherwise; UTF-8 is recognised by being valid UTF-8 (GBK text of any length almost
 * never is), and a byte-order mark settles it outright.
 */
export type TextEncodingName = "utf-8" | "utf-16le" | "utf-16be" | "gb18030";

export interface DetectedEncoding {
  encoding: TextEncodingName;
  /** Bytes of byte-order mark to skip. */
  bomLength: number;
  /** Why, in Chinese, for the plan. */
  reason: string;
}

export function detectEncoding(bytes: Uint8Array): DetectedEncoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { encoding: "utf-8", bomLength: 3, reason: "文件以 UTF-8 BOM 开头" };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: "utf-16le", bomLength: 2, reason: "文件以 UTF-16LE BOM 开头" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: "utf-16be", bomLength: 2, reason: "文件以 UTF-16BE BOM 开头" };
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return { encoding: utf16, bomLength: 0, reason: "无 BOM，但字节排列是 UTF-16" };
  if (isValidUtf8(bytes)) return { encoding: "utf-8", bomLength: 0, reason: "内容是有效的 UTF-8" };
  return { encoding: "gb18030", bomLength: 0, reason: "不是有效的 UTF-8，按中文 Windows 默认的 GBK/GB18030 读取" };
}

/** ASCII-heavy UTF-16 without a BOM shows up as a zero in every other byte. */
function utf16WithoutBom(bytes: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (n < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.3 && evenZeros === 0) return "utf-16le";
  if (evenZeros > pairs * 0.3 && oddZeros === 0) return "utf-16be";
  return undefined;
}

/** Strict UTF-8 validation (no overlongs, no surrogates, nothing above U+10FFFF). */
export function isValidUtf8(bytes: Uint8Array): boolean {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    let cp: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
      cp = b & 0x1f;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
      cp = b & 0x0f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
      cp = b & 0x07;
    } else return false;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return false;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
    i += need + 1;
  }
  return true;
}
