/**
 * Excel.Workbook, WorksheetCollection, Worksheet, FreezePanes and the onChanged event.
 * - getItem of a missing sheet fails at sync with ItemNotFound; getItemOrNullObject gives a
 *   null object whose isNullObject is true after sync
 *   (https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model#ornullobject-methods-and-properties);
 * - a proxy stays bound to its sheet after a rename, and fails with ItemNotFound once the sheet is deleted;
 * - Worksheet.onChanged (ExcelApi 1.7) handlers are registered at sync and called with the
 *   changed address, local to the sheet (https://learn.microsoft.com/javascript/api/excel/excel.worksheetchangedeventargs).
 */
import { MemoryOfficeError } from "../errors";
import type { SheetModel } from "../model";
import { keyColumn, keyRow, MAX_COLUMN, MAX_ROW, parseArea, type Area } from "../../../core/excel/address";
import { BoundItem, ItemCollection } from "./collection";
import type { MemoryRequestContext } from "./context";
import { MemoryNamedItems } from "./names";
import { MemoryRange } from "./range";

export type ChangedHandler = (args: Excel.WorksheetChangedEventArgs) => Promise<unknown>;

export class MemoryWorksheet extends BoundItem<SheetModel> {
  protected readonly defaultLoad = ["name", "id", "position", "visibility"];
  private handlers?: MemoryEventHandlers;
  private freeze?: MemoryFreezePanes;

  constructor(context: MemoryRequestContext, locate: () => SheetModel | null) {
    super(context, locate, "Worksheet");
  }

  protected present(sheet: SheetModel): boolean {
    return this.context.host.model.sheets.includes(sheet);
  }

  /** The sheet this proxy is bound to; ItemNotFound when missing or deleted since. */
  sheet(): SheetModel {
    return this.item();
  }

  protected snapshot(property: string): unknown {
    const sheet = this.sheet();
    switch (property) {
      case "name":
        return sheet.name;
      case "id":
        return sheet.id;
      case "position":
        return this.context.host.model.sheets.indexOf(sheet);
      case "visibility":
        return sheet.visibility;
      case "isNullObject":
        return false;
      default:
        throw new MemoryOfficeError("NotImplemented", `Worksheet.${property} is not modelled.`);
    }
  }

  get name(): string {
    return this.read("name");
  }
  set name(value: string) {
    this.queue(true, () => this.context.host.model.renameSheet(this.sheet(), value));
  }
  get id(): string {
    return this.read("id");
  }
  get position(): number {
    return this.read("position");
  }
  get visibility(): Excel.SheetVisibility | "Visible" | "Hidden" | "VeryHidden" {
    return this.read("visibility");
  }
  set visibility(v: Excel.SheetVisibility | "Visible" | "Hidden" | "VeryHidden") {
    this.queue(true, () => {
      this.sheet().visibility = v === "Visible" ? "Visible" : "Hidden";
    });
  }

  getRange(address?: string): MemoryRange {
    return new MemoryRange(this.context, () => {
      const sheet = this.sheet();
      if (address === undefined) return { sheet, area: { top: 1, left: 1, bottom: MAX_ROW, right: MAX_COLUMN } };
      const area = parseArea(address);
      if (!area || (area.sheet !== undefined && area.sheet.toLowerCase() !== sheet.name.toLowerCase())) {
        throw new MemoryOfficeError("InvalidArgument", `The address '${address}' is not valid for sheet ${sheet.name}.`);
      }
      return { sheet, area };
    });
  }

  /** ExcelApi 1.7: zero-based start row/column and a size. */
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): MemoryRange {
    return new MemoryRange(this.context, () => {
      const area: Area = { top: startRow + 1, left: startColumn + 1, bottom: startRow + rowCount, right: startColumn + columnCount };
      if (rowCount < 1 || columnCount < 1 || area.top < 1 || area.left < 1 || area.bottom > MAX_ROW || area.right > MAX_COLUMN) {
        throw new MemoryOfficeError("InvalidArgument", "getRangeByIndexes: the range is outside the worksheet.");
      }
      return { sheet: this.sheet(), area };
    });
  }

  /** The smallest range holding every cell with a value or formula (valuesOnly) or any format. */
  getUsedRange(valuesOnly?: boolean): MemoryRange {
    return new MemoryRange(this.context, () => {
      const sheet = this.sheet();
      let area: Area | undefined;
      for (const [key, cell] of sheet.cells) {
        if (valuesOnly && cell.formula === undefined && (cell.value === null || cell.value === "")) continue;
        const r = keyRow(key);
        const c = keyColumn(key);
        area = area
          ? { top: Math.min(area.top, r), bottom: Math.max(area.bottom, r), left: Math.min(area.left, c), right: Math.max(area.right, c) }
          : { top: r, bottom: r, left: c, right: c };
      }
      return { sheet, area: area ?? { top: 1, left: 1, bottom: 1, right: 1 } };
    });
  }

  delete(): void {
    this.queue(true, () => this.context.host.model.deleteSheet(this.sheet()));
  }

  activate(): void {
    this.queue(false, () => {
      this.context.host.activeSheetId = this.sheet().id;
    });
  }

  /** Worksheet.autoFilter (ExcelApi 1.9): apply() records the filtered area. */
  get autoFilter(): { apply(range: string | MemoryRange): void } {
    return {
      apply: (range) =>
        this.queue(true, () => {
          const area = typeof range === "string" ? parseArea(range) : range.target().area;
          if (!area) throw new MemoryOfficeError("InvalidArgument", "autoFilter.apply: bad range.");
          this.sheet().autoFilter = area;
        }),
    };
  }

  get freezePanes(): MemoryFreezePanes {
    if (!this.freeze) this.freeze = new MemoryFreezePanes(this);
    return this.freeze;
  }

  /** Worksheet.pageLayout (ExcelApi 1.9): set, setPrintArea and setPrintTitleRows, recorded on the sheet. */
  get pageLayout(): MemoryPageLayout {
    return new MemoryPageLayout(this);
  }

  get onChanged(): MemoryEventHandlers {
    if (!this.handlers) this.handlers = new MemoryEventHandlers(this);
    return this.handlers;
  }

  /** For the freeze-panes and event proxies. */
  enqueueOnSheet(write: boolean, run: (sheet: SheetModel) => void): void {
    this.queue(write, () => run(this.sheet()));
  }
}

/** Worksheet.pageLayout (ExcelApi 1.9): what was set, for tests to read (nothing prints here). */
export class MemoryPageLayout {
  constructor(private readonly worksheet: MemoryWorksheet) {}

  private update(change: (layout: NonNullable<SheetModel["pageLayout"]>) => void): void {
    this.worksheet.enqueueOnSheet(true, (s) => {
      s.pageLayout ??= { settings: {} };
      change(s.pageLayout);
    });
  }

  set(properties: Record<string, unknown>): void {
    this.update((l) => Object.assign(l.settings, properties));
  }

  setPrintArea(printArea: string): void {
    this.update((l) => (l.printArea = printArea));
  }

  setPrintTitleRows(printTitleRows: string): void {
    this.update((l) => (l.printTitleRows = printTitleRows));
  }
}

/** Worksheet.freezePanes (ExcelApi 1.7). */
export class MemoryFreezePanes {
  constructor(private readonly worksheet: MemoryWorksheet) {}

  freezeRows(count = 1): void {
    this.worksheet.enqueueOnSheet(true, (s) => {
      s.freeze = { rows: count, columns: s.freeze?.columns ?? 0 };
    });
  }

  freezeColumns(count = 1): void {
    this.worksheet.enqueueOnSheet(true, (s) => {
      s.freeze = { rows: s.freeze?.rows ?? 0, columns: count };
    });
  }

  /** Freezes the rows above and columns left of the given range's bottom-right cell + 1. */
  freezeAt(frozenRange: string | MemoryRange): void {
    this.worksheet.enqueueOnSheet(true, (s) => {
      const area = typeof frozenRange === "string" ? parseArea(frozenRange) : frozenRange.target().area;
      if (!area) throw new MemoryOfficeError("InvalidArgument", "freezeAt: bad range.");
      s.freeze = { rows: area.bottom, columns: area.right };
    });
  }

  unfreeze(): void {
    this.worksheet.enqueueOnSheet(true, (s) => {
      s.freeze = undefined;
    });
  }
}

export class MemoryEventHandlers {
  constructor(private readonly worksheet: MemoryWorksheet) {}

  add(handler: ChangedHandler): { remove(): void; context: MemoryRequestContext } {
    const host = this.worksheet.context.host;
    let sheetId: string | undefined;
    this.worksheet.enqueueOnSheet(false, (s) => {
      sheetId = s.id;
      host.addChangedHandler(s.id, handler);
    });
    return {
      context: this.worksheet.context,
      remove: () => {
        this.worksheet.context.enqueue({ write: false, run: () => sheetId && host.removeChangedHandler(sheetId, handler) });
      },
    };
  }

  remove(handler: ChangedHandler): void {
    const host = this.worksheet.context.host;
    this.worksheet.enqueueOnSheet(false, (s) => host.removeChangedHandler(s.id, handler));
  }
}

export class MemoryWorksheets extends ItemCollection<SheetModel, MemoryWorksheet> {
  protected readonly collectionName = "WorksheetCollection";

  protected models(): SheetModel[] {
    return this.context.host.model.sheets;
  }

  protected itemFor(model: SheetModel): MemoryWorksheet {
    return new MemoryWorksheet(this.context, () => model);
  }

  getItem(key: string): MemoryWorksheet {
    const ws = new MemoryWorksheet(this.context, () => this.context.host.model.sheetByName(key) ?? this.context.host.model.sheetById(key) ?? null);
    ws.bindNow(false);
    return ws;
  }

  getItemOrNullObject(key: string): MemoryWorksheet {
    const ws = new MemoryWorksheet(this.context, () => this.context.host.model.sheetByName(key) ?? this.context.host.model.sheetById(key) ?? null);
    ws.bindNow(true);
    return ws;
  }

  add(name?: string): MemoryWorksheet {
    let created: SheetModel | undefined;
    this.queue(true, () => {
      created = this.context.host.model.addSheet(name);
    });
    return new MemoryWorksheet(this.context, () => created ?? null);
  }

  getActiveWorksheet(): MemoryWorksheet {
    return new MemoryWorksheet(this.context, () => {
      const model = this.context.host.model;
      return model.sheetById(this.context.host.activeSheetId ?? "") ?? model.sheets[0] ?? null;
    });
  }
}

export class MemoryWorkbookProxy {
  readonly worksheets: MemoryWorksheets;
  readonly names: MemoryNamedItems;

  constructor(readonly context: MemoryRequestContext) {
    this.worksheets = new MemoryWorksheets(context);
    this.names = new MemoryNamedItems(context);
  }

  /** The selected range's address, for tests of selectCell. */
  getSelectedRange(): MemoryRange {
    return new MemoryRange(this.context, () => {
      const sel = this.context.host.selection;
      const area = sel && parseArea(sel.address);
      const sheet = sel && this.context.host.model.sheetByName(sel.sheet);
      if (!area || !sheet) throw new MemoryOfficeError("ItemNotFound", "Nothing is selected.");
      return { sheet, area };
    });
  }
}
