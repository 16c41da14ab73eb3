import ExcelJS from "exceljs";
import { FORM_MARKER_NAME } from "../../../src/core/plan/names";
import type { WorkbookProblem } from "../../../src/hosts/xlsx/errors";
import { workbookBytes } from "../../../src/hosts/xlsx/write";
import { loadSeed } from "../../fixtures/load";
import { bigExport, compoundFile, damagedSheet, encryptedWorkbook, legacyXls, refusal, truncated, wordDocument } from "./bad-files";
import { filledWorkbook } from "./seed-workbook";

describe("xlsx host: files it cannot use", () => {
  let template: Buffer;

  beforeAll(async () => {
    ({ bytes: template } = await filledWorkbook(loadSeed(2020)));
  });

  const cases: Array<[string, () => Promise<Buffer> | Buffer, WorkbookProblem, RegExp]> = [
    ["empty.xlsx", () => Buffer.alloc(0), "empty", /空/],
    ["notes.xlsx", () => Buffer.from("部门,金额\n局机关,1.00\n"), "not-a-workbook", /不是 Excel 工作簿/],
    ["locked.xlsx", encryptedWorkbook, "encrypted", /密码/],
    ["old.xls", legacyXls, "legacy-format", /\.xls/],
    ["report.docx", wordDocument, "not-a-workbook", /Word/],
    ["export.xlsx", () => bigExport(10), "too-large", /10\.0 MB/],
    ["cut.xlsx", () => truncated(template), "corrupt", /损坏/],
    ["damaged.xlsx", () => damagedSheet(template), "corrupt", /损坏/],
    [
      "plain.xlsx",
      async () => {
        const workbook = new ExcelJS.Workbook();
        workbook.addWorksheet("Sheet1").getCell("A1").value = "收入";
        return workbookBytes(workbook, []);
      },
      "not-a-template",
      new RegExp(`${FORM_MARKER_NAME}`),
    ],
  ];

  for (const [file, make, problem, wording] of cases) {
    it(`${file}: ${problem}, one line naming the file`, async () => {
      const error = await refusal(file, await make());
      expect(error.problem).toBe(problem);
      expect(error.message.startsWith(`${file}: `)).toBe(true);
      expect(error.message).toMatch(wording);
      expect(error.message).not.toContain("\n");
    });
  }

  it("tells an encrypted workbook from an old .xls by the streams inside the compound file", () => {
    expect(compoundFile(["EncryptionInfo", "EncryptedPackage"]).includes(Buffer.from("EncryptedPackage", "utf16le"))).toBe(true);
    expect(legacyXls().includes(Buffer.from("EncryptionInfo", "utf16le"))).toBe(false);
  });
});
