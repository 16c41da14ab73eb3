/**
 * Executes a layout plan into an ExcelJS workbook, and writes a report's values into its
 * field cells. Nothing here decides what goes where: the plan does.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { a1 } from "../../core/excel/address";
import type { PageSetup } from "../../core/plan/layout-types";
import { wrappedRowHeights } from "../../core/plan/page";
import type { CellStyle, LayoutPlan, PlannedCell, SheetLayout, StyleId } from "../../core/plan/layout-types";
import type { DefinedName } from "./names";
import { absoluteRange } from "../../core/excel/address";
import { constantFormula } from "../../core/excel/defined-name";
import { parseDefinedNames, withDefinedNames } from "./names";
import { CELL_STYLES } from "../../core/plan/styles";
import { excelStyle, findingStyle } from "./styles";
import { FormulaGrid, type GridCell } from "../../core/formula/grid";
import { isError, type CellResult } from "../../core/formula/values";

export type StyleTable = Record<StyleId, CellStyle>;

/** Formulas are written first without a result; `cacheFormulaResults` adds them once the values are in. */
function writeCell(sheet: ExcelJS.Worksheet, cell: PlannedCell, styles: Map<StyleId, Partial<ExcelJS.Style>>): void {
  const target = sheet.getCell(cell.row, cell.column);
  if (cell.formula !== undefined) {
    target.value = { formula: cell.formula.replace(/^=/, "") } as ExcelJS.CellFormulaValue;
  } else if (cell.value !== undefined) {
    // ExcelJS stores a JavaScript string as a string cell, never as a formula: "=1+1" stays text.
    target.value = cell.value;
  }
  const style = styles.get(cell.style);
  if (!style) return;
  // A copy per cell: ExcelJS's setters (cell.numFmt = …) write into the cell's style object.
  target.style = {
    ...style,
    ...(cell.numberFormat !== undefined ? { numFmt: cell.numberFormat } : {}),
    ...(cell.indent !== undefined ? { alignment: { ...style.alignment, indent: cell.indent } } : {}),
  };
}

function layOutSheet(workbook: ExcelJS.Workbook, layout: SheetLayout, styles: Map<StyleId, Partial<ExcelJS.Style>>): void {
  const sheet = workbook.addWorksheet(layout.name, {
    views: layout.freeze ? [{ state: "frozen", xSplit: layout.freeze.columns, ySplit: layout.freeze.rows }] : [],
  });
  for (const { column, width } of layout.columnWidths) sheet.getColumn(column).width = width;
  for (const column of layout.hiddenColumns ?? []) sheet.getColumn(column).hidden = true;
  const filter = layout.autoFilter;
  if (filter) sheet.autoFilter = { from: { row: filter.top, column: filter.left }, to: { row: filter.bottom, column: filter.right } };
  for (const cell of layout.cells) writeCell(sheet, cell, styles);
  for (const m of layout.merges) sheet.mergeCells(m.top, m.left, m.bottom, m.right);
  if (layout.page) applyPageSetup(sheet, layout.page);
  layout.conditionalFormats.forEach((cf, i) => {
    sheet.addConditionalFormatting({
      ref: cf.range,
      rules: [
        {
          type: "expression",
          priority: i + 1,
          formulae: [cf.formula.replace(/^=/, "")],
          style: findingStyle(cf.severity),
        },
      ],
    });
  });
}

const A4_PAPER_SIZE = 9;

function range(area: { top: number; left: number; bottom: number; right: number }): string {
  return `${a1(area.top, area.left)}:${a1(area.bottom, area.right)}`;
}

/** The plan's print settings as ExcelJS pageSetup and footer. */
function applyPageSetup(sheet: ExcelJS.Worksheet, page: PageSetup): void {
  sheet.pageSetup = {
    paperSize: A4_PAPER_SIZE as ExcelJS.PageSetup["paperSize"],
    orientation: page.orientation,
    fitToPage: true,
    fitToWidth: page.fitToWidth,
    fitToHeight: page.fitToHeight,
    printArea: range(page.printArea),
    ...(page.titleRows ? { printTitlesRow: `${page.titleRows.top}:${page.titleRows.bottom}` } : {}),
    margins: page.margins,
    blackAndWhite: page.blackAndWhite,
    horizontalCentered: page.horizontallyCentered,
  };
  sheet.headerFooter = { oddFooter: `&C${page.footer}` };
}

/**
 * Rows tall enough for the wrapped text the cells now hold (long 职能职责 in 基本概况, the
 * 报告综述 paragraphs): Excel does not grow a row for text a program wrote.
 */
export function fitWrappedRows(workbook: ExcelJS.Workbook, plan: LayoutPlan, styleTable: StyleTable = CELL_STYLES): void {
  for (const layout of plan.sheets) {
    const sheet = workbook.getWorksheet(layout.name);
    if (!sheet) continue;
    const textAt = (row: number, column: number): string | undefined => {
      const v = sheet.getCell(row, column).value;
      return typeof v === "string" ? v : undefined;
    };
    for (const { row, height } of wrappedRowHeights(layout, (c) => styleTable[c.style]?.wrap === true, textAt)) sheet.getRow(row).height = height;
  }
}

/** The workbook a plan describes; defined names and the marker are added by `workbookBytes`. */
export function buildWorkbook(plan: LayoutPlan, styleTable: StyleTable = CELL_STYLES): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "ZiPing 自评表助手";
  workbook.calcProperties.fullCalcOnLoad = true;
  const styles = new Map(Object.entries(styleTable).map(([id, s]) => [id as StyleId, excelStyle(s)]));
  for (const sheet of plan.sheets) layOutSheet(workbook, sheet, styles);
  return workbook;
}

/** The plan's defined names plus its hidden marker, as workbook-scoped names. */
export function plannedNames(plan: LayoutPlan): DefinedName[] {
  return [
    { name: plan.marker.name, text: constantFormula(plan.marker.value), hidden: true, comment: "ZiPing 模板标记：报表规格与版本" },
    ...plan.names.map((n) => ({ name: n.name, text: n.reference, ...(n.comment ? { comment: n.comment } : {}) })),
    // Excel's own name for a sheet's autofilter: without it LibreOffice drops the filter buttons.
    ...plan.sheets.flatMap((s, i) =>
      s.autoFilter
        ? [{ name: "_xlnm._FilterDatabase", text: absoluteRange(s.name, s.autoFilter.top, s.autoFilter.left, s.autoFilter.bottom, s.autoFilter.right), localSheetId: i, hidden: true }]
        : [],
    ),
  ];
}

/**
 * Serialises the workbook with the given defined names. ExcelJS cannot write a constant name
 * (the marker) or a hidden one, so its workbook.xml is rewritten; names ExcelJS wrote itself
 * (print areas) are kept unless replaced.
 */
export async function workbookBytes(workbook: ExcelJS.Workbook, names: DefinedName[]): Promise<Buffer> {
  const written = Buffer.from(await workbook.xlsx.writeBuffer());
  const zip = await JSZip.loadAsync(written);
  const path = "xl/workbook.xml";
  const xml = await zip.file(path)!.async("string");
  const ours = new Set(names.map((n) => n.name.toUpperCase()));
  const kept = parseDefinedNames(xml).filter((n) => !ours.has(n.name.toUpperCase()));
  zip.file(path, withDefinedNames(xml, [...kept, ...names]));
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 } });
}

function gridCell(value: ExcelJS.CellValue): GridCell | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return { value };
  if (typeof value === "object" && "formula" in value && typeof value.formula === "string") return { formula: value.formula };
  if (typeof value === "object" && "richText" in value) return { value: value.richText.map((r) => r.text).join("") };
  return undefined;
}

function cachedResult(result: CellResult): ExcelJS.CellFormulaValue["result"] {
  if (result === null) return "";
  if (isError(result)) return { error: result.error as ExcelJS.CellErrorValue["error"] };
  return result;
}

/**
 * Stores every formula with its result, computed as Excel computes it (core/formula), so a
 * reader that does not recalculate — ZiPing's own check, previewers, some WPS modes — sees the
 * totals and verdicts. Excel still recalculates on open (fullCalcOnLoad).
 */
export function cacheFormulaResults(workbook: ExcelJS.Workbook): void {
  const grid = new FormulaGrid();
  const formulas: Array<{ sheet: string; cell: ExcelJS.Cell; formula: string }> = [];
  workbook.eachSheet((sheet) => {
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        const content = gridCell(cell.value);
        if (!content) return;
        grid.set(sheet.name, Number(cell.row), Number(cell.col), content);
        if ("formula" in content) formulas.push({ sheet: sheet.name, cell, formula: content.formula });
      });
    });
  });
  for (const { sheet, cell, formula } of formulas) {
    cell.value = { formula, result: cachedResult(grid.cellValue(sheet, Number(cell.row), Number(cell.col))) } as ExcelJS.CellFormulaValue;
  }
}
