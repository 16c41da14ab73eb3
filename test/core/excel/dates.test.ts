import { dateOfSerial, dateSerial, isDateFormat, isoDate, shownDate } from "../../../src/core/excel/dates";
import { serialByCounting } from "../../support/excel-serial";

describe("Excel's 1900 date system", () => {
  it("gives the serials ECMA-376 states: 1 for 1900-01-01, 60 for the phantom 29 February, 2,958,465 for 9999-12-31", () => {
    expect(dateSerial(1900, 1, 1)).toBe(1);
    expect(dateSerial(1900, 2, 28)).toBe(59);
    expect(dateSerial(1900, 2, 29)).toBe(60);
    expect(dateSerial(1900, 3, 1)).toBe(61);
    expect(dateSerial(9999, 12, 31)).toBe(2_958_465);
    expect(dateOfSerial(60)).toEqual({ year: 1900, month: 2, day: 29 });
  });

  it("agrees with a day-by-day count on every day of 1900, 2000, 2020 and 2024, and back again", () => {
    for (const year of [1900, 2000, 2020, 2024]) {
      for (let month = 1; month <= 12; month++) {
        for (let day = 1; day <= 31; day++) {
          const serial = dateSerial(year, month, day);
          if (serial === undefined) continue;
          expect(serial).toBe(serialByCounting(year, month, day));
          expect(dateOfSerial(serial)).toEqual({ year, month, day });
        }
      }
    }
    // 5 March 2020, the date "2020-03-05" stands for.
    expect(dateSerial(2020, 3, 5)).toBe(serialByCounting(2020, 3, 5));
  });

  it("has no serial for dates that do not exist or lie outside 1900–9999", () => {
    for (const [y, m, d] of [[1899, 12, 31], [2021, 2, 29], [2020, 4, 31], [2020, 13, 1], [2020, 0, 5], [10000, 1, 1]]) {
      expect(dateSerial(y, m, d)).toBeUndefined();
    }
    expect(dateOfSerial(0)).toBeUndefined();
    expect(dateOfSerial(2_958_466)).toBeUndefined();
  });
});

describe("Excel's 1904 date system", () => {
  // ECMA-376 Part 1, §18.17.4.2: serial 0 is 1 January 1904, and there is no phantom day.
  it("counts from 1904-01-01 = 0, a whole day for each day, to 9999-12-31 = 2,957,003", () => {
    expect(dateOfSerial(0, "1904")).toEqual({ year: 1904, month: 1, day: 1 });
    expect(dateOfSerial(59, "1904")).toEqual({ year: 1904, month: 2, day: 29 });
    expect(dateOfSerial(2_957_003, "1904")).toEqual({ year: 9999, month: 12, day: 31 });
    expect(dateOfSerial(2_957_004, "1904")).toBeUndefined();
    expect(dateOfSerial(-1, "1904")).toBeUndefined();
  });

  it("is the 1900 system's date 1,462 days later, for every day of 2020 (the systems agree from 1900-03-01 on)", () => {
    for (let serial = serialByCounting(2020, 1, 1); serial <= serialByCounting(2020, 12, 31); serial++) {
      expect(dateOfSerial(serial - 1_462, "1904")).toEqual(dateOfSerial(serial));
    }
  });

  it("writes a date as yyyy-mm-dd, the way a date read where a figure belongs is shown", () => {
    expect(isoDate({ year: 1900, month: 2, day: 28 })).toBe("1900-02-28");
    expect(isoDate(dateOfSerial(0, "1904")!)).toBe("1904-01-01");
  });
});

describe("number formats", () => {
  it("tells date and time formats from number and text formats", () => {
    const dates = ["m/d/yyyy", 'm"月"d"日"', 'yyyy"年"m"月"d"日"', "yyyy-mm-dd", "[$-804]yyyy/m/d", "d-mmm", "h:mm", "[h]:mm:ss", "yyyy/m/d;@"];
    const numbers = ["General", "0", "0.00", "#,##0.00", "0%", "0.00%", "@", '0.00"万元"', "[Red]0.00", "#,##0.00_);[Red](#,##0.00)", "0.00E+00", '"¥"#,##0.00', "[>=100]0;0.0"];
    for (const f of dates) expect(isDateFormat(f), f).toBe(true);
    for (const f of numbers) expect(isDateFormat(f), f).toBe(false);
  });

  it("shows a date as a zh-CN Excel does for the formats typing gives a cell", () => {
    const serial = serialByCounting(2020, 3, 5);
    expect(shownDate(serial, "m/d/yyyy")).toBe("2020/3/5");
    expect(shownDate(serial, 'm"月"d"日"')).toBe("3月5日");
    expect(shownDate(serial, 'yyyy"年"m"月"d"日"')).toBe("2020年3月5日");
    expect(shownDate(0, "m/d/yyyy")).toBeUndefined();
  });
});
