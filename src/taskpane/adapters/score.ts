/**
 * The 绩效评分 view: src/core/score's report by the form's built-in scoring table, mapped onto what
 * the panel shows. Loaded on first use (its own chunk): the scoring rules and 评分标准 stay out of
 * the pane's start-up script.
 */
import { scoreReport, type IndicatorResult } from "../../core/score";
// The 叙述 tab's 绩效 sentences take their figures from the same chunk.
export { builtInFigures } from "../../core/score";
import { builtInScoringTable, type FormSpec, type ReportData } from "../../core/spec";

export interface IndicatorView {
  id: string;
  /** 投入·预算配置. */
  group: string;
  name: string;
  points: string;
  status: IndicatorResult["status"];
  /** "93.02%". */
  value?: string;
  /** "40 ÷ 43 × 100% = 93.02%". */
  working?: string;
  suggested?: string;
  entered?: string;
  /** The rule as applied: "93.02% 不超过 100%，得满分5分". */
  rule?: string;
  /** How the officer's score differs from the suggestion, in words. */
  difference?: string;
  /** Why there is no value or suggestion. */
  reason?: string;
}

export interface ScoreView {
  title: string;
  indicators: IndicatorView[];
  /** The roll-up explained: the ceiling or the suggestion beside the officer's 综合得分. */
  explanation: string;
  /** The suggested 综合得分 (every indicator scored) or the ceiling, and its 等次. */
  suggested: string;
  grade?: string;
  /** Whether `suggested` is a ceiling (some indicators are the 评价组's) or a score. */
  ceiling: boolean;
}

/** The view, or undefined when the form has no built-in scoring table. */
export function scoreView(form: FormSpec, data: ReportData): ScoreView | undefined {
  const table = builtInScoringTable(form.id);
  if (!table) return undefined;
  const report = scoreReport(form, data, table);
  const u = report.rollUp;
  return {
    title: report.table.title,
    indicators: report.indicators.map((r) => ({
      id: r.id,
      group: `${r.level1}·${r.level2}`,
      name: r.name,
      points: r.points,
      status: r.status,
      ...(r.value !== undefined ? { value: r.value } : {}),
      ...(r.working !== undefined ? { working: r.working } : {}),
      ...(r.suggested !== undefined ? { suggested: r.suggested } : {}),
      ...(r.entered !== undefined ? { entered: r.entered } : {}),
      ...(r.rule !== undefined ? { rule: r.rule } : {}),
      ...(r.difference !== undefined ? { difference: r.difference } : {}),
      ...(r.reason !== undefined ? { reason: r.reason } : {}),
    })),
    explanation: u.explanation,
    suggested: u.suggested ?? u.ceiling,
    ...((u.suggested !== undefined ? u.suggestedGrade : u.ceilingGrade) ? { grade: u.suggested !== undefined ? u.suggestedGrade : u.ceilingGrade } : {}),
    ceiling: u.suggested === undefined,
  };
}
