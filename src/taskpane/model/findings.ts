/**
 * How the 校验 tab arranges the core's findings: one group per table, the groups with errors
 * first, then those with overspends, then those with notes only; inside a group the core's
 * order is kept (it already puts errors before warnings before notices).
 */
import type { Finding } from "../../core/check";
import { splitSheet } from "../../core/excel/address";
import type { Severity } from "../../core/spec";
import type { FormSpec } from "../../core/spec/types";

export interface FindingGroup {
  /** Spec table id, or "" for findings whose table is unknown. */
  tableId: string;
  /** 基本概况 · 人员情况 */
  sheetName: string;
  tableTitle: string;
  findings: Finding[];
  /** The most severe finding in the group. */
  worst: Severity;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** `staff.actual` → staff, `income.unit[2].total` → income. */
export function tableIdOf(fieldId: string): string {
  const match = /^[^.[]+/.exec(fieldId);
  return match ? match[0] : "";
}

export function groupFindings(findings: readonly Finding[], form: FormSpec): FindingGroup[] {
  const tables = new Map<string, { sheetName: string; title: string; order: number }>();
  let order = 0;
  for (const sheet of form.sheets) {
    for (const table of sheet.tables) tables.set(table.id, { sheetName: sheet.name, title: table.title, order: order++ });
  }

  const groups = new Map<string, FindingGroup>();
  for (const finding of findings) {
    const id = tableIdOf(finding.fields[0] ?? "");
    const known = tables.get(id);
    const key = known ? id : "";
    let group = groups.get(key);
    if (!group) {
      group = {
        tableId: key,
        sheetName: known?.sheetName ?? sheetOfCell(finding.cell),
        tableTitle: known?.title ?? "",
        findings: [],
        worst: finding.severity,
      };
      groups.set(key, group);
    }
    group.findings.push(finding);
    if (RANK[finding.severity] < RANK[group.worst]) group.worst = finding.severity;
  }

  const layoutOrder = (g: FindingGroup) => tables.get(g.tableId)?.order ?? Number.MAX_SAFE_INTEGER;
  return [...groups.values()].sort((x, y) => RANK[x.worst] - RANK[y.worst] || layoutOrder(x) - layoutOrder(y));
}

/**
 * The finding as a card under its table's heading shows it: a message that opens with that
 * table's title (部门（单位）基本概况：下设直属单位未填写…) loses it, the heading says it once.
 */
export function underHeading<F extends Pick<Finding, "message">>(finding: F, tableTitle: string): F {
  const prefix = `${tableTitle}：`;
  return tableTitle && finding.message.startsWith(prefix) ? { ...finding, message: finding.message.slice(prefix.length) } : finding;
}

export interface SeverityCounts {
  error: number;
  warning: number;
  info: number;
}

export function countBySeverity(findings: readonly Finding[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** 基本概况!B28 → 基本概况; '收入 (2)'!A1 → 收入 (2). */
export function sheetOfCell(address: string): string {
  return splitSheet(address).sheet ?? "";
}

/** The cell part of a sheet-qualified address, for display: 基本概况!B28 → B28. */
export function localCell(address: string): string {
  return splitSheet(address).local;
}

/**
 * The three piles the 校验 tab shows: 错误 (figures to correct), 超支（需说明）(routine in a
 * 决算: the report explains them, nothing is corrected) and 提示 (the rest: 尾差, blanks, other
 * warnings, which keep their own badge on the card).
 */
export type FindingCategory = "error" | "overspend" | "notice";

export const CATEGORIES: readonly FindingCategory[] = ["error", "overspend", "notice"];

export function categoryOf(finding: Pick<Finding, "severity" | "kind">): FindingCategory {
  if (finding.severity === "error") return "error";
  return finding.kind === "overspend" || finding.kind === "unbudgeted" ? "overspend" : "notice";
}

export function countByCategory(findings: readonly Finding[]): Record<FindingCategory, number> {
  const counts: Record<FindingCategory, number> = { error: 0, overspend: 0, notice: 0 };
  for (const f of findings) counts[categoryOf(f)]++;
  return counts;
}

export interface CategoryGroup {
  category: FindingCategory;
  count: number;
  /** The category's findings by table, each table once. */
  tables: FindingGroup[];
}

/** The non-empty categories in the order above, each split by table. */
export function groupByCategory(findings: readonly Finding[], form: FormSpec): CategoryGroup[] {
  return CATEGORIES.map((category) => {
    const mine = findings.filter((f) => categoryOf(f) === category);
    return { category, count: mine.length, tables: groupFindings(mine, form) };
  }).filter((g) => g.count > 0);
}
