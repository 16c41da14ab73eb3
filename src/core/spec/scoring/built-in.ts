import type { ScoringTable } from "../score-types";
import { yueyangDeptOverall } from "./yueyang-dept-overall";

/** The scoring tables ZiPing ships, each for the form whose fields it reads. */
const BUILT_IN: readonly ScoringTable[] = [yueyangDeptOverall];

/** The built-in scoring table of a form (its 绩效评分 sheet and `ziping score` use it), if any. */
export function builtInScoringTable(formId: string): ScoringTable | undefined {
  return BUILT_IN.find((t) => t.form === formId);
}
