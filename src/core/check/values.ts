import { Dec, parseAmount } from "../money";
import { isMarkedExact, rawText, type RawValue, type ReportData } from "../spec/data";
import { isNumericKind, shownDecimals, type FieldDef } from "../spec/instances";
import { compileForm, type CompiledForm } from "./compile";
import { ByFieldId } from "./field-index";
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
  fields: ReadonlyMap<string, FieldDef>;
  cells: ReadonlyMap<string, CellState>;
  /** The same cells by position in CompiledForm.fields: the checks' hot path reads these. */
  states: CellState[];
  compiled: CompiledForm;
}

const EMPTY: CellState = { state: "empty" };

/**
 * A 万元 figure shown with 2 decimals stands for an interval of ±0.005 (as XBRL Calculations 1.1
 * treats rounded facts). A figure known at full precision (marked exact, or written with more
 * decimals than the form shows, as 元 imports are) has no interval. Counts and scores are whole
 * numbers as entered and are never rounded.
 */
export const ZERO = new Dec(0);
/** Half a unit of the last shown decimal, by number of decimals shown. */
const HALF_UNIT = [0, 1, 2, 3, 4].map((places) => new Dec(5).times(new Dec(10).pow(-(places + 1))));

function halfWidthOf(field: FieldDef, decimalsWritten: number, markedExact: boolean): Dec {
  if (field.kind === "count" || field.kind === "score") return ZERO;
  const shown = shownDecimals(field.kind);
  if (markedExact || decimalsWritten > shown) return ZERO;
  return HALF_UNIT[shown];
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

/**
 * The state readCell gives an amount field holding `{ value: text, exact: true }`, where text
 * is `value` written out, made without parsing the text again: an import that has just
 * converted 100,000 figures hands them to the total checks as they are.
 */
export function exactAmountState(value: Dec, text: string): CellState {
  return { state: "number", value, text, halfWidth: ZERO };
}

export function readValues(form: FormSpec, data: ReportData): ReadValues {
  const compiled = compileForm(form, data.lists);
  const { raws, states: previous } = compiled.memo as { raws: Array<RawValue | undefined>; states: CellState[] };
  const states = compiled.fields.map((field, i) => {
    const raw = data.values[field.id];
    // Parsing is pure, so an unchanged cell keeps the state parsed last pass: an edit then
    // costs a parse of the edited cell, not of the whole workbook.
    if (i < previous.length && raws[i] === raw) return previous[i];
    raws[i] = raw;
    return (previous[i] = readCell(field, raw));
  });
  return { fields: compiled.fieldById, cells: new ByFieldId(compiled.fields, states, compiled.indexOf), states, compiled };
}

/** The figure a cell contributes to a sum: nothing for empty or "无". */
export function contribution(cell: CellState): Dec | undefined {
  if (cell.state === "number") return cell.value;
  if (cell.state === "none") return ZERO;
  return undefined;
}
