/**
 * Executes a layout plan into an ExcelJS workbook, and writes a report's values into its
 * field cells. Nothing here decides what goes where: the plan does.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { CellStyle, LayoutPlan, PlannedCell, SheetLayout, StyleId } from "../../core/plan/layout-types";
import type { DefinedName } from "./names";
import { constantFormula, parseDefinedNames, withDefinedNames } from "./names";
import { absoluteRange } from "../../core/plan/names";
import { CELL_STYLES } from "../../core/plan/styles";
import { excelStyle, findingStyle } from "./styles";

export type StyleTable = Record<StyleId, CellStyle>;

/** Formulas are written without their cached result, so Excel, WPS and LibreOffice calculate them on open. */
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
