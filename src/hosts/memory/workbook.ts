/**
 * An in-memory Excel workbook that Office.js code runs against unchanged: `workbook.run` stands
 * in for `Excel.run`. It counts round trips (`context.sync` calls that carry work) and loads,
 * plays the user's edits (which fire onChanged like typing in Excel), and can be made read-only
 * or made to fail mid-batch for fault tests. Runs in Node and in the browser (the preview page).
 */
import { interpretInput, type Cell, type CellResult } from "./cells";
import { MemoryOfficeError, type MemoryErrorCode } from "./errors";
import { translateFormula } from "./formula/adjust";
import { evaluateFormula } from "../../core/formula/evaluate";
import { WorkbookModel, type Change, type SheetModel } from "./model";
import { MemoryRequestContext, type Op } from "./proxy/context";
import { MemoryWorkbookProxy, type ChangedHandler } from "./proxy/sheets";
import { cellKey, formatAddress, formatLocal, keyColumn, keyRow, MAX_COLUMN, parseArea, type SheetArea } from "../../core/excel/address";

export interface SyncStats {
  /** Round trips: context.sync calls with queued work (an empty sync costs nothing in Office.js). */
  syncs: number;
  /** Round trips that only read (loads, getItem, select). */
  readSyncs: number;
  /** Round trips that changed the workbook. */
  writeSyncs: number;
  /** load() calls (proxy objects loaded). */
  loads: number;
  /** Excel.run batches. */
  runs: number;
}

export interface InjectedFault {
  /** Queued calls that run before the failure (0 = the first one fails). */
  afterOps?: number;
  code?: MemoryErrorCode;
  message?: string;
  /** Fail the next sync that writes, instead of the very next sync. */
  onWrite?: boolean;
}

/** Excel.run's two forms the add-in uses: a new batch, or a batch on an existing context. */
export interface ExcelRunLike {
  <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  <T>(context: OfficeExtension.ClientRequestContext, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

export interface CellSnapshot {
  value: CellResult;
  formula?: string;
  text: string;
  numberFormat: string;
  quotePrefix: boolean;
  format: Cell["format"];
}

function requireArea(address: string): SheetArea {
  const area = parseArea(address);
  if (!area) throw new Error(`bad address ${address}`);
  return area;
}

export class MemoryWorkbook {
  readonly model = new WorkbookModel();
  stats: SyncStats = { syncs: 0, readSyncs: 0, writeSyncs: 0, loads: 0, runs: 0 };
  /** When true every change fails with AccessDenied, as in a workbook opened read-only. */
  readOnly = false;
  selection?: { sheet: string; address: string };
  activeSheetId?: string;
  private fault?: InjectedFault;
  private readonly handlers = new Map<string, Set<ChangedHandler>>();
  private deliveries: Promise<void> = Promise.resolve();
  /** Errors thrown by event handlers (Excel swallows them; tests can look). */
  readonly handlerErrors: unknown[] = [];

  constructor(sheetNames: string[] = ["Sheet1"]) {
    for (const name of sheetNames) this.model.addSheet(name);
    this.activeSheetId = this.model.sheets[0]?.id;
  }

  /**
   * Stands in for Excel.run: one context per batch; work still queued when the batch ends is
   * synced. Given an existing context (as when removing an event handler, which must happen in
   * the context that added it), the batch runs on that context again.
   */
  readonly run: ExcelRunLike = (async (first: unknown, second?: unknown) => {
    const reuse = first instanceof MemoryRequestContext ? first : undefined;
    const batch = (reuse ? second : first) as (context: Excel.RequestContext) => Promise<unknown>;
    const context = reuse ?? new MemoryRequestContext(this);
    context.reopen();
    this.stats.runs++;
    try {
      const result = await batch(context as unknown as Excel.RequestContext);
      await context.sync();
      return result;
    } finally {
      context.close();
    }
  }) as ExcelRunLike;

  createWorkbookProxy(context: MemoryRequestContext): MemoryWorkbookProxy {
    return new MemoryWorkbookProxy(context);
  }

  resetStats(): void {
    this.stats = { syncs: 0, readSyncs: 0, writeSyncs: 0, loads: 0, runs: 0 };
  }

  /** The next sync (or next writing sync) fails after `afterOps` calls, with an OfficeExtension-style error. */
  failNextSync(fault: InjectedFault = {}): void {
    this.fault = fault;
  }

  /** Runs one round trip's queued calls. */
  async execute(ops: Op[]): Promise<void> {
    const writes = ops.some((op) => op.write);
    this.stats.syncs++;
    if (writes) this.stats.writeSyncs++;
    else this.stats.readSyncs++;
    const fault = this.fault && (!this.fault.onWrite || writes) ? this.fault : undefined;
    if (fault) this.fault = undefined;
    try {
      ops.forEach((op, i) => {
        if (fault && i === (fault.afterOps ?? 0)) {
          throw new MemoryOfficeError(fault.code ?? "GeneralException", fault.message ?? "An internal error has occurred.");
        }
        if (op.write && this.readOnly) {
          throw new MemoryOfficeError("AccessDenied", "You cannot perform the requested operation: the workbook is read-only.");
        }
        op.run();
      });
    } finally {
      // Changes made before a failure have happened, and Excel reports them.
      this.dispatch(this.model.drainChanges(), "ThisLocalAddin");
    }
    // Office.js resolves sync asynchronously.
    await Promise.resolve();
  }

  // ---- events --------------------------------------------------------------------------

  addChangedHandler(sheetId: string, handler: ChangedHandler): void {
    const set = this.handlers.get(sheetId) ?? new Set();
    set.add(handler);
    this.handlers.set(sheetId, set);
  }

  removeChangedHandler(sheetId: string, handler: ChangedHandler): void {
    this.handlers.get(sheetId)?.delete(handler);
  }

  /** Number of onChanged handlers registered (all sheets). */
  get handlerCount(): number {
    let n = 0;
    for (const set of this.handlers.values()) n += set.size;
    return n;
  }

  /**
   * Excel raises onChanged for changes made by the user, by co-authors and by add-ins alike
   * (WorksheetChangedEventArgs.triggerSource, ExcelApi 1.14, is "ThisLocalAddin" for the add-in's
   * own changes). Handlers run after the change, asynchronously.
   */
  private dispatch(changes: Change[], triggerSource: "ThisLocalAddin" | "Unknown"): void {
    for (const change of changes) {
      const sheet = this.model.sheetById(change.sheetId);
      const set = this.handlers.get(change.sheetId);
      if (!sheet || !set || set.size === 0) continue;
      const args = {
        type: "WorksheetChanged",
        worksheetId: change.sheetId,
        address: formatLocal(change.area),
        changeType: change.changeType,
        source: "Local",
        triggerSource,
      } as unknown as Excel.WorksheetChangedEventArgs;
      for (const handler of [...set]) {
        this.deliveries = this.deliveries.then(async () => {
          try {
            await handler(args);
          } catch (e) {
            this.handlerErrors.push(e);
          }
        });
      }
    }
  }

  /** Waits until every event raised so far has been handled. */
  async settle(): Promise<void> {
    let current: Promise<void>;
    do {
      current = this.deliveries;
      await current;
    } while (current !== this.deliveries);
  }

  // ---- the user's own actions (fire events like Excel's UI) -----------------------------

  private sheet(name: string): SheetModel {
    const sheet = this.model.sheetByName(name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    return sheet;
  }

  /** Types or pastes values into cells, as the officer does: "=…" becomes a formula, "'…" text. */
  userEdit(sheetName: string, address: string, values: unknown[][] | unknown): void {
    const sheet = this.sheet(sheetName);
    const area = requireArea(address);
    for (let r = area.top; r <= area.bottom; r++) {
      for (let c = area.left; c <= area.right; c++) {
        const v = Array.isArray(values) ? (values as unknown[][])[r - area.top][c - area.left] : values;
        if (v === undefined) continue;
        const cell = sheet.ensure(r, c);
        this.model.checkInput(interpretInput(v, cell.numberFormat));
        this.model.writeInput(sheet, r, c, v);
      }
    }
    this.model.recordEdit(sheet, area);
    this.dispatch(this.model.drainChanges(), "Unknown");
  }

  /** Right-click › Insert on whole rows. */
  userInsertRows(sheetName: string, at: number, count = 1): void {
    this.model.insertRows(this.sheet(sheetName), at, count);
    this.dispatch(this.model.drainChanges(), "Unknown");
  }

  /** Right-click › Delete on whole rows (also what cutting rows out of a table amounts to). */
  userDeleteRows(sheetName: string, at: number, count = 1): void {
    this.model.deleteRows(this.sheet(sheetName), at, count);
    this.dispatch(this.model.drainChanges(), "Unknown");
  }

  userRenameSheet(from: string, to: string): void {
    this.model.renameSheet(this.sheet(from), to);
  }

  userDeleteSheet(name: string): void {
    this.model.deleteSheet(this.sheet(name));
  }

  userAddSheet(name: string): void {
    this.model.addSheet(name);
  }

  userUnmerge(sheetName: string, address: string): void {
    this.model.unmerge(this.sheet(sheetName), requireArea(address));
  }

  /**
   * Data › Sort on a block of rows: whole rows of the block move, formulas in them keep their
   * relative references (as Excel's sort does), ordered by one column's values.
   */
  userSortRows(sheetName: string, address: string, byColumn: number, descending = false): void {
    const sheet = this.sheet(sheetName);
    const area = requireArea(address);
    const rows: Array<{ from: number; key: CellResult; cells: Map<number, Cell> }> = [];
    for (let r = area.top; r <= area.bottom; r++) {
      const cells = new Map<number, Cell>();
      for (let c = area.left; c <= area.right; c++) {
        const cell = sheet.get(r, c);
        if (cell) cells.set(c, cell);
      }
      rows.push({ from: r, key: this.model.valueOf(sheet, r, byColumn), cells });
    }
    const rank = (v: CellResult) => (v === null ? "\uffff" : typeof v === "number" ? v : String(v));
    rows.sort((a, b) => {
      const x = rank(a.key);
      const y = rank(b.key);
      const c = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y), "zh-CN");
      return descending ? -c : c;
    });
    rows.forEach((row, i) => {
      const to = area.top + i;
      for (let c = area.left; c <= area.right; c++) sheet.cells.delete(cellKey(to, c));
      for (const [c, cell] of row.cells) {
        sheet.cells.set(cellKey(to, c), { ...cell, formula: cell.formula && translateFormula(cell.formula, to - row.from) });
      }
    });
    this.model.touch();
    this.model.recordEdit(sheet, area);
    this.dispatch(this.model.drainChanges(), "Unknown");
  }

  /** Changes that bypass events (e.g. setting up a workbook "as received"). */
  setCells(sheetName: string, address: string, values: unknown[][]): void {
    const sheet = this.sheet(sheetName);
    const area = requireArea(address);
    for (let r = area.top; r <= area.bottom; r++) {
      for (let c = area.left; c <= area.right; c++) {
        const v = values[r - area.top][c - area.left];
        if (v !== undefined) this.model.writeInput(sheet, r, c, v);
      }
    }
  }

  // ---- inspection (tests and the preview page) ------------------------------------------

  sheetNames(): string[] {
    return this.model.sheets.map((s) => s.name);
  }

  /** A cell by sheet-qualified address, e.g. 收入!C7 or 'a b'!A1. */
  cell(address: string): CellSnapshot {
    const area = requireArea(address);
    if (!area.sheet) throw new Error(`address needs a sheet: ${address}`);
    const sheet = this.sheet(area.sheet);
    const cell = sheet.get(area.top, area.left);
    return {
      value: this.model.valueOf(sheet, area.top, area.left),
      formula: cell?.formula,
      text: this.model.textOf(sheet, area.top, area.left),
      numberFormat: cell?.numberFormat ?? "General",
      quotePrefix: cell?.quotePrefix ?? false,
      format: cell?.format ?? {},
    };
  }

  /** Values of a block as Range.values gives them ("" for empty). */
  values(address: string): Array<Array<CellResult | "">> {
    const area = requireArea(address);
    const sheet = this.sheet(area.sheet ?? "");
    const out: Array<Array<CellResult | "">> = [];
    for (let r = area.top; r <= area.bottom; r++) {
      const row: Array<CellResult | ""> = [];
      for (let c = area.left; c <= area.right; c++) row.push(this.model.valueOf(sheet, r, c) ?? "");
      out.push(row);
    }
    return out;
  }

  /** The cells that hold anything, with their address: the preview grid's content. */
  usedCells(sheetName: string): Array<{ row: number; column: number; snapshot: CellSnapshot }> {
    const sheet = this.sheet(sheetName);
    return [...sheet.cells.keys()]
      .map((key) => [keyRow(key), keyColumn(key)])
      .sort((a, b) => a[0] - b[0] || a[1] - b[1])
      .map(([row, column]) => ({ row, column, snapshot: this.cell(formatAddress(sheet.name, { top: row, bottom: row, left: column, right: column })) }));
  }

  nameFormula(name: string): string | undefined {
    return this.model.getName(name)?.formula;
  }

  nameList(): string[] {
    return [...this.model.names.values()].map((n) => n.name);
  }

  merges(sheetName: string): string[] {
    return this.sheet(sheetName).merges.map((m) => formatLocal(m));
  }

  /** The autofilter's area, local A1 (B10:H99). */
  autoFilter(sheetName: string): string | undefined {
    const area = this.sheet(sheetName).autoFilter;
    return area && formatLocal(area);
  }

  freeze(sheetName: string): { rows: number; columns: number } | undefined {
    return this.sheet(sheetName).freeze;
  }

  /** What Worksheet.pageLayout was given (undefined: never set). */
  pageLayout(sheetName: string): SheetModel["pageLayout"] {
    return this.sheet(sheetName).pageLayout;
  }

  /** Columns hidden (Range.columnHidden), 1-based, ascending. */
  hiddenColumns(sheetName: string): number[] {
    return [...this.sheet(sheetName).hiddenColumns].sort((a, b) => a - b);
  }

  /** Rows hidden (Range.rowHidden), 1-based, ascending. */
  hiddenRows(sheetName: string): number[] {
    return [...this.sheet(sheetName).hiddenRows].sort((a, b) => a - b);
  }

  columnWidth(sheetName: string, column: number): number | undefined {
    return this.sheet(sheetName).columnWidths.get(column);
  }

  conditionalFormats(sheetName: string): Array<{ range: string; formula: string; fill?: string }> {
    return this.sheet(sheetName).conditionalFormats.map((cf) => ({
      range: formatLocal(cf.area),
      formula: cf.formula,
      fill: cf.fill,
    }));
  }

  /** Cells where a conditional format's rule holds now (what Excel would colour). */
  conditionalFormatsShowing(sheetName: string): string[] {
    const sheet = this.sheet(sheetName);
    const out: string[] = [];
    for (const cf of sheet.conditionalFormats) {
      for (let r = cf.area.top; r <= cf.area.bottom; r++) {
        for (let c = cf.area.left; c <= Math.min(cf.area.right, MAX_COLUMN); c++) {
          if (this.model.conditionalFormatHolds(sheet, cf, r, c)) out.push(formatAddress(sheetName, { top: r, bottom: r, left: c, right: c }));
        }
      }
    }
    return out;
  }

  /** Evaluates a formula as if typed into a cell of the sheet. */
  evaluate(sheetName: string, formula: string): CellResult {
    return evaluateFormula(this.model, this.model.parse(formula), { sheet: sheetName });
  }
}

export function createMemoryWorkbook(sheetNames?: string[]): MemoryWorkbook {
  return new MemoryWorkbook(sheetNames);
}
