import { expandRules, ruleFields, type Rule } from "../spec/rules";
import { expandFields, type Lists } from "../spec/instances";
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
 * The 校验 sheet:
 *   row 1        title
 *   rows 2–7     summary: 不通过 / 超支 / 尾差 / 无法校验 / 未填 / 通过, each a COUNTIF of 结果
 *   row 9        header
 *   rows 10–     one row per expanded rule, in expandRules order
 * Columns of a rule row: A 规则编号 · B 校验内容 · C 单元格 · D 结果 · E 差额 · F 容差, then the
 * working cells the verdict reads (hidden): G 计算差 · H 无法识别 · I 本格已填 · J 对照已填 · K 辅助.
 */
export const CHECK_COLUMNS = {
  ruleId: 1,
  label: 2,
  cells: 3,
  verdict: 4,
  shownDifference: 5,
  tolerance: 6,
  difference: 7,
  invalid: 8,
  mainFilled: 9,
  otherFilled: 10,
  extra: 11,
} as const;
const LAST_COLUMN = CHECK_COLUMNS.extra;
const HEADERS: Record<keyof typeof CHECK_COLUMNS, string> = {
  ruleId: "规则编号",
  label: "校验内容",
  cells: "单元格",
  verdict: "结果",
  shownDifference: "差额",
  tolerance: "容差",
  difference: "计算差",
  invalid: "无法识别",
  mainFilled: "本格已填",
  otherFilled: "对照已填",
  extra: "辅助",
};
const WIDTHS: Record<keyof typeof CHECK_COLUMNS, number> = {
  ruleId: 30,
  label: 40,
  cells: 44,
  verdict: 18,
  shownDifference: 12,
  tolerance: 10,
  difference: 12,
  invalid: 10,
  mainFilled: 10,
  otherFilled: 10,
  extra: 10,
};
export const CHECK_SUMMARY_TOP = 2;
/**
 * Summary lines: a label and the verdicts it counts in 结果 (超支 takes in 年初未作预算). Exact
 * words, not wildcards: COUNTIF's wildcards differ between Excel and LibreOffice.
 */
export const CHECK_SUMMARY: Array<{ label: string; verdicts: string[] }> = [
  { label: VERDICT.fail, verdicts: [VERDICT.fail] },
  { label: VERDICT.overspend, verdicts: [VERDICT.overspend, VERDICT.unbudgeted] },
  { label: VERDICT.tail, verdicts: [VERDICT.tail] },
  { label: VERDICT.unreadable, verdicts: [VERDICT.unreadable] },
  { label: VERDICT.blank, verdicts: [VERDICT.blank] },
  { label: VERDICT.pass, verdicts: [VERDICT.pass] },
];
export const CHECK_HEADER_ROW = CHECK_SUMMARY_TOP + CHECK_SUMMARY.length + 1;
export const CHECK_FIRST_ROW = CHECK_HEADER_ROW + 1;

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
  const lastRow = CHECK_FIRST_ROW + Math.max(rules.length, 1) - 1;
  const verdictRange = `$${columnLetters(CHECK_COLUMNS.verdict)}$${CHECK_FIRST_ROW}:$${columnLetters(CHECK_COLUMNS.verdict)}$${lastRow}`;

  cells.push({ row: 1, column: 1, value: "校验结果（公式随填报自动计算，不装 ZiPing 也有效）", style: "title" });
  CHECK_SUMMARY.forEach((s, i) => {
    const row = CHECK_SUMMARY_TOP + i;
    cells.push({ row, column: 1, value: s.label, style: "checkHeader" });
    cells.push({ row, column: 2, formula: `=${s.verdicts.map((v) => `COUNTIF(${verdictRange},"${v}")`).join("+")}`, style: "checkCell" });
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
    put(CHECK_COLUMNS.ruleId, { value: rule.id });
    put(CHECK_COLUMNS.label, { value: rule.relation.label });
    put(CHECK_COLUMNS.cells, { value: describeCells(rule, locate) });
    put(CHECK_COLUMNS.verdict, { formula: plan.verdict(working) });
    const v = working;
    const verdictAt = at(CHECK_COLUMNS.verdict);
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
      reference: absoluteRange(CHECK_SHEET_NAME, CHECK_SUMMARY_TOP, 1, CHECK_SUMMARY_TOP + CHECK_SUMMARY.length - 1, 2),
      comment: "校验：结果汇总",
    },
  ];
  const sheet: SheetLayout = {
    name: CHECK_SHEET_NAME,
    id: CHECK_SHEET_ID,
    cells,
    merges: [{ top: 1, left: 1, bottom: 1, right: CHECK_COLUMNS.tolerance }],
    columnWidths: (Object.keys(CHECK_COLUMNS) as Array<keyof typeof CHECK_COLUMNS>).map((k) => ({ column: CHECK_COLUMNS[k], width: WIDTHS[k] })),
    freeze: { rows: CHECK_HEADER_ROW, columns: 0 },
    hiddenColumns: [CHECK_COLUMNS.difference, CHECK_COLUMNS.invalid, CHECK_COLUMNS.mainFilled, CHECK_COLUMNS.otherFilled, CHECK_COLUMNS.extra],
    conditionalFormats: [],
  };
  return { sheet, names, conditionalFormats, rows };
}
