import { Dec } from "../money";
import { checkLineCount, GridGuard, type GridLimits } from "./limits";

/**
 * A block of cells as it came in: rows of cell texts, and for each row the 1-based line of
 * the source on which it starts (a quoted cell with line breaks makes a row span lines; for a
 * grid read from a sheet, the sheet's row number). Cells are never trimmed here: indentation
 * is information (类/款/项 levels).
 */
export interface SourceGrid {
  rows: string[][];
  lines: number[];
  /** How the text was split: "\t", ",", ";", "|", "spaces" (runs of 2+ blanks), or "grid" for a sheet. */
  delimiter: Delimiter | "grid";
}

export type Delimiter = "\t" | "," | ";" | "|" | "spaces";

/** A cell counts as empty when it holds nothing but blanks (incl. full-width and zero-width spaces). */
export function isBlank(text: string | undefined): boolean {
  if (text === undefined || text === "") return true;
  // Most cells start with a character no blank can be (every blank is U+00A0, U+1680 or above,
  // or an ASCII control or space): no need to scan them.
  const first = text.charCodeAt(0);
  if (first > 0x20 && first < 0xa0) return false;
  return /^[\s\u200b\ufeff]*$/.test(text);
}

/**
 * Text of a sheet cell as Excel shows its value: numbers with at most 15 significant digits
 * (Excel's own precision, so a stored 0.30000000000000004 reads as 0.3), never exponent
 * notation; booleans as TRUE/FALSE. Going through Dec keeps the digits exact.
 */
export function cellText(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (!Number.isFinite(value)) return String(value);
  return new Dec(value).toSignificantDigits(15, Dec.ROUND_HALF_UP).toFixed();
}

/** A grid from a sheet (or any 2-D array of values): row n is line n. With `limits`, refused past them. */
export function gridFromCells(cells: ReadonlyArray<ReadonlyArray<string | number | boolean | null | undefined>>, limits?: GridLimits): SourceGrid {
  const guard = limits && new GridGuard(limits);
  if (limits && cells.length > limits.rows) guard!.tooManyRows(cells.length);
  const rows = cells.map((row, r) => {
    guard?.row(r + 1, row.length);
    const texts = Array.from(row, (v) => cellText(v));
    if (guard) texts.forEach((t, c) => guard.cell(r + 1, c + 1, t.length));
    return texts;
  });
  return { rows, lines: rows.map((_, i) => i + 1), delimiter: "grid" };
}

const SAMPLE_LINES = 60;
/** Characters of each sampled line the delimiter is judged on: a line of millions of cells needs no full split to show its delimiter. */
const SAMPLE_LINE_CHARS = 64 * 1024;

/**
 * Which delimiter a pasted or exported text uses. A tab anywhere wins (what Excel, WPS and
 * web tables put on the clipboard). Otherwise each candidate splits the first lines, and the
 * one giving the most lines with the same number (≥ 2) of cells wins; "spaces" (columns
 * aligned by runs of blanks, as PDF copies and pdftotext give) competes on the same terms, so
 * "1,299.77  264.05" is not mistaken for CSV.
 */
export function detectDelimiter(text: string): Delimiter {
  const sample = firstLines(text, SAMPLE_LINES);
  if (sample.some((l) => l.includes("\t"))) return "\t";
  const candidates: Delimiter[] = [",", ";", "|", "spaces"];
  let best: Delimiter = ",";
  let bestScore = 0;
  for (const d of candidates) {
    const counts = sample.filter((l) => !isBlank(l)).map((l) => splitLine(l, d).length);
    const score = consistency(counts);
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

function firstLines(text: string, n: number): string[] {
  const out: string[] = [];
  let start = 0;
  while (out.length < n && start <= text.length) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    out.push(text.slice(start, Math.min(end, start + SAMPLE_LINE_CHARS)).replace(/\r$/, ""));
    start = end + 1;
  }
  return out;
}

/** Lines sharing the most common cell count, when that count is at least 2. */
function consistency(counts: number[]): number {
  const freq = new Map<number, number>();
  for (const c of counts) if (c >= 2) freq.set(c, (freq.get(c) ?? 0) + 1);
  let best = 0;
  for (const [count, n] of freq) best = Math.max(best, n + count / 1000);
  return best;
}

/** Quick split of one physical line, for delimiter detection only (quotes respected loosely). */
function splitLine(line: string, d: Delimiter): string[] {
  if (d === "spaces") return splitOnBlankRuns(line);
  return readDelimited(line, d).rows[0] ?? [];
}

/**
 * Columns aligned with blanks: a run of two or more blanks, or any tab or full-width space
 * between two pieces of text, separates cells; a single space stays inside a cell ("公务 接待费"
 * as a PDF breaks it). Leading blanks stay with the first cell as its indentation.
 */
export function splitOnBlankRuns(line: string): string[] {
  const indent = /^[ \u00a0\u3000\t]*/.exec(line)![0];
  const body = line.slice(indent.length).replace(/[ \u00a0\u3000\t]+$/, "");
  if (body === "") return indent === "" ? [] : [indent];
  const cells = body.split(/[ \u00a0]{2,}|[ \u00a0]*[\u3000\t][ \u00a0\u3000\t]*/);
  cells[0] = indent + cells[0];
  return cells;
}

/**
 * Splits delimited text into rows of cells. Quotes follow the clipboard/CSV rules Excel uses:
 * a cell that starts with `"` runs to the matching `"` (one followed by the delimiter or a line
 * break) and may hold delimiters and line breaks; `""` inside it is one quote. A `"` elsewhere
 * is an ordinary character. An opening quote that is never properly closed is taken literally
 * (and once one runs to the end, so is every later one), rather than letting one stray quote
 * swallow the rest of the paste. One pass over the text; cells are slices, never built by
 * repeated concatenation.
 */
export function readDelimited(text: string, delimiter?: Delimiter, limits?: GridLimits): SourceGrid {
  // Too many lines is refused before anything is split.
  if (limits) checkLineCount(text, limits);
  const guard = limits && new GridGuard(limits);
  const d = delimiter ?? detectDelimiter(text);
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (d === "spaces") return readBlankAligned(source, guard);
  const rows: string[][] = [];
  const lines: number[] = [];
  const n = source.length;
  let line = 1;
  let row: string[] = [];
  let rowLine = 1;
  let i = 0;
  const ends = new CellEnds(source, d);
  let quotesUnclosedFrom = Infinity;
  let literalQuoteAt = -1;
  let atRowStart = true;
  while (i <= n) {
    if (atRowStart) {
      rowLine = line;
      atRowStart = false;
    }
    let cell: string;
    if (source[i] === '"' && i < quotesUnclosedFrom && i !== literalQuoteAt) {
      const close = closingQuote(source, i + 1, d);
      if (close < 0) {
        // Re-read this cell with the quote as an ordinary character. Only when no quote at all
        // follows can no later cell be quoted either.
        if (source.indexOf('"', i + 1) < 0) quotesUnclosedFrom = i;
        else literalQuoteAt = i;
        continue;
      }
      const inner = source.slice(i + 1, close).replace(/\r\n/g, "\n");
      line += countNewlines(inner);
      // Anything between the closing quote and the delimiter is kept (lenient, as Excel does).
      const end = ends.from(close + 1);
      cell = inner.replace(/""/g, '"') + source.slice(close + 1, end);
      i = end;
    } else {
      const end = ends.from(i);
      cell = source.slice(i, end);
      i = end;
    }
    row.push(cell.endsWith("\r") ? cell.slice(0, -1) : cell);
    if (guard) {
      guard.cell(rowLine, row.length, cell.length);
      if (row.length > guard.limits.columns) guard.row(rowLine, row.length);
    }
    if (i >= n) {
      // A final line break ends the last row; it does not open an empty one.
      if (!(row.length === 1 && row[0] === "" && rows.length > 0)) pushRow(rows, lines, row, rowLine, guard);
      break;
    }
    if (source[i] === "\n") {
      pushRow(rows, lines, row, rowLine, guard);
      row = [];
      line++;
      atRowStart = true;
    }
    i++;
  }
  return { rows, lines, delimiter: d };
}

function pushRow(rows: string[][], lines: number[], row: string[], line: number, guard?: GridGuard): void {
  guard?.row(line, row.length);
  // An array grown by push keeps room for 17 cells; a copy of a short row holds only its own,
  // which matters at 100,000 rows (the grown one is dropped at once, while it is young).
  rows.push(row.length < 17 ? row.slice() : row);
  lines.push(line);
}

/**
 * Index of the quote closing a quoted cell whose content starts at `from`, or -1. A closing
 * quote is followed by the delimiter, a line break or the end; a lone quote followed by
 * anything else means the opening quote was not quoting at all (a cell that merely starts with
 * “"”), so the cell is read literally rather than running on into the next cells.
 */
function closingQuote(s: string, from: number, d: string): number {
  let k = s.indexOf('"', from);
  while (k >= 0) {
    const next = s[k + 1];
    if (next === '"') {
      k = s.indexOf('"', k + 2);
      continue;
    }
    return next === undefined || next === d || next === "\n" || next === "\r" ? k : -1;
  }
  return -1;
}

/**
 * Where a cell starting at `from` ends: the next delimiter or line break. The reader only moves
 * forward, so the next of each is remembered until passed: a line without the delimiter (a
 * title, a note, a CSV whose later lines have one column) does not send a search to the end of
 * the text for every cell, which made such texts quadratic.
 */
class CellEnds {
  private newline = -2;
  private delimiter = -2;
  constructor(
    private s: string,
    private d: string,
  ) {}
  from(from: number): number {
    if (this.newline !== -1 && this.newline < from) this.newline = this.s.indexOf("\n", from);
    if (this.delimiter !== -1 && this.delimiter < from) this.delimiter = this.s.indexOf(this.d, from);
    const lineEnd = this.newline < 0 ? this.s.length : this.newline;
    return this.delimiter >= 0 && this.delimiter < lineEnd ? this.delimiter : lineEnd;
  }
}

function countNewlines(s: string): number {
  let count = 0;
  for (let k = s.indexOf("\n"); k >= 0; k = s.indexOf("\n", k + 1)) count++;
  return count;
}

function readBlankAligned(source: string, guard?: GridGuard): SourceGrid {
  const rows: string[][] = [];
  const lines: number[] = [];
  let start = 0;
  let line = 1;
  while (start <= source.length) {
    let end = source.indexOf("\n", start);
    if (end < 0) end = source.length;
    const text = source.slice(start, end).replace(/\r$/, "");
    const cells = splitOnBlankRuns(text);
    if (guard) {
      guard.row(line, cells.length);
      cells.forEach((c, k) => guard.cell(line, k + 1, c.length));
    }
    rows.push(cells);
    lines.push(line);
    line++;
    start = end + 1;
  }
  return { rows, lines, delimiter: "spaces" };
}
