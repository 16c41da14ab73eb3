import { Dec, parseAmount } from "../money";
import { isMarkedExact, rawText, type RawValue, type ReportData } from "../spec/data";
import { expandFields, isNumericKind, shownDecimals, type FieldDef } from "../spec/instances";
import type { FormSpec } from "../spec/types";

/** A cell as the checks see it. */
export type CellState =
  | { state: "empty" }
  /** A figure. `halfWidth` is how far the true value may lie from it (0 when exact). */
  | { state: "number"; value: Dec; text: string; halfWidth: Dec }
  /** Deliberately no figure: "无", "—", "-". Counts as nothing in a sum, but is not "not filled". */
  | { state: "none"; text: string }
  | { state: "text"; text: string }
  | { state: "invalid"; text: string; reason: string };

export interface ReadValues {
  fields: Map<string, FieldDef>;
  cells: Map<string, CellState>;
}

const EMPTY: CellState = { state: "empty" };

/**
 * A 万元 figure shown with 2 decimals stands for an interval of ±0.005 (as XBRL Calculations 1.1
 * treats rounded facts). A figure known at full precision (marked exact, or written with more
 * decimals than the form shows, as 元 imports are) has no interval. Counts and scores are whole
 * numbers as entered and are never rounded.
 */
function halfWidthOf(field: FieldDef, decimalsWritten: number, markedExact: boolean): Dec {
  if (field.kind === "count" || field.kind === "score") return new Dec(0);
  const shown = shownDecimals(field.kind);
  if (markedExact || decimalsWritten > shown) return new Dec(0);
  return new Dec(5).times(new Dec(10).pow(-(shown + 1)));
}

export function readCell(field: FieldDef, raw: RawValue | undefined): CellState {
  const content = rawText(raw);
  if (content === null || (typeof content === "string" && content.trim() === "")) return EMPTY;
  const text = String(content);
  if (!isNumericKind(field.kind)) return { state: "text", text };

  const parsed = parseAmount(content);
  if (parsed.kind === "none") return { state: "none", text };
  if (parsed.kind === "invalid") return { state: "invalid", text, reason: parsed.reason };
  if (parsed.unitHint === "%" && field.kind !== "percent") {
    return { state: "invalid", text, reason: `应填${field.unit || "数值"}，填写的是百分比「${text}」` };
  }
  if (parsed.unitHint && parsed.unitHint !== "%" && field.unit && parsed.unitHint !== field.unit) {
    return { state: "invalid", text, reason: `本栏单位为${field.unit}，填写的是「${text}」（${parsed.unitHint}）` };
  }
  if (field.kind === "count" && !parsed.value.isInteger()) {
    return { state: "invalid", text, reason: `应为整数${field.unit ? `（${field.unit}）` : ""}，填写的是「${text}」` };
  }
  return { state: "number", value: parsed.value, text, halfWidth: halfWidthOf(field, parsed.decimals, isMarkedExact(raw)) };
}

export function readValues(form: FormSpec, data: ReportData): ReadValues {
  const fields = new Map<string, FieldDef>();
  const cells = new Map<string, CellState>();
  for (const field of expandFields(form, data.lists)) {
    fields.set(field.id, field);
    cells.set(field.id, readCell(field, data.values[field.id]));
  }
  return { fields, cells };
}

/** The figure a cell contributes to a sum: nothing for empty or "无". */
export function contribution(cell: CellState): Dec | undefined {
  if (cell.state === "number") return cell.value;
  if (cell.state === "none") return new Dec(0);
  return undefined;
}
