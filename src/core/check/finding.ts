import { formatAmount, type Dec } from "../money";
import type { FieldDef } from "../spec/instances";
import type { Severity } from "../spec/types";

export type FindingKind =
  | "sum" // a total or difference that does not add up
  | "tail" // 尾差: off by no more than rounding of the shown parts explains
  | "same" // one figure shown in two places disagrees
  | "overspend" // 决算 above 预算
  | "unbudgeted" // 决算 with no 预算 line
  | "range"
  | "grade"
  | "score" // an entered 综合得分 above what the computable indicators leave (ziping score)
  | "rate" // a 完成率 typed or stated in the text that its row's 实际完成值 ÷ 指标值 does not give
  | "inequality" // a above the figure it may not exceed
  | "ratio" // a percentage that is not the ratio of its two figures
  | "invalid" // not a number in a numeric cell
  | "blank" // cells left empty in a table that is otherwise filled
  | "prior"; // a 上年 figure that is not last year's 本年 figure (check --prior)

export interface Finding {
  /** Stable id of the expanded rule, e.g. `income.rowTotal[unit[1]]`, `invalid:income.all.total`. */
  ruleId: string;
  /** The spec relation it comes from (or `invalid` / `blank`). */
  relationId: string;
  kind: FindingKind;
  severity: Severity;
  /** Field ids involved, the cell at fault first. */
  fields: string[];
  /** Sheet-qualified A1 address of the cell at fault. */
  cell: string;
  cells: string[];
  expected?: string;
  actual?: string;
  difference?: string;
  message: string;
}

/** Figures as the report prints them: 万元 with 2 decimals, headcounts whole. */
export function showFigure(field: FieldDef, value: Dec): string {
  if (field.kind === "count" || field.kind === "score") return value.toString();
  return formatAmount(value, 2);
}

export function withUnit(field: FieldDef, shown: string): string {
  return field.unit ? `${shown}${field.unit}` : shown;
}

/**
 * A field as a finding names it. The table title is the finding's heading (the pane groups by
 * table, the CLI prints the cell), so only a field in another table than `home` repeats it.
 */
export function nameIn(field: FieldDef, home: FieldDef = field): string {
  const inTable = [field.row.label, field.column?.label].filter(Boolean).join("·");
  return field.table.id === home.table.id ? inTable : `${field.table.title}·${inTable}`;
}

/** What two cells of one row are about (基本支出, 工资福利支出); their names when they share no row. */
export function subjectOf(a: FieldDef, b: FieldDef): string {
  return a.table.id === b.table.id && a.row.id === b.row.id ? a.row.label : nameIn(a);
}

/** Cells to look at, listed for the officer: 基本概况!B28、基本概况!B29. */
export function cellList(cells: string[]): string {
  return cells.join("、");
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Errors before warnings (overspends) before notices, then in layout order of their cell. */
export function sortFindings(findings: Finding[], order: ReadonlyMap<string, number>): Finding[] {
  return [...findings].sort(
    (x, y) =>
      SEVERITY_ORDER[x.severity] - SEVERITY_ORDER[y.severity] ||
      (order.get(x.fields[0]) ?? 0) - (order.get(y.fields[0]) ?? 0) ||
      x.ruleId.localeCompare(y.ruleId),
  );
}
