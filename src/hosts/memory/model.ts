/**
 * The workbook itself, as plain data with Excel's rules for the operations ZiPing performs.
 * The proxy layer (proxies.ts) queues calls against it and runs them at context.sync(), as
 * Office.js does; the user's own edits (userEdit) go straight to it.
 */
import { emptyCell, interpretInput, isEmptyCell, type Cell, type CellError, type CellResult, type Interpreted } from "./cells";
import { displayText } from "./display";
import { MemoryOfficeError } from "./errors";
import { dropSheetFromFormula, renameSheetInFormula, shiftArea, shiftFormula, type RowShift } from "./formula/adjust";
import { evaluateFormula, type EvalHost, type RangeValue } from "./formula/evaluate";
import { parseFormula, type Node } from "./formula/parse";
import { FormulaSyntaxError } from "./formula/tokens";
import { cellKey, MAX_COLUMN, parseArea, type Area } from "./refs";

export interface ConditionalFormatModel {
  id: number;
  area: Area;
  /** Custom rule formula, relative to the area's top-left cell. */
  formula: string;
  fill?: string;
  fontColor?: string;
}

export interface NameModel {
  name: string;
  /** "=收入!$A$6:$G$7", or a constant such as ="yueyang-self-eval@1". */
  formula: string;
  comment: string;
  visible: boolean;
}

export interface Change {
  sheetId: string;
  area: Area;
  changeType: "RangeEdited" | "RowInserted" | "RowDeleted";
}

let nextSheetId = 1;

export class SheetModel {
  readonly id = `{memory-sheet-${nextSheetId++}}`;
  readonly cells = new Map<string, Cell>();
  merges: Area[] = [];
  /** Column widths in points, by 1-based column. */
  readonly columnWidths = new Map<number, number>();
  freeze?: { rows: number; columns: number };
  readonly hiddenColumns = new Set<number>();
  conditionalFormats: ConditionalFormatModel[] = [];
  visibility: "Visible" | "Hidden" = "Visible";

  constructor(public name: string) {}

  get(row: number, column: number): Cell | undefined {
    return this.cells.get(cellKey(row, column));
  }

  ensure(row: number, column: number): Cell {
    const key = cellKey(row, column);
    let cell = this.cells.get(key);
    if (!cell) {
      cell = emptyCell();
      this.cells.set(key, cell);
    }
    return cell;
  }

  /** Rows that hold anything (value, formula or format), for used-range style scans. */
  lastUsedRow(): number {
    let last = 0;
    for (const key of this.cells.keys()) last = Math.max(last, Number(key.split(",")[0]));
    return last;
  }
}

const SHEET_NAME_FORBIDDEN = /[:\\/?*[\]]/;

export class WorkbookModel implements EvalHost {
  readonly sheets: SheetModel[] = [];
  readonly names = new Map<string, NameModel>();
  private generation = 0;
  private cacheGeneration = -1;
  private readonly valueCache = new Map<string, CellResult>();
  private readonly evaluating = new Set<string>();
  private readonly parsed = new Map<string, Node>();
  private nextFormatId = 1;
  /** Changes since the last drain, for onChanged events. */
  private changes: Change[] = [];

  touch(): void {
    this.generation++;
  }

  // ---- sheets --------------------------------------------------------------------------

  sheetByName(name: string): SheetModel | undefined {
    const wanted = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === wanted);
  }

  sheetById(id: string): SheetModel | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  /** Worksheet names: at most 31 characters, none of : \ / ? * [ ], unique ignoring case. */
  private checkSheetName(name: string, except?: SheetModel): void {
    if (!name || name.length > 31 || SHEET_NAME_FORBIDDEN.test(name) || /^'|'$/.test(name)) {
      throw new MemoryOfficeError("InvalidArgument", `The sheet name '${name}' is not valid.`);
    }
    const clash = this.sheetByName(name);
    if (clash && clash !== except) throw new MemoryOfficeError("ItemAlreadyExists", `A sheet named '${name}' already exists.`);
  }

  addSheet(name?: string): SheetModel {
    let chosen = name;
    if (chosen === undefined) {
      let n = this.sheets.length + 1;
      while (this.sheetByName(`Sheet${n}`)) n++;
      chosen = `Sheet${n}`;
    }
    this.checkSheetName(chosen);
    const sheet = new SheetModel(chosen);
    this.sheets.push(sheet);
    this.touch();
    return sheet;
  }

  renameSheet(sheet: SheetModel, name: string): void {
    if (sheet.name === name) return;
    this.checkSheetName(name, sheet);
    const from = sheet.name;
    sheet.name = name;
    this.rewriteAllFormulas((f) => renameSheetInFormula(f, from, name));
    this.touch();
  }

  deleteSheet(sheet: SheetModel): void {
    if (this.sheets.length === 1) throw new MemoryOfficeError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    this.rewriteAllFormulas((f) => dropSheetFromFormula(f, sheet.name));
    this.touch();
  }

  private rewriteAllFormulas(change: (formula: string, ownSheet?: SheetModel) => string): void {
    for (const s of this.sheets) {
      for (const cell of s.cells.values()) if (cell.formula) cell.formula = change(cell.formula, s);
      for (const cf of s.conditionalFormats) cf.formula = change(cf.formula, s);
    }
    for (const n of this.names.values()) n.formula = change(n.formula);
  }

  // ---- names ---------------------------------------------------------------------------

  getName(name: string): NameModel | undefined {
    return this.names.get(name.toUpperCase());
  }

  /** Workbook-scoped names: letters, digits, _ . \; not a cell address; unique ignoring case. */
  addName(name: string, formula: string, comment = ""): NameModel {
    if (!/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || /^[RrCc]$/.test(name)) {
      throw new MemoryOfficeError("InvalidArgument", `The name '${name}' is not valid.`);
    }
    if (this.getName(name)) throw new MemoryOfficeError("ItemAlreadyExists", `The name '${name}' already exists.`);
    const model: NameModel = { name, formula: formula.startsWith("=") ? formula : `=${formula}`, comment, visible: true };
    this.names.set(name.toUpperCase(), model);
    this.touch();
    return model;
  }

  deleteName(name: string): void {
    this.names.delete(name.toUpperCase());
    this.touch();
  }

  /** The single range a name refers to, or undefined (a constant, or #REF! after a deletion). */
  nameRange(name: NameModel): { sheet: SheetModel; area: Area } | undefined {
    const area = parseArea(name.formula);
    if (!area?.sheet) return undefined;
    const sheet = this.sheetByName(area.sheet);
    return sheet ? { sheet, area } : undefined;
  }

  // ---- values and formulas -------------------------------------------------------------

  parse(formula: string): Node {
    let node = this.parsed.get(formula);
    if (!node) {
      node = parseFormula(formula);
      this.parsed.set(formula, node);
    }
    return node;
  }

  /** Throws InvalidArgument for input Excel would reject ("=1+", "+86 0730"). */
  checkInput(interpreted: Interpreted): void {
    if (interpreted.kind !== "formula") return;
    try {
      this.parse(interpreted.formula);
    } catch (e) {
      if (e instanceof FormulaSyntaxError) {
        throw new MemoryOfficeError("InvalidArgument", `There's a problem with this formula: ${interpreted.formula}`);
      }
      throw e;
    }
  }

  /** Writes one input value into a cell as Excel interprets it. */
  writeInput(sheet: SheetModel, row: number, column: number, input: unknown): void {
    const cell = sheet.ensure(row, column);
    const interpreted = interpretInput(input, cell.numberFormat);
    this.checkInput(interpreted);
    if (interpreted.kind === "formula") {
      cell.formula = interpreted.formula;
      cell.value = null;
      cell.quotePrefix = false;
    } else {
      cell.formula = undefined;
      cell.value = interpreted.value;
      cell.quotePrefix = interpreted.quotePrefix ?? false;
      if (interpreted.numberFormat) cell.numberFormat = interpreted.numberFormat;
    }
    this.touch();
  }

  clearContents(sheet: SheetModel, area: Area): void {
    for (let r = area.top; r <= area.bottom; r++) {
      for (let c = area.left; c <= area.right; c++) {
        const cell = sheet.get(r, c);
        if (cell) {
          cell.value = null;
          cell.formula = undefined;
          cell.quotePrefix = false;
        }
      }
    }
    this.touch();
  }

  cellValue(sheetName: string, row: number, column: number): CellResult {
    const sheet = this.sheetByName(sheetName);
    if (!sheet) return { error: "#REF!" } satisfies CellError;
    return this.valueOf(sheet, row, column);
  }

  valueOf(sheet: SheetModel, row: number, column: number): CellResult {
    const cell = sheet.get(row, column);
    if (!cell) return null;
    if (cell.formula === undefined) return cell.value === "" ? null : cell.value;
    if (this.cacheGeneration !== this.generation) {
      this.valueCache.clear();
      this.cacheGeneration = this.generation;
    }
    const key = `${sheet.id}|${row},${column}`;
    const cached = this.valueCache.get(key);
    if (cached !== undefined) return cached;
    // A circular reference evaluates to 0 (Excel warns and shows 0).
    if (this.evaluating.has(key)) return 0;
    this.evaluating.add(key);
    try {
      const v = evaluateFormula(this, this.parse(cell.formula), { sheet: sheet.name });
      this.valueCache.set(key, v);
      return v;
    } finally {
      this.evaluating.delete(key);
    }
  }

  textOf(sheet: SheetModel, row: number, column: number): string {
    return displayText(this.valueOf(sheet, row, column), sheet.get(row, column)?.numberFormat ?? "General");
  }

  resolveName(name: string): RangeValue | CellResult | undefined {
    const model = this.getName(name);
    if (!model) return undefined;
    const target = this.nameRange(model);
    if (target) return { range: true, sheet: target.sheet.name, area: target.area };
    try {
      return evaluateFormula(this, this.parse(model.formula), { sheet: this.sheets[0]?.name ?? "" });
    } catch {
      return { error: "#REF!" };
    }
  }

  /** Evaluates a conditional format's rule for one cell of its area. */
  conditionalFormatHolds(sheet: SheetModel, cf: ConditionalFormatModel, row: number, column: number): boolean {
    const v = evaluateFormula(this, this.parse(cf.formula), {
      sheet: sheet.name,
      rowOffset: row - cf.area.top,
      columnOffset: column - cf.area.left,
    });
    return v === true || (typeof v === "number" && v !== 0);
  }

  addConditionalFormat(sheet: SheetModel, area: Area): ConditionalFormatModel {
    const cf: ConditionalFormatModel = { id: this.nextFormatId++, area, formula: "=FALSE" };
    sheet.conditionalFormats.push(cf);
    return cf;
  }

  // ---- structure -----------------------------------------------------------------------

  /**
   * Inserts `count` rows at `at` in columns left..right, shifting cells down. New cells take the
   * format of the cell above them, as Excel's default "Format Same As Above" does.
   */
  insertRows(sheet: SheetModel, at: number, count: number, left = 1, right = MAX_COLUMN): void {
    const moved: Array<[number, number, Cell]> = [];
    for (const [key, cell] of sheet.cells) {
      const [r, c] = key.split(",").map(Number);
      if (r >= at && c >= left && c <= right) moved.push([r, c, cell]);
    }
    for (const [r, c] of moved) sheet.cells.delete(cellKey(r, c));
    for (const [r, c, cell] of moved) sheet.cells.set(cellKey(r + count, c), cell);
    if (at > 1) {
      for (const [key, cell] of [...sheet.cells]) {
        const [r, c] = key.split(",").map(Number);
        if (r !== at - 1 || c < left || c > right) continue;
        for (let k = 0; k < count; k++) {
          sheet.cells.set(cellKey(at + k, c), { value: null, numberFormat: cell.numberFormat, format: structuredClone(cell.format) });
        }
      }
    }
    this.applyShift(sheet, { sheet: sheet.name, kind: "insert", at, count, left, right });
    this.changes.push({ sheetId: sheet.id, area: { top: at, bottom: at + count - 1, left, right }, changeType: "RowInserted" });
  }

  deleteRows(sheet: SheetModel, at: number, count: number, left = 1, right = MAX_COLUMN): void {
    const last = at + count - 1;
    const moved: Array<[number, number, Cell]> = [];
    for (const [key, cell] of [...sheet.cells]) {
      const [r, c] = key.split(",").map(Number);
      if (c < left || c > right || r < at) continue;
      sheet.cells.delete(key);
      if (r > last) moved.push([r, c, cell]);
    }
    for (const [r, c, cell] of moved) sheet.cells.set(cellKey(r - count, c), cell);
    this.applyShift(sheet, { sheet: sheet.name, kind: "delete", at, count, left, right });
    this.changes.push({ sheetId: sheet.id, area: { top: at, bottom: last, left, right }, changeType: "RowDeleted" });
  }

  private applyShift(sheet: SheetModel, shift: RowShift): void {
    this.rewriteAllFormulas((f, own) => shiftFormula(f, own?.name, shift));
    sheet.merges = sheet.merges.flatMap((m) => {
      const next = shiftArea(m, shift);
      return next && !(next.top === next.bottom && next.left === next.right) ? [next] : [];
    });
    sheet.conditionalFormats = sheet.conditionalFormats.flatMap((cf) => {
      const area = shiftArea(cf.area, shift);
      return area ? [{ ...cf, area }] : [];
    });
    this.touch();
  }

  // ---- merges --------------------------------------------------------------------------

  /**
   * Range.merge: "Merge the range cells into one region in the worksheet" — the top-left value
   * is kept and the other cells are cleared, as Excel does
   * (https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-merge-member(1)).
   */
  merge(sheet: SheetModel, area: Area, across = false): void {
    const areas = across
      ? Array.from({ length: area.bottom - area.top + 1 }, (_, i) => ({ ...area, top: area.top + i, bottom: area.top + i }))
      : [area];
    for (const a of areas) {
      if (a.top === a.bottom && a.left === a.right) continue;
      sheet.merges = sheet.merges.filter((m) => !(m.top <= a.bottom && a.top <= m.bottom && m.left <= a.right && a.left <= m.right));
      for (let r = a.top; r <= a.bottom; r++) {
        for (let c = a.left; c <= a.right; c++) {
          if (r === a.top && c === a.left) continue;
          const cell = sheet.get(r, c);
          if (cell && !isEmptyCell(cell)) {
            cell.value = null;
            cell.formula = undefined;
          }
        }
      }
      sheet.merges.push({ ...a });
    }
    this.touch();
  }

  unmerge(sheet: SheetModel, area: Area): void {
    sheet.merges = sheet.merges.filter((m) => !(m.top <= area.bottom && area.top <= m.bottom && m.left <= area.right && area.left <= m.right));
    this.touch();
  }

  // ---- change log ----------------------------------------------------------------------

  recordEdit(sheet: SheetModel, area: Area): void {
    this.changes.push({ sheetId: sheet.id, area, changeType: "RangeEdited" });
  }

  drainChanges(): Change[] {
    const out = this.changes;
    this.changes = [];
    return out;
  }
}
