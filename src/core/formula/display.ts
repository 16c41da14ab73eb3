/**
 * Range.text: "Text values of the specified range. The text value will not depend on the cell
 * width." (https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-text-member)
 * Enough of Excel's number formats for the template: General, @, 0, 0.00, #,##0.00, 0%, 0.00%,
 * and dates as a zh-CN Excel shows them (2020/3/5, 3月5日, 2020年3月5日: see core/excel/dates.ts).
 * Display rounding is half away from zero, as Excel shows numbers.
 */
import Decimal from "decimal.js";
import { isDateFormat, shownDate } from "../excel/dates";
import { isError, type CellResult } from "./values";

/** Excel's General display of a number: at most 15 significant digits, no float artefacts. */
export function displayGeneral(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  return String(Number(n.toPrecision(15)));
}

function fixed(n: number, places: number, thousands: boolean): string {
  const d = new Decimal(n.toPrecision(15)).toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
  const s = d.abs().toFixed(places);
  const [int, frac] = s.split(".");
  const grouped = thousands ? int.replace(/\B(?=(\d{3})+$)/g, ",") : int;
  const sign = d.isNegative() && !d.isZero() ? "-" : "";
  return `${sign}${grouped}${frac !== undefined ? `.${frac}` : ""}`;
}

export function displayText(value: CellResult, numberFormat: string): string {
  if (value === null) return "";
  if (isError(value)) return value.error;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  if (isDateFormat(numberFormat)) {
    // Excel fills a cell with ### when a date format meets a number that is no date.
    return shownDate(value, numberFormat) ?? "#".repeat(11);
  }
  // Only the first section of a format applies to the numbers ZiPing shows.
  const section = numberFormat.split(";")[0];
  const m = /^(#,##)?0(?:\.(0+))?(%)?$/.exec(section);
  if (!m) return displayGeneral(value);
  const places = m[2]?.length ?? 0;
  return m[3] ? `${fixed(value * 100, places, false)}%` : fixed(value, places, m[1] !== undefined);
}
