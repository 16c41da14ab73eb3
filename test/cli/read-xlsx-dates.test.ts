/**
 * Dates in an .xlsx export read through core's dateOfSerial, the one reading of a serial every
 * reader uses: the 1900 system's serials before 1900-03-01 (before Excel's phantom 29 February)
 * and a workbook in the 1904 system give the dates Excel shows. The export reader had its own
 * serial arithmetic, a day early before 1900-03-01.
 */
import ExcelJS from "exceljs";
import { readSpreadsheet } from "../../src/readers/spreadsheet";
import { inflateParts } from "../../src/hosts/xlsx/inflate-sync";
import { EXPORT_LIMITS } from "../../src/cli/read-export";
import { serialByCounting } from "../support/excel-serial";

/** An export whose first column holds these serials under a date format. */
async function exportOfSerials(serials: number[], date1904 = false): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  if (date1904) workbook.properties.date1904 = true;
  const sheet = workbook.addWorksheet("明细");
  serials.forEach((serial, i) => {
    const cell = sheet.getCell(i + 1, 1);
    cell.value = serial;
    cell.numFmt = "yyyy-mm-dd";
    sheet.getCell(i + 1, 2).value = serial;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The export read as the CLI reads it (src/readers, Node's inflater). */
const readExport = (bytes: Buffer) => readSpreadsheet("明细.xlsx", bytes, "xlsx", { limits: EXPORT_LIMITS.grid, inflatedBytes: EXPORT_LIMITS.inflatedBytes, inflate: inflateParts });

async function firstColumn(bytes: Buffer): Promise<string[]> {
  const { grid } = await readExport(bytes);
  return grid.rows.map((r) => r[0]);
}

describe("dates in an .xlsx export", () => {
  it("before 1900-03-01 in the 1900 system: serial 1 is 1900-01-01, 59 is 1900-02-28, 60 the phantom 29 February", async () => {
    const serials = [1, 59, 60, 61, serialByCounting(2020, 3, 5)];
    expect(serials.slice(0, 4)).toEqual([serialByCounting(1900, 1, 1), serialByCounting(1900, 2, 28), serialByCounting(1900, 2, 29), serialByCounting(1900, 3, 1)]);
    expect(await firstColumn(await exportOfSerials(serials))).toEqual(["1900-01-01", "1900-02-28", "1900-02-29", "1900-03-01", "2020-03-05"]);
  });

  it("in the 1904 system: serial 0 is 1904-01-01, and 5 March 2020 is 1,462 less than in the 1900 system", async () => {
    const serials = [0, serialByCounting(2020, 3, 5) - 1_462];
    const bytes = await exportOfSerials(serials, true);
    expect(await firstColumn(bytes)).toEqual(["1904-01-01", "2020-03-05"]);
    // The same numbers without a date format stay numbers.
    const { grid } = await readExport(bytes);
    expect(grid.rows.map((r) => r[1])).toEqual(serials.map(String));
  });

  it("a negative serial under a date format (no date in Excel, shown as ####) stays the number", async () => {
    expect(await firstColumn(await exportOfSerials([-5]))).toEqual(["-5"]);
  });
});
