/**
 * What a report value becomes in a cell, decided once for every host (Office.js, the .xlsx
 * writer, the layout's prefills), and what a number in a cell means as a decimal when read back.
 */
import { Dec, parseAmount } from "../money";
import { rawText, type RawValue } from "../spec/data";
import { isNumericKind, type FieldDef } from "../spec/instances";

/** Excel holds 15 significant digits; any further digit of a double is binary noise. */
export const EXCEL_DIGITS = 15;

/**
 * A number read from a workbook as the decimal text it stands for: 1112.8 → "1112.8",
 * 616.99+181.1+108+206.7 (1112.7900000000002) → "1112.79", 1e21 → "1000000000000000000000".
 */
export function numberText(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const d = new Dec(n.toPrecision(EXCEL_DIGITS));
  return d.isZero() ? "0" : d.toFixed();
}

export type CellInput =
  /** Nothing to keep: an empty or all-blank value clears the cell. */
  | { kind: "blank" }
  | { kind: "number"; value: number }
  /**
   * Stored as exactly this text: never read as a formula, a number or a date, whatever it begins
   * with (= + - @ included). Each host has its own way to say so (Office.js: the "@" format or a
   * leading apostrophe; a file: a string cell).
   */
  | { kind: "text"; text: string };

/** The field a value goes into; undefined for a list's name or code cell (always text). */
export type InputField = Pick<FieldDef, "kind" | "unit"> | undefined;

/** A unit written with the figure that is the field's own (or none), so the number alone says it. */
function unitAgrees(field: Pick<FieldDef, "kind" | "unit">, hint: string | undefined): boolean {
  if (hint === undefined) return true;
  // parseAmount has already read "44.77%" as the ratio 0.4477, which a 0.00% cell shows as 44.77%.
  if (hint === "%") return field.kind === "percent";
  return hint === field.unit;
}

/**
 * A figure goes in as a number, so the template's totals add it and the 校验 sheet can check it:
 * "1,299.77", "1299.77万元" in a 万元 cell, "44.77%" in a percentage cell, "(12.30)".
 * Everything else stays text exactly as written, for the checks to report: 无 and —, a figure in
 * another unit (a 元 figure in a 万元 cell is never converted silently), a percentage where an
 * amount belongs, anything unreadable, and a figure with more significant digits than Excel keeps
 * (Excel would round 12345678901234567.89 to 12345678901234600: the figure stays text, whole, and
 * the checks still read it exactly).
 */
export function cellInput(field: InputField, raw: RawValue | undefined): CellInput {
  const content = rawText(raw);
  if (content === null || (typeof content === "string" && content.trim() === "")) return { kind: "blank" };
  const text = String(content);
  if (!field || !isNumericKind(field.kind)) return { kind: "text", text };
  // A number is already a double: writing it keeps it as it is.
  if (typeof content === "number") return Number.isFinite(content) ? { kind: "number", value: content } : { kind: "text", text };
  const parsed = parseAmount(content);
  if (parsed.kind !== "amount" || !unitAgrees(field, parsed.unitHint) || parsed.value.sd() > EXCEL_DIGITS) return { kind: "text", text };
  return { kind: "number", value: parsed.value.toNumber() };
}

/** The value itself, for a host that writes numbers and strings as they are (strings as text). */
export function inputValue(input: CellInput): number | string | undefined {
  return input.kind === "number" ? input.value : input.kind === "text" ? input.text : undefined;
}
