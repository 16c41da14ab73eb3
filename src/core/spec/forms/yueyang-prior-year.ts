import type { PriorYearSpec } from "../types";

/**
 * What the 岳阳 form carries from last year's workbook. The 上年 figures of this year's form are
 * last year's 本年 ones: 三公经费 by item, 上年结转 (年初结转和结余 = last year's 累计结余, the
 * 部门决算 identity), 上年结余 (last year's 本年指标结余, the 结余减少 = 上年结余 − 本年指标结余
 * relation's base). The form has no 上年 staffing column, so no staffing link.
 */
export const yueyangPriorYear: PriorYearSpec = {
  links: [
    {
      id: "prior.sangong",
      label: "三公经费上年数",
      each: { table: "sangong", rows: "*" },
      prior: "sangong.{row}.prior",
      current: "sangong.{row}.current",
    },
    { id: "prior.carryover", label: "上年结转", prior: "income.all.carryover", current: "expense.all.cumBalance" },
    { id: "prior.carryover.unit", label: "上年结转", prior: "income.unit[*].carryover", current: "expense.unit[*].cumBalance" },
    { id: "prior.balance", label: "上年结余", prior: "fiscalIncome.all.priorBalance", current: "fiscalIncome.all.yearBalance" },
    { id: "prior.balance.unit", label: "上年结余", prior: "fiscalIncome.unit[*].priorBalance", current: "fiscalIncome.unit[*].yearBalance" },
  ],
  copy: ["report.dept", "report.selfRef", "basics.contact", "basics.phone", "reportCover.format", "reportCover.budgetCode", "reportCover.method", "reportCover.agency", "reportCover.issuer"],
  prose: [
    "basics.duties",
    "reportProse.divisions",
    "reportProse.management",
    "reportProse.specialFunds",
    "reportProse.problems",
    "reportProse.improvements",
    "reportProse.publication",
  ],
};
