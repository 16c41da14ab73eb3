/**
 * The words officers' prose uses for what the tables label otherwise, keyed by the label (as
 * the spec writes it, after `cleanLabel`). A form whose labels are not here still gets its own
 * labels and synonyms as terms; this table only adds the prose forms.
 */
export const PROSE_SYNONYMS: Record<string, string[]> = {
  // "“三公”经费财政拨款支出": the 部门决算 三公 table is all 财政拨款, in either word order.
  三公经费合计: ["三公经费", "三公经费总额", "三公经费支出", "三公经费财政拨款支出", "三公经费财政拨款"],
  合计三公经费: ["三公经费"],
  收入预算合计: ["收入预算", "部门收入预算", "收入预算总额"],
  支出预算合计: ["支出预算总额", "支出预算", "预算支出", "部门预算支出", "年初预算支出"],
  本年在用公车: ["在使用公车", "在用公务用车"],
  本年预算投入: ["预算投入"],
  本年追加专项: ["追加专项", "追加专项资金"],
  实际在职人数: ["实际在职人员", "在职人员"],
  局本级实际在职: ["局本级实际在职人员"],
  实际离退休人数: ["实际离退休人员", "离退休人员"],
  内设机构: ["内设科室"],
  结余: ["结余金额"],
  绩效自评综合得分: ["综合得分", "评价得分", "自评得分"],
  收入合计: ["收入总计"],
  支出合计: ["支出总计"],
  // "本单位收入为1687.45万元，其中：…": a 决算 情况说明 names the year's totals by who reports them.
  本年收入合计: ["本单位收入", "本部门收入"],
  本年支出合计: ["本单位支出", "本部门支出"],
};

/**
 * Generic words that name a figure only when they stand alone at the head of a clause: "，结余129
 * 万元" is the 结余; "公务用车运行维护费实际使用0.12万元" is that fee's use, not the 专项 row.
 */
export const WEAK_TERMS = new Set(["结余", "结余金额", "实际使用", "实际投入"]);

/** Header words too generic to name anything on their own. */
export const GENERIC_TERMS = new Set(["合计", "汇总", "总计", "小计", "预算数", "决算数", "金额", "本年", "上年"]);

/**
 * Figures that are not one cell, found by the labels of the cells they use. Each entry lists
 * the labels a form may give the cell, first match wins.
 */
export const DERIVED_LABELS = {
  /** 人均 divides by the headcount the table states (the 2020 report's 0.049 = 1.90 ÷ 39). */
  perCapitaDivisor: ["实有人数", "实有人员", "在职人数", "实际在职人数"],
  /** 实际人数比编制人数少3人: 编制 against 实际在职. */
  authorized: ["人员编制", "编制人数", "编制数"],
  inService: ["实际在职人数", "在职人数", "实有人数"],
  /** The 经济分类 table whose rows' overspends a 超支项目合计 adds up. */
  econTableTitle: "经济分类",
};

/** Prose terms of derived figures. */
export const DERIVED_TERMS = {
  overspendTotal: ["超支项目合计", "超支合计"],
  staffGap: ["实际人数比编制人数", "实有人数比编制人数", "在职人数比编制人数", "实际在职人数比编制人数"],
};

/** Totals officers name that a form may hold only as parts, keyed by the prose name, parts by label. */
export const SUMS: Record<string, string[]> = {
  一般公共预算支出: ["一般公共预算基本支出", "一般公共预算项目支出"],
};
