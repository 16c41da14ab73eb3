import type { Finding } from "../check/finding";
import type { IndicatorSpec } from "../spec/score-types";
import type { ScoreInput } from "./inputs";
import type { QuantitativeRow } from "./quantitative";

/**
 * - scored: computed and scored by the table's rule;
 * - unavailable: computable in principle, but an input is missing, zero or not a number;
 * - manual: scored by the 评价组 (no rule, or no formula the tables can feed);
 * - reference: shown for the 评价组, worth no points.
 */
export type IndicatorStatus = "scored" | "unavailable" | "manual" | "reference";

/** An indicator of the table as scored: its spec's names, 分值 and 评分标准, and what came of it. */
export interface IndicatorResult extends Pick<IndicatorSpec, "id" | "level1" | "level2" | "name" | "points" | "standard" | "note"> {
  status: IndicatorStatus;
  formula?: string;
  /** "93.02%". */
  value?: string;
  /** The exact ratio behind it ("0.9302325581…"). */
  ratio?: string;
  /** "40 ÷ 43 × 100% = 93.02%". */
  working?: string;
  inputs?: ScoreInput[];
  /** The suggested score, e.g. "5", "3.5". */
  suggested?: string;
  /** The rule as applied: "93.02% 不超过 100%，得满分5分". */
  rule?: string;
  /** Why there is no value or no suggestion, in words. */
  reason?: string;
  /** The officer's own score of this indicator, as written, and its cell. */
  entered?: string;
  enteredField?: string;
  /** How the officer's score differs from the suggestion, in words. */
  difference?: string;
}

export interface RollUp {
  total: string;
  /** 分值 of the indicators ZiPing scored, and what they were given. */
  scoredPoints: string;
  scoredSuggested: string;
  deducted: string;
  /** 分值 left to the 评价组 (定性指标, and computable ones whose inputs are missing). */
  panelPoints: string;
  /** total − deducted: the highest 综合得分 the computed indicators leave. */
  ceiling: string;
  /** 等次 of the ceiling. */
  ceilingGrade?: string;
  enteredScore?: string;
  enteredGrade?: string;
  /** 等次 the entered score falls in, by this table's bands. */
  enteredScoreGrade?: string;
  /**
   * When the officer has scored every indicator: the suggested 综合得分 (ZiPing's score for the
   * computed indicators, the officer's for the rest) and its 等次, and the officer's own sum.
   */
  suggested?: string;
  suggestedGrade?: string;
  enteredSum?: string;
  /** How the entered score relates to the suggestion, in words. */
  explanation: string;
}

export interface ScoreReport {
  table: { id: string; title: string; source: string };
  indicators: IndicatorResult[];
  rollUp: RollUp;
  quantitative: QuantitativeRow[];
  /** 完成率, entered-score and 等次 findings, errors first. */
  findings: Finding[];
}

