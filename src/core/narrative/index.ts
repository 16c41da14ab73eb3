/** The report's paragraphs written from the cells, and the officer's own text checked against them. */
import type { ReportData } from "../spec/data";
import type { FormSpec } from "../spec/types";
import { createContext } from "./context";
import type { NarrativeOptions } from "./options";
import { PARAGRAPHS } from "./paragraphs";
import type { Narrative } from "./types";

export type * from "./types";
export type { NarrativeOptions, DecreaseWord, IncreaseWord } from "./options";
export { DEFAULT_OPTIONS, DECREASE_WORDS, INCREASE_WORDS, resolveOptions } from "./options";
export { createContext, type NarrativeContext, type Reading } from "./context";
export { SANGONG_ITEMS } from "./paragraphs";

/** Every paragraph, in report order, with the facts behind each sentence. Pure. */
export function narrate(form: FormSpec, data: ReportData, options: Partial<NarrativeOptions> = {}): Narrative {
  const ctx = createContext(form, data, options);
  return { paragraphs: PARAGRAPHS.map((p) => p(ctx)), precision: ctx.options.precision };
}
export { verifyNarrative, type VerifyReport, type NarrativeFinding, type NarrativeProblem, type CheckedClaim, type UncheckedClaim } from "./verify";
