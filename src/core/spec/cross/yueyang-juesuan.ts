import type { CrossFormLink } from "./types";

/**
 * 岳阳 部门整体支出绩效自评表 ↔ 财政部 部门决算公开表: the figures the 自评 tables copy from the
 * 决算. 支出 by nature from 公开03表's 合计 line; 财政拨款收入 from 公开01表 (一般公共预算 /
 * 政府性基金) against the 自评 收入 汇总; 三公 by item from 公开07表 (决算数, and 上年决算数 against
 * the 自评's 上年). The 自评's 人员/公用经费 count every source of funds while 公开06表 counts
 * 一般公共预算财政拨款 only, so they are not paired.
 */
export const yueyangJuesuanLink: CrossFormLink = {
  id: "yueyang-juesuan",
  forms: ["yueyang-self-eval", "mof-bumen-juesuan"],
  pairs: [
    { id: "spendingTotal", label: "本年支出合计", a: "expense.all.total", b: "expenseDetail.all.total" },
    { id: "basic", label: "基本支出", a: "expense.all.basic", b: "expenseDetail.all.basic" },
    { id: "project", label: "项目支出", a: "expense.all.project", b: "expenseDetail.all.project" },
    { id: "fiscalGeneral", label: "一般公共预算财政拨款收入", a: "income.all.fiscal", b: "income.general" },
    { id: "fiscalFund", label: "政府性基金预算财政拨款收入", a: "income.all.fund", b: "income.fund" },
    { id: "sangongTotal", label: "“三公”经费合计", a: "sangong.total.current", b: "sangong.total.actual" },
    { id: "abroad", label: "因公出国（境）费", a: "sangong.abroad.current", b: "sangong.abroad.actual" },
    { id: "vehiclePurchase", label: "公务用车购置费", a: "sangong.vehiclePurchase.current", b: "sangong.vehiclePurchase.actual" },
    { id: "vehicleOps", label: "公务用车运行维护费", a: "sangong.vehicleOps.current", b: "sangong.vehicleOps.actual" },
    { id: "reception", label: "公务接待费", a: "sangong.reception.current", b: "sangong.reception.actual" },
    { id: "sangongPrior", label: "上年“三公”经费", a: "sangong.total.prior", b: "sangong.total.prior" },
  ],
};
