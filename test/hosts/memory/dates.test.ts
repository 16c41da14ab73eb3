/**
 * Dates typed into the in-memory workbook, as a zh-CN Excel takes them into a General cell: the
 * date's serial (1900 system) with a date format, read back through Office.js. The expected
 * serials are counted day by day (test/support/excel-serial.ts), not taken from the code.
 */
import { createMemoryWorkbook, type MemoryWorkbook } from "../../../src/hosts/memory";
import { serialByCounting } from "../../support/excel-serial";

interface Read {
  values: unknown;
  text: unknown;
  numberFormat: unknown;
  valueTypes: unknown;
}

/** The officer types `input` into S!A1 (General unless `format` says otherwise); what Office.js reads there. */
async function typed(input: string, options: { format?: string; year?: number; wb?: MemoryWorkbook } = {}): Promise<Read> {
  const wb = options.wb ?? createMemoryWorkbook(["S"]);
  if (options.year !== undefined) wb.model.today = () => new Date(options.year!, 5, 15);
  if (options.format) {
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem("S").getRange("A1").numberFormat = [[options.format]];
      await context.sync();
    });
  }
  wb.userEdit("S", "A1", [[input]]);
  return wb.run(async (context) => {
    const range = context.workbook.worksheets.getItem("S").getRange("A1").load("values, text, numberFormat, valueTypes");
    await context.sync();
    return { values: range.values[0][0], text: range.text[0][0], numberFormat: range.numberFormat[0][0], valueTypes: range.valueTypes[0][0] };
  });
}

describe("memory host: dates typed into a General cell", () => {
  const march5th2020 = serialByCounting(2020, 3, 5);

  it.each([
    ["2020/3/5", "m/d/yyyy", "2020/3/5"],
    ["2020-03-05", "m/d/yyyy", "2020/3/5"],
    ["2020-3-5", "m/d/yyyy", "2020/3/5"],
    ["2020年3月5日", 'yyyy"年"m"月"d"日"', "2020年3月5日"],
  ])("%s becomes the serial of 5 March 2020, format %s, shown %s", async (input, numberFormat, text) => {
    expect(await typed(input)).toEqual({ values: march5th2020, text, numberFormat, valueTypes: "Double" });
  });

  it.each(["3-5", "3/5", "3月5日"])("%s becomes 5 March of the current year, shown 3月5日", async (input) => {
    expect(await typed(input, { year: 2021 })).toEqual({ values: serialByCounting(2021, 3, 5), text: "3月5日", numberFormat: 'm"月"d"日"', valueTypes: "Double" });
    // With the real clock: this year.
    expect((await typed(input)).values).toBe(serialByCounting(new Date().getFullYear(), 3, 5));
  });

  it("reads a date written through Range.values the same way", async () => {
    const wb = createMemoryWorkbook(["S"]);
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem("S").getRange("A1:B1").values = [["2020-03-05", "12.5"]];
      await context.sync();
    });
    expect(wb.cell("S!A1")).toMatchObject({ value: march5th2020, numberFormat: "m/d/yyyy", text: "2020/3/5" });
    expect(wb.cell("S!B1")).toMatchObject({ value: 12.5, numberFormat: "General" });
  });

  it("keeps a plain number a number, and what is no date text", async () => {
    expect(await typed("12.5")).toEqual({ values: 12.5, text: "12.5", numberFormat: "General", valueTypes: "Double" });
    expect(await typed("2020")).toMatchObject({ values: 2020, numberFormat: "General" });
    for (const input of ["2-30", "13/5", "2021-2-29", "3-5元", "'3-5"]) {
      expect(await typed(input), input).toMatchObject({ values: input.replace(/^'/, ""), numberFormat: "General", valueTypes: "String" });
    }
    // A text cell (@) keeps exactly what was typed.
    expect(await typed("3-5", { format: "@" })).toMatchObject({ values: "3-5", numberFormat: "@", valueTypes: "String" });
  });

  it("keeps a cell's own number format (the template's 0.00): the serial then shows as a number", async () => {
    expect(await typed("3-5", { format: "0.00", year: 2020 })).toEqual({ values: march5th2020, text: `${march5th2020}.00`, numberFormat: "0.00", valueTypes: "Double" });
  });

  it("keeps the date format when a number is typed over a date, so the number shows as a date", async () => {
    const wb = createMemoryWorkbook(["S"]);
    await typed("3-5", { wb, year: 2020 });
    expect(await typed("12.5", { wb })).toEqual({ values: 12.5, text: "1月12日", numberFormat: 'm"月"d"日"', valueTypes: "Double" });
  });
});
