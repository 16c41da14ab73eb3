/** What a formula works with: a cell's value as Range.values reports it (null = empty), or an error. */

export type Scalar = number | string | boolean | null;

export interface CellError {
  error: string;
}

/** A cell's value as Range.values reports it (null = empty). */
export type CellResult = Scalar | CellError;

export function isError(v: unknown): v is CellError {
  return typeof v === "object" && v !== null && "error" in v;
}

const NUMBER_TEXT = /^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][+-]?\d+)?%?$/;

/** The number Excel (en-US) reads in a text, or undefined: "1,112.80" → 1112.8, "12%" → 0.12. */
export function textToNumber(text: string): number | undefined {
  const t = text.trim();
  if (!t || !NUMBER_TEXT.test(t) || !/\d/.test(t)) return undefined;
  const percent = t.endsWith("%");
  const n = Number(t.replace(/[,%]/g, ""));
  if (!Number.isFinite(n)) return undefined;
  return percent ? n / 100 : n;
}

