import { YUEYANG_SELF_EVAL } from "./headings";
import { YUEYANG_INDICATORS } from "../scoring/yueyang-indicators";
import { yueyangReport } from "./yueyang-report-outline";
import { REPORT_TEXT_SHEET } from "./yueyang-report-text";
import { yueyangPriorYear } from "./yueyang-prior-year";
import type { EquationRelation, FormSpec, LabelColumnSpec, RowSpec, TableSpec } from "../types";
import { yueyangNarrative } from "./yueyang-narrative";
import { YUEYANG_GRADES } from "./yueyang-grades";

/**
 * One row per scored indicator of the 岳阳 评分表 (the built-in scoring table), for the
 * officer's own score of each; `ziping score` shows its suggestion beside it.
 */
const SCORED_INDICATORS = YUEYANG_INDICATORS.filter((i) => i.points !== "0");

/** The by-unit tables (收入, 支出和结余, 三公经费, 固定资产): a 汇总 row, then one row per unit. */
const UNIT_ROWS: RowSpec[] = [
  { id: "all", label: "局机关及二级机构汇总", synonyms: ["汇总", "合计", "总计"] },
  { id: "unit", label: "机构", list: "units" },
];
const UNIT_LABEL_COLUMNS: LabelColumnSpec[] = [{ id: "name", label: "机构名称", width: 24 }];

/** 一般公共预算支出 by 功能科目 (2025 form): coded lines of one open list, and their 合计. */
function functionalTable(id: string, title: string): TableSpec {
  return {
    id,
    title,
    layout: "grid",
    kind: "amount",
    unit: "万元",
    labelColumns: [
      { id: "code", label: "科目编码", width: 12 },
      { id: "name", label: "科目名称", width: 28 },
    ],
    columns: [{ id: "amount", label: "金额", synonyms: ["支出", "决算数", "本年支出"] }],
    rows: [
      { id: "item", label: "科目", list: id },
      { id: "total", label: "合计" },
    ],
  };
}

function functionalTotal(table: string): EquationRelation {
  return {
    id: `${table}.total`,
    label: "合计 = 各功能科目之和",
    kind: "equation",
    formula: true,
    target: `${table}.total.amount`,
    terms: [`${table}.item[*].amount`],
  };
}

/** 汇总 = Σ units, column by column, in a by-unit table (its own subtotal columns excepted). */
function unitSum(table: string, exceptColumns: string[]): EquationRelation {
  return {
    id: `${table}.unitSum`,
    label: "汇总 = 各机构之和",
    kind: "equation",
    formula: true,
    each: { table, columns: "*", exceptColumns },
    target: `${table}.all.{col}`,
    terms: [`${table}.unit[*].{col}`],
  };
}

/**
 * 部门整体支出绩效自评报告 as printed by 岳阳市财政局 (2020 form) with the 2025 form's
 * 一般公共预算支出 by 功能科目 and the three other budgets. Pure data: every layout, check,
 * narrative binding, import mapping and docs/fields.md are derived from it.
 */
export const yueyangSelfEvaluation = {
  ...YUEYANG_SELF_EVAL,
  version: 1,
  lists: [
    { id: "units", label: "机构名称", synonyms: ["单位名称", "预算单位", "单位"] },
    { id: "budgetUnits", label: "预算单位名称", synonyms: ["单位名称", "预算单位"] },
    { id: "projectItems", label: "项目名称", synonyms: ["项目"] },
    { id: "econOther", label: "其他经济分类", coded: true },
    { id: "funcBasic", label: "基本支出功能科目", coded: true, synonyms: ["科目名称", "功能分类科目"] },
    { id: "funcProject", label: "项目支出功能科目", coded: true, synonyms: ["科目名称", "功能分类科目"] },
    { id: "evaluators", label: "评价人员", synonyms: ["姓名"] },
    { id: "perfIndicators", label: "指标名称", synonyms: ["三级指标", "绩效指标"] },
  ],
  sheets: [
    {
      id: "overview",
      name: "基本概况",
      tables: [
        {
          id: "report",
          title: "报告信息",
          layout: "record",
          kind: "text",
          rows: [
            { id: "dept", label: "部门（单位）名称" },
            { id: "year", label: "评价年度", kind: "count", unit: "" },
            { id: "selfRef", label: "自称（我局/我部门/我单位）" },
          ],
        },
        {
          id: "basics",
          title: "部门（单位）基本概况",
          layout: "record",
          kind: "text",
          rows: [
            { id: "contact", label: "联系人" },
            { id: "phone", label: "联络电话" },
            { id: "duties", label: "职能职责概述" },
            { id: "mainTasks", label: "年度主要工作内容" },
            { id: "overall", label: "年度部门（单位）总体运行情况及取得的成绩" },
            { id: "internalDivisions", label: "内设机构", kind: "count", unit: "个" },
            { id: "affiliatedUnits", label: "下设直属单位", kind: "count", unit: "个" },
          ],
        },
        {
          id: "staff",
          title: "人员情况",
          layout: "record",
          kind: "count",
          unit: "人",
          rows: [
            { id: "authorized", label: "人员编制", synonyms: ["编制人数", "人员编制总计"] },
            { id: "authorizedAdmin", label: "其中：行政编制", indent: 1 },
            { id: "authorizedLogistics", label: "机关后勤服务事业编制", indent: 1 },
            { id: "authorizedPublic", label: "事业编制", indent: 1 },
            { id: "actual", label: "实有人数", note: "表中填报的实有人数" },
            { id: "inService", label: "实际在职人数", note: "年末实际在职人员" },
            { id: "inServiceHQ", label: "其中：局本级实际在职", indent: 1 },
            { id: "retired", label: "实际离退休人数" },
          ],
        },
        {
          // The 岳阳 form has no 上年 column for these: last year's 本年 figures, carried in by
          // --prior (FormSpec.priorYear), so the 综述 can state the change on the prior year.
          id: "lastYear",
          title: "上年数（与上年比较用）",
          layout: "record",
          kind: "amount",
          unit: "万元",
          emptyAllowed: true,
          note: "上年工作簿的本年数；用“导入上年工作簿”（ziping import --prior）填入，留空则不写与上年比较的句子",
          rows: [
            { id: "incomeTotal", label: "上年收入合计", note: "上年的 收入合计（局机关及二级机构汇总）" },
            { id: "expenseTotal", label: "上年支出合计", note: "上年的 支出合计（局机关及二级机构汇总）" },
            { id: "assetsTotal", label: "上年固定资产合计", note: "上年的 固定资产合计（局机关及二级机构汇总）" },
            { id: "inService", label: "上年实际在职人数", kind: "count", unit: "人", note: "上年的 实际在职人数" },
          ],
        },
      ],
    },
    {
      id: "income",
      name: "收入",
      tables: [
        {
          id: "income",
          title: "年度收入情况",
          layout: "grid",
          kind: "amount",
          unit: "万元",
          synonyms: ["收入情况", "年度收入"],
          labelColumns: UNIT_LABEL_COLUMNS,
          columns: [
            { id: "total", label: "收入合计", synonyms: ["合计", "本年收入合计", "收入总计"] },
            { id: "carryover", label: "上年结转", groups: ["其中："], synonyms: ["年初结转和结余", "上年结转结余", "年初结转结余"] },
            { id: "fiscal", label: "公共财政拨款", groups: ["其中："], synonyms: ["一般公共预算财政拨款", "财政拨款", "财政拨款收入", "一般公共预算拨款"] },
            { id: "fund", label: "政府基金拨款", groups: ["其中："], synonyms: ["政府性基金预算财政拨款", "政府性基金拨款"] },
            { id: "nontax", label: "纳入专户管理的非税收入拨款", groups: ["其中："], synonyms: ["非税收入拨款", "专户管理非税收入"], width: 16 },
            { id: "other", label: "其他收入", groups: ["其中："] },
          ],
          rows: UNIT_ROWS,
        },
      ],
    },
    {
      id: "expense",
      name: "支出和结余",
      tables: [
        {
          id: "expense",
          title: "部门（单位）年度支出和结余情况",
          layout: "grid",
          kind: "amount",
          unit: "万元",
          synonyms: ["支出和结余情况", "年度支出"],
          labelColumns: UNIT_LABEL_COLUMNS,
          columns: [
            { id: "total", label: "支出合计", synonyms: ["合计", "本年支出合计", "支出总计"] },
            { id: "basic", label: "基本支出", groups: ["其中："] },
            { id: "personnel", label: "人员支出", groups: ["其中：", "其中："], synonyms: ["人员经费"] },
            { id: "public", label: "公用支出", groups: ["其中：", "其中："], synonyms: ["公用经费", "日常公用经费"] },
            { id: "project", label: "项目支出", groups: ["其中："] },
            { id: "yearBalance", label: "当年结余", groups: ["结余"], synonyms: ["本年结余"] },
            { id: "cumBalance", label: "累计结余", groups: ["结余"], synonyms: ["年末结转和结余", "期末结余", "结转和结余"] },
          ],
          rows: UNIT_ROWS,
        },
      ],
    },
    {
      id: "sangong",
      name: "三公经费",
      tables: [
        {
          id: "sangongByUnit",
          title: "三公经费",
          layout: "grid",
          kind: "amount",
          unit: "万元",
          labelColumns: UNIT_LABEL_COLUMNS,
          columns: [
            { id: "total", label: "三公经费合计", synonyms: ["合计", "“三公”经费合计"] },
            { id: "reception", label: "公务接待费", groups: ["其中："] },
            { id: "vehicleOps", label: "公务用车运维费", groups: ["其中："], synonyms: ["公务用车运行维护费", "公车运行维护费"] },
            { id: "vehiclePurchase", label: "公务用车购置费", groups: ["其中："], synonyms: ["公务车购置费"] },
            { id: "abroad", label: "因公出国费", groups: ["其中："], synonyms: ["因公出国（境）费", "因公出国费用", "因公出国(境)费"] },
          ],
          rows: UNIT_ROWS,
        },
        {
          id: "sangong",
          title: "“三公经费”与上年比较",
          layout: "grid",
          kind: "amount",
          unit: "万元",
          labelColumns: [{ id: "name", label: "费用项目", width: 20 }],
          columns: [
            { id: "prior", label: "上年", synonyms: ["上年决算", "上年实际"] },
            { id: "current", label: "本年", synonyms: ["本年决算", "本年实际"] },
          ],
          rows: [
            { id: "reception", label: "公务接待费" },
            { id: "vehicleOps", label: "公车运行维护费", synonyms: ["公务用车运行维护费", "公务用车运维费"] },
            { id: "abroad", label: "因公出国费用", synonyms: ["因公出国费", "因公出国（境）费"] },
            { id: "vehiclePurchase", label: "公务车购置费", synonyms: ["公务用车购置费"] },
            { id: "total", label: "合计" },
          ],
        },
        {
          id: "vehicles",
          title: "公务用车",
          layout: "record",
          kind: "count",
          unit: "台",
          rows: [{ id: "inUse", label: "本年在用公车", synonyms: ["公车数量", "在用公车"] }],
        },
      ],
    },
    {
      id: "assets",
      name: "固定资产",
      tables: [
        {
          id: "assets",
          title: "固定资产",
          layout: "grid",
          kind: "amount",
          unit: "万元",
          labelColumns: UNIT_LABEL_COLUMNS,
          columns: [
            { id: "total", label: "固定资产合计", synonyms: ["合计"] },
            { id: "inUse", label: "在用固定资产", groups: ["其中："] },
            { id: "leased", label: "出租固定资产", groups: ["其中："] },
            { id: "other", label: "其他" },
          ],
          rows: UNIT_ROWS,
        },
      ],
    },
    {
      id: "budget",
      name: "预算与决算",
      tables: [
        {
          id: "budget",
          title: "年初总收支预算情况",
          layout: "record",
          kind: "amount",
          unit: "万元",
          synonyms: ["年初预算", "部门收支预算"],
          rows: [
            { id: "fiscal", label: "财政拨款" },
            { id: "fiscalFunds", label: "其中：财政经费拨款", indent: 1 },
            { id: "nontax", label: "纳入一般公共预算管理的非税收入拨款", indent: 1 },
            { id: "incomeTotal", label: "收入预算合计" },
            { id: "basic", label: "基本支出" },
            { id: "basicFiscal", label: "其中：财政拨款支出", indent: 1 },
            { id: "project", label: "项目支出" },
            { id: "projectFiscal", label: "其中：财政拨款支出", indent: 1 },
            { id: "expenseTotal", label: "支出预算合计" },
          ],
        },
        {
          id: "fiscalIncome",
          title: "财政拨款收入决算情况",
          layout: "grid",
          kind: "amount",
          unit: "万元",
          labelColumns: [{ id: "name", label: "预算单位名称", width: 20 }],
          columns: [
            { id: "available", label: "预算可用指标" },
            { id: "received", label: "财政拨款收入" },
            { id: "yearBalance", label: "本年指标结余", synonyms: ["指标结余"] },
            { id: "priorBalance", label: "上年结余" },
            { id: "balanceDecrease", label: "结余减少" },
          ],
          rows: [
            { id: "unit", label: "预算单位", list: "budgetUnits" },
            { id: "all", label: "合计", synonyms: ["合    计", "总计"] },
          ],
        },
        {
          id: "budgetExec",
          title: "年度预算支出决算情况",
          layout: "grid",
          kind: "amount",
          unit: "万元",
          labelColumns: [{ id: "name", label: "支出项目", width: 16 }],
          columns: [
            { id: "budget", label: "预算指标", synonyms: ["预算数", "年初预算"] },
            { id: "actual", label: "决算金额", synonyms: ["决算数", "实际支出"] },
          ],
          rows: [
            { id: "basic", label: "基本支出" },
            { id: "project", label: "项目支出" },
            { id: "total", label: "小计", synonyms: ["合计"] },
          ],
        },
        {
          id: "econ",
          title: "基本支出预算执行情况（按经济分类）",
          layout: "grid",
          kind: "amount",
          unit: "万元",
          synonyms: ["基本支出本年预算指标情况", "本年基本支出预算执行情况"],
          labelColumns: [{ id: "name", label: "预算项目", width: 20 }],
          columns: [
            { id: "budget", label: "本年预算", synonyms: ["部门本年预算", "预算数"] },
            { id: "actual", label: "本年决算", synonyms: ["部门本年决算金额", "决算数", "决算金额"] },
          ],
          rows: [
            { id: "salary", label: "工资福利支出", synonyms: ["301", "301 工资福利支出"] },
            { id: "goods", label: "商品和服务支出", synonyms: ["302", "302 商品和服务支出"] },
            { id: "households", label: "对个人和家庭的补助", synonyms: ["303", "303 对个人和家庭的补助"] },
            { id: "enterprises", label: "对企业补助", synonyms: ["312", "312 对企业补助"] },
            { id: "other", label: "其他经济分类", list: "econOther" },
            { id: "total", label: "合计" },
          ],
        },
        {
          id: "projectItems",
          title: "项目支出预算明细",
          layout: "grid",
          kind: "amount",
          unit: "万元",
          labelColumns: [{ id: "name", label: "项目名称", width: 24 }],
          columns: [{ id: "amount", label: "预算金额" }],
          rows: [
            { id: "item", label: "项目", list: "projectItems" },
            { id: "total", label: "合计" },
          ],
        },
        {
          id: "special",
          title: "专项资金预算投入及使用情况",
          layout: "record",
          kind: "amount",
          unit: "万元",
          rows: [
            { id: "budget", label: "本年预算投入" },
            { id: "actual", label: "实际投入" },
            { id: "added", label: "本年追加专项" },
            { id: "used", label: "实际使用" },
            { id: "balance", label: "结余" },
          ],
        },
      ],
    },
    {
      id: "functional",
      name: "功能科目",
      tables: [
        functionalTable("funcBasic", "一般公共预算基本支出（按功能科目）"),
        functionalTable("funcProject", "一般公共预算项目支出（按功能科目）"),
        {
          id: "otherBudgets",
          title: "其他预算支出情况",
          layout: "record",
          kind: "amountOrNone",
          unit: "万元",
          note: "填金额，或填“无”",
          rows: [
            { id: "govFund", label: "政府性基金预算支出" },
            { id: "stateCapital", label: "国有资本经营预算支出" },
            { id: "socialInsurance", label: "社会保险基金预算支出" },
          ],
        },
      ],
    },
    {
      id: "performance",
      name: "绩效目标",
      tables: [
        {
          id: "perfQual",
          title: "整体支出绩效定性目标及实施计划完成情况",
          layout: "record",
          kind: "text",
          rows: [
            { id: "expected", label: "预期目标" },
            { id: "achieved", label: "实际完成" },
          ],
        },
        {
          id: "perfQuant",
          title: "整体支出绩效定量目标及实施计划完成情况",
          layout: "grid",
          kind: "text",
          labelColumns: [{ id: "name", label: "评价内容", width: 22 }],
          columns: [
            { id: "target", label: "绩效目标", width: 40 },
            { id: "achieved", label: "完成情况", width: 40 },
          ],
          rows: [
            { id: "quality", label: "产出目标·质量指标" },
            { id: "quantity", label: "产出目标·数量指标" },
            { id: "timeliness", label: "产出目标·时效指标" },
            { id: "cost", label: "产出目标·成本指标" },
            { id: "social", label: "效益目标·社会效益" },
            { id: "economic", label: "效益目标·经济效益" },
            { id: "ecological", label: "效益目标·生态效益" },
          ],
        },
        {
          id: "score",
          title: "绩效自评结果",
          layout: "record",
          rows: [
            { id: "score", label: "绩效自评综合得分", kind: "score", unit: "分" },
            { id: "grade", label: "评价等次", kind: "text", note: "优秀/良好/中/差" },
          ],
        },
        {
          id: "evaluators",
          title: "评价人员",
          layout: "grid",
          kind: "text",
          labelColumns: [{ id: "name", label: "姓名", width: 12 }],
          columns: [
            { id: "title", label: "职务/职称", width: 22 },
            { id: "org", label: "单位", width: 20 },
          ],
          rows: [{ id: "person", label: "评价人员", list: "evaluators" }],
        },
        {
          // One row per indicator (a 数量指标 with three indicators is three rows), so 完成率 can be
          // computed and a 完成率 stated in the text checked; the 定量目标 table above keeps the
          // printed form's one cell per 评价内容. Placed last so no other table moves.
          id: "perfIndicators",
          title: "整体支出绩效定量指标完成情况",
          layout: "grid",
          kind: "text",
          synonyms: ["定量指标完成情况", "绩效指标完成情况"],
          labelColumns: [{ id: "name", label: "指标名称", width: 24 }],
          columns: [
            { id: "category", label: "评价内容", width: 18, synonyms: ["指标类别", "二级指标"] },
            { id: "target", label: "指标值", kind: "amount", unit: "", synonyms: ["目标值", "年度指标值"] },
            { id: "actual", label: "实际完成值", kind: "amount", unit: "", synonyms: ["实际值", "完成值"] },
            { id: "unit", label: "计量单位", width: 10, synonyms: ["单位"] },
            { id: "rate", label: "完成率", kind: "percent", unit: "%", synonyms: ["完成度"], optional: true },
            { id: "reason", label: "偏差原因", width: 30, synonyms: ["偏差原因分析", "未完成原因"], optional: true },
          ],
          rows: [{ id: "item", label: "指标", list: "perfIndicators" }],
        },
      ],
    },
    {
      // The officer's score of each indicator, on a sheet of its own: with a scoring table the
      // layout adds 分值, 评分标准, 计算值 and 建议得分 beside it (src/core/plan/score-sheet.ts).
      id: "scoring",
      name: "绩效评分",
      tables: [
        {
          id: "perfScores",
          title: "绩效评分（部门整体支出绩效评价指标）",
          layout: "grid",
          kind: "score",
          unit: "分",
          note: "各指标的自评得分；ziping score 列出按评分标准建议的得分和依据",
          labelColumns: [{ id: "name", label: "评价指标（分值）", width: 36 }],
          columns: [{ id: "entered", label: "自评得分", synonyms: ["得分", "评分"] }],
          rows: [
            ...SCORED_INDICATORS.map((i) => ({ id: i.id, label: `${i.level1}·${i.level2}·${i.name}（${i.points}分）` })),
            { id: "total", label: "合计" },
          ],
        },
      ],
    },
    REPORT_TEXT_SHEET,
  ],
  relations: [
    // ── sums within a table ──────────────────────────────────────────────
    {
      id: "income.rowTotal",
      label: "收入合计 = 各项收入之和",
      kind: "equation",
      formula: true,
      each: { table: "income", rows: "*" },
      target: "income.{row}.total",
      terms: ["income.{row}.carryover", "income.{row}.fiscal", "income.{row}.fund", "income.{row}.nontax", "income.{row}.other"],
    },
    unitSum("income", ["total"]),
    {
      id: "expense.rowTotal",
      label: "支出合计 = 基本支出 + 项目支出",
      kind: "equation",
      formula: true,
      each: { table: "expense", rows: "*" },
      target: "expense.{row}.total",
      terms: ["expense.{row}.basic", "expense.{row}.project"],
    },
    {
      id: "expense.basicSplit",
      label: "基本支出 = 人员支出 + 公用支出",
      kind: "equation",
      formula: true,
      each: { table: "expense", rows: "*" },
      target: "expense.{row}.basic",
      terms: ["expense.{row}.personnel", "expense.{row}.public"],
    },
    unitSum("expense", ["total", "basic"]),
    {
      id: "expense.cumBalance",
      label: "累计结余 = 收入合计 − 支出合计",
      kind: "equation",
      each: { table: "expense", rows: "*" },
      target: "expense.{row}.cumBalance",
      terms: ["income.{row}.total", { ref: "expense.{row}.total", sign: -1 }],
    },
    {
      id: "expense.yearBalance",
      label: "当年结余 = 收入合计 − 上年结转 − 支出合计",
      kind: "equation",
      each: { table: "expense", rows: "*" },
      target: "expense.{row}.yearBalance",
      terms: ["income.{row}.total", { ref: "income.{row}.carryover", sign: -1 }, { ref: "expense.{row}.total", sign: -1 }],
    },
    {
      id: "sangongByUnit.rowTotal",
      label: "三公经费合计 = 四项之和",
      kind: "equation",
      formula: true,
      each: { table: "sangongByUnit", rows: "*" },
      target: "sangongByUnit.{row}.total",
      terms: [
        "sangongByUnit.{row}.reception",
        "sangongByUnit.{row}.vehicleOps",
        "sangongByUnit.{row}.vehiclePurchase",
        "sangongByUnit.{row}.abroad",
      ],
    },
    unitSum("sangongByUnit", ["total"]),
    {
      id: "sangong.total",
      label: "三公经费合计 = 四项之和",
      kind: "equation",
      formula: true,
      each: { table: "sangong", columns: "*" },
      target: "sangong.total.{col}",
      terms: ["sangong.reception.{col}", "sangong.vehicleOps.{col}", "sangong.abroad.{col}", "sangong.vehiclePurchase.{col}"],
    },
    {
      id: "assets.rowTotal",
      label: "固定资产合计 = 在用 + 出租 + 其他",
      kind: "equation",
      formula: true,
      each: { table: "assets", rows: "*" },
      target: "assets.{row}.total",
      terms: ["assets.{row}.inUse", "assets.{row}.leased", "assets.{row}.other"],
    },
    unitSum("assets", ["total"]),
    {
      id: "staff.authorized",
      label: "人员编制 = 行政编制 + 后勤服务事业编制 + 事业编制",
      kind: "equation",
      formula: true,
      target: "staff.authorized",
      terms: ["staff.authorizedAdmin", "staff.authorizedLogistics", "staff.authorizedPublic"],
    },
    {
      id: "budget.fiscal",
      label: "财政拨款 = 财政经费拨款 + 非税收入拨款",
      kind: "equation",
      formula: true,
      target: "budget.fiscal",
      terms: ["budget.fiscalFunds", "budget.nontax"],
    },
    {
      id: "budget.incomeTotal",
      label: "收入预算合计 = 财政拨款",
      kind: "equation",
      formula: true,
      target: "budget.incomeTotal",
      terms: ["budget.fiscal"],
    },
    {
      id: "budget.expenseTotal",
      label: "支出预算合计 = 基本支出 + 项目支出",
      kind: "equation",
      formula: true,
      target: "budget.expenseTotal",
      terms: ["budget.basic", "budget.project"],
    },
    {
      id: "fiscalIncome.unitSum",
      label: "合计 = 各预算单位之和",
      kind: "equation",
      formula: true,
      each: { table: "fiscalIncome", columns: "*" },
      target: "fiscalIncome.all.{col}",
      terms: ["fiscalIncome.unit[*].{col}"],
    },
    {
      id: "fiscalIncome.balanceDecrease",
      label: "结余减少 = 上年结余 − 本年指标结余",
      kind: "equation",
      each: { table: "fiscalIncome", rows: "*" },
      target: "fiscalIncome.{row}.balanceDecrease",
      terms: ["fiscalIncome.{row}.priorBalance", { ref: "fiscalIncome.{row}.yearBalance", sign: -1 }],
    },
    {
      id: "budgetExec.total",
      label: "小计 = 基本支出 + 项目支出",
      kind: "equation",
      formula: true,
      each: { table: "budgetExec", columns: "*" },
      target: "budgetExec.total.{col}",
      terms: ["budgetExec.basic.{col}", "budgetExec.project.{col}"],
    },
    {
      id: "econ.total",
      label: "合计 = 各经济分类之和",
      kind: "equation",
      formula: true,
      each: { table: "econ", columns: "*" },
      target: "econ.total.{col}",
      terms: ["econ.salary.{col}", "econ.goods.{col}", "econ.households.{col}", "econ.enterprises.{col}", "econ.other[*].{col}"],
    },
    {
      id: "projectItems.total",
      label: "合计 = 各项目之和",
      kind: "equation",
      formula: true,
      target: "projectItems.total.amount",
      terms: ["projectItems.item[*].amount"],
    },
    {
      id: "special.balance",
      label: "专项结余 = 实际投入 − 实际使用",
      kind: "equation",
      target: "special.balance",
      terms: ["special.actual", { ref: "special.used", sign: -1 }],
    },
    functionalTotal("funcBasic"),
    functionalTotal("funcProject"),
    {
      id: "perfScores.total",
      label: "评分合计 = 各指标自评得分之和",
      kind: "equation",
      formula: true,
      target: "perfScores.total.entered",
      terms: SCORED_INDICATORS.map((i) => `perfScores.${i.id}.entered`),
    },
    // ── the same figure in two places ────────────────────────────────────
    {
      id: "same.sangongItems",
      label: "三公经费本年数与分机构汇总一致",
      kind: "same",
      each: { table: "sangong", rows: "*" },
      a: "sangong.{row}.current",
      b: "sangongByUnit.all.{row}",
    },
    {
      id: "same.fiscalIncome",
      label: "财政拨款收入与收入表公共财政拨款一致",
      kind: "same",
      a: "fiscalIncome.all.received",
      b: "income.all.fiscal",
    },
    {
      id: "same.available",
      label: "预算可用指标与收入预算合计一致",
      kind: "same",
      a: "fiscalIncome.all.available",
      b: "budget.incomeTotal",
    },
    {
      id: "same.indicatorBalance",
      label: "本年指标结余与累计结余一致",
      kind: "same",
      a: "fiscalIncome.all.yearBalance",
      b: "expense.all.cumBalance",
    },
    {
      id: "same.budgetBalanced",
      label: "收入预算合计与支出预算合计一致",
      kind: "same",
      a: "budget.incomeTotal",
      b: "budget.expenseTotal",
    },
    {
      id: "same.execBudget",
      label: "预算指标与年初预算一致",
      kind: "same",
      each: { table: "budgetExec", rows: ["basic", "project"] },
      a: "budgetExec.{row}.budget",
      b: "budget.{row}",
    },
    {
      id: "same.execActual",
      label: "决算金额与支出表汇总一致",
      kind: "same",
      each: { table: "budgetExec", rows: ["basic", "project", "total"] },
      a: "budgetExec.{row}.actual",
      b: "expense.all.{row}",
    },
    {
      id: "same.econBudget",
      label: "经济分类预算合计与年初基本支出预算一致",
      kind: "same",
      a: "econ.total.budget",
      b: "budget.basic",
    },
    {
      id: "same.econActual",
      label: "经济分类决算合计与基本支出决算一致",
      kind: "same",
      a: "econ.total.actual",
      b: "budgetExec.basic.actual",
    },
    {
      id: "same.projectItems",
      label: "项目支出明细合计与年初项目支出预算一致",
      kind: "same",
      a: "projectItems.total.amount",
      b: "budget.project",
    },
    {
      id: "same.specialBudget",
      label: "专项预算投入与年初项目支出预算一致",
      kind: "same",
      a: "special.budget",
      b: "budget.project",
    },
    {
      id: "same.funcBasic",
      label: "基本支出功能科目合计与基本支出决算一致",
      kind: "same",
      a: "funcBasic.total.amount",
      b: "budgetExec.basic.actual",
    },
    {
      id: "same.funcProject",
      label: "项目支出功能科目合计与项目支出决算一致",
      kind: "same",
      a: "funcProject.total.amount",
      b: "budgetExec.project.actual",
    },
    {
      id: "same.headcount",
      label: "实有人数与实际在职人数一致",
      kind: "same",
      a: "staff.actual",
      b: "staff.inService",
    },
    // ── budget vs actual ─────────────────────────────────────────────────
    {
      id: "overspend.exec",
      label: "决算不超预算",
      kind: "budget",
      each: { table: "budgetExec", rows: ["basic", "project"] },
      budget: "budgetExec.{row}.budget",
      actual: "budgetExec.{row}.actual",
    },
    {
      id: "overspend.econ",
      label: "经济分类决算不超预算",
      kind: "budget",
      each: { table: "econ", rows: "*", exceptRows: ["total"] },
      budget: "econ.{row}.budget",
      actual: "econ.{row}.actual",
    },
    // ── ranges and consistency ───────────────────────────────────────────
    {
      id: "perfIndicators.rate",
      label: "完成率 = 实际完成值 ÷ 指标值",
      kind: "ratio",
      each: { table: "perfIndicators", rows: ["item"] },
      field: "perfIndicators.{row}.rate",
      numerator: "perfIndicators.{row}.actual",
      denominator: "perfIndicators.{row}.target",
    },
    { id: "score.range", label: "综合得分在0–100之间", kind: "range", field: "score.score", min: "0", max: "100" },
    {
      id: "score.grade",
      label: "评价等次与得分相符",
      kind: "grade",
      score: "score.score",
      grade: "score.grade",
      bands: YUEYANG_GRADES,
    },
  ],
  narrative: yueyangNarrative,
  ...yueyangReport,
  priorYear: yueyangPriorYear,
} satisfies FormSpec;
