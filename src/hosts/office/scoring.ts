import type { ScoringLayout } from "../../core/plan/score-sheet";
import type { FormSpec } from "../../core/spec";

/**
 * The form's built-in scoring table, for its 绩效评分 sheet. Loaded on the first template
 * preview rather than with the pane: the 评分标准 and rules are of no use before then.
 */
export async function builtInScoringFor(form: FormSpec): Promise<ScoringLayout | undefined> {
  const { builtInScoringLayout } = await import(/* webpackChunkName: "scoring" */ "../../core/plan/built-in-scoring");
  return builtInScoringLayout(form.id);
}
