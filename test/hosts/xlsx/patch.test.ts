/**
 * Cell writes inside a worksheet's XML (sheet-xml.ts) and into a package (patch.ts): values in
 * place with their style, text never a formula, rows and cells inserted in order, stale formula
 * results dropped, the calculation chain removed when a formula is overwritten, and a shared
 * formula's first cell left to the whole-workbook route.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { normaliseCellValue } from "./exceljs-cells";
import { inflateParts } from "../../../src/hosts/xlsx/inflate-sync";
import { openPackage } from "../../../src/hosts/xlsx/package";
import { patchWorkbook, withFullCalcOnLoad } from "../../../src/hosts/xlsx/patch";
import { dropFormulaResults, writeCells, type CellContent } from "../../../src/hosts/xlsx/sheet-xml";

const sheet = (rows: string) =>
  `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:C3"/><sheetData>${rows}</sheetData><extLst><ext uri="x"/></extLst></worksheet>`;
const writes = (entries: Array<[number, number, CellContent]>) => {
  const out = new Map<number, Map<number, CellContent>>();
  for (const [row, column, content] of entries) out.set(row, (out.get(row) ?? new Map()).set(column, content));
  return out;
};
function written(xml: string, entries: Array<[number, number, CellContent]>): string {
  const edit = writeCells(xml, writes(entries));
  if ("cannot" in edit) throw new Error(edit.cannot);
  return edit.xml;
}

describe("writeCells", () => {
  it("replaces a cell in place, keeping its style and dropping its old type; text is an inline string, never a formula", () => {
    const xml = sheet(`<row r="2" spans="1:3"><c r="A2" s="3" t="s"><v>0</v></c><c r="B2" s="7"><v>1</v></c></row>`);
    const out = written(xml, [[2, 1, 12.5], [2, 2, "=SUM(A1:A9)"]]);
    expect(out).toContain(`<row r="2" spans="1:3"><c r="A2" s="3"><v>12.5</v></c><c r="B2" s="7" t="inlineStr"><is><t xml:space="preserve">=SUM(A1:A9)</t></is></c></row>`);
    expect(out).not.toContain("<f>");
    expect(out.replace(/<sheetData>.*<\/sheetData>/, "")).toBe(xml.replace(/<sheetData>.*<\/sheetData>/, ""));
  });

  it("clears a cell (nothing to write) but keeps its style", () => {
    expect(written(sheet(`<row r="1"><c r="A1" s="4"><v>9</v></c></row>`), [[1, 1, undefined]])).toContain(`<row r="1"><c r="A1" s="4"/></row>`);
  });

  it("inserts missing cells and rows in order, drops the row's spans hint and widens the dimension", () => {
    const xml = sheet(`<row r="1" spans="1:1"><c r="A1"><v>1</v></c><c r="D1"><v>4</v></c></row><row r="5"><c r="A5"><v>5</v></c></row>`);
    const out = written(xml, [[1, 3, 3], [1, 2, 2], [3, 2, "x"], [2, 1, 0], [9, 5, 7]]);
    const cells = [...out.matchAll(/<c r="([A-Z]+\d+)"/g)].map((m) => m[1]);
    expect(cells).toEqual(["A1", "B1", "C1", "D1", "A2", "B3", "A5", "E9"]);
    expect(out).toContain(`<row r="1"><c r="A1">`);
    expect(out).toContain(`<dimension ref="A1:E9"/>`);
    expect(written(sheet("").replace("<sheetData></sheetData>", "<sheetData/>"), [[2, 2, 1]])).toContain(`<sheetData><row r="2"><c r="B2"><v>1</v></c></row></sheetData>`);
  });

  it("refuses the first cell of a shared formula (its followers would lose their formula); a follower is overwritten", () => {
    const xml = sheet(`<row r="1"><c r="A1"><f t="shared" ref="A1:A3" si="0">B1*2</f><v>2</v></c></row><row r="2"><c r="A2"><f t="shared" si="0"/><v>4</v></c></row>`);
    expect(writeCells(xml, writes([[1, 1, 5]]))).toEqual({ cannot: "A1 是共享公式 A1:A3 的首格" });
    const follower = writeCells(xml, writes([[2, 1, 5]]));
    expect(follower).toMatchObject({ formulaReplaced: true });
  });
});

describe("dropFormulaResults", () => {
  it("drops cached results and their type, and returns a sheet with none cached unchanged", () => {
    const xml = sheet(`<row r="1"><c r="A1" s="2" t="str"><f>B1&amp;"元"</f><v>3元</v></c><c r="B1"><v>3</v></c></row>`);
    expect(dropFormulaResults(xml)).toContain(`<c r="A1" s="2"><f>B1&amp;"元"</f></c><c r="B1"><v>3</v></c>`);
    // A self-closing cell before it does not take its body.
    const afterEmpty = sheet(`<row r="1"><c r="A1" s="1"/><c r="B1" t="str"><f>C1</f><v>x</v></c></row>`);
    expect(dropFormulaResults(afterEmpty)).toContain(`<row r="1"><c r="A1" s="1"/><c r="B1"><f>C1</f></c></row>`);
    const uncached = sheet(`<row r="1"><c r="A1" t="str"><f>B1</f></c></row>`);
    expect(dropFormulaResults(uncached)).toBe(uncached);
  });
});

describe("withFullCalcOnLoad", () => {
  it("sets the flag on calcPr, or adds calcPr before the elements that follow it", () => {
    expect(withFullCalcOnLoad(`<workbook><sheets/><calcPr calcId="1"/></workbook>`)).toBe(`<workbook><sheets/><calcPr calcId="1" fullCalcOnLoad="1"/></workbook>`);
    expect(withFullCalcOnLoad(`<workbook><sheets/><pivotCaches/></workbook>`)).toBe(`<workbook><sheets/><calcPr fullCalcOnLoad="1"/><pivotCaches/></workbook>`);
    const already = `<x:workbook><x:calcPr fullCalcOnLoad="1"/></x:workbook>`;
    expect(withFullCalcOnLoad(already)).toBe(already);
  });
});

describe("patchWorkbook", () => {
  /** A workbook as Excel saves it: cached results and a calculation chain. */
  async function calculatedWorkbook(): Promise<Buffer> {
    const workbook = new ExcelJS.Workbook();
    const data = workbook.addWorksheet("数据");
    data.getCell("A1").value = 1;
    data.getCell("A2").value = { formula: "A1*2", result: 2 } as ExcelJS.CellFormulaValue;
    const totals = workbook.addWorksheet("合计");
    totals.getCell("A1").value = { formula: "数据!A2+1", result: 3 } as ExcelJS.CellFormulaValue;
    workbook.addWorksheet("备注").getCell("A1").value = "手写说明";
    const zip = await JSZip.loadAsync(Buffer.from(await workbook.xlsx.writeBuffer()));
    zip.file("xl/calcChain.xml", `<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="A2" i="1"/><c r="A1" i="2"/></calcChain>`);
    const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
    zip.file("xl/_rels/workbook.xml.rels", rels.replace("</Relationships>", `<Relationship Id="rIdChain" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>`));
    const types = await zip.file("[Content_Types].xml")!.async("string");
    zip.file("[Content_Types].xml", types.replace("</Types>", `<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>`));
    const workbookXml = await zip.file("xl/workbook.xml")!.async("string");
    zip.file("xl/workbook.xml", workbookXml.replace(/<calcPr[^>]*\/>/, `<calcPr calcId="191029"/>`));
    return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
  }

  it("overwriting a formula removes the calculation chain, computes the results again and asks for a full calculation", async () => {
    const pkg = await openPackage("calc.xlsx", await calculatedWorkbook(), inflateParts);
    const before = new Map(await Promise.all(Object.keys(pkg.zip.files).map(async (n) => [n, await pkg.zip.file(n)?.async("string")] as const)));
    const outcome = await patchWorkbook(pkg, [{ address: "数据!A2", content: 5 }]);
    if (!("bytes" in outcome)) throw new Error(outcome.cannot);
    const zip = await JSZip.loadAsync(outcome.bytes);
    expect(zip.file("xl/calcChain.xml")).toBeNull();
    expect(await zip.file("xl/_rels/workbook.xml.rels")!.async("string")).not.toContain("calcChain");
    expect(await zip.file("[Content_Types].xml")!.async("string")).not.toContain("calcChain");
    expect(await zip.file("xl/workbook.xml")!.async("string")).toMatch(/<calcPr calcId="191029" fullCalcOnLoad="1"\/>/);
    const data = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    expect(data).toMatch(/<c r="A2"[^>]*><v>5<\/v><\/c>/);
    const totals = await zip.file("xl/worksheets/sheet2.xml")!.async("string");
    // 数据!A2 is now 5, so 数据!A2+1 is 6 (it was 3).
    expect(totals).toMatch(/<c r="A1"[^>]*><f>数据!A2\+1<\/f><v>6<\/v><\/c>/);
    // The sheet with no formula is copied as it was.
    expect(await zip.file("xl/worksheets/sheet3.xml")!.async("string")).toBe(before.get("xl/worksheets/sheet3.xml"));
    expect(await zip.file("xl/styles.xml")!.async("string")).toBe(before.get("xl/styles.xml"));
  });

  it("drops every result instead when one formula is beyond the core's evaluator (a function it does not know)", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("数据");
    sheet.getCell("A1").value = 1;
    sheet.getCell("A2").value = { formula: "A1*2", result: 2 } as ExcelJS.CellFormulaValue;
    sheet.getCell("B1").value = { formula: "XLOOKUP(1,A1:A2,A1:A2)", result: 1 } as ExcelJS.CellFormulaValue;
    const pkg = await openPackage("unknown.xlsx", Buffer.from(await workbook.xlsx.writeBuffer()), inflateParts);
    const outcome = await patchWorkbook(pkg, [{ address: "数据!A1", content: 5 }]);
    if (!("bytes" in outcome)) throw new Error(outcome.cannot);
    const zip = await JSZip.loadAsync(outcome.bytes);
    const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    expect(xml).toMatch(/<c r="A2"[^>]*><f>A1\*2<\/f><\/c>/);
    expect(xml).toMatch(/<c r="B1"[^>]*><f>XLOOKUP\(1,A1:A2,A1:A2\)<\/f><\/c>/);
    expect(await zip.file("xl/workbook.xml")!.async("string")).toContain('fullCalcOnLoad="1"');
  });

  it("writes text that looks like a formula, escapes or control characters as exactly that text", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("表").getCell("A1").value = 0;
    const pkg = await openPackage("text.xlsx", Buffer.from(await workbook.xlsx.writeBuffer()), inflateParts);
    const texts = ["=1+1", "+86 0730", "-3-5", "@SUM(A1)", "岳阳市科技局_x001B_[8m", "控制\u001b[8m字符", "  前后空格 ", "a & <b> \"c\""];
    const outcome = await patchWorkbook(pkg, texts.map((text, i) => ({ address: `表!B${i + 1}`, content: text })));
    if (!("bytes" in outcome)) throw new Error(outcome.cannot);
    const reread = new ExcelJS.Workbook();
    await reread.xlsx.load(outcome.bytes as unknown as ExcelJS.Buffer);
    const sheetRead = reread.getWorksheet("表")!;
    texts.forEach((text, i) => {
      const cell = sheetRead.getCell(`B${i + 1}`);
      expect(cell.formula, text).toBeUndefined();
      expect(normaliseCellValue(cell.value)).toBe(text);
    });
  });
});
