/**
 * The 岳阳 自评表's 评价报告综述 paragraphs as narrative bindings: which cells each sentence reads
 * and how it words them. The wording reproduces the seed reports' (test/fixtures/seeds/); the
 * hand-written paragraphs this replaces are the oracle of test/core/narrative/bindings-equivalence.
 */
import type { BudgetRowsBinding, ChangeItemBinding, ParagraphBinding, SentenceGroupBinding, TextBinding } from "../types";
import { changeOnPrior } from "./change-on-prior";

/** The four 三公 rows in table order, named as the report's sentences name them. */
export const SANGONG_ITEMS: ChangeItemBinding[] = [
  { key: "reception", name: "公务接待费", prior: "sangong.reception.prior", current: "sangong.reception.current" },
  { key: "vehicleOps", name: "公务用车运行维护费", prior: "sangong.vehicleOps.prior", current: "sangong.vehicleOps.current" },
  { key: "abroad", name: "因公出国费用", prior: "sangong.abroad.prior", current: "sangong.abroad.current" },
  { key: "vehiclePurchase", name: "公务用车购置费", prior: "sangong.vehiclePurchase.prior", current: "sangong.vehiclePurchase.current" },
];

/**
 * 人均 divides by 实有人数 as the table states it: the 2020 report's 0.049 = 1.90 ÷ 39 (with 40
 * 实际在职 it would be 0.048).
 */
export const PER_CAPITA_DIVISOR = "staff.actual";
export const VEHICLES_IN_USE = "vehicles.inUse";

/**
 * The headcount the 2020 report compares with 编制: 实际在职人员 (43 − 40 = 3, "少3人"), not the
 * table's 实有人数 39, which would give 4.
 */
export const STAFF_COMPARED = "staff.inService";

/** The 经济分类 rows whose overspend and 结余 the 基本支出 paragraph states. */
const ECON_ROWS: BudgetRowsBinding = { table: "econ", rows: ["salary", "goods", "households", "enterprises", "other"], budget: "budget", actual: "actual" };

const EXECUTION_ROWS = [
  { row: "basic", name: "基本支出" },
  { row: "project", name: "项目支出" },
  { row: "total", name: "支出合计" },
];

/**
 * "收入合计1299.77万元，比上年增加111.54万元，增长9.39%": written only when the 上年数 table
 * (lastYear, filled by --prior) has the figure, so a workbook without last year's says nothing.
 */
function changeOnLastYear(id: string, lead: string, current: string, prior: string, fact: string): TextBinding {
  return { kind: "text", id, optional: true, text: `${lead}{@change}`, slots: { change: changeOnPrior(current, prior, fact, false) } };
}

/** One 功能科目 list: its table and list share the id (funcBasic, funcProject). */
const functional = (key: "basic" | "project", list: string, listLabel: string, what: string): SentenceGroupBinding => ({
  clauses: [
    {
      kind: "breakdown",
      id: `func.${key}`,
      optional: "ifListEmpty",
      list,
      amount: `${list}.item[*].amount`,
      total: `${list}.total.amount`,
      lead: `{report.year}年度{self}${what}`,
      listLabel,
      separator: "；",
    },
  ],
});

export const yueyangNarrative: ParagraphBinding[] = [
  {
    // 我局部门年初预算中，人员编制总计43人，…。至2020年12月31日，部门实际在职人员40人，…，实际人数比编制人数少3人。
    id: "staff",
    title: "人员情况",
    sentences: [
      {
        clauses: [
          {
            kind: "text",
            id: "staff.authorized",
            text: "{department}年初预算中，人员编制总计{staff.authorized}{@parts}",
            slots: {
              parts: {
                kind: "filled",
                lead: "，其中",
                joiner: "，",
                items: ["行政编制{staff.authorizedAdmin}", "机关后勤服务事业编制{staff.authorizedLogistics}", "事业编制{staff.authorizedPublic}"],
              },
            },
          },
        ],
      },
      {
        joiner: "，",
        clauses: [
          {
            kind: "text",
            id: "staff.inService",
            text: `至{report.year}年12月31日，部门实际在职人员{${STAFF_COMPARED}}{@hq}`,
            slots: { hq: { kind: "filled", lead: "，", joiner: "", items: ["局本级实际在职人员{staff.inServiceHQ}"] } },
          },
          {
            kind: "text",
            id: "staff.gap",
            text: "{@gap}",
            reads: ["staff.authorized", STAFF_COMPARED],
            slots: {
              gap: {
                kind: "difference",
                of: [STAFF_COMPARED, "staff.authorized"],
                positive: "实际人数比编制人数多{}",
                negative: "实际人数比编制人数少{}",
                zero: "实际人数与编制人数相同",
                fact: "实际人数 − 编制人数",
              },
            },
          },
        ],
      },
      { clauses: [changeOnLastYear("staff.change", "实际在职人员", STAFF_COMPARED, "lastYear.inService", "实际在职人员比上年增减")] },
    ],
  },
  {
    // 收入预算, the shares of 基本支出 and 项目支出, and what they are used for.
    id: "budget",
    title: "年初总收支预算情况",
    sentences: [
      {
        clauses: [
          {
            kind: "text",
            id: "budget.income",
            text: "{department}收入预算{budget.incomeTotal}{@source}",
            slots: {
              source: { kind: "difference", of: ["budget.incomeTotal", "budget.fiscal"], zero: "（全部为财政拨款）", positive: "，其中财政拨款{budget.fiscal}", negative: "，其中财政拨款{budget.fiscal}" },
            },
          },
        ],
      },
      {
        clauses: [
          {
            kind: "shares",
            id: "budget.shares",
            lead: "支出预算中",
            parts: [
              { name: "基本支出", field: "budget.basic" },
              { name: "项目支出", field: "budget.project" },
            ],
            total: { field: "budget.expenseTotal", name: "支出预算总额", shortName: "支出预算" },
          },
        ],
      },
      {
        clauses: [
          {
            kind: "text",
            id: "budget.use",
            text: "{report.year}年度年初部门预算支出{budget.expenseTotal}，其中基本支出{budget.basic}，使用内容为人员经费和日常公用经费；项目支出{budget.project}{@items}",
            slots: {
              items: {
                kind: "each",
                list: "projectItems",
                lead: "，使用内容为：",
                joiner: "，",
                item: "{#name}{projectItems.item[*].amount}",
                needed: "after",
                sumNote: { total: "budget.project", text: "项目明细之和{sum}与项目支出预算{budget.project}不等。" },
              },
            },
          },
        ],
      },
    ],
  },
  {
    // 指标 and 结余, 结余减少, 收入/支出/结余 by unit, and 预算执行率 when asked.
    id: "execution",
    title: "年度预算收支决算情况",
    sentences: [
      {
        joiner: "，",
        clauses: [
          {
            kind: "text",
            id: "exec.indicators",
            text: "{report.year}年度{self}预算可用指标{fiscalIncome.all.available}，本年财政拨款{fiscalIncome.all.received}，指标结余{fiscalIncome.all.yearBalance}",
          },
          {
            kind: "text",
            id: "exec.balanceDecrease",
            optional: true,
            text: "上年结余{fiscalIncome.all.priorBalance}，{@change}",
            slots: {
              change: {
                kind: "difference",
                of: ["fiscalIncome.all.priorBalance", "fiscalIncome.all.yearBalance"],
                positive: "结余减少{}",
                negative: "结余增加{}",
                zero: "结余与上年持平",
                fact: "结余减少（上年结余 − 本年指标结余）",
              },
            },
          },
        ],
      },
      {
        clauses: [
          {
            kind: "text",
            id: "exec.units",
            optional: true,
            text: "{report.year}年度{self}收入合计{income.all.total}，支出合计{expense.all.total}，{@balance}{@units}",
            slots: {
              balance: { kind: "difference", of: ["income.all.total", "expense.all.total"], positive: "结余{}", negative: "支出超过收入{}", fact: "部门结余（收入 − 支出）", signed: true },
              units: {
                kind: "each",
                list: "units",
                minEntries: 2,
                lead: "；其中",
                joiner: "；",
                item: "{#name}收入{income.unit[*].total}，支出{expense.unit[*].total}，{@balance}",
                slots: {
                  balance: { kind: "difference", of: ["income.unit[*].total", "expense.unit[*].total"], positive: "结余{}", negative: "支出超过收入{}", fact: "{#name}结余（收入 − 支出）", signed: true },
                },
              },
            },
          },
        ],
      },
      {
        prefix: "与上年比较，",
        joiner: "；",
        clauses: [
          changeOnLastYear("exec.change.income", "收入合计{income.all.total}，", "income.all.total", "lastYear.incomeTotal", "收入合计比上年增减"),
          changeOnLastYear("exec.change.expense", "支出合计{expense.all.total}，", "expense.all.total", "lastYear.expenseTotal", "支出合计比上年增减"),
          changeOnLastYear("exec.change.assets", "固定资产合计{assets.all.total}，", "assets.all.total", "lastYear.assetsTotal", "固定资产合计比上年增减"),
        ],
      },
      {
        joiner: "；",
        clauses: EXECUTION_ROWS.map(({ row, name }) => ({
          kind: "rate" as const,
          id: `exec.rate.${row}`,
          optional: true,
          option: "executionRate" as const,
          budget: `budgetExec.${row}.budget`,
          actual: `budgetExec.${row}.actual`,
          text: `${name}预算{budgetExec.${row}.budget}，决算{budgetExec.${row}.actual}，预算执行率{rate}`,
          label: `${name}预算执行率`,
        })),
      },
    ],
  },
  {
    // 基本支出 against its 预算, the rows over (and under) budget and their totals.
    id: "basic",
    title: "基本支出管理情况",
    sentences: [
      { clauses: [{ kind: "overspend", id: "basic.overspend", name: "基本支出", budget: "budgetExec.basic.budget", actual: "budgetExec.basic.actual", rows: ECON_ROWS }] },
      { clauses: [{ kind: "overspendTotal", id: "basic.overspendTotal", optional: true, rows: ECON_ROWS }] },
      { clauses: [{ kind: "underspendTotal", id: "basic.underspendTotal", optional: true, rows: ECON_ROWS }] },
    ],
  },
  {
    // “三公经费”本年实际支出2.02万元。其中公务接待费实际支出1.90万元，比上年降低44.77%；…；2020年度无因公出国费用和公务用车购置费。
    // 公务接待费本年人均0.049万元；本年在使用公车2台，公车运行维护费平均每台0.06万元/台。与上年比较，公务接待费比上年降低44.77%，…。
    id: "sangong",
    title: "“三公经费”支出使用和管理情况",
    sentences: [
      { clauses: [{ kind: "text", id: "sangong.total", text: "“三公经费”本年实际支出{sangong.total.current}" }] },
      {
        prefix: "其中",
        joiner: "；",
        clauses: [{ kind: "changes", id: "sangong.change", items: SANGONG_ITEMS, amountAs: "实际支出", none: { id: "sangong.none", text: "{report.year}年度无{names}" } }],
      },
      {
        joiner: "；",
        clauses: [
          {
            kind: "quotient",
            id: "sangong.perCapita.reception",
            optional: true,
            per: "capita",
            amount: "sangong.reception.current",
            divisor: PER_CAPITA_DIVISOR,
            text: "公务接待费本年人均{quotient}万元",
            label: "公务接待费人均（÷实有人数）",
          },
          {
            kind: "quotient",
            id: "sangong.perItem.vehicleOps",
            optional: true,
            per: "item",
            amount: "sangong.vehicleOps.current",
            divisor: VEHICLES_IN_USE,
            text: `本年在使用公车{${VEHICLES_IN_USE}}，公车运行维护费平均每台{quotient}万元/台`,
            label: "公车运行维护费平均每台",
          },
        ],
      },
      {
        prefix: "与上年比较，",
        joiner: "，",
        clauses: [{ kind: "changes", id: "sangong.compare", optional: true, items: SANGONG_ITEMS, onlyPriorPositive: true }],
      },
    ],
  },
  {
    // 专项资金: 预算投入 and 实际投入, then 追加, 使用 and the 结余 they leave (实际投入 − 实际使用).
    id: "special",
    title: "专项资金预算投入及使用情况",
    sentences: [
      { clauses: [{ kind: "text", id: "special.input", text: "本年预算投入{special.budget}，实际投入{special.actual}" }] },
      {
        clauses: [
          {
            kind: "text",
            id: "special.use",
            text: "本年追加专项{special.added}，实际使用{special.used}，{@balance}",
            reads: ["special.added", "special.actual", "special.used"],
            slots: { balance: { kind: "difference", of: ["special.actual", "special.used"], positive: "结余{}", negative: "超出实际投入{}", fact: "专项结余（实际投入 − 实际使用）", signed: true } },
          },
        ],
      },
    ],
  },
  {
    // 一般公共预算支出 by 功能科目: "2025年度我部门基本支出1200.53万元，其中：行政运行支出960.47万元；…".
    // A list the department filled is required in full; an empty list is left out, unless both are.
    id: "functional",
    title: "一般公共预算支出情况",
    sentences: [functional("basic", "funcBasic", "基本支出功能科目", "基本支出"), functional("project", "funcProject", "项目支出功能科目", "项目支出")],
  },
  {
    // "根据部门整体支出绩效评价指标体系，本局2020年度评价得分97分" (2020 seed), after the indicators
    // the scoring table computes ("预算调整率为53.73%，得0分", written when the caller scores the
    // workbook: {=…} figures) and the 定量指标' 完成度 ("计划总投资完成度116.75%").
    id: "performance",
    title: "部门整体支出绩效情况",
    sentences: [
      {
        prefix: "按部门整体支出绩效评价指标计算，",
        joiner: "；",
        clauses: [
          indicatorClause("staffControl", "财政供养人员控制率为", ""),
          indicatorClause("sangongChange", "“三公经费”变动率为", ""),
          indicatorClause("budgetAdjust", "预算调整率为", ""),
          indicatorClause("fundBalance", "累计结余为上年结转的", "，资金结余"),
          indicatorClause("executionRate", "预算执行率为"),
          indicatorClause("carryoverRate", "结转结余率为"),
          indicatorClause("publicControl", "公用经费控制率为"),
        ],
      },
      {
        clauses: [
          {
            kind: "text",
            id: "performance.quantitative",
            optional: true,
            text: "{@rows}",
            slots: {
              rows: {
                kind: "each",
                list: "perfIndicators",
                lead: "定量指标中，",
                joiner: "，",
                item: "{#name}完成度{@rate}",
                slots: {
                  rate: {
                    kind: "ratio",
                    of: ["perfIndicators.item[*].actual", "perfIndicators.item[*].target"],
                    text: "{rate}",
                    as: "ratio",
                    zero: "无法计算（指标值为0）",
                    fact: "{#name}完成度",
                  },
                },
              },
            },
          },
        ],
      },
      { clauses: [{ kind: "text", id: "performance.score", text: "根据部门整体支出绩效评价指标体系，{self}{report.year}年度评价得分{score.score}" }] },
    ],
  },
];

/**
 * A clause on one indicator of the scoring table, written when the caller gives its figures:
 * "预算调整率为53.73%，得0分"; without `scored` (an indicator worth no points) no score is stated.
 */
function indicatorClause(id: string, lead: string, scored?: string): SentenceGroupBinding["clauses"][number] {
  const points = scored === undefined ? "" : `${scored || "，"}得{=${id}.score}分`;
  return { kind: "text", id: `performance.${id}`, optional: true, text: `${lead}{=${id}.value}${points}` };
}
