/**
 * The workbook itself, as plain data with Excel's rules for the operations ZiPing performs.
 * The proxy layer (proxies.ts) queues calls against it and runs them at context.sync(), as
 * Office.js does; the user's own edits (userEdit) go straight to it.
 */
import { emptyCell, interpretInput, isEmptyCell, type Cell, type CellError, type CellResult, type Interpreted } from "./cells";
import { displayText } from "../../core/formula/display";
import { MemoryOfficeError } from "./errors";
import { dropSheetFromFormula, renameSheetInFormula, shiftArea, shiftFormula, type RowShift } from "./formula/adjust";
import { evaluateFormula, type EvalHost, type RangeValue } from "../../core/formula/evaluate";
import { parseFormula, type Node } from "../../core/formula/parse";
import { FormulaSyntaxError } from "../../core/excel/tokens";
import { cellKey, keyColumn, keyRow, MAX_COLUMN, parseArea, type Area } from "../../core/excel/address";
import { isValidName } from "../../core/excel/defined-name";

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
  /** By cellKey(row, column). */
  readonly cells = new Map<number, Cell>();
  merges: Area[] = [];
  /** Column widths in points, by 1-based column. */
  readonly columnWidths = new Map<number, number>();
  freeze?: { rows: number; columns: number };
  /** Worksheet.pageLayout as set (ExcelApi 1.9): the properties given, print area and title rows as written. */
  pageLayout?: { settings: Record<string, unknown>; printArea?: string; printTitleRows?: string };
  autoFilter?: Area;
  readonly hiddenColumns = new Set<number>();
  /** Rows hidden (Range.rowHidden), 1-based; they move with whole-row inserts and deletes. */
  hiddenRows = new Set<number>();
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
    for (const key of this.cells.keys()) last = Math.max(last, keyRow(key));
    return last;
  }
}

const SHEET_NAME_FORBIDDEN = /[:\\/?*[\]]/;

/** Formula cells that read a cell: one, or several. */
type Readers = Cell | Set<Cell>;

/**
 * Recalculation as Excel's is, in effect: a formula's value is computed once and kept until a
 * cell it read changes (then it and, in turn, the formulas that read it are recomputed when next
 * read) or the workbook's structure changes (rows, sheets, names: everything is recomputed).
 */
export class WorkbookModel implements EvalHost {
  readonly sheets: SheetModel[] = [];
  readonly names = new Map<string, NameModel>();
  /** Bumped by structural changes: every computed value older than it is stale. */
  private generation = 0;
  /** Per sheet, cell key → the formula cells that read it when last computed. */
  private readers = new Map<SheetModel, Map<number, Readers>>();
  /** The formula cell being computed (what it reads is recorded), and those under way (circular references). */
  private computing?: Cell;
  private readonly evaluating = new Set<Cell>();
  private readonly parsed = new Map<string, Node>();
  /** Sheets by name, exact and lower-cased; rebuilt after sheets are added, renamed or deleted. */
  private sheetIndex?: Map<string, SheetModel>;
  private nextFormatId = 1;
  /** Formula evaluations so far (tests: an edit recomputes only what reads the edited cells). */
  computations = 0;
  /** The computer's clock: a month-day date typed ("3-5") takes its year. Tests may set it. */
  today: () => Date = () => new Date();
  /** Changes since the last drain, for onChanged events. */
  private changes: Change[] = [];

  /** A structural change: every formula is recomputed when next read. */
  touch(): void {
    this.generation++;
    this.readers.clear();
    this.sheetIndex = undefined;
  }

  /** A cell's content changed: the formulas that read it (and those that read them) are recomputed when next read. */
  private changed(sheet: SheetModel, row: number, column: number): void {
    if (this.readers.size === 0) return;
    const pending: Array<[SheetModel, number]> = [[sheet, cellKey(row, column)]];
    while (pending.length > 0) {
      const [s, key] = pending.pop()!;
      const bySheet = this.readers.get(s);
      const readers = bySheet?.get(key);
      if (readers === undefined) continue;
      bySheet!.delete(key);
      for (const reader of readers instanceof Set ? readers : [readers]) {
        const c = reader.computed;
        if (!c || c.generation !== this.generation) continue;
        reader.computed = undefined;
        pending.push([c.sheet, cellKey(c.row, c.column)]);
      }
    }
  }

  private recordRead(sheet: SheetModel, row: number, column: number, reader: Cell): void {
    let bySheet = this.readers.get(sheet);
    if (!bySheet) this.readers.set(sheet, (bySheet = new Map()));
    const key = cellKey(row, column);
    const before = bySheet.get(key);
    if (before === undefined) bySheet.set(key, reader);
    else if (before instanceof Set) before.add(reader);
    else if (before !== reader) bySheet.set(key, new Set([before, reader]));
  }

  // ---- sheets --------------------------------------------------------------------------

  sheetByName(name: string): SheetModel | undefined {
    if (!this.sheetIndex) {
      this.sheetIndex = new Map();
      for (const s of this.sheets) {
        this.sheetIndex.set(s.name, s);
        this.sheetIndex.set(s.name.toLowerCase(), s);
      }
    }
    return this.sheetIndex.get(name) ?? this.sheetIndex.get(name.toLowerCase());
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
    if (!isValidName(name)) {
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
    const interpreted = interpretInput(input, cell.numberFormat, this.today().getFullYear());
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
    cell.computed = undefined;
    this.changed(sheet, row, column);
  }

  clearContents(sheet: SheetModel, area: Area): void {
    for (let r = area.top; r <= area.bottom; r++) {
      for (let c = area.left; c <= area.right; c++) {
        const cell = sheet.get(r, c);
        if (cell) {
          cell.value = null;
          cell.formula = undefined;
          cell.quotePrefix = false;
          cell.computed = undefined;
          this.changed(sheet, r, c);
        }
      }
    }
  }

  /** A cell read by a formula (EvalHost): recorded, so the formula is recomputed when the cell changes. */
  cellValue(sheetName: string, row: number, column: number): CellResult {
    const sheet = this.sheetByName(sheetName);
    if (!sheet) return { error: "#REF!" } satisfies CellError;
    if (this.computing) this.recordRead(sheet, row, column, this.computing);
    return this.valueOf(sheet, row, column);
  }

  valueOf(sheet: SheetModel, row: number, column: number): CellResult {
    const cell = sheet.get(row, column);
    if (!cell) return null;
    if (cell.formula === undefined) return cell.value === "" ? null : cell.value;
    const computed = cell.computed;
    if (computed && computed.generation === this.generation) return computed.value;
    // A circular reference evaluates to 0 (Excel warns and shows 0).
    if (this.evaluating.has(cell)) return 0;
    this.evaluating.add(cell);
    const outer = this.computing;
    this.computing = cell;
    try {
      this.computations++;
      const value = evaluateFormula(this, this.parse(cell.formula), { sheet: sheet.name });
      cell.computed = { value, generation: this.generation, sheet, row, column };
      return value;
    } finally {
      this.computing = outer;
      this.evaluating.delete(cell);
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
      const r = keyRow(key);
      const c = keyColumn(key);
      if (r >= at && c >= left && c <= right) moved.push([r, c, cell]);
    }
    for (const [r, c] of moved) sheet.cells.delete(cellKey(r, c));
    for (const [r, c, cell] of moved) sheet.cells.set(cellKey(r + count, c), cell);
    if (at > 1) {
      for (const [key, cell] of [...sheet.cells]) {
        const r = keyRow(key);
        const c = keyColumn(key);
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
      const r = keyRow(key);
      const c = keyColumn(key);
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
    if (shift.left === 1 && shift.right === MAX_COLUMN) {
      const last = shift.at + shift.count - 1;
      sheet.hiddenRows = new Set(
        [...sheet.hiddenRows].flatMap((r) =>
          r < shift.at ? [r] : shift.kind === "insert" ? [r + shift.count] : r > last ? [r - shift.count] : [],
        ),
      );
    }
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
            cell.computed = undefined;
            this.changed(sheet, r, c);
          }
        }
      }
      sheet.merges.push({ ...a });
    }
  }

  /** Merges do not change any value. */
  unmerge(sheet: SheetModel, area: Area): void {
    sheet.merges = sheet.merges.filter((m) => !(m.top <= area.bottom && area.top <= m.bottom && m.left <= area.right && area.left <= m.right));
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
