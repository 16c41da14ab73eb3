/**
 * The report form as data. A FormSpec is plain JSON-compatible data: adding a second
 * official form (the 财政部 部门决算 public tables, a province's own 自评表) means writing
 * another FormSpec, validated by `validateForm`, with no code change.
 *
 * Field ids:
 *   grid table:    `${table}.${row}.${column}`          e.g. income.all.carryover
 *   list row:      `${table}.${row}[${n}].${column}`    e.g. income.unit[1].carryover  (n is 1-based)
 *   record table:  `${table}.${row}`                    e.g. staff.authorized
 *   list row label cells (name, code): `${table}.${row}[${n}].#name` / `#code`
 */

/** What a cell holds, which decides how it is parsed, shown and compared. */
export type ValueKind =
  | "amount" // money, in the table's unit (万元 by default), 2 decimals
  | "count" // headcounts, vehicles, institutions: whole numbers
  | "score" // 0–100 points
  | "percent"
  | "text"
  | "amountOrNone"; // a figure, or the word 无 (政府性基金 etc.)

export type Unit = "万元" | "元" | "人" | "台" | "个" | "分" | "%" | "";

export interface ColumnSpec {
  id: string;
  label: string;
  /**
   * Header cells above the label, outermost first, e.g. ["其中："] or ["其中：", "其中："].
   * Adjacent columns sharing a prefix are merged horizontally; a short path is merged down.
   */
  groups?: string[];
  kind?: ValueKind;
  unit?: Unit;
  /** Other names real exports use for this column (import mapping). */
  synonyms?: string[];
  /** Column width in characters, when the label alone would mislead. */
  width?: number;
}

export interface RowSpec {
  id: string;
  label: string;
  /** When set, this row is an open list: one row per entry of the named list. */
  list?: string;
  /** Per-row kind/unit for record tables (one value per row). */
  kind?: ValueKind;
  unit?: Unit;
  /** Indentation level in the label (其中 items). */
  indent?: number;
  synonyms?: string[];
  /** A note shown beside the field (record tables) and in docs/fields.md. */
  note?: string;
}

export interface LabelColumnSpec {
  /** `name` holds the list entry's name; `code` its 科目编码. */
  id: "name" | "code";
  label: string;
  width?: number;
}

export interface TableSpec {
  id: string;
  title: string;
  /** grid: rows × columns. record: one value per row (label | value | unit). */
  layout: "grid" | "record";
  /** Default kind and unit for the table's value cells. */
  kind?: ValueKind;
  unit?: Unit;
  /** The header of the row-label column(s), e.g. 机构名称 or 科目编码 + 科目名称. */
  labelColumns?: LabelColumnSpec[];
  columns?: ColumnSpec[];
  rows: RowSpec[];
  /** Other names exports and reports use for this table (import mapping). */
  synonyms?: string[];
  note?: string;
}

export interface SheetSpec {
  id: string;
  /** The Chinese sheet name (Excel: ≤31 chars, none of : \ / ? * [ ]). */
  name: string;
  tables: TableSpec[];
}

export interface ListSpec {
  id: string;
  label: string;
  /** Entries carry a 科目编码 as well as a name. */
  coded?: boolean;
  /** Synonyms of the list's label column header, for import. */
  synonyms?: string[];
}

/**
 * A reference to one or more fields. Placeholders `{row}` and `{col}` are filled from the
 * relation's `each`; `[*]` in a list row expands to every entry, e.g. income.unit[*].total.
 */
export type FieldRef = string;

export interface Each {
  /** Table whose rows/columns are iterated. */
  table: string;
  /** Row ids to iterate ("*" = every row including list entries and totals). */
  rows?: string[] | "*";
  /** Column ids to iterate ("*" = every value column). */
  columns?: string[] | "*";
  /** Rows/columns to leave out of "*". */
  exceptRows?: string[];
  exceptColumns?: string[];
}

export type Severity = "error" | "warning" | "info";

interface RelationBase {
  /** Stable rule id; expansions add `[row]` / `[col]` / `[row,col]`. */
  id: string;
  /** Chinese name of the rule, shown in findings and the 校验 sheet. */
  label: string;
  each?: Each;
}

/** target = Σ sign·term. A sum is all +; a difference has − terms. */
export interface EquationRelation extends RelationBase {
  kind: "equation";
  target: FieldRef;
  terms: Array<FieldRef | { ref: FieldRef; sign: -1 | 1 }>;
  /** The target cell is laid out as a formula of its terms (totals). */
  formula?: boolean;
}

/** The same figure shown in two places must agree to the shown precision. */
export interface SameRelation extends RelationBase {
  kind: "same";
  a: FieldRef;
  b: FieldRef;
}

/** 决算 above 预算 is an overspend; a 决算 without any 预算 is 年初未作预算. */
export interface BudgetRelation extends RelationBase {
  kind: "budget";
  budget: FieldRef;
  actual: FieldRef;
}

export interface RangeRelation extends RelationBase {
  kind: "range";
  field: FieldRef;
  min: string;
  max: string;
}

export interface GradeBand {
  grade: string;
  /** Inclusive lower bound. */
  min: string;
}

/** A score and the 等次 it implies (bands sorted high to low). */
export interface GradeRelation extends RelationBase {
  kind: "grade";
  score: FieldRef;
  grade: FieldRef;
  bands: GradeBand[];
}

export type Relation =
  | EquationRelation
  | SameRelation
  | BudgetRelation
  | RangeRelation
  | GradeRelation;

export interface FormSpec {
  id: string;
  title: string;
  /** Bumped when the layout changes; templates carry it so old ones are recognised. */
  version: number;
  lists: ListSpec[];
  sheets: SheetSpec[];
  relations: Relation[];
  /** The written report's outline (ziping report), when the form has one. */
  report?: ReportOutline;
}

/**
 * What a section of the written 自评报告 holds, in order: a table of the form (laid out as the
 * workbook lays it out), the paragraphs ZiPing writes (narrate: all of them, or these ids), or a
 * field the officer writes prose in, under its label.
 */
export type ReportBlock =
  | { kind: "table"; table: string }
  | { kind: "paragraphs"; ids?: string[] }
  | { kind: "field"; field: string; label?: string };

export interface ReportSection {
  /** As the official outline words it: 一、部门（单位）基本概况. */
  heading: string;
  blocks: ReportBlock[];
}

/** The written report: its title and its sections in the official order. */
export interface ReportOutline {
  title: string;
  sections: ReportSection[];
}
