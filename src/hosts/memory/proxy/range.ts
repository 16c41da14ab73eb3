/**
 * Excel.Range, Excel.RangeFormat and conditional formats, for the calls ZiPing makes.
 * Behaviour is Excel's as documented on https://learn.microsoft.com/javascript/api/excel/excel.range
 * and "Blank and null values" (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-blank-null-values):
 * a 2-D array entry of null leaves that cell unchanged, "" clears it, numberFormat "" resets to General,
 * and a single value (not an array) applies to every cell.
 */
import { type Area, columnLetters, formatAddress, MAX_COLUMN, MAX_ROW, parseArea } from "../../../core/excel/address";
import { isError, type Cell, type CellFormat } from "../cells";
import { MemoryOfficeError } from "../errors";
import type { SheetModel } from "../model";
import { ProxyObject, type MemoryRequestContext } from "./context";

export interface RangeTarget {
  sheet: SheetModel;
  area: Area;
}

type Locate = () => RangeTarget | null;

/** Visits every cell of an area: row, column, and their offsets in it. */
function forEachCell(area: Area, visit: (r: number, c: number, i: number, j: number) => void): void {
  for (let r = area.top; r <= area.bottom; r++) for (let c = area.left; c <= area.right; c++) visit(r, c, r - area.top, c - area.left);
}

/**
 * The entry of a 2-D input for each cell (a non-array applies to all cells), after checking the
 * array's shape once against the range.
 */
function entriesFor(input: unknown, area: Area, property: string): (i: number, j: number) => unknown {
  if (!Array.isArray(input)) return () => input;
  const rows = area.bottom - area.top + 1;
  const cols = area.right - area.left + 1;
  if (input.length !== rows || input.some((row) => !Array.isArray(row) || row.length !== cols)) {
    throw new MemoryOfficeError(
      "InvalidArgument",
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${property}).`,
    );
  }
  return (i, j) => (input[i] as unknown[])[j];
}

export class MemoryRange extends ProxyObject {
  protected readonly defaultLoad = ["address", "values", "formulas", "numberFormat", "text", "valueTypes", "rowIndex", "columnIndex", "rowCount", "columnCount"];
  private bound?: RangeTarget | null;
  private formatProxy?: MemoryRangeFormat;
  private cfProxy?: MemoryConditionalFormats;
  isNullObject = false;

  constructor(context: MemoryRequestContext, private readonly locate: Locate) {
    super(context);
  }

  /** Resolves (once, at its first queued call) the sheet and cells this range stands for. */
  target(): RangeTarget {
    if (this.bound === undefined) this.bound = this.locate();
    if (this.bound === null) throw new MemoryOfficeError("ItemNotFound", "The requested resource doesn't exist.");
    if (!this.context.host.model.sheets.includes(this.bound.sheet)) {
      throw new MemoryOfficeError("ItemNotFound", "The worksheet of this range was deleted.");
    }
    return this.bound;
  }

  /** For *OrNullObject methods: isNullObject is known after the next sync without a load. */
  bindNullable(): this {
    this.queue(false, () => {
      this.exists();
    });
    return this;
  }

  protected override exists(): boolean {
    if (this.bound === undefined) this.bound = this.locate();
    this.isNullObject = this.bound === null;
    this.setLoaded("isNullObject", this.isNullObject);
    return !this.isNullObject;
  }

  protected snapshot(property: string): unknown {
    const { sheet, area } = this.target();
    const model = this.context.host.model;
    const matrix = <T>(f: (r: number, c: number) => T): T[][] => {
      const out: T[][] = [];
      for (let r = area.top; r <= area.bottom; r++) {
        const row: T[] = [];
        for (let c = area.left; c <= area.right; c++) row.push(f(r, c));
        out.push(row);
      }
      return out;
    };
    switch (property) {
      case "address":
      case "addressLocal":
        return formatAddress(sheet.name, area);
      case "values":
        return matrix((r, c) => {
          const v = model.valueOf(sheet, r, c);
          return v === null ? "" : isError(v) ? v.error : v;
        });
      case "formulas":
        return matrix((r, c) => {
          const cell = sheet.get(r, c);
          if (cell?.formula) return cell.formula;
          const v = cell?.value ?? null;
          return v === null ? "" : v;
        });
      case "numberFormat":
        return matrix((r, c) => sheet.get(r, c)?.numberFormat ?? "General");
      case "text":
        return matrix((r, c) => model.textOf(sheet, r, c));
      case "valueTypes":
        return matrix((r, c) => {
          const v = model.valueOf(sheet, r, c);
          // Empty is a cell with "no formulas or data" (Excel.EmptyCellValue); a formula giving ""
          // holds a string (Excel.StringCellValue, basicValue "") though values shows "" for both.
          if (v === null || (v === "" && !sheet.get(r, c)?.formula)) return "Empty";
          if (isError(v)) return "Error";
          return typeof v === "number" ? "Double" : typeof v === "boolean" ? "Boolean" : "String";
        });
      case "rowIndex":
        return area.top - 1;
      case "columnIndex":
        return area.left - 1;
      case "rowCount":
        return area.bottom - area.top + 1;
      case "columnCount":
        return area.right - area.left + 1;
      case "columnHidden":
        return sheet.hiddenColumns.has(area.left);
      case "rowHidden":
        return sheet.hiddenRows.has(area.top);
      case "cellCount":
        return (area.bottom - area.top + 1) * (area.right - area.left + 1);
      case "isNullObject":
        return false;
      default:
        throw new MemoryOfficeError("NotImplemented", `Range.${property} is not modelled by the memory host.`);
    }
  }

  protected override child(name: string): ProxyObject | undefined {
    return name === "format" ? this.format : undefined;
  }

  get address(): string {
    return this.read("address");
  }
  get values(): unknown[][] {
    return this.read("values");
  }
  set values(input: unknown[][]) {
    this.writeCells("values", input);
  }
  get formulas(): unknown[][] {
    return this.read("formulas");
  }
  set formulas(input: unknown[][]) {
    this.writeCells("formulas", input);
  }
  get numberFormat(): unknown[][] {
    return this.read("numberFormat");
  }
  set numberFormat(input: unknown[][]) {
    this.queue(true, () => {
      const { sheet, area } = this.target();
      const entry = entriesFor(input, area, "numberFormat");
      // A number format changes how a value shows, never the value: nothing is recomputed.
      forEachCell(area, (r, c, i, j) => {
        const f = entry(i, j);
        if (f === null || f === undefined) return;
        sheet.ensure(r, c).numberFormat = f === "" ? "General" : String(f);
      });
    });
  }
  get text(): string[][] {
    return this.read("text");
  }
  get valueTypes(): Excel.RangeValueType[][] {
    return this.read("valueTypes");
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }

  /** Range.columnHidden (ExcelApi 1.2): hides or shows the range's columns. */
  set columnHidden(hidden: boolean) {
    this.updateSheet((sheet, area) => {
      for (let c = area.left; c <= area.right; c++) {
        if (hidden) sheet.hiddenColumns.add(c);
        else sheet.hiddenColumns.delete(c);
      }
    });
  }
  get columnHidden(): boolean {
    return this.read("columnHidden");
  }

  /** Range.rowHidden (ExcelApi 1.2): hides or shows the range's rows. */
  set rowHidden(hidden: boolean) {
    this.updateSheet((sheet, area) => {
      for (let r = area.top; r <= area.bottom; r++) {
        if (hidden) sheet.hiddenRows.add(r);
        else sheet.hiddenRows.delete(r);
      }
    });
  }
  get rowHidden(): boolean {
    return this.read("rowHidden");
  }

  /**
   * Range.getMergedAreasOrNullObject (ExcelApi 1.13): the merged areas inside the range, as a
   * RangeAreas whose address lists them comma-separated; a null object when there are none.
   */
  getMergedAreasOrNullObject(): MemoryMergedAreas {
    const areas = new MemoryMergedAreas(this.context, this);
    this.queue(false, () => {
      areas.resolve();
    });
    return areas;
  }

  private writeCells(property: "values" | "formulas", input: unknown): void {
    this.queue(true, () => {
      const { sheet, area } = this.target();
      const model = this.context.host.model;
      // The shape is checked before anything is written: a mis-sized array leaves the range untouched.
      const entry = entriesFor(input, area, property);
      forEachCell(area, (r, c, i, j) => {
        const v = entry(i, j);
        if (v !== null && v !== undefined) model.writeInput(sheet, r, c, v);
      });
      model.recordEdit(sheet, area);
    });
  }

  get format(): MemoryRangeFormat {
    if (!this.formatProxy) this.formatProxy = new MemoryRangeFormat(this.context, this);
    return this.formatProxy;
  }

  get conditionalFormats(): MemoryConditionalFormats {
    if (!this.cfProxy) this.cfProxy = new MemoryConditionalFormats(this.context, this);
    return this.cfProxy;
  }

  private derived(f: (t: RangeTarget) => Area): MemoryRange {
    return new MemoryRange(this.context, () => {
      const t = this.target();
      const area = f(t);
      if (area.top < 1 || area.left < 1 || area.bottom > MAX_ROW || area.right > MAX_COLUMN || area.bottom < area.top || area.right < area.left) {
        throw new MemoryOfficeError("InvalidArgument", "The range is outside the worksheet.");
      }
      return { sheet: t.sheet, area };
    });
  }

  getCell(row: number, column: number): MemoryRange {
    return this.derived(({ area }) => ({ top: area.top + row, bottom: area.top + row, left: area.left + column, right: area.left + column }));
  }
  getRow(row: number): MemoryRange {
    return this.derived(({ area }) => ({ ...area, top: area.top + row, bottom: area.top + row }));
  }
  getColumn(column: number): MemoryRange {
    return this.derived(({ area }) => ({ ...area, left: area.left + column, right: area.left + column }));
  }
  getEntireRow(): MemoryRange {
    return this.derived(({ area }) => ({ ...area, left: 1, right: MAX_COLUMN }));
  }
  getOffsetRange(rowOffset: number, columnOffset: number): MemoryRange {
    return this.derived(({ area }) => ({
      top: area.top + rowOffset,
      bottom: area.bottom + rowOffset,
      left: area.left + columnOffset,
      right: area.right + columnOffset,
    }));
  }
  getResizedRange(deltaRows: number, deltaColumns: number): MemoryRange {
    return this.derived(({ area }) => ({ ...area, bottom: area.bottom + deltaRows, right: area.right + deltaColumns }));
  }

  /** Inserts cells shifting down (rows) — the only direction ZiPing uses. */
  insert(shift: "Down" | "Right"): MemoryRange {
    this.queue(true, () => {
      if (shift !== "Down") throw new MemoryOfficeError("NotImplemented", "Only InsertShiftDirection.down is modelled.");
      const { sheet, area } = this.target();
      this.context.host.model.insertRows(sheet, area.top, area.bottom - area.top + 1, area.left, area.right);
    });
    return this.derived(({ area }) => area);
  }

  delete(shift: "Up" | "Left"): void {
    this.queue(true, () => {
      if (shift !== "Up") throw new MemoryOfficeError("NotImplemented", "Only DeleteShiftDirection.up is modelled.");
      const { sheet, area } = this.target();
      this.context.host.model.deleteRows(sheet, area.top, area.bottom - area.top + 1, area.left, area.right);
    });
  }

  merge(across?: boolean): void {
    this.queue(true, () => {
      const { sheet, area } = this.target();
      this.context.host.model.merge(sheet, area, across);
    });
  }

  unmerge(): void {
    this.queue(true, () => {
      const { sheet, area } = this.target();
      this.context.host.model.unmerge(sheet, area);
    });
  }

  clear(applyTo: "All" | "Formats" | "Contents" = "All"): void {
    this.queue(true, () => {
      const { sheet, area } = this.target();
      const model = this.context.host.model;
      if (applyTo !== "Formats") {
        model.clearContents(sheet, area);
        model.recordEdit(sheet, area);
      }
      if (applyTo !== "Contents") {
        forEachCell(area, (r, c) => {
          const cell = sheet.get(r, c);
          if (cell) {
            cell.format = {};
            cell.numberFormat = "General";
          }
        });
      }
    });
  }

  /** Selects the range (and shows its sheet); selection is not a change to the workbook. */
  select(): void {
    this.queue(false, () => {
      const { sheet, area } = this.target();
      this.context.host.selection = { sheet: sheet.name, address: formatAddress(sheet.name, area) };
      this.context.host.activeSheetId = sheet.id;
    });
  }

  /** Applies a change to every cell's format (called by the format proxies). */
  updateCells(change: (cell: Cell, row: number, column: number, area: Area) => void): void {
    this.queue(true, () => {
      const { sheet, area } = this.target();
      forEachCell(area, (r, c) => change(sheet.ensure(r, c), r, c, area));
    });
  }

  updateSheet(change: (sheet: SheetModel, area: Area) => void): void {
    this.queue(true, () => {
      const { sheet, area } = this.target();
      change(sheet, area);
    });
  }
}

/** Range.format: fill, font, alignment, wrap, column width, borders, protection. */
export class MemoryRangeFormat extends ProxyObject {
  protected readonly defaultLoad = ["columnWidth", "horizontalAlignment", "verticalAlignment", "wrapText"];
  readonly fill: { color: string; clear(): void };
  readonly font: { bold: boolean; size: number; color: string };
  readonly protection: { locked: boolean };
  readonly borders: { getItem(index: BorderIndex): { style: string; color: string } };

  constructor(context: MemoryRequestContext, private readonly range: MemoryRange) {
    super(context);
    const setter = <K extends keyof CellFormat>(key: K) => (value: CellFormat[K]) =>
      range.updateCells((cell) => {
        cell.format[key] = value;
      });
    this.fill = {
      set color(v: string) {
        setter("fill")(v);
      },
      get color(): string {
        throw new MemoryOfficeError("NotImplemented", "Reading format.fill.color is not modelled.");
      },
      clear: () => range.updateCells((cell) => delete cell.format.fill),
    };
    this.font = {
      set bold(v: boolean) {
        setter("bold")(v);
      },
      set size(v: number) {
        setter("size")(v);
      },
      set color(v: string) {
        setter("fontColor")(v);
      },
    } as { bold: boolean; size: number; color: string };
    this.protection = {
      set locked(v: boolean) {
        setter("locked")(v);
      },
    } as { locked: boolean };
    this.borders = {
      getItem: (index: BorderIndex) =>
        ({
          set style(style: string) {
            range.updateCells((cell, r, c, area) => {
              const onEdge =
                (index === "EdgeTop" && r === area.top) ||
                (index === "EdgeBottom" && r === area.bottom) ||
                (index === "EdgeLeft" && c === area.left) ||
                (index === "EdgeRight" && c === area.right) ||
                (index === "InsideHorizontal" && r < area.bottom) ||
                (index === "InsideVertical" && c < area.right);
              if (onEdge) cell.format.borders = { ...cell.format.borders, [index]: style };
            });
          },
          set color(_: string) {
            // Border colour is not modelled; style is what the tests look at.
          },
        }) as { style: string; color: string },
    };
  }

  protected snapshot(property: string): unknown {
    const { sheet, area } = this.range.target();
    switch (property) {
      case "columnWidth":
        return sheet.columnWidths.get(area.left) ?? DEFAULT_COLUMN_WIDTH_POINTS;
      case "horizontalAlignment":
        return sheet.get(area.top, area.left)?.format.horizontal ?? "General";
      case "verticalAlignment":
        return sheet.get(area.top, area.left)?.format.vertical ?? "Bottom";
      case "wrapText":
        return sheet.get(area.top, area.left)?.format.wrap ?? false;
      default:
        throw new MemoryOfficeError("NotImplemented", `RangeFormat.${property} is not modelled.`);
    }
  }

  set horizontalAlignment(v: Excel.HorizontalAlignment | "General" | "Left" | "Center" | "Right" | "Fill" | "Justify" | "CenterAcrossSelection" | "Distributed") {
    this.range.updateCells((cell) => {
      cell.format.horizontal = v;
    });
  }
  get horizontalAlignment(): Excel.HorizontalAlignment | "General" | "Left" | "Center" | "Right" | "Fill" | "Justify" | "CenterAcrossSelection" | "Distributed" {
    return this.read("horizontalAlignment");
  }
  set verticalAlignment(v: Excel.VerticalAlignment | "Top" | "Center" | "Bottom" | "Justify" | "Distributed") {
    this.range.updateCells((cell) => {
      cell.format.vertical = v;
    });
  }
  get verticalAlignment(): Excel.VerticalAlignment | "Top" | "Center" | "Bottom" | "Justify" | "Distributed" {
    return this.read("verticalAlignment");
  }
  set wrapText(v: boolean) {
    this.range.updateCells((cell) => {
      cell.format.wrap = v;
    });
  }
  get wrapText(): boolean {
    return this.read("wrapText");
  }
  /** Column width in points (https://learn.microsoft.com/javascript/api/excel/excel.rangeformat#excel-excel-rangeformat-columnwidth-member). */
  set columnWidth(points: number) {
    this.range.updateSheet((sheet, area) => {
      for (let c = area.left; c <= area.right; c++) sheet.columnWidths.set(c, points);
    });
  }
  get columnWidth(): number {
    return this.read("columnWidth");
  }
}

/** Excel's default column width: 8.43 characters, 64 pixels, 48 points. */
export const DEFAULT_COLUMN_WIDTH_POINTS = 48;

type BorderIndex = "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideVertical" | "InsideHorizontal";

/**
 * Range.conditionalFormats (ExcelApi 1.6): custom rules with a formula and a format
 * (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-conditional-formatting).
 */
export class MemoryConditionalFormats extends ProxyObject {
  protected readonly defaultLoad = ["count"];

  constructor(context: MemoryRequestContext, private readonly range: MemoryRange) {
    super(context);
  }

  protected snapshot(property: string): unknown {
    if (property !== "count") throw new MemoryOfficeError("NotImplemented", `ConditionalFormatCollection.${property}`);
    const { sheet, area } = this.range.target();
    return sheet.conditionalFormats.filter((cf) => cf.area.top === area.top && cf.area.left === area.left).length;
  }

  add(type: Excel.ConditionalFormatType | "Custom" | string): MemoryConditionalFormat {
    const cf = new MemoryConditionalFormat(this.context);
    this.range.updateSheet((sheet, area) => {
      if (type !== "Custom") throw new MemoryOfficeError("NotImplemented", `Only custom conditional formats are modelled (got ${type}).`);
      cf.model = this.context.host.model.addConditionalFormat(sheet, { ...area });
    });
    return cf;
  }

  /** Removes the conditional formats that intersect the range (ExcelApi 1.6). */
  clearAll(): void {
    this.range.updateSheet((sheet, area) => {
      sheet.conditionalFormats = sheet.conditionalFormats.filter(
        (cf) => !(cf.area.top <= area.bottom && area.top <= cf.area.bottom && cf.area.left <= area.right && area.left <= cf.area.right),
      );
    });
  }
}

export class MemoryConditionalFormat {
  model?: import("../model").ConditionalFormatModel;
  readonly custom: { rule: { formula: string }; format: { fill: { color: string }; font: { color: string } } };

  constructor(context: MemoryRequestContext) {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const self = this;
    const later = (f: () => void) => context.enqueue({ write: true, run: f });
    const need = () => {
      if (!self.model) throw new MemoryOfficeError("InvalidObjectPath", "Conditional format not created.");
      return self.model;
    };
    this.custom = {
      rule: {
        set formula(f: string) {
          later(() => {
            const cf = need();
            context.host.model.checkInput({ kind: "formula", formula: f.startsWith("=") ? f : `=${f}` });
            cf.formula = f.startsWith("=") ? f : `=${f}`;
          });
        },
      } as { formula: string },
      format: {
        fill: {
          set color(v: string) {
            later(() => {
              need().fill = v;
            });
          },
        } as { color: string },
        font: {
          set color(v: string) {
            later(() => {
              need().fontColor = v;
            });
          },
        } as { color: string },
      },
    };
  }
}

export function columnName(column: number): string {
  return columnLetters(column);
}

export function parseLocalArea(address: string): Area {
  const area = parseArea(address);
  if (!area) throw new MemoryOfficeError("InvalidArgument", `The address '${address}' is not valid.`);
  return area;
}

/** The RangeAreas of merged cells inside a range (address and isNullObject only). */
export class MemoryMergedAreas extends ProxyObject {
  protected readonly defaultLoad = ["address", "areaCount"];
  isNullObject = false;

  constructor(context: MemoryRequestContext, private readonly range: MemoryRange) {
    super(context);
  }

  private areas(): Area[] {
    const { sheet, area } = this.range.target();
    return sheet.merges.filter((m) => m.top >= area.top && m.bottom <= area.bottom && m.left >= area.left && m.right <= area.right);
  }

  resolve(): void {
    this.exists();
  }

  protected override exists(): boolean {
    this.isNullObject = this.areas().length === 0;
    this.setLoaded("isNullObject", this.isNullObject);
    return !this.isNullObject;
  }

  protected snapshot(property: string): unknown {
    const { sheet } = this.range.target();
    const areas = this.areas();
    if (property === "address") return areas.map((a) => formatAddress(sheet.name, a)).join(",");
    if (property === "areaCount") return areas.length;
    throw new MemoryOfficeError("NotImplemented", `RangeAreas.${property} is not modelled.`);
  }

  get address(): string {
    return this.read("address");
  }
  get areaCount(): number {
    return this.read("areaCount");
  }
}
