/**
 * How the add-in writes an officer's string so that Excel stores exactly that string.
 *
 * Range.values interprets what it is given like typed input: "If the returned value starts with
 * a plus ("+"), minus ("-"), or equal sign ("="), Excel interprets this value as a formula", and
 * numeric-looking text becomes a number (https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member).
 * Two documented ways keep a string as text:
 * - a cell in the Text number format "@": "Text format cells are treated as text even when a
 *   number is in the cell. The cell is displayed exactly as entered."
 *   (https://learn.microsoft.com/javascript/api/excel/excel.numberformatcategory) — the format must
 *   be queued BEFORE the value in the same batch, since calls run in order;
 * - a leading apostrophe, Excel's quote prefix, which is not part of the stored value
 *   (https://support.microsoft.com/office/format-numbers-as-text-583160db-ad6d-4b45-8f6b-a7f6b8c81bbd).
 * Text cells of the template (labels, list names, text fields) are "@" and get the string as is;
 * a string going into a number-formatted cell (无, —, or text the officer typed in an amount cell)
 * gets the apostrophe, so the cell keeps its number format for the figure typed later.
 */

export const TEXT_FORMAT = "@";

/** The input that stores `text` verbatim in a cell with the given number format. */
export function textInput(text: string, numberFormat: string | undefined): string {
  if (text === "") return "";
  return numberFormat === TEXT_FORMAT ? text : `'${text}`;
}

