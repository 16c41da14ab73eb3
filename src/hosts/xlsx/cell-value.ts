/**
 * One cell's content as a read returns it, the way Office.js `range.values` does: a number, a
 * string, a boolean, or "" when empty — whichever program last saved the file.
 */
import type { CellValue } from "exceljs";

export type ReadValue = string | number | boolean;


function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null;
}

/**
 * A date where a figure belongs is a typing accident (3-5 taken as 3月5日): it is returned as
 * the date's text, which the checks then report as not a number, instead of a serial number.
 */
function dateText(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function richText(runs: Array<{ text?: unknown }>): string {
  return runs.map((r) => (typeof r.text === "string" ? r.text : "")).join("");
}

export function normaliseCellValue(value: CellValue): ReadValue {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? value : String(value);
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return dateText(value);
  if (!isObject(value)) return String(value);
  // Formulas, shared formulas (a block of cells sharing one master formula) and array formulas:
  // the cached result is what Excel, WPS or LibreOffice calculated when saving.
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as { result?: unknown }).result;
    // No result: an empty text result, or never calculated (the reader tells these apart).
    if (result === undefined || result === null) return "";
    return normaliseCellValue(result as CellValue);
  }
  if ("richText" in value && Array.isArray(value.richText)) return richText(value.richText);
  if ("error" in value) return String(value.error);
  if ("text" in value) {
    const text = (value as { text: unknown }).text;
    if (typeof text === "string") return text;
    if (isObject(text) && Array.isArray(text.richText)) return richText(text.richText);
  }
  return "";
}
