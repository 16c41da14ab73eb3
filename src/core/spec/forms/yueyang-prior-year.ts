import type { PriorYearSpec } from "../types";

/**
 * What the 岳阳 form carries from last year's workbook. The 上年 figures of this year's form are
 * last year's 本年 ones: 三公经费 by item, 上年结转 (年初结转和结余 = last year's 累计结余, the
 * 部门决算 identity), 上年结余 (last year's 本年指标结余, the 结余减少 = 上年结余 − 本年指标结余
 * relation's base). For 收入合计, 支出合计, 固定资产合计 and 实际在职人数 the form has no 上年
 * column: the 上年数 table (lastYear) holds them, for the 综述's change-on-prior sentences.
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
    { id: "prior.income", label: "上年收入合计", prior: "lastYear.incomeTotal", current: "income.all.total" },
    { id: "prior.expense", label: "上年支出合计", prior: "lastYear.expenseTotal", current: "expense.all.total" },
    { id: "prior.assets", label: "上年固定资产合计", prior: "lastYear.assetsTotal", current: "assets.all.total" },
    { id: "prior.staff", label: "上年实际在职人数", prior: "lastYear.inService", current: "staff.inService" },
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
