/**
 * Cell values of a legacy .xls (BIFF8, Excel 97–2003), which 部门决算 and older ledger software
 * still export. Only what an import needs is read: sheet names, the shared string table, and
 * the value records of one worksheet (text, numbers, RK numbers, booleans/errors, and the cached
 * results of formulas). The compound-file container is opened with `cfb` (SheetJS's CFB
 * reader, current on npm); the BIFF records are read here.
 *
 * Why not SheetJS `xlsx` itself: the npm package is stuck at 0.18.5, which carries published
 * advisories for exactly this use, parsing files from elsewhere (prototype pollution, fixed in
 * 0.19.3; ReDoS, fixed in 0.20.2), and its fixed releases are not on npm; third-party
 * republishes cannot be verified here. A value reader for BIFF8 is small and has no such surface.
 *
 * Plain Uint8Array and DataView, no Node Buffer: the pane reads a picked .xls with the same code.
 */
import CFB from "cfb";
import { GridGuard, GridLimitError, IMPORT_LIMITS, type GridLimits } from "../core/importer";
import { Dec } from "../core/money";
import { ExportFileError } from "./errors";

type Cell = string | number | boolean;

const RT = {
  BOF: 0x0809,
  EOF: 0x000a,
  FILEPASS: 0x002f,
  BOUNDSHEET: 0x0085,
  SST: 0x00fc,
  CONTINUE: 0x003c,
  LABELSST: 0x00fd,
  LABEL: 0x0204,
  NUMBER: 0x0203,
  RK: 0x027e,
  MULRK: 0x00bd,
  FORMULA: 0x0006,
  STRING: 0x0207,
  BOOLERR: 0x0205,
} as const;

interface RecordAt {
  type: number;
  offset: number;
  data: Bytes;
}

/** A slice of the stream with little-endian readers (what Node's Buffer gave, in any browser). */
class Bytes {
  private view: DataView;
  constructor(readonly raw: Uint8Array) {
    this.view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  }
  get length(): number {
    return this.raw.length;
  }
  at(i: number): number {
    return this.raw[i];
  }
  u16(i: number): number {
    return this.view.getUint16(i, true);
  }
  u32(i: number): number {
    return this.view.getUint32(i, true);
  }
  f64(i: number): number {
    return this.view.getFloat64(i, true);
  }
  from(start: number, end?: number): Bytes {
    return new Bytes(this.raw.subarray(start, end));
  }
}

const UTF16 = new TextDecoder("utf-16le");

/** BIFF's "compressed" characters: each byte is a UTF-16 code unit below 256 (not windows-1252). */
function latin1(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 8192) out += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return out;
}

/** Records in order, each with the stream offset of its header (BOUNDSHEET points at those). */
function records(stream: Bytes, from: number): RecordAt[] {
  const out: RecordAt[] = [];
  let pos = from;
  while (pos + 4 <= stream.length) {
    const type = stream.u16(pos);
    const size = stream.u16(pos + 2);
    if (pos + 4 + size > stream.length) break;
    out.push({ type, offset: pos, data: stream.from(pos + 4, pos + 4 + size) });
    pos += 4 + size;
    if (type === RT.EOF && from > 0) break;
  }
  return out;
}

/**
 * Reads BIFF8 strings that may run across CONTINUE records: at each record boundary inside a
 * string's characters the next record starts with a fresh "high byte" flag.
 */
class ChunkReader {
  private chunk = 0;
  private pos = 0;
  constructor(private chunks: Bytes[]) {}
  private ensure(): void {
    while (this.chunk < this.chunks.length && this.pos >= this.chunks[this.chunk].length) {
      this.chunk++;
      this.pos = 0;
    }
    if (this.chunk >= this.chunks.length) throw new Error("字符串超出记录末尾");
  }
  u8(): number {
    this.ensure();
    return this.chunks[this.chunk].at(this.pos++);
  }
  u16(): number {
    return this.u8() | (this.u8() << 8);
  }
  u32(): number {
    return (this.u16() | (this.u16() << 16)) >>> 0;
  }
  skip(n: number): void {
    for (let left = n; left > 0; ) {
      this.ensure();
      const take = Math.min(left, this.chunks[this.chunk].length - this.pos);
      this.pos += take;
      left -= take;
    }
  }
  /** `count` characters, 1 or 2 bytes each as the flag says, re-reading the flag at a boundary. */
  chars(count: number, highByte: boolean): string {
    const parts: string[] = [];
    let wide = highByte;
    let left = count;
    while (left > 0) {
      if (this.chunk < this.chunks.length && this.pos >= this.chunks[this.chunk].length) {
        this.chunk++;
        this.pos = 0;
        if (this.chunk >= this.chunks.length) throw new Error("字符串超出记录末尾");
        wide = (this.chunks[this.chunk].at(this.pos++) & 1) === 1;
      }
      this.ensure();
      const buf = this.chunks[this.chunk];
      const width = wide ? 2 : 1;
      const take = Math.min(left, Math.floor((buf.length - this.pos) / width));
      if (take <= 0) throw new Error("字符串记录损坏");
      const slice = buf.raw.subarray(this.pos, this.pos + take * width);
      parts.push(wide ? UTF16.decode(slice) : latin1(slice));
      this.pos += take * width;
      left -= take;
    }
    return parts.join("");
  }
  /** XLUnicodeRichExtendedString (SST entries) or XLUnicodeString (LABEL, STRING). */
  string(rich: boolean): string {
    const count = this.u16();
    const flags = this.u8();
    const runs = rich && flags & 0x08 ? this.u16() : 0;
    const ext = rich && flags & 0x04 ? this.u32() : 0;
    const text = this.chars(count, (flags & 1) === 1);
    this.skip(runs * 4 + ext);
    return text;
  }
}

/** RK: a 30-bit integer or the top of a double, optionally ×1/100. The integer case stays exact text. */
function rkValue(rk: number): Cell {
  const scaled = (rk & 1) === 1;
  if ((rk & 2) === 2) {
    const integer = rk >> 2;
    return scaled ? new Dec(integer).div(100).toFixed() : integer;
  }
  const view = new DataView(new ArrayBuffer(8));
  view.setUint32(4, (rk & 0xfffffffc) >>> 0, true);
  const value = view.getFloat64(0, true);
  return scaled ? new Dec(value).div(100).toSignificantDigits(15).toFixed() : value;
}

const ERRORS: Record<number, string> = { 0x00: "#NULL!", 0x07: "#DIV/0!", 0x0f: "#VALUE!", 0x17: "#REF!", 0x1d: "#NAME?", 0x24: "#NUM!", 0x2a: "#N/A" };

interface SheetEntry {
  name: string;
  offset: number;
  isWorksheet: boolean;
}

/** Continuation records following record i, with it. */
function withContinues(list: RecordAt[], i: number): { chunks: Bytes[]; next: number } {
  const chunks = [list[i].data];
  let k = i + 1;
  while (k < list.length && list[k].type === RT.CONTINUE) chunks.push(list[k++].data);
  return { chunks, next: k };
}

function readSheet(stream: Bytes, offset: number, sst: string[], limits: GridLimits): Cell[][] {
  const rows: Cell[][] = [];
  // A record may put a cell at column 65,535 of row 65,535: the grid grows only within the limits.
  const guard = new GridGuard(limits);
  const put = (r: number, c: number, v: Cell) => {
    guard.placed(r + 1, c + 1, Math.max(0, r + 1 - rows.length) + Math.max(0, c + 1 - (rows[r]?.length ?? 0)));
    if (typeof v === "string") guard.cell(r + 1, c + 1, v.length);
    while (rows.length <= r) rows.push([]);
    const row = rows[r];
    while (row.length < c) row.push("");
    row[c] = v;
  };
  const list = records(stream, offset);
  let pendingFormula: { r: number; c: number } | undefined;
  for (let i = 0; i < list.length; i++) {
    const { type, data } = list[i];
    if (data.length < 6 && type !== RT.STRING && type !== RT.EOF && type !== RT.BOF) continue;
    switch (type) {
      case RT.LABELSST:
        put(data.u16(0), data.u16(2), sst[data.u32(6)] ?? "");
        break;
      case RT.LABEL: {
        const { chunks } = withContinues(list, i);
        chunks[0] = chunks[0].from(6);
        put(data.u16(0), data.u16(2), new ChunkReader(chunks).string(false));
        break;
      }
      case RT.NUMBER:
        put(data.u16(0), data.u16(2), data.f64(6));
        break;
      case RT.RK:
        put(data.u16(0), data.u16(2), rkValue(data.u32(6)));
        break;
      case RT.MULRK: {
        const r = data.u16(0);
        const first = data.u16(2);
        const count = (data.length - 6) / 6;
        for (let k = 0; k < count; k++) put(r, first + k, rkValue(data.u32(4 + k * 6 + 2)));
        break;
      }
      case RT.BOOLERR: {
        const value = data.at(6);
        put(data.u16(0), data.u16(2), data.at(7) === 1 ? (ERRORS[value] ?? "#ERROR") : value === 1);
        break;
      }
      case RT.FORMULA: {
        const r = data.u16(0);
        const c = data.u16(2);
        if (data.u16(12) !== 0xffff) {
          put(r, c, data.f64(6));
          break;
        }
        // A non-number result: string (in the STRING record that follows), boolean, error, or "".
        const kind = data.at(6);
        if (kind === 0) pendingFormula = { r, c };
        else if (kind === 1) put(r, c, data.at(8) === 1);
        else if (kind === 2) put(r, c, ERRORS[data.at(8)] ?? "#ERROR");
        break;
      }
      case RT.STRING: {
        if (!pendingFormula) break;
        const { chunks } = withContinues(list, i);
        put(pendingFormula.r, pendingFormula.c, new ChunkReader(chunks).string(false));
        pendingFormula = undefined;
        break;
      }
      default:
        break;
    }
  }
  return rows;
}

/** Reads one worksheet of a BIFF8 .xls as rows of cell values (0-based, ragged). */
export function readXls(path: string, bytes: Uint8Array, sheetName?: string, limits: GridLimits = IMPORT_LIMITS): { rows: Cell[][]; sheet: string } {
  let stream: Bytes;
  try {
    const container = CFB.read(bytes, { type: "array" });
    const entry = CFB.find(container, "Workbook");
    if (!entry) {
      const old = CFB.find(container, "Book");
      throw new ExportFileError(
        old ? `${path}: 这是 Excel 5.0/95 格式的 .xls，请在 Excel/WPS 中另存为 .xlsx 后再导入` : `${path}: 不是 Excel 工作簿（.xls 中没有 Workbook 数据流）`,
      );
    }
    stream = new Bytes(Uint8Array.from(entry.content as ArrayLike<number>));
  } catch (e) {
    if (e instanceof ExportFileError) throw e;
    throw new ExportFileError(`${path}: 无法读取 .xls（${(e as Error).message}）`);
  }
  try {
    const globals = records(stream, 0);
    const sheets: SheetEntry[] = [];
    let sst: string[] = [];
    for (let i = 0; i < globals.length; i++) {
      const { type, data } = globals[i];
      if (type === RT.EOF) break;
      if (type === RT.FILEPASS) throw new ExportFileError(`${path}: 工作簿已加密，请先在 Excel/WPS 中取消密码`);
      if (type === RT.BOUNDSHEET) {
        const reader = new ChunkReader([data.from(6)]);
        const count = reader.u8();
        const flags = reader.u8();
        sheets.push({ name: reader.chars(count, (flags & 1) === 1), offset: data.u32(0), isWorksheet: data.at(5) === 0 });
      }
      if (type === RT.SST) {
        const { chunks } = withContinues(globals, i);
        const reader = new ChunkReader(chunks);
        reader.u32();
        const unique = reader.u32();
        sst = [];
        for (let k = 0; k < unique; k++) sst.push(reader.string(true));
      }
    }
    const worksheets = sheets.filter((s) => s.isWorksheet);
    const candidates = sheetName === undefined ? worksheets : worksheets.filter((s) => s.name === sheetName);
    if (!candidates.length) {
      throw new ExportFileError(
        sheetName === undefined ? `${path}: 工作簿中没有工作表` : `${path}: 没有名为“${sheetName}”的工作表（有：${worksheets.map((s) => s.name).join("、")}）`,
      );
    }
    for (const s of candidates) {
      const rows = readSheet(stream, s.offset, sst, limits);
      if (rows.some((r) => r.some((v) => v !== ""))) return { rows, sheet: s.name };
    }
    return { rows: [], sheet: candidates[0].name };
  } catch (e) {
    if (e instanceof ExportFileError) throw e;
    if (e instanceof GridLimitError) throw new ExportFileError(`${path}: ${e.message}`);
    throw new ExportFileError(`${path}: .xls 文件损坏或格式不支持（${(e as Error).message}）`);
  }
}
