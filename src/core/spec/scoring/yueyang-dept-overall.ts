import { YUEYANG_GRADES } from "../forms/yueyang-grades";
import type { ComputedIndicator, ScoringRule, ScoringTable } from "../score-types";
import { YUEYANG_INDICATORS } from "./yueyang-indicators";

/**
 * 岳阳市 部门整体支出绩效评价指标 as a 岳阳 department's published 评分表 prints them
 * (一级 投入 15 / 过程 40, 二级 预算配置 15 / 预算执行 15 / 预算管理 15, each 三级指标 with its
 * 分值 and 评分标准): https://glj.yueyang.gov.cn/6173/6181/content_1705915.html
 *
 * The 评分标准 are restated briefly in our own words; only what that table states is carried over. The 三级指标 of 预算管理 beyond the first two, the
 * rest of 过程 and the 产出 / 效果 indicators were not legible in the published copy; they stand
 * here as one 评价组-scored entry each with the points the 一级 totals leave for them, so the
 * table still adds up to 100 and nothing is invented.
 *
 * Steps are counted whole ("每超过一个百分点扣0.5分": 1.6 points over loses one step), as the
 * 湖南省 tables are applied in published self-evaluations (预算完成率 92.8% "每低于5%扣2分" scored
 * 3 of 5: https://m.wenku365.com/p-28594397.html).
 */
const SOURCE = "https://glj.yueyang.gov.cn/6173/6181/content_1705915.html";

/** An indicator's place in the table and its 分值 (yueyang-indicators.ts), to which its 评分标准 and rule are added here. */
function indicator(id: string): (typeof YUEYANG_INDICATORS)[number] {
  const found = YUEYANG_INDICATORS.find((i) => i.id === id);
  if (!found) throw new Error(`岳阳评分表没有指标 ${id}`);
  return found;
}

/** A ratio of one field to another, as a percentage with 2 decimals. */
const percentOf = (numerator: string, numeratorLabel: string, denominator: string, denominatorLabel: string, formula: string): ComputedIndicator => ({
  formula,
  computation: { kind: "ratio", numerator: [numerator], denominator: [denominator], numeratorLabel, denominatorLabel },
  decimals: 2,
});

const overLimit = (limit: string, per: string): ScoringRule => ({ kind: "ceiling", limit, per, step: "1%", count: "whole" });

export const yueyangDeptOverall: ScoringTable = {
  id: "yueyang-dept-overall",
  title: "岳阳市部门整体支出绩效评价指标（评分表）",
  source: SOURCE,
  form: "yueyang-self-eval",
  total: "100",
  groups: [
    { level1: "投入", points: "15" },
    { level1: "投入", level2: "预算配置", points: "15" },
    { level1: "过程", points: "40" },
    { level1: "过程", level2: "预算执行", points: "15" },
    { level1: "过程", level2: "预算管理", points: "15" },
    { level1: "产出及效果", points: "45" },
  ],
  indicators: [
    {
      ...indicator("staffControl"),
      standard: "控制率不超过100%得5分；超过的，每超1个百分点扣0.5分，扣至0分为止",
      computed: percentOf("staff.inService", "实际在职人数", "staff.authorized", "人员编制", "在职人员控制率 = 实际在职人数 ÷ 人员编制 × 100%"),
      rule: overLimit("100%", "0.5"),
    },
    {
      ...indicator("sangongChange"),
      standard: "变动率不大于0得5分；大于0的，每高1个百分点扣0.5分，扣至0分为止",
      computed: {
        formula: "“三公经费”变动率 = （本年“三公经费” − 上年“三公经费”）÷ 上年“三公经费” × 100%",
        computation: {
          kind: "change",
          current: ["sangong.total.current"],
          prior: ["sangong.total.prior"],
          currentLabel: "本年“三公经费”",
          priorLabel: "上年“三公经费”",
        },
        decimals: 2,
      },
      rule: overLimit("0", "0.5"),
      note: "按“三公经费”与上年比较表的决算数计算",
    },
    {
      ...indicator("keySpending"),
      standard: "安排率90%及以上得5分；80%至90%得4分；70%至80%得3分；60%至70%得2分（均含下限）；低于60%得0分",
      note: "表中没有重点项目支出数，由评价组评分",
    },
    {
      ...indicator("budgetAdjust"),
      standard: "调整率为0得3分；不超过10%得2分；不超过20%得1分；不超过30%得0.5分；超过30%得0分",
      computed: percentOf("special.added", "本年追加专项", "budget.expenseTotal", "支出预算合计", "预算调整率 = 本年追加专项 ÷ 支出预算合计 × 100%"),
      rule: {
        kind: "bands",
        compare: "upTo",
        bands: [
          { bound: "0", points: "3" },
          { bound: "10%", points: "2" },
          { bound: "20%", points: "1" },
          { bound: "30%", points: "0.5" },
          { points: "0" },
        ],
      },
      note: "表中的预算调整只有本年追加专项一项；其他追加、调减未计入",
    },
    {
      ...indicator("paymentProgress"),
      standard: "专项资金春节前下达一半、6月底前全部下达；每有一个专项未按进度下达扣0.5分，扣至0分为止",
      note: "表中没有专项资金下达时间，由评价组评分",
    },
    {
      ...indicator("fundBalance"),
      standard: "没有结余得3分；有结余但不超过上年结转得2分；结余超过上年结转得0分",
      computed: percentOf("expense.all.cumBalance", "累计结余", "income.all.carryover", "上年结转", "结余与上年结转之比 = 累计结余 ÷ 上年结转 × 100%"),
      rule: { kind: "bands", compare: "upTo", bands: [{ bound: "0", points: "3" }, { bound: "100%", points: "2" }, { points: "0" }] },
    },
    {
      ...indicator("sangongControl"),
      standard: "控制率不超过100%得6分；超过的，每超1个百分点扣1分，扣至0分为止",
      note: "表中没有“三公经费”预算数，由评价组评分",
    },
    {
      ...indicator("rulesSoundness"),
      standard: "有预算资金、内部财务、会计核算等管理制度1分；制度合法合规完整1分；制度有效执行1分",
    },
    {
      ...indicator("fundCompliance"),
      standard: "支出合规、审批手续完整、项目经评估论证、用途符合预算批复、无截留挤占挪用虚列；每有一例不符扣1分，扣至0分为止",
    },
    {
      ...indicator("budgetManagementOther"),
      standard: "见原评分表",
      note: "原评分表此处其余三级指标未能辨认，合为一项由评价组评分",
    },
    {
      ...indicator("processOther"),
      standard: "见原评分表",
      note: "过程40分中预算执行、预算管理以外的10分，由评价组按原评分表评分",
    },
    {
      ...indicator("outputsAndEffects"),
      standard: "见原评分表（实际完成率、完成及时率、质量达标率、经济效益、社会效益、生态效益、满意度等）",
      note: "由评价组对照定量指标完成情况和定性目标评分",
    },
    {
      ...indicator("executionRate"),
      standard: "不计分，供评价组参考",
      computed: percentOf("budgetExec.total.actual", "决算金额小计", "budgetExec.total.budget", "预算指标小计", "预算执行率 = 决算金额小计 ÷ 预算指标小计 × 100%"),
    },
    {
      ...indicator("carryoverRate"),
      standard: "不计分，供评价组参考",
      computed: percentOf("expense.all.cumBalance", "累计结余", "expense.all.total", "支出合计", "结转结余率 = 累计结余 ÷ 支出合计 × 100%"),
      note: "公式见 https://wanglu.net/thread/t13-461855-0.html（本年结转结余资金总额 ÷ 本年支出完成数）",
    },
    {
      ...indicator("publicControl"),
      standard: "不计分，供评价组参考",
      computed: percentOf("expense.all.public", "公用支出决算", "econ.goods.budget", "商品和服务支出预算", "公用经费控制率 = 公用支出决算 ÷ 商品和服务支出预算 × 100%"),
      note: "表中没有公用经费预算数，以基本支出中商品和服务支出的预算代替",
    },
    {
      ...indicator("procurementRate"),
      standard: "不计分，供评价组参考",
      note: "表中没有政府采购预算和实际采购金额，未计算",
    },
  ],
  grades: YUEYANG_GRADES,
  entered: { score: "score.score", grade: "score.grade" },
  enteredScores: { table: "perfScores", column: "entered", total: "total" },
  quantitative: {
    table: "perfIndicators",
    row: "item",
    target: "target",
    actual: "actual",
    rate: "rate",
    unit: "unit",
    reason: "reason",
    statements: [
      "perfQual.achieved",
      "perfQuant.quality.achieved",
      "perfQuant.quantity.achieved",
      "perfQuant.timeliness.achieved",
      "perfQuant.cost.achieved",
      "perfQuant.social.achieved",
      "perfQuant.economic.achieved",
      "perfQuant.ecological.achieved",
      "basics.overall",
      "perfIndicators.item[*].reason",
    ],
    decimals: 2,
  },
};
