/**
 * Excel's dates: a date is a number (its serial) shown through a date number format, so
 * Range.values gives the serial and only the format tells it is a date.
 *
 * The 1900 date system (Excel for Windows and the web; ECMA-376 Part 1, §18.17.4.1): serial 1 is
 * 1900-01-01, and "for legacy reasons, an implementation using the 1900 date base system shall
 * treat 1900 as though it was a leap year": serial 60 is the non-existent 1900-02-29 and
 * 1900-03-01 is 61 (learn.microsoft.com/office/troubleshoot/excel/wrongly-assumes-1900-is-leap-year).
 * The last date is 9999-12-31, serial 2,958,465.
 *
 * The 1904 date system (a workbook whose workbookPr says date1904, as old Excel for the Mac
 * saved them; ECMA-376 Part 1, §18.17.4.2): serial 0 is 1904-01-01, with no phantom day, and the
 * last date is serial 2,957,003.
 */

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const MS_PER_DAY = 86_400_000;
/** Day 0 of the serials from 1900-03-01 on (the phantom 29 February already counted). */
const EPOCH = Date.UTC(1899, 11, 30);
const LAST_SERIAL = 2_958_465;

/** The serial Excel stores for a date, or undefined when there is no such date in Excel. */
export function dateSerial(year: number, month: number, day: number): number | undefined {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return undefined;
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1) return undefined;
  if (year === 1900 && month === 2 && day === 29) return 60;
  const at = new Date(Date.UTC(2000, month - 1, day));
  at.setUTCFullYear(year);
  if (at.getUTCMonth() !== month - 1) return undefined; // 31 April, 29 February of a common year
  const days = Math.round((at.getTime() - EPOCH) / MS_PER_DAY);
  // Before 1900-03-01 there is no phantom day yet to count.
  return days <= 60 ? days - 1 : days;
}

/** Which date system a workbook counts its serials in. */
export type DateSystem = "1900" | "1904";

/** Days between the two systems' day 0 (1904-01-01 is serial 1,462 in the 1900 system). */
const DAYS_1900_TO_1904 = 1_462;

/** The date a serial stands for (its whole part); undefined outside Excel's dates. */
export function dateOfSerial(serial: number, system: DateSystem = "1900"): CalendarDate | undefined {
  if (!Number.isFinite(serial)) return undefined;
  if (system === "1904") {
    if (serial < 0 || serial >= LAST_SERIAL - DAYS_1900_TO_1904 + 1) return undefined;
    return calendarDate(new Date(Date.UTC(1904, 0, 1) + Math.floor(serial) * MS_PER_DAY));
  }
  if (serial < 1 || serial >= LAST_SERIAL + 1) return undefined;
  const whole = Math.floor(serial);
  if (whole === 60) return { year: 1900, month: 2, day: 29 };
  return calendarDate(new Date(EPOCH + (whole < 60 ? whole + 1 : whole) * MS_PER_DAY));
}

function calendarDate(at: Date): CalendarDate {
  return { year: at.getUTCFullYear(), month: at.getUTCMonth() + 1, day: at.getUTCDate() };
}

/** A date as yyyy-mm-dd: how a date read where a figure belongs is shown in a finding. */
export function isoDate({ year, month, day }: CalendarDate): string {
  const pad = (n: number, width: number) => String(n).padStart(width, "0");
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/**
 * The format's code with what is not a date or time token taken out: quoted literals ("月"),
 * escaped and spacing characters (\x, _x, *x) and bracketed parts ([Red], [$-804], [>=100])
 * except elapsed-time ones ([h], [mm], [ss]).
 */
function formatTokens(format: string): string {
  return format
    .replace(/"[^"]*"/g, "")
    .replace(/[\\_*]./g, "")
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, "");
}

/**
 * Whether a number format shows numbers as dates or times: it has a year, month, day, hour or
 * second token (y, m, d, h, s) outside quotes and brackets. General, 0.00, #,##0.00, 0%, @,
 * 0.00"万元" and the like have none.
 */
export function isDateFormat(format: string): boolean {
  if (/^general$/i.test(format.trim())) return false;
  return /[ymdhs]/i.test(formatTokens(format));
}

/** Whether the format shows a year. */
function showsYear(format: string): boolean {
  return /y/i.test(formatTokens(format));
}

/**
 * A date as an officer sees it in a zh-CN Excel: "3月5日" for a month-day format, "2020年3月5日"
 * for one written with 年月日, the short date "2020/3/5" otherwise (Excel shows its built-in
 * short date, reported by Office.js as m/d/yyyy, in the system's order: yyyy/m/d in zh-CN).
 */
export function shownDate(serial: number, format: string): string | undefined {
  const date = dateOfSerial(serial);
  if (!date) return undefined;
  const { year, month, day } = date;
  const chinese = /[年月日]/.test(format);
  if (!showsYear(format)) return chinese || !/\//.test(formatTokens(format)) ? `${month}月${day}日` : `${month}/${day}`;
  return chinese ? `${year}年${month}月${day}日` : `${year}/${month}/${day}`;
}
