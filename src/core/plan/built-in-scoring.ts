import { builtInScoringTable } from "../spec/scoring/built-in";
import { scoringLayout, type ScoringLayout } from "./score-sheet";

/** The form's built-in scoring table with its layout code, for the 绩效评分 sheet (LayoutOptions.scoring). */
export function builtInScoringLayout(formId: string): ScoringLayout | undefined {
  const table = builtInScoringTable(formId);
  return table && scoringLayout(table);
}
