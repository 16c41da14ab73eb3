import { MOF_BUMEN_JUESUAN } from "./headings";
import type { FormSpec } from "../types";
import { juesuanNarrative } from "./mof-juesuan-narrative";
import { JUESUAN_RELATIONS } from "./mof-juesuan-relations";
import { JUESUAN_SHEETS } from "./mof-juesuan-tables";

/**
 * 部门决算公开表 in the 财政部 uniform format (公开01表–公开09表, 金额单位 万元), with the figures
 * its 情况说明 needs beside them. Pure data, as the 岳阳 form: layout, checks, docs and import
 * mapping are derived from it.
 *
 * Field ids (stable; bindings and fixtures are written against them):
 *   report.dept / report.year / report.selfRef      封面 (the same ids as the 自评 form)
 *   income.<row>        公开01表 收入: general fund capital superior business operating affiliated other
 *                       total useNonFiscalBalance carryIn grandTotal
 *   spending.<row>      公开01表 支出: c201 … c233 (one per 功能类, code after the c), total,
 *                       balanceDistribution carryOut grandTotal
 *   incomeDetail.all.<col> / incomeDetail.line[n].<col>      公开02表 (list incomeFuncs, 类/款/项 by code)
 *                       cols: total fiscal superior business operating affiliated other
 *   expenseDetail.all.<col> / expenseDetail.line[n].<col>    公开03表 (list expenseFuncs)
 *                       cols: total basic project toSuperior operating toAffiliated
 *   fiscalIncome.<row>  公开04表 收入: general fund capital total carryIn carryInGeneral carryInFund
 *                       carryInCapital grandTotal
 *   fiscalSpending.<row>.<col>   公开04表 支出: rows c201 … c233, total, carryOut, grandTotal;
 *                       cols total general fund capital
 *   generalSpending.all.<col> / generalSpending.line[n].<col> 公开05表 (list generalFuncs)
 *                       cols: budget (年初预算数, not printed) total basic project
 *   basicDetail.<row>   公开06表: e301, e30101 … (e + 经济科目编码), personnel (人员经费合计),
 *                       public (公用经费合计)
 *   sangong.<row>.<col> 公开07表: rows total abroad vehicle vehiclePurchase vehicleOps reception;
 *                       cols budget actual prior (上年决算数, not printed)
 *   govFund.all.<col> / govFund.line[n].<col>               公开08表 (list fundFuncs)
 *   stateCapital.all.<col> / stateCapital.line[n].<col>     公开09表 (list capitalFuncs)
 *                       cols: carryIn income spendTotal basic project carryOut
 *   prior.<row>         上年决算数: incomeGrandTotal spendingGrandTotal incomeTotal spendingTotal
 *                       fiscalGrandTotal fiscalIncomeTotal fiscalSpendingTotal generalSpending basic
 *                       personnel public opsFunds
 *   extra.opsFunds      本年机关运行经费
 */
export const mofBumenJuesuan: FormSpec = {
  ...MOF_BUMEN_JUESUAN,
  version: 1,
  lists: [
    { id: "incomeFuncs", label: "收入功能分类科目", coded: true, synonyms: ["科目名称", "功能分类科目", "项目"] },
    { id: "expenseFuncs", label: "支出功能分类科目", coded: true, synonyms: ["科目名称", "功能分类科目", "项目"] },
    { id: "generalFuncs", label: "一般公共预算支出功能分类科目", coded: true, synonyms: ["科目名称", "功能分类科目", "项目"] },
    { id: "fundFuncs", label: "政府性基金支出功能分类科目", coded: true, synonyms: ["科目名称", "功能分类科目", "项目"] },
    { id: "capitalFuncs", label: "国有资本经营支出功能分类科目", coded: true, synonyms: ["科目名称", "功能分类科目", "项目"] },
  ],
  sheets: JUESUAN_SHEETS,
  relations: JUESUAN_RELATIONS,
  narrative: juesuanNarrative,
};
