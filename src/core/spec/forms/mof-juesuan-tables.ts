import type { ColumnSpec, RowSpec, SheetSpec, TableSpec } from "../types";
import { classRowId, econRowId, FUNCTION_CLASSES, PERSONNEL_GROUPS, PUBLIC_GROUPS, type EconGroup } from "./mof-juesuan-codes";

/**
 * The sheets of the 财政部 部门决算 public tables (公开01表–公开09表, 金额单位 万元) and the
 * figures their 情况说明 needs beside them (上年决算数, 机关运行经费). Every public table allows
 * blanks: the 决算 software prints no 0, and a table the department has no figures for is
 * 本表无数据.
 */

const CODE_AND_NAME = [
  { id: "code" as const, label: "科目编码", width: 12 },
  { id: "name" as const, label: "科目名称", width: 30 },
];

/** A 功能科目 table: its 合计 row first (as printed), then one row per 类/款/项 of the list. */
function functionalRows(list: string): RowSpec[] {
  return [
    { id: "all", label: "合计", synonyms: ["合  计", "总计"] },
    { id: "line", label: "科目", list },
  ];
}

function publicTable(table: Omit<TableSpec, "kind" | "unit" | "emptyAllowed">): TableSpec {
  return { kind: "amount", unit: "万元", emptyAllowed: true, ...table };
}

/** 类 rows, numbered as the official table prints them after the rows before them. */
function classRows(): RowSpec[] {
  return FUNCTION_CLASSES.map((c) => ({ id: classRowId(c.code), label: c.name, synonyms: [c.code] }));
}

function econRows(groups: EconGroup[]): RowSpec[] {
  return groups.flatMap((g) => [
    { id: econRowId(g.code), label: g.name, synonyms: [g.code] },
    ...g.items.map((i) => ({ id: econRowId(i.code), label: i.name, indent: 1, synonyms: [i.code] })),
  ]);
}

/** 本年收入 by source, as 公开02表 prints them (栏次 1–7). */
const INCOME_SOURCE_COLUMNS: ColumnSpec[] = [
  { id: "total", label: "本年收入合计", colNo: "1", synonyms: ["合计", "收入合计"] },
  { id: "fiscal", label: "财政拨款收入", colNo: "2", synonyms: ["财政拨款"] },
  { id: "superior", label: "上级补助收入", colNo: "3" },
  { id: "business", label: "事业收入", colNo: "4" },
  { id: "operating", label: "经营收入", colNo: "5" },
  { id: "affiliated", label: "附属单位上缴收入", colNo: "6" },
  { id: "other", label: "其他收入", colNo: "7" },
];

/** 本年支出 by nature, as 公开03表 prints them (栏次 1–6). */
const EXPENSE_COLUMNS: ColumnSpec[] = [
  { id: "total", label: "本年支出合计", colNo: "1", synonyms: ["合计", "支出合计"] },
  { id: "basic", label: "基本支出", colNo: "2" },
  { id: "project", label: "项目支出", colNo: "3" },
  { id: "toSuperior", label: "上缴上级支出", colNo: "4" },
  { id: "operating", label: "经营支出", colNo: "5" },
  { id: "toAffiliated", label: "对附属单位补助支出", colNo: "6" },
];

/** 政府性基金 / 国有资本经营 财政拨款 by 功能科目 (公开08表, 公开09表). */
function fundColumns(): ColumnSpec[] {
  return [
    { id: "carryIn", label: "年初结转和结余", colNo: "1", synonyms: ["年初结转结余"] },
    { id: "income", label: "本年收入", colNo: "2" },
    { id: "spendTotal", label: "小计", groups: ["本年支出"], colNo: "3", synonyms: ["本年支出", "本年支出合计"] },
    { id: "basic", label: "基本支出", groups: ["本年支出"], colNo: "4" },
    { id: "project", label: "项目支出", groups: ["本年支出"], colNo: "5" },
    { id: "carryOut", label: "年末结转和结余", colNo: "6", synonyms: ["年末结转结余"] },
  ];
}

export const JUESUAN_SHEETS: SheetSpec[] = [
  {
    id: "overview",
    name: "封面",
    tables: [
      {
        id: "report",
        title: "决算信息",
        layout: "record",
        kind: "text",
        rows: [
          { id: "dept", label: "部门（单位）名称", synonyms: ["部门", "单位", "编制单位"] },
          { id: "year", label: "决算年度", kind: "count", unit: "" },
          { id: "selfRef", label: "自称（本部门/我单位）" },
        ],
      },
    ],
  },
  {
    id: "summary",
    name: "收入支出决算总表",
    tables: [
      publicTable({
        id: "income",
        title: "收入支出决算总表·收入",
        layout: "record",
        synonyms: ["公开01表", "收入支出决算总表"],
        rows: [
          { id: "general", label: "一般公共预算财政拨款收入", lineNo: "1" },
          { id: "fund", label: "政府性基金预算财政拨款收入", lineNo: "2" },
          { id: "capital", label: "国有资本经营预算财政拨款收入", lineNo: "3" },
          { id: "superior", label: "上级补助收入", lineNo: "4" },
          { id: "business", label: "事业收入", lineNo: "5" },
          { id: "operating", label: "经营收入", lineNo: "6" },
          { id: "affiliated", label: "附属单位上缴收入", lineNo: "7" },
          { id: "other", label: "其他收入", lineNo: "8" },
          { id: "total", label: "本年收入合计", synonyms: ["收入合计"] },
          { id: "useNonFiscalBalance", label: "使用非财政拨款结余", synonyms: ["使用非财政拨款结余（含专用结余）"] },
          { id: "carryIn", label: "年初结转和结余" },
          { id: "grandTotal", label: "总计", synonyms: ["收入总计"] },
        ],
      }),
      publicTable({
        id: "spending",
        title: "收入支出决算总表·支出",
        layout: "record",
        synonyms: ["公开01表", "收入支出决算总表"],
        rows: [
          ...classRows(),
          { id: "total", label: "本年支出合计", synonyms: ["支出合计"] },
          { id: "balanceDistribution", label: "结余分配" },
          { id: "carryOut", label: "年末结转和结余" },
          { id: "grandTotal", label: "总计", synonyms: ["支出总计"] },
        ],
      }),
    ],
  },
  {
    id: "incomeDetail",
    name: "收入决算表",
    tables: [
      publicTable({
        id: "incomeDetail",
        title: "收入决算表",
        layout: "grid",
        synonyms: ["公开02表"],
        labelColumns: CODE_AND_NAME,
        columns: INCOME_SOURCE_COLUMNS,
        rows: functionalRows("incomeFuncs"),
      }),
    ],
  },
  {
    id: "expenseDetail",
    name: "支出决算表",
    tables: [
      publicTable({
        id: "expenseDetail",
        title: "支出决算表",
        layout: "grid",
        synonyms: ["公开03表"],
        labelColumns: CODE_AND_NAME,
        columns: EXPENSE_COLUMNS,
        rows: functionalRows("expenseFuncs"),
      }),
    ],
  },
  {
    id: "fiscal",
    name: "财政拨款收入支出决算总表",
    tables: [
      publicTable({
        id: "fiscalIncome",
        title: "财政拨款收入支出决算总表·收入",
        layout: "record",
        synonyms: ["公开04表", "财政拨款收入支出决算总表"],
        rows: [
          { id: "general", label: "一般公共预算财政拨款", lineNo: "1", synonyms: ["一般公共预算财政拨款收入"] },
          { id: "fund", label: "政府性基金预算财政拨款", lineNo: "2", synonyms: ["政府性基金预算财政拨款收入"] },
          { id: "capital", label: "国有资本经营预算财政拨款", lineNo: "3", synonyms: ["国有资本经营预算财政拨款收入"] },
          { id: "total", label: "本年收入合计", synonyms: ["收入合计"] },
          { id: "carryIn", label: "年初财政拨款结转和结余", synonyms: ["年初结转和结余"] },
          { id: "carryInGeneral", label: "一般公共预算财政拨款", indent: 1, synonyms: ["年初一般公共预算财政拨款结转和结余"] },
          { id: "carryInFund", label: "政府性基金预算财政拨款", indent: 1, synonyms: ["年初政府性基金预算财政拨款结转和结余"] },
          { id: "carryInCapital", label: "国有资本经营预算财政拨款", indent: 1, synonyms: ["年初国有资本经营预算财政拨款结转和结余"] },
          // 情况说明 call it by the table's name: "2024年度财政拨款收入支出总计9746.50万元".
          { id: "grandTotal", label: "总计", synonyms: ["收入总计", "财政拨款收入支出总计", "财政拨款收入总计"] },
        ],
      }),
      publicTable({
        id: "fiscalSpending",
        title: "财政拨款收入支出决算总表·支出",
        layout: "grid",
        synonyms: ["公开04表", "财政拨款收入支出决算总表"],
        labelColumns: [{ id: "name", label: "项目", width: 30 }],
        columns: [
          { id: "total", label: "合计", colNo: "1", synonyms: ["小计"] },
          { id: "general", label: "一般公共预算财政拨款", colNo: "2" },
          { id: "fund", label: "政府性基金预算财政拨款", colNo: "3" },
          { id: "capital", label: "国有资本经营预算财政拨款", colNo: "4" },
        ],
        rows: [
          ...classRows(),
          { id: "total", label: "本年支出合计", synonyms: ["支出合计"] },
          { id: "carryOut", label: "年末财政拨款结转和结余", synonyms: ["年末结转和结余"] },
          { id: "grandTotal", label: "总计", synonyms: ["支出总计"] },
        ],
      }),
    ],
  },
  {
    id: "general",
    name: "一般公共预算财政拨款支出决算表",
    tables: [
      publicTable({
        id: "generalSpending",
        title: "一般公共预算财政拨款支出决算表",
        layout: "grid",
        synonyms: ["公开05表"],
        labelColumns: CODE_AND_NAME,
        columns: [
          {
            id: "budget",
            label: "年初预算数",
            synonyms: ["年初预算", "预算数"],
            // Not printed in 公开05表: the 情况说明 states 完成年初预算的X% by 功能科目.
            optional: true,
          },
          { id: "total", label: "合计", groups: ["本年支出"], colNo: "1", synonyms: ["本年支出合计", "决算数"] },
          { id: "basic", label: "基本支出", groups: ["本年支出"], colNo: "2" },
          { id: "project", label: "项目支出", groups: ["本年支出"], colNo: "3" },
        ],
        rows: functionalRows("generalFuncs"),
        note: "年初预算数不在公开05表中印出，是情况说明“完成年初预算的X%”所用的数",
      }),
    ],
  },
  {
    id: "basicDetail",
    name: "一般公共预算财政拨款基本支出决算明细表",
    tables: [
      publicTable({
        id: "basicDetail",
        title: "一般公共预算财政拨款基本支出决算明细表",
        layout: "record",
        synonyms: ["公开06表", "一般公共预算财政拨款基本支出决算表"],
        rows: [
          ...econRows(PERSONNEL_GROUPS),
          { id: "personnel", label: "人员经费合计", synonyms: ["人员经费"] },
          ...econRows(PUBLIC_GROUPS),
          { id: "public", label: "公用经费合计", synonyms: ["公用经费"] },
        ],
      }),
    ],
  },
  {
    id: "sangong",
    name: "财政拨款三公经费支出决算表",
    tables: [
      publicTable({
        id: "sangong",
        title: "财政拨款“三公”经费支出决算表",
        layout: "grid",
        synonyms: ["公开07表", "一般公共预算财政拨款“三公”经费支出决算表", "“三公”经费支出决算表"],
        labelColumns: [{ id: "name", label: "项目", width: 28 }],
        columns: [
          { id: "budget", label: "预算数", synonyms: ["年初预算数", "全年预算数"] },
          { id: "actual", label: "决算数", synonyms: ["本年决算数", "实际支出"] },
          {
            id: "prior",
            label: "上年决算数",
            synonyms: ["上年数", "上年实际支出"],
            // Not printed in 公开07表: the 情况说明 compares each item with the prior year.
            optional: true,
          },
        ],
        rows: [
          { id: "total", label: "合计", synonyms: ["“三公”经费合计", "三公经费合计"] },
          { id: "abroad", label: "因公出国（境）费", synonyms: ["因公出国(境)费", "因公出国（境）费用"] },
          { id: "vehicle", label: "公务用车购置及运行维护费", synonyms: ["公务用车购置及运行费", "公务用车费"] },
          { id: "vehiclePurchase", label: "公务用车购置费", indent: 1, synonyms: ["购置费"] },
          { id: "vehicleOps", label: "公务用车运行维护费", indent: 1, synonyms: ["运行维护费", "公务用车运行费"] },
          { id: "reception", label: "公务接待费" },
        ],
        note: "上年决算数不在公开07表中印出，是情况说明与上年比较所用的数",
      }),
    ],
  },
  {
    id: "govFund",
    name: "政府性基金预算财政拨款收入支出决算表",
    tables: [
      publicTable({
        id: "govFund",
        title: "政府性基金预算财政拨款收入支出决算表",
        layout: "grid",
        synonyms: ["公开08表", "政府性基金预算财政拨款支出决算表"],
        labelColumns: CODE_AND_NAME,
        columns: fundColumns(),
        rows: functionalRows("fundFuncs"),
      }),
    ],
  },
  {
    id: "stateCapital",
    name: "国有资本经营预算财政拨款收入支出决算表",
    tables: [
      publicTable({
        id: "stateCapital",
        title: "国有资本经营预算财政拨款收入支出决算表",
        layout: "grid",
        synonyms: ["公开09表", "国有资本经营预算财政拨款支出决算表"],
        labelColumns: CODE_AND_NAME,
        columns: fundColumns(),
        rows: functionalRows("capitalFuncs"),
      }),
    ],
  },
  {
    id: "yearOnYear",
    name: "上年数及其他",
    tables: [
      {
        id: "prior",
        title: "上年决算数",
        layout: "record",
        kind: "amount",
        unit: "万元",
        // Only the figures the 情况说明 compares need be filled.
        emptyAllowed: true,
        note: "情况说明“与上年相比”所用的上年决算数（上年公开的决算表）",
        rows: [
          { id: "incomeGrandTotal", label: "收入总计" },
          { id: "spendingGrandTotal", label: "支出总计" },
          { id: "incomeTotal", label: "本年收入合计" },
          { id: "spendingTotal", label: "本年支出合计" },
          { id: "fiscalGrandTotal", label: "财政拨款收入支出总计" },
          { id: "fiscalIncomeTotal", label: "财政拨款本年收入合计" },
          { id: "fiscalSpendingTotal", label: "财政拨款本年支出合计" },
          { id: "generalSpending", label: "一般公共预算财政拨款支出" },
          { id: "basic", label: "一般公共预算财政拨款基本支出" },
          { id: "personnel", label: "人员经费", indent: 1 },
          { id: "public", label: "公用经费", indent: 1 },
          { id: "opsFunds", label: "机关运行经费" },
        ],
      },
      {
        id: "extra",
        title: "其他重要事项",
        layout: "record",
        kind: "amount",
        unit: "万元",
        emptyAllowed: true,
        rows: [{ id: "opsFunds", label: "机关运行经费", note: "本年机关运行经费支出（行政单位和参公事业单位的公用经费）" }],
      },
    ],
  },
];
