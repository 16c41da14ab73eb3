/**
 * The 部门决算 情况说明 as narrative bindings: the paragraphs the 财政部 outline asks for
 * (收入支出决算总体情况 … 机关运行经费), each figure read from the public tables and each change
 * computed from the 上年决算数 beside them, never typed. The wording follows published 情况说明
 * (e.g. 天水市幼儿园2017年度部门决算, http://www.kmxxf.com/jyj/info/1217/105784.htm: "本单位收入为
 * 1687.45万元，其中：财政拨款收入1516.64万元，占89.88%…", "财政拨款收入总计1516.64万元，与上年相比
 * 减少58.49万元，降低3.71%"; 乌鲁木齐市政务服务中心2023年度: "收入支出总体与上年相比增加58.21万元，
 * 增长15.46%"), in ZiPing's own templates. 主要原因 is the officer's to write: the sentence leaves
 * a marked gap (REASON_GAP).
 */
import type { ParagraphBinding, RatioSlot, SentenceBinding, TextBinding } from "../types";
import { changeOnPrior, REASON_GAP } from "./change-on-prior";
import { econRowId, PERSONNEL_GROUPS, PUBLIC_GROUPS, type EconGroup } from "./mof-juesuan-codes";

/** "占本年收入合计的89.88%": a part's share of a named total. */
function shareOf(part: string, total: string, totalName: string): RatioSlot {
  return { kind: "ratio", of: [part, total], text: `占${totalName}的{rate}`, as: "share" };
}

/**
 * "完成年初预算的103.32%"; a line with no 年初预算 (0 or left blank) "年初未作预算", so a budget of
 * 0 never gives a percentage.
 */
function completion(actual: string, budget: string, what: string, lead = ""): RatioSlot {
  return { kind: "ratio", of: [actual, budget], text: `${lead}完成年初预算的{rate}`, zero: `${lead}年初未作预算`, blankIsZero: true, as: "executionRate", fact: `${what}完成年初预算` };
}

/** A clause stating one change on the prior year, left out when the 上年 figure is not filled. */
function priorChange(id: string, current: string, prior: string, fact: string, lead = "", reason = true, names?: Record<string, string>): TextBinding {
  return { kind: "text", id, optional: true, text: `${lead}{@change}`, slots: { change: changeOnPrior(current, prior, fact, reason) }, ...(names ? { names } : {}) };
}

/** "财政拨款收入1516.64万元，占本年收入合计的89.88%" for each source that is filled. */
function sharesListing(id: string, lead: string, total: string, totalName: string, parts: Array<{ name: string; field: string }>): TextBinding {
  const slots: Record<string, RatioSlot> = {};
  const items = parts.map((p, i) => {
    slots[`s${i}`] = shareOf(p.field, total, totalName);
    return `${p.name}{${p.field}}，{@s${i}}`;
  });
  return { kind: "text", id, text: `${lead}{${total}}{@parts}`, slots: { parts: { kind: "filled", lead: "，其中：", joiner: "；", items, slots } } };
}

/** "基本工资、津贴补贴…": the 经济分类 items with a figure, named with their amounts. */
function econListing(groups: EconGroup[]): string[] {
  return groups.flatMap((g) => g.items.map((i) => `${i.name}{basicDetail.${econRowId(i.code)}}`));
}

/** One 三公 row: 预算, 决算 and 完成预算的X%. */
function sangongBudget(row: string, name: string): TextBinding {
  return {
    kind: "text",
    id: `sangong.budget.${row}`,
    text: `${name}支出预算为{sangong.${row}.budget}，决算为{sangong.${row}.actual}，{@rate}`,
    slots: { rate: { kind: "ratio", of: [`sangong.${row}.actual`, `sangong.${row}.budget`], text: "完成预算的{rate}", zero: "年初未作预算", blankIsZero: true, as: "executionRate", fact: `${name}完成预算` } },
  };
}

/** The 三公 items in the order 公开07表 prints them (the 购置及运行维护费 by its two parts). */
const SANGONG_ROWS = [
  { row: "abroad", name: "因公出国（境）费" },
  { row: "vehiclePurchase", name: "公务用车购置费" },
  { row: "vehicleOps", name: "公务用车运行维护费" },
  { row: "reception", name: "公务接待费" },
];

function sangongChange(row: string, name: string): SentenceBinding {
  return priorChange(`sangong.change.${row}`, `sangong.${row}.actual`, `sangong.${row}.prior`, `${name}比上年增减`, `${name}支出{sangong.${row}.actual}，`, false);
}

export const juesuanNarrative: ParagraphBinding[] = [
  {
    // 2023年度收入总计434.72万元，支出总计434.72万元。与上年相比，收入总计比上年增加58.21万元，增长15.46%，主要原因是…
    id: "overall",
    title: "收入支出决算总体情况",
    sentences: [
      { clauses: [{ kind: "text", id: "overall.totals", text: "{report.year}年度{self}收入总计{income.grandTotal}，支出总计{spending.grandTotal}" }] },
      {
        joiner: "；",
        clauses: [
          priorChange("overall.change.income", "income.grandTotal", "prior.incomeGrandTotal", "收入总计比上年增减", "收入总计"),
          priorChange("overall.change.spending", "spending.grandTotal", "prior.spendingGrandTotal", "支出总计比上年增减", "支出总计"),
        ],
      },
    ],
  },
  {
    id: "income",
    title: "收入决算情况",
    sentences: [
      {
        clauses: [
          sharesListing("income.sources", "{report.year}年度本年收入合计", "incomeDetail.all.total", "本年收入合计", [
            { name: "财政拨款收入", field: "incomeDetail.all.fiscal" },
            { name: "上级补助收入", field: "incomeDetail.all.superior" },
            { name: "事业收入", field: "incomeDetail.all.business" },
            { name: "经营收入", field: "incomeDetail.all.operating" },
            { name: "附属单位上缴收入", field: "incomeDetail.all.affiliated" },
            { name: "其他收入", field: "incomeDetail.all.other" },
          ]),
        ],
      },
      { clauses: [priorChange("income.change", "incomeDetail.all.total", "prior.incomeTotal", "本年收入合计比上年增减", "本年收入合计")] },
    ],
  },
  {
    id: "expense",
    title: "支出决算情况",
    sentences: [
      {
        clauses: [
          sharesListing("expense.parts", "{report.year}年度本年支出合计", "expenseDetail.all.total", "本年支出合计", [
            { name: "基本支出", field: "expenseDetail.all.basic" },
            { name: "项目支出", field: "expenseDetail.all.project" },
            { name: "上缴上级支出", field: "expenseDetail.all.toSuperior" },
            { name: "经营支出", field: "expenseDetail.all.operating" },
            { name: "对附属单位补助支出", field: "expenseDetail.all.toAffiliated" },
          ]),
        ],
      },
      { clauses: [priorChange("expense.change", "expenseDetail.all.total", "prior.spendingTotal", "本年支出合计比上年增减", "本年支出合计")] },
    ],
  },
  {
    // 财政拨款收入总计1516.64万元，与上年相比减少58.49万元，降低3.71%。
    id: "fiscal",
    title: "财政拨款收入支出决算总体情况",
    sentences: [
      {
        joiner: "，",
        clauses: [
          { kind: "text", id: "fiscal.income", text: "{report.year}年度财政拨款本年收入合计{fiscalIncome.total}", names: { "fiscalIncome.total": "财政拨款本年收入合计" } },
          priorChange("fiscal.change.income", "fiscalIncome.total", "prior.fiscalIncomeTotal", "财政拨款本年收入合计比上年增减"),
        ],
      },
      {
        clauses: [
          {
            kind: "text",
            id: "fiscal.kinds",
            optional: true,
            text: "{@kinds}",
            slots: {
              kinds: {
                kind: "filled",
                lead: "其中：",
                joiner: "，",
                skipZero: true,
                items: ["一般公共预算财政拨款收入{fiscalIncome.general}", "政府性基金预算财政拨款收入{fiscalIncome.fund}", "国有资本经营预算财政拨款收入{fiscalIncome.capital}"],
              },
            },
          },
        ],
      },
      {
        joiner: "，",
        clauses: [
          { kind: "text", id: "fiscal.spending", optional: true, text: "财政拨款本年支出合计{fiscalSpending.total.total}", names: { "fiscalSpending.total.total": "财政拨款本年支出合计" } },
          priorChange("fiscal.change.spending", "fiscalSpending.total.total", "prior.fiscalSpendingTotal", "财政拨款本年支出合计比上年增减"),
        ],
      },
      {
        joiner: "，",
        clauses: [
          {
            kind: "text",
            id: "fiscal.grandTotal",
            optional: true,
            text: "财政拨款收入总计{fiscalIncome.grandTotal}，财政拨款支出总计{fiscalSpending.grandTotal.total}",
            names: { "fiscalIncome.grandTotal": "财政拨款收入总计", "fiscalSpending.grandTotal.total": "财政拨款支出总计" },
          },
          priorChange("fiscal.change.grandTotal", "fiscalIncome.grandTotal", "prior.fiscalGrandTotal", "财政拨款收支总计比上年增减", "财政拨款收入总计", true, { "prior.fiscalGrandTotal": "财政拨款收入总计" }),
        ],
      },
    ],
  },
  {
    // 一般公共预算财政拨款支出总计1741.75万元，与上年相比减少53.7万元，降低2.99%；完成年初预算…，决算数大于预算数55.93万元。
    id: "general",
    title: "一般公共预算财政拨款支出决算情况",
    sentences: [
      {
        joiner: "，",
        clauses: [
          { kind: "text", id: "general.total", text: "{report.year}年度一般公共预算财政拨款支出{generalSpending.all.total}", names: { "generalSpending.all.total": "一般公共预算财政拨款支出" } },
          {
            kind: "text",
            id: "general.share",
            optional: true,
            text: "{@share}",
            slots: { share: shareOf("generalSpending.all.total", "expenseDetail.all.total", "本年支出合计") },
          },
          priorChange("general.change", "generalSpending.all.total", "prior.generalSpending", "一般公共预算财政拨款支出比上年增减"),
        ],
      },
      {
        joiner: "，",
        clauses: [
          {
            kind: "text",
            id: "general.budget",
            optional: true,
            text: "一般公共预算财政拨款支出年初预算为{generalSpending.all.budget}，{@rate}，{@gap}",
            names: { "generalSpending.all.budget": "一般公共预算财政拨款支出" },
            slots: {
              rate: completion("generalSpending.all.total", "generalSpending.all.budget", "一般公共预算财政拨款支出"),
              gap: {
                kind: "difference",
                of: ["generalSpending.all.total", "generalSpending.all.budget"],
                positive: `决算数大于预算数{}，主要原因是${REASON_GAP}`,
                negative: `决算数小于预算数{}，主要原因是${REASON_GAP}`,
                zero: "决算数与预算数相同",
                fact: "决算数 − 年初预算数",
                signed: true,
              },
            },
          },
        ],
      },
      {
        clauses: [
          {
            kind: "text",
            id: "general.classes",
            optional: true,
            text: "按支出功能分类{@classes}",
            slots: {
              classes: {
                kind: "each",
                list: "generalFuncs",
                codeLengths: [3],
                required: true,
                lead: "，",
                joiner: "；",
                // The rate brings its own comma: it is left unsaid when no 类 has a 年初预算数.
                item: "{#name}{generalSpending.line[*].total}{@rate}",
                slots: { rate: completion("generalSpending.line[*].total", "generalSpending.line[*].budget", "{#name}", "，") },
              },
            },
          },
        ],
      },
    ],
  },
  {
    id: "basic",
    title: "一般公共预算财政拨款基本支出决算情况",
    sentences: [
      {
        joiner: "，",
        clauses: [
          { kind: "text", id: "basic.total", text: "{report.year}年度一般公共预算财政拨款基本支出{generalSpending.all.basic}", names: { "generalSpending.all.basic": "一般公共预算财政拨款基本支出" } },
          priorChange("basic.change", "generalSpending.all.basic", "prior.basic", "基本支出比上年增减"),
        ],
      },
      {
        joiner: "；",
        clauses: [
          {
            kind: "text",
            id: "basic.personnel",
            text: "人员经费{basicDetail.personnel}{@items}",
            slots: { items: { kind: "filled", lead: "，主要包括：", joiner: "、", skipZero: true, items: econListing(PERSONNEL_GROUPS) } },
          },
          {
            kind: "text",
            id: "basic.public",
            text: "公用经费{basicDetail.public}{@items}",
            slots: { items: { kind: "filled", lead: "，主要包括：", joiner: "、", skipZero: true, items: econListing(PUBLIC_GROUPS) } },
          },
        ],
      },
    ],
  },
  {
    // “三公”经费财政拨款支出预算为…，支出决算为…，完成预算的…；其中：… 与上年相比 …
    id: "sangong",
    title: "财政拨款“三公”经费支出决算情况",
    // 公开07表 marked 本表无数据: the department had no 三公 spending, and says so.
    noData: { table: "sangong", sentences: [{ clauses: [{ kind: "text", id: "sangong.none", text: "{self}{report.year}年度无财政拨款“三公”经费支出" }] }] },
    sentences: [
      {
        joiner: "，",
        clauses: [
          { ...sangongBudget("total", "“三公”经费"), text: "{report.year}年度财政拨款“三公”经费支出预算为{sangong.total.budget}，决算为{sangong.total.actual}，{@rate}" },
          {
            kind: "text",
            id: "sangong.gap",
            text: "{@gap}",
            slots: {
              gap: {
                kind: "difference",
                of: ["sangong.total.actual", "sangong.total.budget"],
                positive: `决算数大于预算数{}，主要原因是${REASON_GAP}`,
                negative: `决算数小于预算数{}，主要原因是${REASON_GAP}`,
                zero: "决算数与预算数相同",
                fact: "“三公”经费决算数 − 预算数",
                signed: true,
              },
            },
          },
        ],
      },
      { prefix: "其中：", joiner: "；", clauses: SANGONG_ROWS.map(({ row, name }) => sangongBudget(row, name)) },
      {
        prefix: "与上年相比，",
        joiner: "；",
        clauses: [
          priorChange("sangong.change.total", "sangong.total.actual", "sangong.total.prior", "“三公”经费比上年增减", "“三公”经费支出{sangong.total.actual}，"),
          ...SANGONG_ROWS.map(({ row, name }) => sangongChange(row, name)),
        ],
      },
    ],
  },
  {
    id: "opsFunds",
    title: "机关运行经费支出情况",
    sentences: [
      {
        joiner: "，",
        clauses: [
          { kind: "text", id: "opsFunds.total", text: "{report.year}年度{self}机关运行经费支出{extra.opsFunds}" },
          priorChange("opsFunds.change", "extra.opsFunds", "prior.opsFunds", "机关运行经费比上年增减"),
        ],
      },
    ],
  },
];
