import { yueyangSelfEvaluation } from "./forms/yueyang-self-eval";
import { mofBumenJuesuan } from "./forms/mof-juesuan";
import type { FormSpec } from "./types";

export type * from "./types";
export type { ListEntry, RawValue, ReportData } from "./data";
export { rawText, isMarkedExact } from "./data";
export * from "./instances";
export { validateForm } from "./validate";
export { UNITS, convertMoney, isUnit } from "./units";
export { fieldsMarkdown } from "./docs";
export { builtInCrossLinks, type CrossFormLink, type CrossFormPair } from "./cross";

/** The forms ZiPing ships. Another form can also be loaded from a JSON file (`--form`). */
export const builtInForms: FormSpec[] = [yueyangSelfEvaluation, mofBumenJuesuan];

export const defaultForm: FormSpec = yueyangSelfEvaluation;

/** A form by its id, or a built-in form by its alias (`juesuan`). */
export function findForm(id: string, extra: FormSpec[] = []): FormSpec | undefined {
  return [...extra, ...builtInForms].find((f) => f.id === id) ?? builtInForms.find((f) => f.alias === id);
}
export type * from "./score-types";
export { validateScoringTable, type ScoringProblem } from "./scoring/validate";
export { yueyangDeptOverall } from "./scoring/yueyang-dept-overall";
export { builtInScoringTable } from "./scoring/built-in";

/** The scoring table `ziping score` uses unless given `--scoring TABLE.json`. */
export { yueyangDeptOverall as defaultScoringTable } from "./scoring/yueyang-dept-overall";
