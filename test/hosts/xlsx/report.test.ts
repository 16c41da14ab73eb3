import ExcelJS from "exceljs";
import { checkReport } from "../../../src/core/check";
import { FORM_MARKER_NAME, formMarkerValue, tableBodyName } from "../../../src/core/plan/names";
import { absoluteRange, parseSheetRange } from "../../../src/core/excel/address";
import { defaultForm, type FormSpec } from "../../../src/core/spec";
import { WorkbookFileError } from "../../../src/hosts/xlsx/errors";
import { constantFormula } from "../../../src/core/excel/defined-name";
import { parseDefinedNames, type DefinedName } from "../../../src/hosts/xlsx/names";
import { openWorkbook } from "../../../src/hosts/xlsx/open";
import { loadWorkbookReport, recogniseForm } from "../../../src/hosts/xlsx/report";
import { workbookBytes } from "../../../src/hosts/xlsx/write";
import { loadSeed } from "../../fixtures/load";
import { differingValues, filledWorkbook, sameValue } from "./seed-workbook";
import JSZip from "jszip";

async function namesOf(bytes: Buffer): Promise<DefinedName[]> {
  const zip = await JSZip.loadAsync(bytes);
  return parseDefinedNames(await zip.file("xl/workbook.xml")!.async("string"));
}

/** A name's range after rows are inserted at `at`, as Excel moves it (above: shifts; inside: grows). */
function insertRowsInName(name: DefinedName, sheet: string, at: number, count: number): DefinedName {
  const r = parseSheetRange(name.text);
  if (!r || r.sheet !== sheet || at > r.bottom) return name;
  const top = at <= r.top ? r.top + count : r.top;
  return { ...name, text: absoluteRange(sheet, top, r.left, r.bottom + count, r.right) };
}

describe("xlsx host: the 2020 seed through a workbook", () => {
  const seed = loadSeed(2020);
  let bytes: Buffer;

  beforeAll(async () => {
    ({ bytes } = await filledWorkbook(seed));
  });

  it("reads back every figure and text, the lists and the form", async () => {
    const report = await loadWorkbookReport("seed.xlsx", [], bytes);
    expect(report.form.id).toBe(defaultForm.id);
    expect(report.data.lists).toEqual(seed.lists);
    expect(differingValues(seed, report.data)).toEqual([]);
    expect(report.notes.filter((n) => !n.includes("公式单元格没有计算结果"))).toEqual([]);
  });

  it("finds exactly the findings the core finds on the JSON, at the same cells", async () => {
    const report = await loadWorkbookReport("seed.xlsx", [], bytes);
    const fromWorkbook = checkReport(report.form, report.data, (id) => report.addresses.get(id)!);
    const fromJson = checkReport(defaultForm, seed);
    expect(fromWorkbook.findings).toEqual(fromJson.findings);
    expect(fromWorkbook.results.map((r) => [r.rule.id, r.status])).toEqual(fromJson.results.map((r) => [r.rule.id, r.status]));
    // The seed's own slips are among them (not an empty comparison).
    expect(fromJson.findings.some((f) => f.kind === "tail" && f.actual === "1112.80" && f.expected === "1112.79")).toBe(true);
    expect(fromJson.findings.filter((f) => f.severity === "error").length).toBeGreaterThan(0);
  });

  it("follows the officer's edits: rows inserted above a table and a unit row added inside it", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const sheetName = defaultForm.sheets.find((s) => s.id === "income")!.name;
    const sheet = workbook.getWorksheet(sheetName)!;
    const names = await namesOf(bytes);
    const body = parseSheetRange(names.find((n) => n.name === tableBodyName("income"))!.text)!;
    // Two blank rows above the table, then a unit inserted above the last unit (inside the
    // table: a row inserted below a range does not widen its name, in Excel either).
    sheet.spliceRows(1, 0, [], []);
    const newUnitRow = body.bottom + 2;
    sheet.spliceRows(newUnitRow, 0, ["新增二级机构", 10, 1, 9, 0, 0, 0]);
    let moved = names.map((n) => insertRowsInName(n, sheetName, 1, 2));
    moved = moved.map((n) => (n.name === tableBodyName("income") ? insertRowsInName(n, sheetName, newUnitRow, 1) : n));
    const edited = await workbookBytes(workbook, moved);

    const report = await loadWorkbookReport("edited.xlsx", [], edited);
    const [first, last] = seed.lists.units.map((u) => u.name);
    expect(report.data.lists.units.map((u) => u.name)).toEqual([first, "新增二级机构", last]);
    expect(report.data.values["income.unit[2].total"]).toBe("10");
    expect(report.data.values["income.unit[1].total"]).toBe(seed.values["income.unit[1].total"]);
    expect(sameValue(report.data.values["income.unit[3].total"], seed.values["income.unit[2].total"])).toBe(true);
    // Findings name the cells where they are now: 汇总 no longer equals the units' sum.
    const findings = checkReport(report.form, report.data, (id) => report.addresses.get(id)!).findings;
    const unitSum = findings.find((f) => f.ruleId === "income.unitSum[carryover]");
    expect(unitSum?.cell).toBe(`${sheetName}!C${body.top + 2}`);
  });
});

describe("xlsx host: recognising the template", () => {
  async function withMarker(value: string | undefined): Promise<Buffer> {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("表").getCell("A1").value = "x";
    return workbookBytes(workbook, value === undefined ? [] : [{ name: FORM_MARKER_NAME, text: constantFormula(value), hidden: true }]);
  }
  const problem = async (bytes: Buffer, forms: FormSpec[] = [defaultForm]) => {
    try {
      recogniseForm(await openWorkbook("f.xlsx", FORM_MARKER_NAME, bytes), forms);
    } catch (e) {
      expect(e).toBeInstanceOf(WorkbookFileError);
      return { problem: (e as WorkbookFileError).problem, message: (e as Error).message };
    }
    return undefined;
  };

  it("accepts the current version of a known form", async () => {
    expect(await problem(await withMarker(formMarkerValue(defaultForm)))).toBeUndefined();
  });

  it("refuses a workbook without the marker, an older or newer template, and an unknown form", async () => {
    expect((await problem(await withMarker(undefined)))?.problem).toBe("not-a-template");
    const older = await problem(await withMarker(formMarkerValue({ id: defaultForm.id, version: defaultForm.version - 1 })));
    expect(older?.problem).toBe("older-template");
    expect(older?.message).toMatch(/^f\.xlsx: 由较早版本的 ZiPing 生成/);
    expect((await problem(await withMarker(formMarkerValue({ id: defaultForm.id, version: defaultForm.version + 1 }))))?.problem).toBe("newer-template");
    expect((await problem(await withMarker("other-form@1")))?.problem).toBe("other-form");
    expect((await problem(await withMarker("garbage")))?.problem).toBe("not-a-template");
  });

  it("finds the marker whatever case the name was saved in", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("表");
    const bytes = await workbookBytes(workbook, [{ name: "ziping_form", text: constantFormula(formMarkerValue(defaultForm)) }]);
    expect(await problem(bytes)).toBeUndefined();
  });
});

