/** Import: pasted text and exports → a plan of writes, totals to compare and rejects → applied on confirmation. */
export type * from "./types";
export type { SourceGrid, Delimiter } from "./grid";
export type { MatchHow } from "./match";
export type { DetectedEncoding, TextEncodingName } from "./encoding";
export { readDelimited, detectDelimiter, gridFromCells, cellText, isBlank } from "./grid";
export { detectEncoding, isValidUtf8 } from "./encoding";
export { normalizeLabel, splitCode, unitInText } from "./normalize";
export { similarity, describeMatch } from "./match";
export { planImport } from "./plan";
export { IMPORT_LIMITS, GridGuard, GridLimitError, tooManyRows, type GridLimits } from "./limits";
export { applyPlan } from "./apply";
export { importLedger } from "./ledger";
