/**
 * The layout plan: everything a host needs to lay out the template, as data. The core builds
 * it from the spec (src/core/plan/layout.ts); the Office.js, .xlsx and in-memory hosts only
 * execute it. Addresses are local to their sheet (A1, no sheet name) unless stated.
 */

/** Named visual roles; each host maps them to its own formatting API via CELL_STYLES. */
export type StyleId =
  | "title"
  | "unit" // "单位：万元" line
  | "header"
  | "label" // row labels (fixed)
  | "listLabel" // row labels of open lists (input: the officer names units/科目 here)
  | "inputAmount"
  | "inputCount"
  | "inputText"
  | "computedAmount" // totals laid out as formulas
  | "computedCount"
  | "checkHeader"
  | "checkCell"
  | "narrative";

export interface CellStyle {
  bold?: boolean;
  /** Font size in points. */
  size?: number;
  /** Fill colour, #RRGGBB. Input cells are visibly distinct from computed ones. */
  fill?: string;
  fontColor?: string;
  /** Excel number format code, e.g. "0.00", "0", "@". */
  numberFormat?: string;
  horizontal?: "left" | "center" | "right";
  vertical?: "top" | "center";
  wrap?: boolean;
  border?: boolean;
  indent?: number;
  /** Unlocked cells are the ones the officer types in. */
  locked?: boolean;
}

export interface PlannedCell {
  row: number;
  column: number;
  /** A constant. Strings are always written as text (never interpreted as a formula). */
  value?: string | number;
  /** A formula, starting with "=", in English function names with comma separators. */
  formula?: string;
  style: StyleId;
  /** The field this cell holds, when it holds one. */
  fieldId?: string;
  /** Indentation level of a row label (其中 items); overrides the style's indent. */
  indent?: number;
  /** A number format that overrides the style's (scores "General", percentages "0.00%"). */
  numberFormat?: string;
}

export interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** A conditional format that colours a failing total or an overspend in place. */
export interface PlannedConditionalFormat {
  /** Local A1 range the format applies to (usually one cell). */
  range: string;
  /** Excel formula, relative to the range's top-left cell, true when the cell is at fault. */
  formula: string;
  severity: "error" | "warning" | "info";
  ruleId: string;
}

/** A workbook-scoped defined name that finds a table body again after rows move. */
export interface PlannedName {
  name: string;
  /** Sheet-qualified absolute range, e.g. 收入!$A$6:$G$7. */
  reference: string;
  comment?: string;
}

export interface SheetLayout {
  /** Sheet name as it will appear (Chinese). */
  name: string;
  /** The spec sheet id, or "checks" / "narrative" for the generated sheets. */
  id: string;
  cells: PlannedCell[];
  merges: Merge[];
  /** Width in characters, by 1-based column. */
  columnWidths: Array<{ column: number; width: number }>;
  freeze?: { rows: number; columns: number };
  /** 1-based columns to hide (the 校验 sheet's working columns). */
  hiddenColumns?: number[];
  /** A filter (and sort) button on each header cell of this area: the 校验 sheet's rules. */
  autoFilter?: Merge;
  conditionalFormats: PlannedConditionalFormat[];
  /** How the sheet prints (A4, one page wide, header rows repeated): page.ts. */
  page?: PageSetup;
}

export interface LayoutPlan {
  formId: string;
  formVersion: number;
  /** Written to a hidden defined name (ZIPING_FORM) so a workbook is recognised, with its version. */
  marker: { name: string; value: string };
  sheets: SheetLayout[];
  names: PlannedName[];
}

/** What a read needs: every range, in one batch, and how to turn cells back into field values. */
export interface ReadPlan {
  /** Sheet-qualified ranges (or defined names) to load, each read once. */
  ranges: Array<{
    key: string;
    address: string;
    name?: string;
    /** The spec table the range holds (the key, for table bodies). */
    tableId?: string;
    /** Rows and columns as laid out; a name that now spans more rows means rows were inserted. */
    rows?: number;
    columns?: number;
  }>;
}

/** How a sheet prints (see page.ts, which makes it). */
export interface PrintArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface PageSetup {
  paper: "A4";
  orientation: "portrait" | "landscape";
  /** Scaled to fit this many pages across; 0 pages down = as many as the rows need. */
  fitToWidth: 1;
  fitToHeight: 0;
  printArea: PrintArea;
  /** Rows printed again at the top of every page (a table's header rows). */
  titleRows?: { top: number; bottom: number };
  /** Inches, as Excel stores them. */
  margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  /** Centre-footer text in Excel's codes: &P page, &N pages. */
  footer: string;
  /**
   * Printed in black and white: the input (yellow) and formula (blue) fills and the in-place
   * highlights are for the screen, the printed form is plain like the official one.
   */
  blackAndWhite: true;
  horizontallyCentered: true;
}
