/**
 * The results of a workbook's formulas, computed the way Excel computes them (evaluate.ts), for
 * a writer that stores each formula with its cached result: readers that do not recalculate
 * (ZiPing's own check, previewers, some WPS modes) then see the figures and verdicts.
 */
import { evaluateFormula, type EvalHost, type RangeValue } from "./evaluate";
import { parseFormula } from "./parse";
import type { CellResult, Scalar } from "./values";

/** A cell as written: a constant, or a formula (with or without its leading "="). */
export type GridCell = { value: Scalar } | { formula: string };

const key = (row: number, column: number): string => `${row}:${column}`;

export class FormulaGrid implements EvalHost {
  private readonly sheets = new Map<string, Map<string, GridCell>>();
  private readonly results = new Map<GridCell, CellResult>();
  private readonly evaluating = new Set<GridCell>();

  set(sheet: string, row: number, column: number, cell: GridCell): void {
    let cells = this.sheets.get(sheet);
    if (!cells) this.sheets.set(sheet, (cells = new Map()));
    cells.set(key(row, column), cell);
  }

  cellValue(sheet: string, row: number, column: number): CellResult {
    const cells = this.sheets.get(sheet);
    if (!cells) return { error: "#REF!" };
    const cell = cells.get(key(row, column));
    if (!cell) return null;
    if (!("formula" in cell)) return cell.value === "" ? null : cell.value;
    const known = this.results.get(cell);
    if (known !== undefined) return known;
    // A circular reference evaluates to 0, as Excel shows it.
    if (this.evaluating.has(cell)) return 0;
    this.evaluating.add(cell);
    try {
      const text = cell.formula.startsWith("=") ? cell.formula : `=${cell.formula}`;
      const value = evaluateFormula(this, parseFormula(text), { sheet });
      this.results.set(cell, value);
      return value;
    } finally {
      this.evaluating.delete(cell);
    }
  }

  /** The template's formulas read cells, never defined names. */
  resolveName(): RangeValue | CellResult | undefined {
    return undefined;
  }
}
