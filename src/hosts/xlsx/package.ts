/**
 * The .xlsx package (a zip of XML parts) before any spreadsheet library sees it: tells a
 * workbook from an encrypted one, an old .xls, a corrupt zip or some other file, and reads
 * xl/workbook.xml (sheet names, defined names) cheaply, so a file that is not a ZiPing
 * template is refused before its sheets are parsed.
 */
import JSZip from "jszip";
import { WorkbookFileError } from "./errors";
import type { ReadValue } from "./cell-value";
import { parseDefinedNames, parseSheetNames, unescapeXml, type DefinedName } from "./names";
import { highestSharedStringIndex, referenceCells, sharedStringCount } from "./zip-parts";
import { megabytes } from "./zip-entries";
import { relationshipTargets, relsPathOf, sharedStringsPath, sheetEntries } from "./relationships";

/** A filled ZiPing workbook is well under 1 MB; an accounting-system export can be far larger. */
export const MAX_WORKBOOK_BYTES = 5 * 1024 * 1024;
/**
 * Guards against zip bombs: what the parts may add up to once inflated. A template laid out for
 * 2,000 units (3.0 MB) inflates to 48 MB, and reading it takes about 750 MB.
 */
export const MAX_INFLATED_BYTES = 100 * 1024 * 1024;

/*
 * Bytes are Uint8Array, not Node's Buffer: the pane reads a picked workbook with this code too
 * (the CLI's Buffers are Uint8Arrays). Tags, signatures and indexes are ASCII, so they are
 * looked at as latin1 text.
 */
const ZIP_SIGNATURES = ["PK\x03\x04", "PK\x05\x06"];
/** OLE2 compound file: an .xls, a WPS .et, or an .xlsx encrypted with a password to open. */
const COMPOUND_FILE_SIGNATURE = "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1";
const LATIN1 = new TextDecoder("latin1");
// Buffer.toString("utf8") keeps a byte-order mark as U+FEFF; so does this.
const UTF8 = new TextDecoder("utf-8", { ignoreBOM: true });
// Node's Buffer decodes latin1 about twice as fast as TextDecoder (2.7 vs 4.8 ms for 5 MB), which
// `check DIR/` feels over a thousand workbooks; the browser has only TextDecoder.
const latin1 = (bytes: Uint8Array) =>
  typeof Buffer === "undefined" ? LATIN1.decode(bytes) : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
const utf16le = (text: string) => [...text].map((ch) => `${ch}\x00`).join("");

/**
 * Inflates every part of a zip within a budget, refusing as one WorkbookFileError: Node's zlib
 * in the CLI (inflate-sync.ts), the browser's DecompressionStream in the pane (inflate-stream.ts).
 */
export type PartsInflater = (file: string, zip: JSZip, limit: number) => Map<string, Uint8Array> | Promise<Map<string, Uint8Array>>;

export interface WorkbookPackage {
  zip: JSZip;
  /** Every part inflated (within MAX_INFLATED_BYTES), by path. */
  parts: Map<string, Uint8Array>;
  /** A part's text (decoded once, whichever reader asks first); undefined when there is no such part. */
  text(path: string | undefined): string | undefined;
  /** Sheet name → its worksheet part, in workbook order (every part present: checked on opening). */
  sheetParts: Map<string, string>;
  workbookPath: string;
  workbookXml: string;
  sheetNames: string[];
  names: DefinedName[];
}

/**
 * Every formula cell's cached result as the file stores it, by sheet name and A1 address;
 * undefined for a formula saved without a result (by a program that does not calculate:
 * ExcelJS, ziping itself). Read from the worksheet XML because ExcelJS's reader drops a
 * result of 0 and cannot tell a missing result from an empty text one.
 */
export function formulaResults(pkg: WorkbookPackage): Map<string, Map<string, ReadValue | undefined>> {
  const out = new Map<string, Map<string, ReadValue | undefined>>();
  for (const sheet of pkg.sheetParts.keys()) {
    const cells = sheetFormulaResults(pkg, sheet);
    if (cells.size) out.set(sheet, cells);
  }
  return out;
}

/** The formula cells of one sheet and their cached results, as formulaResults reads them. */
export function sheetFormulaResults(pkg: WorkbookPackage, sheet: string): Map<string, ReadValue | undefined> {
  const cells = new Map<string, ReadValue | undefined>();
  const xml = pkg.text(pkg.sheetParts.get(sheet));
  if (!xml) return cells;
  for (const m of xml.matchAll(/<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g)) {
    const body = m[2];
    if (body === undefined || !/<(?:\w+:)?f\b/.test(body)) continue;
    const ref = /\br\s*=\s*"([A-Za-z]+\d+)"/.exec(m[1])?.[1];
    if (!ref) continue;
    const type = /\bt\s*=\s*"(\w+)"/.exec(m[1])?.[1] ?? "n";
    const v = /<(?:\w+:)?v\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?v>)/.exec(body);
    cells.set(ref.toUpperCase(), v ? cachedValue(type, unescapeXml(v[1] ?? "")) : undefined);
  }
  return cells;
}

/** A cached formula result by its cell type: n number, str/inlineStr text, b boolean, e error. */
function cachedValue(type: string, text: string): ReadValue {
  if (type === "b") return text === "1" || text.toLowerCase() === "true";
  if (type === "n") {
    if (text.trim() === "") return "";
    const n = Number(text);
    return Number.isFinite(n) ? n : text;
  }
  return text;
}

/** Checks a file's size before it is read into memory. */
export function checkWorkbookSize(file: string, bytes: number): void {
  if (bytes === 0) throw new WorkbookFileError(file, "empty", "文件是空的（0 字节），不是工作簿");
  if (bytes > MAX_WORKBOOK_BYTES) {
    throw new WorkbookFileError(
      file,
      "too-large",
      `文件过大（${megabytes(bytes)}，上限 ${megabytes(MAX_WORKBOOK_BYTES)}）：ZiPing 自评表不足 1 MB，这像是财务系统导出的明细；导出数据请用 ziping import 导入`,
    );
  }
}

function classifyNonZip(file: string, bytes: Uint8Array): never {
  if (latin1(bytes.subarray(0, 8)) === COMPOUND_FILE_SIGNATURE) {
    // An encrypted .xlsx is a compound file holding the streams EncryptionInfo and EncryptedPackage.
    const text = latin1(bytes);
    if (text.includes(utf16le("EncryptedPackage")) || text.includes(utf16le("EncryptionInfo"))) {
      throw new WorkbookFileError(file, "encrypted", "工作簿设有打开密码（已加密），无法读取；请在 Excel/WPS 中取消密码（文件→信息→保护工作簿）后另存为 .xlsx");
    }
    throw new WorkbookFileError(file, "legacy-format", "是旧版 .xls/.et 格式，请在 Excel 或 WPS 中另存为 Excel 工作簿（.xlsx）后再试");
  }
  throw new WorkbookFileError(file, "not-a-workbook", "不是 Excel 工作簿（.xlsx）");
}

/** The workbook part, found the way Office does: through the package relationships. */
function workbookPartPath(text: WorkbookPackage["text"]): string | undefined {
  const rels = text("_rels/.rels");
  const found = rels && relationshipTargets(rels, "").find((r) => /\/officeDocument$/.test(r.type) && text(r.target) !== undefined);
  if (found) return found.target;
  return text("xl/workbook.xml") !== undefined ? "xl/workbook.xml" : undefined;
}

export async function openPackage(file: string, bytes: Uint8Array, inflate: PartsInflater): Promise<WorkbookPackage> {
  checkWorkbookSize(file, bytes.length);
  if (!ZIP_SIGNATURES.includes(latin1(bytes.subarray(0, 4)))) classifyNonZip(file, bytes);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (e) {
    throw new WorkbookFileError(file, "corrupt", `文件已损坏，无法解压（${(e as Error).message}）；请用 Excel/WPS 打开后重新保存`);
  }
  const parts = await inflate(file, zip, MAX_INFLATED_BYTES);
  const notAWorkbook = (): never => {
    const kind = zip.file("word/document.xml") ? "（这是 Word 文档）" : zip.file("ppt/presentation.xml") ? "（这是 PowerPoint 文档）" : "";
    throw new WorkbookFileError(file, "not-a-workbook", `不是 Excel 工作簿（.xlsx）${kind}`);
  };
  const text = partTexts(parts);
  const workbookPath = workbookPartPath(text);
  if (!workbookPath) return notAWorkbook();
  const workbookXml = text(workbookPath)!;
  // The main part of a Word or PowerPoint file is a document or presentation, not a workbook.
  if (!/<(?:\w+:)?workbook\b/.test(workbookXml)) return notAWorkbook();
  const sheetParts = presentSheetParts(file, parts, text, workbookPath, workbookXml);
  return { zip, parts, text, sheetParts, workbookPath, workbookXml, sheetNames: parseSheetNames(workbookXml), names: parseDefinedNames(workbookXml) };
}

/** Parts' texts, each decoded from its bytes once. */
function partTexts(parts: Map<string, Uint8Array>): WorkbookPackage["text"] {
  const decoded = new Map<string, string>();
  return (path) => {
    if (path === undefined) return undefined;
    let text = decoded.get(path);
    if (text === undefined) {
      const bytes = parts.get(path);
      if (bytes === undefined) return undefined;
      text = UTF8.decode(bytes);
      decoded.set(path, text);
    }
    return text;
  };
}

const damaged = (file: string, what: string) =>
  new WorkbookFileError(file, "corrupt", `文件已损坏（${what}）；请用 Excel/WPS 打开后重新保存`);

/**
 * Each sheet's part, refusing a package that lacks one, or whose cells point into a shared-strings
 * table it does not have: read anyway, such a sheet would be empty, or show each label as the
 * number of its missing string (a "44" where 局机关 was), and a check would report on that.
 */
export function presentSheetParts(file: string, parts: Map<string, Uint8Array>, text: WorkbookPackage["text"], workbookPath: string, workbookXml: string): Map<string, string> {
  const rels = text(relsPathOf(workbookPath)) ?? "";
  const out = new Map<string, string>();
  let highest = -1;
  for (const { name, part } of sheetEntries(workbookXml, rels, workbookPath)) {
    const xml = part === undefined ? undefined : parts.get(part);
    if (xml === undefined) throw damaged(file, `缺少工作表“${name}”的内容${part ? `（${part}）` : ""}`);
    out.set(name, part!);
    // Tags and indexes are ASCII: the sheet is scanned as bytes, not decoded (most sheets are never read).
    highest = Math.max(highest, highestSharedStringIndex(latin1(xml)));
  }
  if (highest >= 0) {
    const strings = text(sharedStringsPath(rels, workbookPath));
    if (strings === undefined) throw damaged(file, "缺少共享字符串表 sharedStrings.xml");
    const count = sharedStringCount(strings);
    if (highest >= count) throw damaged(file, `共享字符串表只有 ${count} 项，单元格用到第 ${highest + 1} 项`);
  }
  return out;
}

/**
 * Whether an XML part ends with the closing tag of its root element (a cut-short part does
 * not). Element names are ASCII, so the part's head and tail are looked at as bytes; the part
 * is not decoded.
 */
function endsWhole(xml: Uint8Array): boolean {
  const head = latin1(xml.subarray(0, 4096));
  // The root is the first element after the declaration, processing instructions and comments.
  const root = /^(?:\s|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<![^>]*>)*<((?:[\w.-]+:)?[\w.-]+)[\s/>]/.exec(head.replace(/^\uFEFF|^\xEF\xBB\xBF/, ""));
  if (!root) return false;
  const tail = latin1(xml.subarray(Math.max(0, xml.length - 4096))).trimEnd();
  if (tail.endsWith(`</${root[1]}>`)) return true;
  // A root with nothing in it: <sst/>.
  return tail.endsWith("/>") && xml.length <= 4096 && tail.indexOf("<", tail.indexOf(root[0]) + root[0].length) < 0;
}

/**
 * Refuses a package whose workbook, sheet, shared-strings or styles part is cut short or left
 * unfinished: read anyway, the cells after the cut would be read as empty. (Reading the cells
 * themselves visits only what a read plan needs; this check is what stands in for parsing
 * every part whole.)
 */
export function assertPartsWhole(file: string, pkg: WorkbookPackage): void {
  const rels = pkg.text(relsPathOf(pkg.workbookPath)) ?? "";
  const related = relationshipTargets(rels, pkg.workbookPath).filter((r) => /\/(sharedStrings|styles)$/.test(r.type)).map((r) => r.target);
  for (const path of [pkg.workbookPath, ...pkg.sheetParts.values(), ...related]) {
    const xml = pkg.parts.get(path);
    if (xml !== undefined && !endsWhole(xml)) throw damaged(file, `${path} 不完整`);
  }
}

/**
 * Cells one defined name, data validation or merge may cover before ExcelJS is kept from seeing
 * it. ExcelJS expands each of these into one entry per cell as it loads: a name over the whole
 * sheet (17 billion cells) exhausts any memory. A whole column (1,048,576 cells) is common and
 * kept; this bound is four of them.
 */
export const MAX_RANGE_CELLS = 4 * 1_048_576;

const oversized = (ref: string) => referenceCells(unescapeXml(ref)) > MAX_RANGE_CELLS;

/**
 * The bytes ExcelJS is given: the file as it is, unless a defined name, a data validation or a
 * merge covers more than MAX_RANGE_CELLS; then a copy without those. ZiPing reads the names
 * from workbook.xml itself (and cuts each to its table), and reading needs neither such a
 * validation nor such a merge (the cells it would blank hold nothing).
 */
export async function bytesForExcelJs(pkg: WorkbookPackage, bytes: Buffer): Promise<Buffer> {
  const changed = new Map<string, string>();
  const names = /<(?:\w+:)?definedName\b[^>]*>([^<]*)<\/(?:\w+:)?definedName>/g;
  if ([...pkg.workbookXml.matchAll(names)].some((m) => oversized(m[1]))) {
    changed.set(pkg.workbookPath, pkg.workbookXml.replace(names, (all, ref: string) => (oversized(ref) ? "" : all)));
  }
  for (const part of pkg.sheetParts.values()) {
    const xml = pkg.text(part)!;
    const cleaned = xml
      .replace(/<(?:\w+:)?dataValidation\b[^>]*?\bsqref\s*=\s*"([^"]*)"[^>]*?(?:\/>|>[\s\S]*?<\/(?:\w+:)?dataValidation>)/g, (all, ref: string) => (oversized(ref) ? "" : all))
      .replace(/<(?:\w+:)?mergeCell\b[^>]*?\bref\s*=\s*"([^"]*)"[^>]*?\/>/g, (all, ref: string) => (oversized(ref) ? "" : all));
    if (cleaned !== xml) changed.set(part, cleaned);
  }
  if (!changed.size) return bytes;
  const copy = new JSZip();
  for (const [path, data] of pkg.parts) copy.file(path, changed.get(path) ?? data);
  return copy.generateAsync({ type: "nodebuffer", compression: "STORE" });
}
