import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { LayoutPlan, ReadPlan } from "../../../src/core/plan/layout-types";
import { fillValues, plannedFieldCells } from "../../../src/hosts/xlsx/fill";
import { openWorkbook } from "../../../src/hosts/xlsx/open";
import { readWorkbook } from "../../../src/hosts/xlsx/read";
import { buildWorkbook, plannedNames, workbookBytes } from "../../../src/hosts/xlsx/write";
import { constantFormula } from "../../../src/core/excel/defined-name";
import type { FormSpec } from "../../../src/core/spec";
import { SMALL_MARKER, SMALL_SHEET, SMALL_STYLES, smallPlan } from "./small-plan";

/** A form matching the small plan's fields, so kinds (amount vs text) are known to the fill. */
const SMALL_FORM: FormSpec = {
  id: "small-test",
  title: "测试",
  version: 3,
  lists: [{ id: "units", label: "机构名称" }],
  sheets: [
    {
      id: "income",
      name: SMALL_SHEET,
      tables: [
        {
          id: "income",
          title: "年度收入情况",
          layout: "grid",
          kind: "amount",
          unit: "万元",
          columns: [
            { id: "carryover", label: "上年结转" },
            { id: "fiscal", label: "财政拨款" },
            { id: "total", label: "合计" },
          ],
          rows: [
            { id: "all", label: "汇总" },
            { id: "unit", label: "机构", list: "units" },
          ],
        },
      ],
    },
  ],
  relations: [],
};
const LISTS = { units: [{ name: "局机关" }, { name: "二级机构" }] };

const BODY: ReadPlan["ranges"][number] = { key: "body", address: `'${SMALL_SHEET}'!A4:D5`, name: "ZP_INCOME_BODY" };
const TOTAL: ReadPlan["ranges"][number] = { key: "total", address: `'${SMALL_SHEET}'!B6:D6`, name: "ZP_INCOME_TOTAL" };

async function written(plan: LayoutPlan, values: Record<string, string | number | null> = {}): Promise<Buffer> {
  const workbook = buildWorkbook(plan, SMALL_STYLES);
  fillValues(workbook, SMALL_FORM, { form: SMALL_FORM.id, lists: LISTS, values }, plannedFieldCells(plan));
  return workbookBytes(workbook, plannedNames(plan));
}

/** The same plan moved down by `rows` (as if the officer inserted rows above the table), names following. */
function movedDown(plan: LayoutPlan, rows: number): LayoutPlan {
  const shift = (ref: string) => ref.replace(/\$(\d+)/g, (_, r: string) => `$${Number(r) + rows}`);
  return {
    ...plan,
    sheets: plan.sheets.map((s) => ({
      ...s,
      cells: s.cells.map((c) => ({
        ...c,
        row: c.row + rows,
        ...(c.formula ? { formula: c.formula.replace(/([A-D])(\d+)/g, (_, col: string, r: string) => `${col}${Number(r) + rows}`) } : {}),
      })),
      merges: s.merges.map((m) => ({ ...m, top: m.top + rows, bottom: m.bottom + rows })),
      conditionalFormats: [],
    })),
    names: plan.names.map((n) => ({ ...n, reference: shift(n.reference) })),
  };
}

describe("xlsx host: reading a workbook through a read plan", () => {
  const values = {
    "income.unit[1].carryover": "241.49",
    "income.unit[1].fiscal": "1,299.70",
    "income.unit[2].carryover": "无",
    "income.unit[2].fiscal": "=SUM(A1)",
    // A typed total replaces the total's formula, as when an officer overtypes it.
    "income.all.total": "1112.80",
    "income.unit[2].total": "12.3456789012345678",
  };
  let bytes: Buffer;

  beforeAll(async () => {
    bytes = await written(smallPlan(), values);
  });

  it("writes plain figures as numbers and everything else as text, and reads them back", async () => {
    const book = await openWorkbook("small.xlsx", SMALL_MARKER.name, bytes);
    expect(book.marker).toBe(SMALL_MARKER.value);
    const read = readWorkbook(book, { ranges: [BODY, TOTAL] });
    expect(read.ranges.get("body")!.values).toEqual([
      ["局机关", 241.49, 1299.7, ""],
      // 17 significant digits do not fit a double: kept as text, exactly as written.
      ["二级机构", "无", "=SUM(A1)", "12.3456789012345678"],
    ]);
    // Formulas never calculated (ExcelJS wrote them) are reported, not read as figures.
    expect(read.ranges.get("total")!.values).toEqual([["", "", 1112.8]]);
    expect(read.uncalculated).toEqual([`'${SMALL_SHEET}'!D4`, `'${SMALL_SHEET}'!B6`, `'${SMALL_SHEET}'!C6`]);
    expect(read.ranges.get("body")!.viaName).toBe(true);
  });

  it("follows a defined name to a table the officer moved, and falls back to the layout without one", async () => {
    const moved = await written(movedDown(smallPlan(), 2), values);
    const book = await openWorkbook("moved.xlsx", SMALL_MARKER.name, moved);
    const byName = readWorkbook(book, { ranges: [BODY] }).ranges.get("body")!;
    expect(byName.viaName).toBe(true);
    expect(byName.address).toBe(`'${SMALL_SHEET}'!A6:D7`);
    expect(byName.values[0].slice(0, 3)).toEqual(["局机关", 241.49, 1299.7]);

    const { name: _unused, ...withoutName } = BODY;
    const byLayout = readWorkbook(book, { ranges: [withoutName] }).ranges.get("body")!;
    expect(byLayout.viaName).toBe(false);
    expect(byLayout.address).toBe(`'${SMALL_SHEET}'!A4:D5`);
    expect(byLayout.values[0][0]).not.toBe("局机关");
  });

  it("follows a name to a renamed sheet", async () => {
    const plan = smallPlan();
    const renamed: LayoutPlan = {
      ...plan,
      sheets: plan.sheets.map((s) => ({ ...s, name: "收入表" })),
      names: plan.names.map((n) => ({ ...n, reference: n.reference.replace(`'${SMALL_SHEET}'`, "收入表") })),
    };
    const book = await openWorkbook("renamed.xlsx", SMALL_MARKER.name, await written(renamed));
    const read = readWorkbook(book, { ranges: [BODY] });
    expect(read.ranges.get("body")!.address).toBe("收入表!A4:D5");
    expect(read.ranges.get("body")!.values[0][0]).toBe("局机关");
    expect(read.missingSheets).toEqual([]);
  });
});

describe("xlsx host: whatever program saved the cells", () => {
  it("reads cached formula results, shared formulas, rich text, numbers stored as text, errors and dates", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("表");
    sheet.getCell("A1").value = { formula: "B1+C1", result: 1112.79 };
    sheet.getCell("A2").value = { sharedFormula: "A1", result: 7.46 } as unknown as ExcelJS.CellValue;
    sheet.getCell("B1").value = { richText: [{ text: "局" }, { text: "机关", font: { bold: true } }] };
    sheet.getCell("B2").value = "1,112.80";
    sheet.getCell("C1").value = { error: "#REF!" };
    sheet.getCell("C2").value = new Date(Date.UTC(2020, 2, 5));
    sheet.getCell("C2").numFmt = "yyyy-mm-dd";
    sheet.getCell("D1").value = { text: "链接", hyperlink: "https://example.org" };
    sheet.getCell("D2").value = { formula: "\"\"", result: "" };
    sheet.getCell("E1").value = true;
    sheet.mergeCells("E2:F2");
    sheet.getCell("E2").value = "合并";
    const bytes = await workbookBytes(workbook, [{ name: "ZIPING_FORM", text: constantFormula("x@1"), hidden: true }]);
    const book = await openWorkbook("mixed.xlsx", "ZIPING_FORM", bytes);
    const read = readWorkbook(book, { ranges: [{ key: "all", address: "表!A1:F2" }] });
    expect(read.ranges.get("all")!.values).toEqual([
      [1112.79, "局机关", "#REF!", "链接", true, ""],
      [7.46, "1,112.80", "2020-03-05", "", "合并", ""],
    ]);
    expect(read.uncalculated).toEqual([]);
  });

  it("reads a formula's cached 0 and empty text as the file stores them (ExcelJS's reader drops both)", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("表");
    sheet.getCell("A1").value = { formula: "B1-B1" } as ExcelJS.CellFormulaValue;
    sheet.getCell("A2").value = { formula: "\"\"" } as ExcelJS.CellFormulaValue;
    sheet.getCell("A3").value = { formula: "B1*2" } as ExcelJS.CellFormulaValue;
    sheet.getCell("A4").value = { formula: "1=1" } as ExcelJS.CellFormulaValue;
    sheet.getCell("B1").value = 5;
    const bytes = await workbookBytes(workbook, [{ name: "ZIPING_FORM", text: constantFormula("x@1") }]);
    // As Excel and LibreOffice save them: a 0 result, an empty text result, no result (A3), a boolean.
    const zip = await JSZip.loadAsync(bytes);
    const path = "xl/worksheets/sheet1.xml";
    const xml = (await zip.file(path)!.async("string"))
      .replace(/<c r="A1"([^>]*)><f>B1-B1<\/f><\/c>/, '<c r="A1"$1 t="n"><f>B1-B1</f><v>0</v></c>')
      .replace(/<c r="A2"([^>]*)><f>&quot;&quot;<\/f><\/c>/, '<c r="A2"$1 t="str"><f>&quot;&quot;</f><v></v></c>')
      .replace(/<c r="A4"([^>]*)><f>1=1<\/f><\/c>/, '<c r="A4"$1 t="b"><f>1=1</f><v>1</v></c>');
    expect(xml).toContain("<v>0</v>");
    zip.file(path, xml);
    const book = await openWorkbook("results.xlsx", "ZIPING_FORM", await zip.generateAsync({ type: "nodebuffer" }));
    const read = readWorkbook(book, { ranges: [{ key: "a", address: "表!A1:A4" }] });
    expect(read.ranges.get("a")!.values).toEqual([[0], [""], [""], [true]]);
    expect(read.uncalculated).toEqual(["表!A3"]);
  });
});
