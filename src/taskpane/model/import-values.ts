/**
 * How the 导入 plan shows a value it will write and what that value replaces. Amounts are
 * compared as decimals by src/core/money (1299.7 = 1299.70 = 1,299.70), never as floats.
 */
import { Dec, plainDecimalText } from "../../core/money";
import type { ImportPlan } from "../adapters/importer";

type PlannedWrite = ImportPlan["writes"][number];

function plainValue(raw: PlannedWrite["value"] | undefined): string {
  const value = raw !== null && typeof raw === "object" ? raw.value : raw;
  return value === null || value === undefined ? "" : String(value);
}

/** The value written, amounts with at least the two decimals of 万元 (padded, never rounded). */
export function newValueText(w: PlannedWrite): string {
  if (w.converted === undefined) return plainValue(w.value);
  const amount = new Dec(w.converted);
  return amount.toFixed(Math.max(2, amount.decimalPlaces()));
}

/** Both texts are plain decimals (grouping allowed) of the same value. */
export function sameFigure(a: string, b: string): boolean {
  const x = plainDecimalText(a);
  const y = plainDecimalText(b);
  return x !== undefined && y !== undefined && new Dec(x).eq(new Dec(y));
}

/** What a write replaces: nothing (""), the same figure ("same"), or another value (its text). */
export function replaced(w: PlannedWrite): { kind: "nothing" } | { kind: "same" } | { kind: "other"; value: string } {
  const before = plainValue(w.existing).trim();
  if (!before) return { kind: "nothing" };
  const after = newValueText(w);
  return before === after || sameFigure(before, after) ? { kind: "same" } : { kind: "other", value: before };
}
