/**
 * A ZiPing template's package, opened for reading: refused unless it carries the template marker
 * (before its sheets are parsed) and its parts are whole; its cells are read from the package
 * when a read plan asks for them. Portable: the CLI (open.ts) and the pane (a picked workbook)
 * both open templates through it.
 */
import type { ReadValue } from "./cell-value";
import { WorkbookFileError } from "./errors";
import { constantValue } from "../../core/excel/defined-name";
import { assertPartsWhole, sheetFormulaResults, type WorkbookPackage } from "./package";
import { packageCells, type WorkbookCells } from "./package-cells";

export interface OpenedWorkbook {
  file: string;
  package: WorkbookPackage;
  /** The cells, read from the package as a read plan asks for them. */
  cells: WorkbookCells;
  /** The marker name's text (e.g. the form id and version), when the workbook has one. */
  marker?: string;
  /** A sheet's formula cells, each with its cached result by A1 (undefined: saved without one); read on first use. */
  formulaResults(sheet: string): Map<string, ReadValue | undefined>;
}

/** Excel compares names case-insensitively. */
export function findName(pkg: WorkbookPackage, name: string) {
  const upper = name.toUpperCase();
  return pkg.names.find((n) => n.name.toUpperCase() === upper && n.localSheetId === undefined);
}

/**
 * An opened package as a template. `markerName` is the template marker to look for: a workbook
 * without it is refused as "not a ZiPing template".
 */
export function openTemplate(file: string, markerName: string, pkg: WorkbookPackage): OpenedWorkbook {
  const markerEntry = findName(pkg, markerName);
  const marker = markerEntry ? constantValue(markerEntry.text) : undefined;
  if (marker === undefined) {
    throw new WorkbookFileError(
      file,
      "not-a-template",
      `不是 ZiPing 自评表模板（工作簿中没有 ${markerName} 标记）；请用 ziping template 生成模板，导出的数据请用 ziping import 导入`,
    );
  }
  // A part cut short or left unfinished is a damaged file, not one with fewer cells.
  assertPartsWhole(file, pkg);
  const results = new Map<string, Map<string, ReadValue | undefined>>();
  const resultsOf = (sheet: string) => {
    let cells = results.get(sheet);
    if (!cells) results.set(sheet, (cells = sheetFormulaResults(pkg, sheet)));
    return cells;
  };
  return { file, package: pkg, cells: packageCells(file, pkg), marker, formulaResults: resultsOf };
}
