import { narrate, type Narrative, type NarrativeOptions } from "../core/narrative";
import { builtInFigures } from "../core/score";
import type { FormSpec, ReportData } from "../core/spec";

/**
 * The narrative with the figures of the form's built-in scoring table given to it, so the 绩效
 * sentences ("预算调整率为53.73%，得0分") are written: the command line always has the table.
 */
export function scoredNarrative(form: FormSpec, data: ReportData, options: Partial<NarrativeOptions> = {}): Narrative {
  const figures = builtInFigures(form, data);
  return narrate(form, data, { ...options, ...(figures ? { figures } : {}) });
}
