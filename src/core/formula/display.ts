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

/** Characters a General number may take in a cell, the decimal point counted (the sign not). */
const GENERAL_CELL_CHARS = 11;

const significantDigits = (shown: string) => shown.replace(/^-/, "").replace(/E.*$/, "").replace(".", "").replace(/^0+/, "").length;

/** `n` in scientific notation in at most `chars` characters: 7.10543E-15, 1.23457E+11. */
function scientificIn(n: number, chars: number): string {
  const exponent = Math.floor(Math.log10(Math.abs(n)));
  const tail = `E${exponent < 0 ? "-" : "+"}${String(Math.abs(exponent)).padStart(2, "0")}`;
  const places = Math.max(0, chars - tail.length - 2);
  const mantissa = new Decimal(n.toPrecision(15)).div(new Decimal(10).pow(exponent)).toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
  // 9.999996 rounds up to 10: one more power of ten.
  if (mantissa.abs().gte(10)) return scientificIn(Number(mantissa.div(10).times(new Decimal(10).pow(exponent + 1))), chars);
  let text = mantissa.abs().toFixed(places).replace(/\.?0+$/, "");
  if (text === "") text = "0";
  return `${mantissa.isNegative() ? "-" : ""}${text}${tail}`;
}

/**
 * A General number as a cell shows it, not as the formula bar does: "The General number format
 * displays up to 11 numeric characters, with the decimal point counting as a numeric character"
 * (Microsoft KB 65903, https://mskb.pkisolutions.com/kb/65903), so a difference computed as
 * 7.105427357601e-15 shows 7.10543E-15 and 77.0799999999999 shows 77.08. Fixed notation unless
 * it would show fewer significant digits than the scientific one (a tiny float remainder), or
 * the integer part alone is too long.
 */
export function displayGeneralInCell(n: number): string {
  if (n === 0 || !Number.isFinite(n)) return displayGeneral(n);
  const integerDigits = Math.max(1, Math.floor(Math.log10(Math.abs(n))) + 1);
  if (integerDigits > GENERAL_CELL_CHARS) return scientificIn(n, GENERAL_CELL_CHARS);
  const places = Math.max(0, GENERAL_CELL_CHARS - integerDigits - 1);
  const fixedText = fixed(n, places, false).replace(/(\.\d*?)0+$/, "$1").replace(/\.$/, "");
  const scientific = scientificIn(n, GENERAL_CELL_CHARS);
  return significantDigits(scientific) > significantDigits(fixedText) || fixedText.replace(/^-/, "").length > GENERAL_CELL_CHARS ? scientific : fixedText;
}
