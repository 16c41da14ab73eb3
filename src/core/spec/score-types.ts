/**
 * A 部门整体支出绩效评价 indicator table as data: 一级 / 二级 / 三级指标 with 分值 and 评分标准,
 * the formula of each indicator the workbook's tables can feed, the scoring rule that turns its
 * value into a suggested score, and the 等次 bands. The built-in table is TypeScript data
 * (src/core/spec/scoring/); a province's or city's own table is the same thing as JSON
 * (`ziping score --scoring TABLE.json`), checked by `validateScoringTable`.
 *
 * Thresholds and steps are written as the tables print them: "100%", "1%", "0", "5%".
 */
import type { FieldRef, GradeBand } from "./types";

/** A field, or a field with a sign (a difference), as in a form's equation terms. */
export type ScoreTerm = FieldRef | { ref: FieldRef; sign: -1 | 1 };

/**
 * How an indicator is computed from the workbook.
 * - ratio: Σ numerator ÷ Σ denominator (预算执行率 = 决算 ÷ 预算, 在职人员控制率 = 在职 ÷ 编制).
 * - change: (Σ current − Σ prior) ÷ Σ prior (三公经费变动率).
 * The labels name the figures in the worded outcomes ("上年三公经费为0，无法计算变动率").
 */
export type Computation =
  | { kind: "ratio"; numerator: ScoreTerm[]; denominator: ScoreTerm[]; numeratorLabel: string; denominatorLabel: string }
  | { kind: "change"; current: ScoreTerm[]; prior: ScoreTerm[]; currentLabel: string; priorLabel: string };

/** Whether each started step counts ("每低于5%扣2分": 7.2% short is one step) or steps are proportional. */
export type StepCount = "whole" | "proportional";

/**
 * A rule that turns an indicator's value (a ratio; "100%" is 1) into a score out of its 分值.
 * - ceiling: full marks up to `limit`; above it, `per` points off for every `step` over; never below 0
 *   (在职人员控制率 ≤ 100% 计满分，每超过一个百分点扣0.5分，扣完为止).
 * - floor: full marks from `target` up; below it, `per` points off for every `step` short; never below 0
 *   (预算完成率 100% 计满分，每低于5%扣2分，扣完为止).
 * - bands: the first band the value falls in gives its points. `upTo` bands hold values ≤ bound
 *   (预算调整率 = 0 计3分；0–10%（含）计2分 …), `atLeast` bands values ≥ bound; a band without
 *   a bound takes everything left.
 */
export type ScoringRule =
  | { kind: "ceiling"; limit: string; per: string; step: string; count: StepCount }
  | { kind: "floor"; target: string; per: string; step: string; count: StepCount }
  | { kind: "bands"; compare: "upTo" | "atLeast"; bands: Array<{ bound?: string; points: string }> };

export interface ComputedIndicator {
  /** The formula as the table prints it, e.g. "在职人员控制率 = 在职人员数 ÷ 编制数 × 100%". */
  formula: string;
  computation: Computation;
  /** Decimals of the percentage shown and scored (half up): the officer can redo the score by hand. */
  decimals: number;
}

export interface IndicatorSpec {
  /** Stable id: the CLI's JSON and tests use it. */
  id: string;
  level1: string;
  level2: string;
  /** The 三级指标. */
  name: string;
  /** 分值; "0" for an indicator shown for reference only. */
  points: string;
  /** 评分标准 as published. */
  standard: string;
  /** Absent: not computable from the workbook's tables. */
  computed?: ComputedIndicator;
  /** Absent: scored by the 评价组 (定性指标, or inputs the workbook does not hold). */
  rule?: ScoringRule;
  /** How this table's figure differs from the published one, or what the score assumes. */
  note?: string;
}

/** A 一级 (and optionally 二级) 指标 with its 分值: its indicators must add up to it. */
export interface IndicatorGroup {
  level1: string;
  level2?: string;
  points: string;
}

/** Where the workbook holds 定量指标 rows: one table, one row per indicator. */
export interface QuantitativeSource {
  table: string;
  /** The list row of the table. */
  row: string;
  target: string;
  actual: string;
  /** The officer's own 完成率 column, checked against 实际完成值 ÷ 指标值. */
  rate?: string;
  unit?: string;
  /** 偏差原因: a row short of its target with this left empty is noted. */
  reason?: string;
  /** Text fields (`[*]` allowed) whose "完成度为…%" statements are checked against the rows. */
  statements?: FieldRef[];
  /** Decimals 完成率 is shown with. */
  decimals: number;
}

export interface ScoringTable {
  id: string;
  title: string;
  /** Where the indicators, 分值 and 评分标准 were published. */
  source: string;
  /** The form whose field ids the formulas use. */
  form: string;
  /** 总分, normally "100". */
  total: string;
  groups: IndicatorGroup[];
  indicators: IndicatorSpec[];
  /** 等次 bands, high to low (names differ by province: 优秀/良好/中/差, 优/良/中/差 …). */
  grades: GradeBand[];
  /**
   * Where the officer scores each indicator: field `${table}.${indicator id}.${column}` for every
   * indicator with points, and `${table}.${total}.${column}` their 合计. Optional: without it only
   * the 综合得分 is compared.
   */
  enteredScores?: { table: string; column: string; total?: string };
  /** The form's 综合得分 and 评价等次 fields, compared with the suggestion. */
  entered?: { score: FieldRef; grade: FieldRef };
  quantitative?: QuantitativeSource;
}
