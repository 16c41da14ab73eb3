import type { ListEntry, RawValue, ReportData } from "../spec/data";
import type { FormSpec } from "../spec/types";
import type { MatchHow } from "./match";

/** Where a cell of the input was: the 1-based source line its row starts on, and its column. */
export interface CellSource {
  line: number;
  column: number;
  /** The cell exactly as it came in. */
  text: string;
}

export type SourceUnit = "元" | "万元";

export interface ImportOptions {
  form?: FormSpec;
  /** Target table id (or its Chinese title); inferred when absent. */
  table?: string;
  /** Unit of the export's figures; overrides what the export states or what is inferred. */
  unit?: SourceUnit;
  /** The workbook's current data: existing values (overwrites are listed), lists, and magnitudes for unit inference. */
  reference?: ReportData;
}

export interface TableChoice {
  id: string;
  title: string;
  how: "given" | "inferred";
  /** Chinese: what decided it. */
  reason: string;
}

export interface UnitChoice {
  value: SourceUnit;
  how: "stated" | "inferred" | "given";
  reason: string;
}

/** How one column of the export was understood. */
export interface ColumnMapping {
  column: number;
  /** The header text the match was made on (the lowest header cell of the column). */
  header: string;
  role: "label" | "code" | "sequence" | "value" | "unmapped";
  /** Target column id (grid tables) or "value" (record tables). */
  columnId?: string;
  /** Target row id, when the header names the row too (a wide export: 预算数 › 公务接待费). */
  rowId?: string;
  columnLabel?: string;
  how?: MatchHow;
  score?: number;
  matched?: string;
  /** Why a column was left out. */
  reason?: string;
  /** A unit stated in this column's own header ("金额（元）"). */
  unit?: SourceUnit;
}

/** How one data line of the export was understood. */
export interface RowMapping {
  line: number;
  label: string;
  code?: string;
  /** "cells": a line of a wide export, each figure going to the cell its column's header names. */
  role: "row" | "entry" | "total" | "subtotal" | "detail" | "cells" | "note" | "rejected";
  /** Row instance id in the table ("all", "unit[2]", "salary"). */
  rowId?: string;
  how?: MatchHow | "new";
  score?: number;
  matched?: string;
  /** For details: the line of the placed parent that already carries this amount. */
  parentLine?: number;
  reason?: string;
}

/** A value the plan will write. */
export interface ImportWrite extends CellSource {
  fieldId: string;
  /** Sheet-qualified A1 address in the template laid out for the lists after import. */
  cell: string;
  /** 「表·行·栏」 for people. */
  label: string;
  /** The amount as written (export unit), plain decimal; absent for text. */
  parsed?: string;
  /** The amount in the field's unit (万元), exact. */
  converted?: string;
  conversion: "元→万元" | "万元→元" | "none";
  /** What is stored in ReportData.values. */
  value: RawValue;
  /** The value is text and must be written as text (never as a formula, whatever it starts with). */
  asText?: true;
  /** The value the target holds now, which this write replaces. */
  existing?: RawValue;
  /** A "-"/"—"/"/"/"无" shown for no figure, written as 0 (or as 无 where the field takes it). */
  noFigure?: true;
}

export type TotalStatus = "agrees" | "tail" | "differs" | "unchecked";

/** A total in the export: compared with the template's own sum, never written over its formula. */
export interface ImportTotal extends CellSource {
  /** "template": a 合计 cell whose template cell is a formula. "subtotal": an export line summing its sub-lines. */
  kind: "template" | "subtotal";
  fieldId?: string;
  cell?: string;
  label: string;
  /** The export's figure in the field's unit (万元). */
  exported: string;
  conversion: "元→万元" | "none";
  /** The template's sum (or the sub-lines' sum) after import. */
  expected?: string;
  status: TotalStatus;
  message?: string;
}

/** A sub-line (款/项) whose amount is already carried by a placed parent line: shown, not written. */
export interface ImportDetail extends CellSource {
  parentLine: number;
  parsed: string;
  converted: string;
  conversion: "元→万元" | "none";
}

/** A text cell the importer read as structure: title, unit line, header, row label, code, note. */
export interface ImportConsumed extends CellSource {
  role: "title" | "unit" | "header" | "label" | "code" | "sequence" | "note";
  asText: true;
}

export interface ImportReject extends CellSource {
  /** Chinese: why it was not imported. */
  reason: string;
}

/** A new entry of an open list (a 机构, a 科目) the import adds. */
export interface ListAdd {
  list: string;
  /** 1-based position the entry takes. */
  index: number;
  entry: ListEntry;
  line: number;
  /** The name is text, written as text even if it starts with = + - @. */
  asText: true;
}

export interface ImportFinding {
  severity: "error" | "warning" | "info";
  line?: number;
  column?: number;
  cell?: string;
  message: string;
}

/** One panel of an export printed as panels side by side (公开01表: 收入 | 支出), and the table it went to. */
export interface PanelChoice {
  /** First and last column of the panel, 1-based. */
  columns: [number, number];
  /** Undefined when no table could be chosen for it: then its cells are in `rejects`. */
  table?: TableChoice;
  unit?: UnitChoice;
}

export interface ImportPlan {
  form: string;
  /**
   * Undefined when no table could be chosen: then every cell is in `rejects`. For an export of
   * panels side by side, the panels' tables together (ids joined by "+"); `panels` has each.
   */
  table?: TableChoice;
  panels?: PanelChoice[];
  unit?: UnitChoice;
  delimiter: string;
  columns: ColumnMapping[];
  rows: RowMapping[];
  writes: ImportWrite[];
  totals: ImportTotal[];
  details: ImportDetail[];
  listAdds: ListAdd[];
  consumed: ImportConsumed[];
  rejects: ImportReject[];
  findings: ImportFinding[];
  /** List lengths the plan was made against; applyPlan refuses data whose lists moved since. */
  basis: Record<string, number>;
}
