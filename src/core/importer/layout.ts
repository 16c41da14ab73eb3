import { parseAmount } from "../money";
import { isBlank, type SourceGrid } from "./grid";
import { isGroupWord, isTotalWord, normalizeLabel, unitInText } from "./normalize";

/**
 * Where the parts of an export are: lines above the header (title, 单位：元, 编制单位), the
 * header block (one to several rows, with 其中： groups), an optional 栏次 row, and the body.
 * Found from the grid alone; which table it is comes later.
 */
export interface Layout {
  preamble: number[];
  header: number[];
  /** 栏次/行次 rows (column numbers under the header): structure, not data. */
  numbering: number[];
  body: number[];
  /** Number of columns: the widest row. */
  width: number;
  /** Per column (0-based): the header text that names it, "" when it has none. */
  leaves: string[];
  /** Per column: the row index of its leaf header cell (-1 when none). */
  leafRows: number[];
}

/** How far down the first data row is looked for; exports put their header near the top. */
const HEADER_SEARCH_ROWS = 40;
const MAX_HEADER_ROWS = 5;

export function isAmountCell(text: string | undefined): boolean {
  return text !== undefined && !isBlank(text) && parseAmount(text).kind === "amount";
}

/** "单位：元", "金额单位：万元": a line above the header, not a header cell. */
function isUnitLine(text: string): boolean {
  return /单位/.test(text) && unitInText(text) !== undefined;
}

function nonBlankCount(row: string[]): number {
  let n = 0;
  for (const c of row) if (!isBlank(c)) n++;
  return n;
}

/** The words a numbering row may hold besides its numbers: 栏次/行次, and 类/款/项 over split 科目编码 columns. */
const NUMBERING_WORDS = new Set(["栏次", "行次"]);
const CODE_PART_WORDS = new Set(["类", "款", "项"]);

/** 类 / 款 / 项: the header of one part of a 科目编码 split over columns. */
export function isCodePartWord(text: string | undefined): boolean {
  return text !== undefined && CODE_PART_WORDS.has(normalizeLabel(text));
}

/**
 * A row of column numbers under the header: "栏次 | 1 | 2 | 3", "类 | 款 | 项 | 栏次 | 1 | 2"
 * (the 决算 software's exports), "a | b | c", or a bare "1 | 2 | 3 | 4" counting up by one.
 */
function isNumberingRow(row: string[]): boolean {
  const cells = row.filter((c) => !isBlank(c)).map((c) => c.normalize("NFKC").trim());
  if (cells.length < 2) return false;
  const words = cells.filter((c) => NUMBERING_WORDS.has(normalizeLabel(c)) || CODE_PART_WORDS.has(normalizeLabel(c)));
  const numbers = cells.filter((c) => /^(?:\d{1,3}|[a-z])$/i.test(c));
  if (words.length + numbers.length !== cells.length || numbers.length === 0) return false;
  if (cells.some((c) => NUMBERING_WORDS.has(normalizeLabel(c))) || /^[a-z]$/i.test(cells[0])) return true;
  // Numbers alone: at least three, counting up by one (a data row of 1, 2, 3 … is not an export's).
  if (words.length || numbers.length < 3) return false;
  return numbers.every((n, k) => k === 0 || Number(n) === Number(numbers[k - 1]) + 1);
}

/**
 * `knownHeaders` holds the normalised names of every column, group and label column of the
 * form: a one-cell row above the data belongs to the header only if it is one of them.
 */
export function findLayout(grid: SourceGrid, knownHeaders: ReadonlySet<string>): Layout {
  const rows = grid.rows;
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS);
  let firstData = -1;
  const numbering: number[] = [];
  for (let r = 0; r < limit; r++) {
    const row = rows[r];
    if (isNumberingRow(row)) {
      numbering.push(r);
      continue;
    }
    if (row.some((c) => isAmountCell(c)) && !row.some(isUnitLine)) {
      firstData = r;
      break;
    }
  }
  if (firstData < 0) {
    // No figures near the top (a text table, or nothing usable): the first row of two or more
    // cells is the header.
    const headerRow = rows.findIndex((r, i) => i < limit && nonBlankCount(r) >= 2 && !r.some(isUnitLine) && !numbering.includes(i));
    if (headerRow < 0) return emptyLayout(rows.length, width);
    firstData = headerRow + 1;
    while (firstData < rows.length && numbering.includes(firstData)) firstData++;
  }

  const header: number[] = [];
  for (let r = firstData - 1; r >= 0 && header.length < MAX_HEADER_ROWS; r--) {
    if (numbering.includes(r)) continue;
    const row = rows[r];
    const count = nonBlankCount(row);
    if (count === 0) break;
    if (row.some(isUnitLine)) break;
    if (count === 1) {
      const only = row.find((c) => !isBlank(c))!;
      if (!isGroupWord(only) && !knownHeaders.has(normalizeLabel(only))) break;
    }
    header.unshift(r);
  }
  const top = header.length ? header[0] : firstData;
  const preamble: number[] = [];
  for (let r = 0; r < top; r++) if (!numbering.includes(r)) preamble.push(r);
  const numberingInBlock = numbering.filter((r) => r >= top && r < firstData);
  const body: number[] = [];
  for (let r = firstData; r < rows.length; r++) if (!numbering.includes(r)) body.push(r);

  const leaves: string[] = [];
  const leafRows: number[] = [];
  for (let c = 0; c < width; c++) {
    // "类 | 款 | 项" in the numbering row under a merged 科目编码 names the parts of the code.
    const part = numberingInBlock.find((r) => isCodePartWord(rows[r][c]));
    const { text, row } = part !== undefined ? { text: rows[part][c], row: part } : leafOf(rows, header, c);
    leaves.push(text);
    leafRows.push(row);
  }
  return { preamble, header, numbering: [...numbering.filter((r) => r < top), ...numberingInBlock], body, width, leaves, leafRows };
}

function emptyLayout(rowCount: number, width: number): Layout {
  return {
    preamble: [],
    header: [],
    numbering: [],
    body: Array.from({ length: rowCount }, (_, i) => i),
    width,
    leaves: new Array<string>(width).fill(""),
    leafRows: new Array<number>(width).fill(-1),
  };
}

/**
 * The header text naming column c: its lowest non-empty header cell that is not a bare
 * 其中：. A bare 合计/小计 under a group ("基本支出" over "小计 | 人员经费 | 公用经费") is read
 * together with the group above it.
 */
function leafOf(rows: string[][], header: number[], c: number): { text: string; row: number } {
  for (let k = header.length - 1; k >= 0; k--) {
    const text = rows[header[k]][c];
    if (isBlank(text) || isGroupWord(text!)) continue;
    if (isTotalWord(normalizeLabel(text!))) {
      for (let up = k - 1; up >= 0; up--) {
        const above = rows[header[up]][c];
        if (!isBlank(above) && !isGroupWord(above!)) return { text: `${above!.trim()}${text!.trim()}`, row: header[k] };
      }
    }
    return { text: text!, row: header[k] };
  }
  return { text: "", row: -1 };
}
