/**
 * Issue 18, cases 1 and 7, at the workbook host: a defined name reaching over the whole sheet
 * is cut to what its table can occupy (not read cell by cell), and a package missing a part is
 * refused as corrupt instead of being read as data.
 */
import { FORM_MARKER_NAME, tableBodyName } from "../../../src/core/plan/names";
import { buildReadPlan } from "../../../src/core/plan/read-plan";
import { defaultForm } from "../../../src/core/spec";
import { openWorkbook } from "../../../src/hosts/xlsx/open";
import { readWorkbook } from "../../../src/hosts/xlsx/read";
import { loadWorkbookReport } from "../../../src/hosts/xlsx/report";
import { loadSeed } from "../../fixtures/load";
import { refusal } from "./bad-files";
import { withDefinedName, withoutPart } from "./hostile-files";
import { filledWorkbook } from "./seed-workbook";

const seed = loadSeed(2020);

describe("issue 18: hostile workbooks", () => {
  let template: Buffer;
  beforeAll(async () => {
    ({ bytes: template } = await filledWorkbook(seed));
  });

  it("case 1: a defined name over the whole sheet (收入!$A$1:$XFD$1048576) is cut to the table's columns and the sheet's rows, with a note", async () => {
    const name = tableBodyName("income");
    const hostile = await withDefinedName(template, name, "收入!$A$1:$XFD$1048576");
    const report = await loadWorkbookReport("hostile.xlsx", [], hostile);
    // Every cell a read returns was looked up: counting them shows the read is bounded.
    const read = readWorkbook(await openWorkbook("hostile.xlsx", FORM_MARKER_NAME, hostile), buildReadPlan(defaultForm, {}));
    const cells = [...read.ranges.values()].reduce((n, r) => n + r.values.reduce((k, row) => k + row.length, 0), 0);
    const columns = Math.max(...defaultForm.sheets.flatMap((s) => s.tables).map((t) => t.columns?.length ?? 0)) + 2;
    // All tables of the form together, each at most its laid-out width and its sheet's used rows.
    expect(cells).toBeLessThan(defaultForm.sheets.length * 200 * columns);
    const note = report.notes.find((n) => n.includes(name));
    // Excel writes a whole-sheet area either way: A1:XFD1048576 or 1:1048576.
    expect(note).toMatch(/收入!(\$?A\$?1:\$?XFD\$?1048576|\$?1:\$?1048576)/);
    expect(note).toMatch(/超出表格所能占的范围/);
  });

  const parts: Array<[string, string]> = [
    ["a sheet's part", "xl/worksheets/sheet1.xml"],
    ["the shared strings", "xl/sharedStrings.xml"],
  ];
  for (const [what, part] of parts) {
    it(`case 7: a package missing ${what} is refused as corrupt, one line naming the file`, async () => {
      const error = await refusal("missing.xlsx", await withoutPart(template, part));
      expect(error.problem).toBe("corrupt");
      expect(error.message).toMatch(/^missing\.xlsx: 文件已损坏（/);
      expect(error.message).not.toContain("\n");
    });
  }
});
