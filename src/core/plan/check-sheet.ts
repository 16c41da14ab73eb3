import { expandRules, ruleFields, type Rule } from "../spec/rules";
import { expandFields, type FieldDef, type Lists } from "../spec/instances";
import type { FormSpec } from "../spec/types";
import { a1, absoluteRange, columnLetters } from "../excel/address";
import { CheckFormulas, ruleRow, VERDICT, type WorkingCells } from "./check-formulas";
import { areaRef, groupAreas, locatorFor, type Locator } from "./formulas";
import type { PlannedCell, PlannedConditionalFormat, PlannedName, SheetLayout } from "./layout-types";
import { CHECKS_NAME, CHECKS_SUMMARY_NAME } from "./names";
import type { CellPosition } from "../spec/placement";

export const CHECK_SHEET_ID = "checks";
export const CHECK_SHEET_NAME = "校验";

/**
 * The 校验 sheet, read without the add-in:
 *   row 1        title
 *   rows 2–8     summary: 需处理 (the count an officer looks for first), then 不通过 / 超支 / 尾差 /
 *                无法校验 / 未填 / 通过, each a COUNTIF of 结果
 *   row 10       header, with an autofilter
 *   rows 11–     one row per expanded rule, in expandRules order
 * Formulas cannot sort, and an officer's sort would move rows that the data sheets' highlights
 * point at (校验!$E$12), so the sheet is made for filtering instead: 状态 starts with a digit in
 * the order of urgency (1 需更正 … 5 通过), so the filter list offers the rows needing the
 * officer first and a filter on 1 and 2 shows only them, with nothing moved. The row is coloured
 * by its 结果 as the pane colours a finding, and the top line counts the rows to handle.
 * Columns of a rule row: A 规则编号 (hidden: ZiPing finds its rows by it) · B 状态 · C 规则 (the
 * spec's relation label and the row or column it was expanded over) · D 位置 (a link to the cell
 * at fault) · E 结果 · F 差额 · G 容差 · H 校验内容 (the rule in cell terms), then the hidden
 * working cells the verdict reads: I 计算差 · J 无法识别 · K 本格已填 · L 对照已填 · M 辅助.
 */
export const CHECK_COLUMNS = {
  ruleId: 1,
  status: 2,
  label: 3,
  link: 4,
  verdict: 5,
  shownDifference: 6,
  tolerance: 7,
  cells: 8,
  difference: 9,
  invalid: 10,
  mainFilled: 11,
  otherFilled: 12,
  extra: 13,
} as const;
const LAST_COLUMN = CHECK_COLUMNS.extra;
const HEADERS: Record<keyof typeof CHECK_COLUMNS, string> = {
  ruleId: "规则编号",
  status: "状态",
  label: "规则",
  link: "位置",
  verdict: "结果",
  shownDifference: "差额",
  tolerance: "容差",
  cells: "校验内容",
  difference: "计算差",
  invalid: "无法识别",
  mainFilled: "本格已填",
  otherFilled: "对照已填",
  extra: "辅助",
};
/** Widths in characters; 差额 and 容差 leave room for a 6-digit figure with its decimals (no ###). */
const WIDTHS: Record<keyof typeof CHECK_COLUMNS, number> = {
  ruleId: 30,
  status: 11,
  label: 40,
  link: 22,
  verdict: 20,
  shownDifference: 14,
  tolerance: 14,
  cells: 44,
  difference: 12,
  invalid: 10,
  mainFilled: 10,
  otherFilled: 10,
  extra: 10,
};
const VISIBLE: Array<keyof typeof CHECK_COLUMNS> = ["status", "label", "link", "verdict", "shownDifference", "tolerance", "cells"];

/** 状态 of a 结果, in the order a sort should show them; the first three need the officer. */
export const CHECK_STATUS = {
  fix: "1 需更正",
  explain: "2 需说明",
  tail: "3 尾差",
  blank: "4 未填",
  pass: "5 通过",
} as const;
export const CHECK_SHEET_HINT = "点“状态”的筛选按钮，只勾选“1 需更正”“2 需说明”即只看需处理的规则（请用筛选，不要排序）；点“位置”转到该单元格。";
/** What the top line counts: rows that need a correction or an explanation. */
export const NEEDS_ATTENTION = "需处理";

export const CHECK_SUMMARY_TOP = 2;
/**
 * Summary lines: a label and the verdicts it counts in 结果 (超支 takes in 年初未作预算). Exact
 * words, not wildcards: COUNTIF's wildcards differ between Excel and LibreOffice.
 */
export const CHECK_SUMMARY: Array<{ label: string; verdicts: string[] }> = [
  { label: NEEDS_ATTENTION, verdicts: [VERDICT.fail, VERDICT.unreadable, VERDICT.overspend, VERDICT.unbudgeted] },
  { label: VERDICT.fail, verdicts: [VERDICT.fail] },
  { label: VERDICT.overspend, verdicts: [VERDICT.overspend, VERDICT.unbudgeted] },
  { label: VERDICT.tail, verdicts: [VERDICT.tail] },
  { label: VERDICT.unreadable, verdicts: [VERDICT.unreadable] },
  { label: VERDICT.blank, verdicts: [VERDICT.blank] },
  { label: VERDICT.pass, verdicts: [VERDICT.pass] },
];
export const CHECK_HEADER_ROW = CHECK_SUMMARY_TOP + CHECK_SUMMARY.length + 1;
export const CHECK_FIRST_ROW = CHECK_HEADER_ROW + 1;

/** The summary sits under the visible columns: 状态 holds its label, 规则 its count. */
const SUMMARY_LABEL = CHECK_COLUMNS.status;
const SUMMARY_COUNT = CHECK_COLUMNS.label;

export interface CheckSheet {
  sheet: SheetLayout;
  names: PlannedName[];
  /** Highlights for the data sheets, with the sheet each one belongs on. */
  conditionalFormats: Array<{ sheet: string; format: PlannedConditionalFormat }>;
  /** Rule id → its row on the 校验 sheet. */
  rows: Map<string, number>;
}

/** "收入!B5 = 收入!C5:G5", "budgetExec 决算 ≤ 预算" in cell terms, for a reader of the sheet. */
function describeCells(rule: Rule, locate: Locator): string {
  const at = (ids: string[]): string => groupAreas(ids.map(locate)).map((a) => areaRef(a, "")).join("、");
  switch (rule.kind) {
    case "equation": {
      const plus = rule.terms.filter((t) => t.sign === 1).map((t) => t.field);
      const minus = rule.terms.filter((t) => t.sign === -1).map((t) => t.field);
      const sum = plus.length ? groupAreas(plus.map(locate)).map((a) => areaRef(a, "")).join(" + ") : "0";
      return `${at([rule.target])} = ${sum}${minus.map((id) => ` − ${at([id])}`).join("")}`;
    }
    case "same":
      return `${at([rule.a])} = ${at([rule.b])}`;
    case "budget":
      return `${at([rule.actual])} ≤ ${at([rule.budget])}`;
    case "range":
      return `${rule.relation.min} ≤ ${at([rule.field])} ≤ ${rule.relation.max}`;
    case "grade":
      return `${at([rule.grade])} ↔ ${at([rule.score])}`;
    case "inequality":
      return `${at([rule.a])} ≤ ${at([rule.b])}`;
    case "ratio":
      return `${at([rule.field])} = ${at([rule.numerator])} ÷ ${at([rule.denominator])} × 100`;
  }
}

/**
 * A rule's name for the officer: its relation's label, and for a relation expanded over rows or
 * columns the row and column of this instance (收入合计 = 各项之和（局机关）).
 */
export function ruleName(rule: Rule, fields: Map<string, FieldDef>): string {
  const each = rule.relation.each;
  const at = fields.get(ruleFields(rule)[0]);
  if (!each || !at) return rule.relation.label;
  const instance = [each.rows !== undefined ? at.row.label : undefined, each.columns !== undefined ? at.column?.label : undefined].filter(Boolean);
  return instance.length ? `${rule.relation.label}（${instance.join("·")}）` : rule.relation.label;
}

/** Names of the rules; two relations of one label (合计 = 各功能科目之和 in two tables) say which table. */
function ruleNames(rules: Rule[], fields: Map<string, FieldDef>): string[] {
  const names = rules.map((r) => ruleName(r, fields));
  const seen = new Map<string, number>();
  for (const n of names) seen.set(n, (seen.get(n) ?? 0) + 1);
  return names.map((n, i) => ((seen.get(n) ?? 0) > 1 ? `${fields.get(ruleFields(rules[i])[0])?.table.title ?? ""}：${n}` : n));
}

/** =HYPERLINK("#'收入'!B7","收入!B7"): a click goes to the cell at fault, in Excel, WPS and LibreOffice. */
export function cellLink(at: CellPosition): string {
  const cell = a1(at.row, at.column);
  // Always quoted: a "#" link to an unquoted sheet name that looks like a cell or has a space fails.
  const target = `#'${at.sheet.replace(/'/g, "''")}'!${cell}`;
  const text = (s: string): string => `"${s.replace(/"/g, '""')}"`;
  return `=HYPERLINK(${text(target)},${text(`${at.sheet}!${cell}`)})`;
}

/** 状态 from 结果 (see CHECK_STATUS). */
function statusFormula(verdictCell: string): string {
  const is = (v: string): string => `${verdictCell}="${v}"`;
  return (
    `=IF(OR(${is(VERDICT.fail)},${is(VERDICT.unreadable)}),"${CHECK_STATUS.fix}",` +
    `IF(LEFT(${verdictCell},2)="${VERDICT.overspend}","${CHECK_STATUS.explain}",` +
    `IF(${is(VERDICT.tail)},"${CHECK_STATUS.tail}",IF(${is(VERDICT.blank)},"${CHECK_STATUS.blank}","${CHECK_STATUS.pass}"))))`
  );
}

/** The rule rows coloured by their 结果, as the pane colours findings. */
function rowFormats(lastRow: number): PlannedConditionalFormat[] {
  const range = `${a1(CHECK_FIRST_ROW, CHECK_COLUMNS.status)}:${a1(lastRow, CHECK_COLUMNS.cells)}`;
  const verdict = `$${columnLetters(CHECK_COLUMNS.verdict)}${CHECK_FIRST_ROW}`;
  return [
    { range, formula: `=OR(${verdict}="${VERDICT.fail}",${verdict}="${VERDICT.unreadable}")`, severity: "error", ruleId: "checks.fix" },
    { range, formula: `=LEFT(${verdict},2)="${VERDICT.overspend}"`, severity: "warning", ruleId: "checks.explain" },
    { range, formula: `=${verdict}="${VERDICT.tail}"`, severity: "info", ruleId: "checks.tail" },
  ];
}

function severityFormats(rule: Rule, verdictCell: string): Array<{ formula: string; severity: PlannedConditionalFormat["severity"] }> {
  const is = (v: string): string => `=${verdictCell}="${v}"`;
  switch (rule.kind) {
    case "equation":
      return [
        { formula: is(VERDICT.fail), severity: "error" },
        { formula: is(VERDICT.tail), severity: "info" },
      ];
    case "budget":
      return [{ formula: `=LEFT(${verdictCell},2)="${VERDICT.overspend}"`, severity: "warning" }];
    case "inequality":
      // Counted with 不通过 on the sheet, shown as a warning: a ≤ b is a question, not an error.
      return [{ formula: is(VERDICT.fail), severity: "warning" }];
    default:
      return [{ formula: is(VERDICT.fail), severity: "error" }];
  }
}

export function buildCheckSheet(form: FormSpec, lists: Lists, index: Map<string, CellPosition>): CheckSheet {
  const locate = locatorFor(index);
  const fields = new Map(expandFields(form, lists).map((f) => [f.id, f]));
  const f = new CheckFormulas(CHECK_SHEET_NAME);
  const rules = expandRules(form, lists);
  const cells: PlannedCell[] = [];
  const conditionalFormats: CheckSheet["conditionalFormats"] = [];
  const rows = new Map<string, number>();
  const ruleLabels = ruleNames(rules, fields);
  const lastRow = CHECK_FIRST_ROW + Math.max(rules.length, 1) - 1;
  const verdictRange = `$${columnLetters(CHECK_COLUMNS.verdict)}$${CHECK_FIRST_ROW}:$${columnLetters(CHECK_COLUMNS.verdict)}$${lastRow}`;

  cells.push({
    row: 1,
    column: CHECK_COLUMNS.status,
    value: "校验结果（公式随填报自动计算，不装 ZiPing 也有效）",
    style: "title",
  });
  cells.push({ row: CHECK_SUMMARY_TOP, column: CHECK_COLUMNS.cells, value: CHECK_SHEET_HINT, style: "narrative" });
  CHECK_SUMMARY.forEach((s, i) => {
    const row = CHECK_SUMMARY_TOP + i;
    cells.push({ row, column: SUMMARY_LABEL, value: s.label, style: "checkHeader" });
    cells.push({ row, column: SUMMARY_COUNT, formula: `=${s.verdicts.map((v) => `COUNTIF(${verdictRange},"${v}")`).join("+")}`, style: "checkCell" });
  });
  (Object.keys(CHECK_COLUMNS) as Array<keyof typeof CHECK_COLUMNS>).forEach((key) =>
    cells.push({ row: CHECK_HEADER_ROW, column: CHECK_COLUMNS[key], value: HEADERS[key], style: "checkHeader" }),
  );

  rules.forEach((rule, i) => {
    const row = CHECK_FIRST_ROW + i;
    rows.set(rule.id, row);
    const at = (column: number): string => a1(row, column);
    const working: WorkingCells = {
      tolerance: at(CHECK_COLUMNS.tolerance),
      difference: at(CHECK_COLUMNS.difference),
      invalid: at(CHECK_COLUMNS.invalid),
      mainFilled: at(CHECK_COLUMNS.mainFilled),
      otherFilled: at(CHECK_COLUMNS.otherFilled),
      extra: at(CHECK_COLUMNS.extra),
    };
    const plan = ruleRow(rule, fields, locate, f);
    const put = (column: number, content: { value?: string; formula?: string }, style: PlannedCell["style"] = "checkCell", numberFormat?: string): void => {
      cells.push({ row, column, style, ...content, ...(numberFormat ? { numberFormat } : {}) });
    };
    const v = working;
    const verdictAt = at(CHECK_COLUMNS.verdict);
    put(CHECK_COLUMNS.ruleId, { value: rule.id });
    put(CHECK_COLUMNS.status, { formula: statusFormula(verdictAt) });
    put(CHECK_COLUMNS.label, { value: ruleLabels[i] });
    put(CHECK_COLUMNS.link, { formula: cellLink(index.get(ruleFields(rule)[0])!) });
    put(CHECK_COLUMNS.cells, { value: describeCells(rule, locate) });
    put(CHECK_COLUMNS.verdict, { formula: plan.verdict(working) });
    if (plan.showsDifference) {
      put(
        CHECK_COLUMNS.shownDifference,
        {
          formula: `=IF(OR(${verdictAt}="${VERDICT.fail}",${verdictAt}="${VERDICT.tail}",LEFT(${verdictAt},2)="${VERDICT.overspend}"),ROUND(${v.difference},2),"")`,
        },
        "checkCell",
        "0.00",
      );
    } else put(CHECK_COLUMNS.shownDifference, {});
    put(CHECK_COLUMNS.tolerance, plan.tolerance ? { formula: plan.tolerance } : {}, "checkCell", "0.000");
    put(CHECK_COLUMNS.difference, plan.difference ? { formula: plan.difference } : {});
    put(CHECK_COLUMNS.invalid, { formula: plan.invalid });
    put(CHECK_COLUMNS.mainFilled, { formula: plan.mainFilled });
    put(CHECK_COLUMNS.otherFilled, plan.otherFilled ? { formula: plan.otherFilled } : {});
    put(CHECK_COLUMNS.extra, plan.extra ? { formula: plan.extra } : {});

    const fault = locate(ruleFields(rule)[0]);
    const verdictRef = `${CHECK_SHEET_NAME}!$${columnLetters(CHECK_COLUMNS.verdict)}$${row}`;
    for (const s of severityFormats(rule, verdictRef)) {
      conditionalFormats.push({
        sheet: fault.sheet,
        format: { range: a1(plan.faultCell.top, plan.faultCell.left), formula: s.formula, severity: s.severity, ruleId: rule.id },
      });
    }
  });

  const names: PlannedName[] = [
    { name: CHECKS_NAME, reference: absoluteRange(CHECK_SHEET_NAME, CHECK_FIRST_ROW, 1, lastRow, LAST_COLUMN), comment: "校验：每条规则一行" },
    {
      name: CHECKS_SUMMARY_NAME,
      reference: absoluteRange(CHECK_SHEET_NAME, CHECK_SUMMARY_TOP, SUMMARY_LABEL, CHECK_SUMMARY_TOP + CHECK_SUMMARY.length - 1, SUMMARY_COUNT),
      comment: "校验：结果汇总",
    },
  ];
  const sheet: SheetLayout = {
    name: CHECK_SHEET_NAME,
    id: CHECK_SHEET_ID,
    cells,
    merges: [{ top: 1, left: CHECK_COLUMNS.status, bottom: 1, right: CHECK_COLUMNS.cells }],
    columnWidths: (Object.keys(CHECK_COLUMNS) as Array<keyof typeof CHECK_COLUMNS>).map((k) => ({ column: CHECK_COLUMNS[k], width: WIDTHS[k] })),
    freeze: { rows: CHECK_HEADER_ROW, columns: 0 },
    hiddenColumns: (Object.keys(CHECK_COLUMNS) as Array<keyof typeof CHECK_COLUMNS>).filter((k) => !VISIBLE.includes(k)).map((k) => CHECK_COLUMNS[k]),
    autoFilter: { top: CHECK_HEADER_ROW, left: CHECK_COLUMNS.status, bottom: lastRow, right: CHECK_COLUMNS.cells },
    conditionalFormats: rules.length ? rowFormats(lastRow) : [],
  };
  return { sheet, names, conditionalFormats, rows };
}
