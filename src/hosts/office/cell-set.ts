/** A set of cells of one sheet, stored as column runs per row (a table row is one run, not one entry per cell). */
export class CellSet {
  private readonly rows = new Map<number, Array<[number, number]>>();

  /** Adds columns left..right of `row`. */
  add(row: number, left: number, right = left): void {
    let runs = this.rows.get(row);
    if (!runs) this.rows.set(row, (runs = []));
    runs.push([left, right]);
  }

  has(row: number, column: number): boolean {
    const runs = this.rows.get(row);
    if (!runs) return false;
    for (const [left, right] of runs) if (column >= left && column <= right) return true;
    return false;
  }

  hasRow(row: number): boolean {
    return this.rows.has(row);
  }

  /** The rightmost column held, 0 when empty. */
  right(): number {
    let out = 0;
    for (const runs of this.rows.values()) for (const [, right] of runs) out = Math.max(out, right);
    return out;
  }

  /** Every cell held (a cell added twice comes once). */
  *cells(): Generator<{ row: number; column: number }> {
    for (const [row, runs] of this.rows) {
      const seen = new Set<number>();
      for (const [left, right] of runs) {
        for (let column = left; column <= right; column++) {
          if (seen.has(column)) continue;
          seen.add(column);
          yield { row, column };
        }
      }
    }
  }
}
