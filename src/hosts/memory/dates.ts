/**
 * The dates Excel recognises in what an officer types, as a zh-CN Excel does for a cell in the
 * General format: the text becomes the date's serial (src/core/excel/dates.ts) and the cell gets a
 * date format. Office.js reads such a cell as `values` = the serial, `valueTypes` = "Double",
 * `numberFormat` = the format code and `text` = the date as shown.
 *
 * | typed | stored | numberFormat | text |
 * | --- | --- | --- | --- |
 * | 2020/3/5, 2020-03-05, 2020-3-5 | 43895 | m/d/yyyy (the built-in short date; Office.js reports it in en-US form, OfficeDev/office-js#229) | 2020/3/5 |
 * | 3/5, 3-5, 3月5日 | the serial of 5 March of the current year | m"月"d"日" | 3月5日 |
 * | 2020年3月5日 | 43895 | yyyy"年"m"月"d"日" | 2020年3月5日 |
 *
 * A month-day input takes the year of the computer's clock. "3/5" is month/day as in zh-CN and
 * en-US alike; an impossible date (2-30, 13/5) stays text here. Two-digit years, month names and
 * times are not modelled.
 */
import { dateSerial } from "../../core/excel/dates";

export const SHORT_DATE = "m/d/yyyy";
export const MONTH_DAY = 'm"月"d"日"';
export const CHINESE_DATE = 'yyyy"年"m"月"d"日"';

export interface RecognisedDate {
  serial: number;
  numberFormat: string;
}

const YEAR_MONTH_DAY = /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})$/;
const MONTH_SLASH_DAY = /^(\d{1,2})[-/](\d{1,2})$/;
const CHINESE_YEAR_MONTH_DAY = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/;
const CHINESE_MONTH_DAY = /^(\d{1,2})月(\d{1,2})日$/;

function date(year: number | string, month: string, day: string, numberFormat: string): RecognisedDate | undefined {
  const serial = dateSerial(Number(year), Number(month), Number(day));
  return serial === undefined ? undefined : { serial, numberFormat };
}

/** The date Excel reads in typed text, or undefined when it is not one of the forms above. */
export function recogniseDate(text: string, currentYear: number): RecognisedDate | undefined {
  const t = text.trim();
  let m: RegExpExecArray | null;
  if ((m = YEAR_MONTH_DAY.exec(t))) return date(m[1], m[3], m[4], SHORT_DATE);
  if ((m = MONTH_SLASH_DAY.exec(t))) return date(currentYear, m[1], m[2], MONTH_DAY);
  if ((m = CHINESE_YEAR_MONTH_DAY.exec(t))) return date(m[1], m[2], m[3], CHINESE_DATE);
  if ((m = CHINESE_MONTH_DAY.exec(t))) return date(currentYear, m[1], m[2], MONTH_DAY);
  return undefined;
}
