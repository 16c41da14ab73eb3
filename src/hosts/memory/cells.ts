/**
 * What a cell holds and how Excel turns written input into it.
 *
 * Range.values (https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member):
 * "If the returned value starts with a plus ("+"), minus ("-"), or equal sign ("="), Excel
 * interprets this value as a formula." A string that looks like a number is stored as a number
 * (as typing it would), so "07308858935" loses its leading zero unless the cell is text.
 *
 * Text number format (https://learn.microsoft.com/javascript/api/excel/excel.numberformatcategory):
 * "Text format cells are treated as text even when a number is in the cell. The cell is displayed
 * exactly as entered." So input written into a cell whose number format is "@" is stored as the
 * string given, formula-looking or not.
 *
 * A leading apostrophe is Excel's quote prefix: the rest is stored as text and the apostrophe is
 * not part of the value (https://support.microsoft.com/office/format-numbers-as-text-583160db-ad6d-4b45-8f6b-a7f6b8c81bbd);
 * OfficeDev/office-js#6687 shows Office.js reading such a cell back without it.
 *
 * "@" followed by a function is turned into a formula by Excel's Lotus-compatible entry
 * ("@SUM(A1)" becomes =SUM(A1)); modelled so the add-in's tests catch it.
 *
 * A date typed as "3-5", "2020/3/5" or "3月5日" becomes its serial number (see dates.ts); a General
 * cell also takes a date format, as it takes 0% for "12%".
 */
import { recogniseDate } from "./dates";
import type { SheetModel } from "./model";

export { isError, textToNumber } from "../../core/formula/values";
export type { CellError, CellResult, Scalar } from "../../core/formula/values";
import { textToNumber, type CellResult, type Scalar } from "../../core/formula/values";

export interface CellFormat {
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  size?: number;
  horizontal?: string;
  vertical?: string;
  wrap?: boolean;
  locked?: boolean;
  borders?: Partial<Record<"EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideVertical" | "InsideHorizontal", string>>;
}

/**
 * A formula cell's last computed value: valid while the workbook's structure is as it was
 * (`generation`) and no cell it read has changed since (the model drops it then).
 */
export interface ComputedValue {
  value: CellResult;
  generation: number;
  /** Where the cell was when computed, to reach the formulas that read it. */
  sheet: SheetModel;
  row: number;
  column: number;
}

export interface Cell {
  /** A constant (null when the cell holds a formula or nothing). */
  value: Scalar;
  /** The formula, with its leading "=", in English function names. */
  formula?: string;
  /** The formula's value as last computed (see ComputedValue). */
  computed?: ComputedValue;
  numberFormat: string;
  /** Set when text was entered with a leading apostrophe. */
  quotePrefix?: boolean;
  format: CellFormat;
}

export const GENERAL = "General";

export function emptyCell(): Cell {
  return { value: null, numberFormat: GENERAL, format: {} };
}

export function isEmptyCell(cell: Cell | undefined): boolean {
  return !cell || (cell.formula === undefined && (cell.value === null || cell.value === ""));
}

/** How a written value will be stored: a constant, or a formula to check and store. */
export type Interpreted =
  | { kind: "constant"; value: Scalar; quotePrefix?: boolean; numberFormat?: string }
  | { kind: "formula"; formula: string };

/**
 * Interprets one value written through Range.values / Range.formulas (or typed by the user)
 * into a cell with the given number format; `currentYear` completes a month-day date.
 */
export function interpretInput(input: unknown, numberFormat: string, currentYear = new Date().getFullYear()): Interpreted {
  if (input === null || input === undefined || input === "") return { kind: "constant", value: null };
  if (typeof input === "number" || typeof input === "boolean") return { kind: "constant", value: input };
  const text = String(input);
  if (numberFormat === "@") return { kind: "constant", value: text };
  if (text.startsWith("'")) return { kind: "constant", value: text.slice(1), quotePrefix: true };
  if (text.startsWith("=") && text.length > 1) return { kind: "formula", formula: text };
  const n = textToNumber(text);
  if (n !== undefined) {
    // Typing "12%" also gives the cell a percentage format.
    return { kind: "constant", value: n, numberFormat: text.trim().endsWith("%") && numberFormat === GENERAL ? "0%" : undefined };
  }
  const date = recogniseDate(text, currentYear);
  if (date) return { kind: "constant", value: date.serial, numberFormat: numberFormat === GENERAL ? date.numberFormat : undefined };
  if (text.startsWith("+") || text.startsWith("-")) return { kind: "formula", formula: `=${text}` };
  if (/^@[A-Za-z][A-Za-z0-9.]*\(/.test(text)) return { kind: "formula", formula: `=${text.slice(1)}` };
  if (/^(true|false)$/i.test(text)) return { kind: "constant", value: text.toUpperCase() === "TRUE" };
  return { kind: "constant", value: text };
}
