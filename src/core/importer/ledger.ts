import type { ImportOptions, ImportPlan } from "./types";
import { planImport } from "./plan";

/**
 * A 科目 ledger (科目编码 + 科目名称 + amounts, 类/款/项 lines) pasted or exported as text, planned
 * into the 功能科目 table unless another is named. The benchmark's entry point: the work per line
 * is linear (one scan to split, one parse and conversion per cell, Map look-ups for list
 * entries, the table's own fields and total rules expanded once, one evaluation of each total
 * rule), so 100,000 lines take one pass, not a pass per line.
 */
export function importLedger(text: string, options: ImportOptions = {}): ImportPlan {
  return planImport(text, { table: "funcBasic", ...options });
}
