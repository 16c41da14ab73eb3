import JSZip from "jszip";
import ExcelJS from "exceljs";
import { buildWorkbook, plannedNames, workbookBytes } from "../../../src/hosts/xlsx/write";
import { parseDefinedNames } from "../../../src/hosts/xlsx/names";
import { SMALL_MARKER, SMALL_SHEET, SMALL_STYLES, smallPlan } from "./small-plan";

/** The raw parts of the written package, as Excel will see them. */
async function parts(bytes: Buffer) {
  const zip = await JSZip.loadAsync(bytes);
  const workbookXml = await zip.file("xl/workbook.xml")!.async("string");
  const sheetXml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
  return { workbookXml, sheetXml };
}

function cellXml(sheetXml: string, ref: string): string {
  const m = new RegExp(`<c r="${ref}"[^>]*?(?:/>|>[\\s\\S]*?</c>)`).exec(sheetXml);
  if (!m) throw new Error(`no cell ${ref}`);
  return m[0];
}

describe("xlsx host: executing a layout plan", () => {
  let bytes: Buffer;
  let xml: { workbookXml: string; sheetXml: string };
  let reread: ExcelJS.Workbook;

  beforeAll(async () => {
    const plan = smallPlan();
    bytes = await workbookBytes(buildWorkbook(plan, SMALL_STYLES), plannedNames(plan));
    xml = await parts(bytes);
    reread = new ExcelJS.Workbook();
    await reread.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  });

  it("writes the marker as a hidden workbook-scoped constant and the plan's names", () => {
    const names = parseDefinedNames(xml.workbookXml);
    const marker = names.find((n) => n.name === SMALL_MARKER.name)!;
    expect(marker).toMatchObject({ text: `"${SMALL_MARKER.value}"`, hidden: true });
    expect(marker.localSheetId).toBeUndefined();
    for (const planned of smallPlan().names) {
      const written = names.find((n) => n.name === planned.name)!;
      expect(written.text).toBe(planned.reference);
      expect(written.localSheetId).toBeUndefined();
      expect(written.comment).toBe(planned.comment);
    }
    // The schema puts definedNames after sheets and before calcPr.
    expect(xml.workbookXml.indexOf("<definedNames>")).toBeGreaterThan(xml.workbookXml.indexOf("</sheets>"));
    expect(xml.workbookXml.indexOf("<definedNames>")).toBeLessThan(xml.workbookXml.indexOf("<calcPr"));
  });

  it("asks the spreadsheet to calculate everything on open", () => {
    expect(xml.workbookXml).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
  });

  it("writes formulas without a cached result", () => {
    for (const [ref, formula] of [
      ["D4", "B4+C4"],
      ["B6", "SUM(B4:B5)"],
      ["D6", "ROUND(SUM(D4:D5),2)"],
    ]) {
      const c = cellXml(xml.sheetXml, ref);
      expect(c).toContain(`<f>${formula}</f>`);
      expect(c).not.toMatch(/<v>/);
    }
  });

  it("stores texts that start with = + - @ as strings, never as formulas", async () => {
    for (const ref of ["A8", "B8", "C8", "D8"]) {
      const c = cellXml(xml.sheetXml, ref);
      expect(c).toContain('t="s"');
      expect(c).not.toContain("<f>");
    }
    const texts = ["A8", "B8", "C8", "D8"].map((ref) => reread.getWorksheet(SMALL_SHEET)!.getCell(ref).value);
    expect(texts).toEqual(["=1+1", "+12", "-5", "@SUM(A1)"]);
  });

  it("lays out merges, widths, freeze panes, number formats, fills and protection", () => {
    const sheet = reread.getWorksheet(SMALL_SHEET)!;
    expect(xml.sheetXml).toContain('<mergeCell ref="A1:D1"/>');
    expect(sheet.getColumn(1).width).toBe(20);
    expect(sheet.getColumn(2).width).toBe(12);
    expect(xml.sheetXml).toMatch(/<pane[^>]*xSplit="1"[^>]*ySplit="3"[^>]*state="frozen"/);
    const input = sheet.getCell("B4");
    expect(input.numFmt).toBe("0.00");
    expect((input.fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFFF2CC");
    expect(input.protection?.locked).toBe(false);
    const total = sheet.getCell("D6");
    expect((total.fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFE2EFDA");
    expect(total.protection?.locked).not.toBe(false);
    expect(sheet.getCell("A1").font?.bold).toBe(true);
    expect(sheet.getCell("B3").border?.top?.style).toBe("thin");
  });

  it("writes conditional formats as expressions with the finding's colours", () => {
    const cf = /<conditionalFormatting sqref="D6"><cfRule type="expression" dxfId="(\d+)"[^>]*><formula>([^<]*)<\/formula>/.exec(xml.sheetXml);
    expect(cf?.[2]).toBe("ROUND(D6-SUM(B6:C6),2)&lt;&gt;0");
  });
});
