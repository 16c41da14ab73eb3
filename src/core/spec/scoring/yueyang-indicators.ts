/**
 * The indicators of the 岳阳 评分表 (https://glj.yueyang.gov.cn/6173/6181/content_1705915.html):
 * where each sits (一级 / 二级), its name and its 分值. Kept apart from their 评分标准 and rules
 * (yueyang-dept-overall.ts) because the form lays out a score row for each, and the task pane,
 * which carries the form, has no use for the scoring rules.
 */
export interface IndicatorPlace {
  id: string;
  level1: string;
  level2: string;
  name: string;
  points: string;
}

export const YUEYANG_INDICATORS: readonly IndicatorPlace[] = [
  { id: "staffControl", level1: "投入", level2: "预算配置", name: "财政供养人员控制率", points: "5" },
  { id: "sangongChange", level1: "投入", level2: "预算配置", name: "“三公经费”变动率", points: "5" },
  { id: "keySpending", level1: "投入", level2: "预算配置", name: "重点支出安排率", points: "5" },
  { id: "budgetAdjust", level1: "过程", level2: "预算执行", name: "预算调整率", points: "3" },
  { id: "paymentProgress", level1: "过程", level2: "预算执行", name: "支付进度", points: "3" },
  { id: "fundBalance", level1: "过程", level2: "预算执行", name: "资金结余", points: "3" },
  { id: "sangongControl", level1: "过程", level2: "预算执行", name: "“三公经费”控制率", points: "6" },
  { id: "rulesSoundness", level1: "过程", level2: "预算管理", name: "管理制度健全性", points: "3" },
  { id: "fundCompliance", level1: "过程", level2: "预算管理", name: "资金使用合规性", points: "3" },
  { id: "budgetManagementOther", level1: "过程", level2: "预算管理", name: "预决算信息公开性和完善性等", points: "9" },
  { id: "processOther", level1: "过程", level2: "资产管理等", name: "其余过程指标", points: "10" },
  { id: "outputsAndEffects", level1: "产出及效果", level2: "职责履行及履职效益", name: "产出及效果指标", points: "45" },
  { id: "executionRate", level1: "参考指标", level2: "预算执行", name: "预算执行率", points: "0" },
  { id: "carryoverRate", level1: "参考指标", level2: "预算执行", name: "结转结余率", points: "0" },
  { id: "publicControl", level1: "参考指标", level2: "预算执行", name: "公用经费控制率", points: "0" },
  { id: "procurementRate", level1: "参考指标", level2: "预算管理", name: "政府采购执行率", points: "0" },
];
