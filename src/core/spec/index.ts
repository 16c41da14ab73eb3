import { yueyangSelfEvaluation } from "./forms/yueyang-self-eval";
import type { FormSpec } from "./types";

export type * from "./types";
export type { ListEntry, RawValue, ReportData } from "./data";
export { rawText, isMarkedExact } from "./data";
export * from "./instances";
export { validateForm } from "./validate";
export { UNITS, convertMoney, isUnit } from "./units";
export { fieldsMarkdown } from "./docs";
export { builtInCrossLinks, type CrossFormLink, type CrossFormPair } from "./cross";

/** The forms ZiPing ships: by name here; with their data in ./built-in (builtInForms, findForm). */
export { builtInFormHeadings, type FormHeading } from "./forms/headings";

export const defaultForm: FormSpec = yueyangSelfEvaluation;

export type * from "./score-types";
export { validateScoringTable, type ScoringProblem } from "./scoring/validate";
export { yueyangDeptOverall } from "./scoring/yueyang-dept-overall";
export { builtInScoringTable } from "./scoring/built-in";

/** The scoring table `ziping score` uses unless given `--scoring TABLE.json`. */
export { yueyangDeptOverall as defaultScoringTable } from "./scoring/yueyang-dept-overall";
