import type { FormSpec, ScoringTable } from "../../core/spec";

/**
 * The form's built-in scoring table, for its 绩效评分 sheet. Loaded on the first template
 * preview rather than with the pane: the 评分标准 and rules are of no use before then.
 */
export async function builtInScoringFor(form: FormSpec): Promise<ScoringTable | undefined> {
  const { builtInScoringTable } = await import(/* webpackChunkName: "scoring" */ "../../core/spec/scoring/built-in");
  return builtInScoringTable(form.id);
}
