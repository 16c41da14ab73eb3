/**
 * Compile-time check that the memory proxies match @types/office-js for every property the add-in
 * uses: each line fails to compile if a member's type drifts from Office.js's.
 */
import type { MemoryNamedItem } from "./proxy/names";
import type { MemoryRange, MemoryRangeFormat } from "./proxy/range";
import type { MemoryWorksheet } from "./proxy/sheets";

type RangeProperties = "address" | "values" | "formulas" | "numberFormat" | "text" | "valueTypes" | "rowIndex" | "columnIndex" | "rowCount" | "columnCount";
type FormatProperties = "horizontalAlignment" | "verticalAlignment" | "wrapText" | "columnWidth";
type SheetProperties = "name" | "id" | "position" | "visibility";
type NameProperties = "name" | "formula" | "comment" | "visible" | "type" | "value";

export type RangeSurface = Pick<Excel.Range, RangeProperties>;
export type FormatSurface = Pick<Excel.RangeFormat, FormatProperties>;
export type SheetSurface = Pick<Excel.Worksheet, SheetProperties>;
export type NameSurface = Pick<Excel.NamedItem, NameProperties>;

export const rangeMatches = (r: MemoryRange): RangeSurface => r;
export const formatMatches = (f: MemoryRangeFormat): FormatSurface => f;
export const sheetMatches = (s: MemoryWorksheet): SheetSurface => s;
export const nameMatches = (n: MemoryNamedItem): NameSurface => n;

/** Method parameters the add-in passes, checked against Office.js's signatures. */
export const methodParameters = {
  insert: (m: MemoryRange["insert"]): ((shift: Parameters<Excel.Range["insert"]>[0] & string) => unknown) => m,
  remove: (m: MemoryRange["delete"]): ((shift: "Up" | "Left") => void) => m,
  merge: (m: MemoryRange["merge"]): ((...args: Parameters<Excel.Range["merge"]>) => void) => m,
  getRangeByIndexes: (m: MemoryWorksheet["getRangeByIndexes"]): ((...args: Parameters<Excel.Worksheet["getRangeByIndexes"]>) => unknown) => m,
};
