/**
 * Excel's 1900-system serial of a date, counted day by day from the rules alone, for tests to
 * check the implementation against (it works differently: through Date.UTC). Serial 1 is
 * 1900-01-01 and 1900 counts as a leap year (ECMA-376 Part 1, §18.17.4.1).
 */
function leap(year: number): boolean {
  return year === 1900 || (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0));
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function serialByCounting(year: number, month: number, day: number): number {
  let serial = 0;
  for (let y = 1900; y < year; y++) serial += leap(y) ? 366 : 365;
  for (let m = 1; m < month; m++) serial += m === 2 && leap(year) ? 29 : DAYS[m - 1];
  return serial + day;
}
