/**
 * How large an export an import takes. A department's ledger is thousands of lines; the limits
 * leave room for a whole 财政 system export and refuse what would only exhaust memory (a
 * 50 MB line of commas, a million-row sheet, a cell of fifty million digits) before the cells
 * are built. Columns and cell length are Excel's own limits; rows are what an import plans in
 * well under a minute and 2 GB (measured in README, 性能).
 */
export interface GridLimits {
  rows: number;
  columns: number;
  /** Characters in one cell. */
  cellChars: number;
  /** Cells in all, empty ones included (a grid holds each). */
  cells: number;
}

export const IMPORT_LIMITS: GridLimits = { rows: 200_000, columns: 16_384, cellChars: 32_767, cells: 4_000_000 };

const count = (n: number) => n.toLocaleString("en-US");

/** An export beyond a limit; the message says which, where and by how much, in Chinese. */
export class GridLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "GridLimitError";
  }
}

export function tooManyRows(rows: number, limits: GridLimits, what = "行"): GridLimitError {
  return new GridLimitError(`共 ${count(rows)} ${what}，超过导入上限 ${count(limits.rows)} 行`);
}

/**
 * Watches a grid as it is built, row by row, and throws at the first limit passed, so a hostile
 * export costs no more than the limit.
 */
export class GridGuard {
  private cells = 0;
  constructor(readonly limits: GridLimits) {}

  tooManyRows(rows: number): never {
    throw tooManyRows(rows, this.limits);
  }

  row(line: number, cells: number): void {
    if (cells > this.limits.columns) throw new GridLimitError(`第 ${count(line)} 行有 ${count(cells)} 列以上，超过上限 ${count(this.limits.columns)} 列`);
    this.cells += cells;
    if (this.cells > this.limits.cells) throw new GridLimitError(`到第 ${count(line)} 行已有 ${count(this.cells)} 格，超过导入上限 ${count(this.limits.cells)} 格`);
  }

  /** A cell placed at `column` of `line` in a grid that grows to hold it, `added` cells longer. */
  placed(line: number, column: number, added: number): void {
    if (column > this.limits.columns) this.row(line, column);
    if (line > this.limits.rows) this.tooManyRows(line);
    this.cells += added;
    if (this.cells > this.limits.cells) throw new GridLimitError(`到第 ${count(line)} 行已有 ${count(this.cells)} 格，超过导入上限 ${count(this.limits.cells)} 格`);
  }

  cell(line: number, column: number, chars: number): void {
    if (chars > this.limits.cellChars) {
      throw new GridLimitError(`第 ${count(line)} 行第 ${count(column)} 列有 ${count(chars)} 个字符，超过单元格上限 ${count(this.limits.cellChars)} 个字符`);
    }
  }
}

/** Refuses a text of more lines than the row limit, before it is split (a final line break opens no line). */
export function checkLineCount(text: string, limits: GridLimits): void {
  let lines = 1;
  for (let at = text.indexOf("\n"); at >= 0 && at < text.length - 1; at = text.indexOf("\n", at + 1)) lines++;
  if (lines > limits.rows) throw tooManyRows(lines, limits);
}
