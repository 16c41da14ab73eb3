/** Exact money for ZiPing: parse, round half up, convert 元/万元, format, compute. */
export { Dec, toDec } from "./decimal";
export type { ParsedAmount, UnitHint } from "./parse";
export { parseAmount, plainDecimalText, MAX_INTEGER_DIGITS, MAX_DECIMAL_PLACES, NO_DATA_PHRASE } from "./parse";
export { yuanToWan, wanToYuan, shiftDecimalPoint, shiftPointText, yuanToWanText, wanToYuanText } from "./units";
export { roundHalfUp, MAX_PLACES } from "./round";
export { formatAmount, formatPercent, formatNumber, formatTrimmed } from "./format";
export { sum, difference, percentChange, share, perCapita, executionRate, largestRemainderShares } from "./calc";
