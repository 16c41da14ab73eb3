/**
 * The report's paragraphs written from the cells, and the officer's own text checked against them.
 *
 * Decisions (each tested in test/core/narrative):
 * - Amounts are always printed in 万元 with 2 decimals ("105.00万元", "6.45万元", "129.00万元"), as
 *   the tables print them. The seeds are inconsistent ("105万元", "6.45万", "5.8万元"); ZiPing's
 *   output is one consistent, unambiguous form, and 叙述核对 accepts the seeds' shorter forms as
 *   equal (105 = 105.00) while noting "万" without 元.
 * - Figures are computed from the cells as shown (2-decimal 万元, whole headcounts) unless the
 *   officer asks for full precision; every sentence records which (Sentence.precision, and each
 *   cell fact's written and used value).
 * - 人均 divides by 实有人数 (staff.actual): the 2020 report's 0.049 = 1.90 ÷ 39 (÷ 40 gives 0.048).
 *   "实际人数比编制人数少3人" compares 编制 with 实际在职人数 (staff.inService): 43 − 40 = 3
 *   (实有人数 39 would give 4). Both divisors are named in the facts.
 * - A 结余 or a total in a sentence is computed from the figures it sits next to (实际投入 − 实际使用,
 *   Σ of the listed lines), so a sentence always adds up; a total cell that disagrees is a note.
 * - Evaluative words no cell supports (总额控制较好, 控制较好) are left to the officer.
 * - Paragraphs are the form's data (FormSpec.narrative): a paragraph whose inputs are partly
 *   missing writes the sentences it can and lists, per sentence, what the others lack.
 */
import type { ReportData } from "../spec/data";
import type { FormSpec } from "../spec/types";
import { createContext } from "./context";
import type { NarrativeOptions } from "./options";
import { paragraphsOf } from "./paragraphs";
import type { Narrative } from "./types";

export type * from "./types";
export type { NarrativeOptions, DecreaseWord, IncreaseWord, GivenFigure } from "./options";
export { DEFAULT_OPTIONS, DECREASE_WORDS, INCREASE_WORDS, resolveOptions } from "./options";
export { createContext, type NarrativeContext, type Reading } from "./context";
export { describeMissing, sentenceWithWord, wordingOptions } from "./wording";

/** Every paragraph, in report order, with the facts behind each sentence. Pure. */
export function narrate(form: FormSpec, data: ReportData, options: Partial<NarrativeOptions> = {}): Narrative {
  const ctx = createContext(form, data, options);
  return { paragraphs: paragraphsOf(form, ctx), precision: ctx.options.precision };
}
export { verifyNarrative, type VerifyReport, type NarrativeFinding, type NarrativeProblem, type CheckedClaim, type UncheckedClaim } from "./verify";
