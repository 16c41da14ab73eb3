/**
 * Issue 18: `check` reads a template's cells straight from the package instead of loading it
 * into ExcelJS. Held here to ExcelJS's reading of the same files: the data, the cells it was read
 * from, the notes and every finding are the same, for the seeds and for workbooks carrying what
 * other programs save — inline strings (plain and rich), shared strings with escapes, dates
 * under built-in and custom formats, booleans, errors, text in a number's place, formulas with
 * and without cached results, a merge over a figure, the 1904 date system, and a hostile
 * whole-sheet name. (Where the two differ on purpose — date1904="true", dates before
 * 1900-03-01 — the package reader follows Excel, and the tests below say so.)
 */
import JSZip from "jszip";
import { checkReport, templateLocator } from "../../../src/core/check";
import { tableBodyName } from "../../../src/core/plan/names";
import { defaultForm, type ReportData } from "../../../src/core/spec";
import { FORM_MARKER_NAME } from "../../../src/core/plan/names";
import { loadIntoExcelJs, openWorkbook } from "../../../src/hosts/xlsx/open";
import { inflateParts } from "../../../src/hosts/xlsx/inflate-sync";
import { openPackage } from "../../../src/hosts/xlsx/package";
import { readReport, recogniseForm } from "../../../src/hosts/xlsx/report";
import { loadSeed } from "../../fixtures/load";
import { excelJsCells } from "./exceljs-cells";
import { refusal } from "./bad-files";
import { withDefinedName } from "./hostile-files";
import { filledWorkbook } from "./seed-workbook";

/** What `check` reports of a workbook, read by the package reader or by ExcelJS. */
async function checked(bytes: Buffer, reader: "package" | "exceljs") {
  const book = await openWorkbook("f.xlsx", FORM_MARKER_NAME, bytes);
  const form = recogniseForm(book, [defaultForm]);
  const cells = reader === "package" ? book.cells : excelJsCells(await loadIntoExcelJs(book, bytes));
  const report = readReport(book, form, cells);
  const laidOut = templateLocator(form, report.data);
  const findings = checkReport(form, report.data, (id) => report.addresses.get(id) ?? laidOut(id)).findings;
  return { data: report.data, addresses: [...report.addresses], notes: report.notes, uncalculated: report.uncalculated, findings };
}

/** Replaces one cell element of a sheet's XML (its style kept unless `attrs` sets one). */
function setCell(xml: string, ref: string, attrs: string, body: string): string {
  const pattern = new RegExp(`<c r="${ref}"([^>]*?)(?:/>|>[\\s\\S]*?</c>)`);
  const found = pattern.exec(xml);
  if (!found) throw new Error(`no cell ${ref}`);
  const style = / s="\d+"/.exec(found[1])?.[0] ?? "";
  const kept = / s="/.test(attrs) ? "" : style;
  return xml.replace(pattern, `<c r="${ref}"${kept}${attrs}>${body}</c>`);
}

/** Adds a cell style with this number format (built-in id, or a custom code); returns its index. */
function addDateStyle(styles: string, numFmtId: number, code?: string): { styles: string; index: number } {
  let out = styles;
  if (code !== undefined) {
    const numFmt = `<numFmt numFmtId="${numFmtId}" formatCode="${code.replace(/"/g, "&quot;")}"/>`;
    out = /<numFmts\b[^>]*>/.test(out)
      ? out.replace(/(<numFmts\b[^>]*>)/, `$1${numFmt}`)
      : out.replace(/(<styleSheet\b[^>]*>)/, `$1<numFmts count="1">${numFmt}</numFmts>`);
  }
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(out)!;
  const index = [...xfs[1].matchAll(/<xf\b/g)].length;
  out = out.replace("</cellXfs>", `<xf numFmtId="${numFmtId}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>`);
  return { styles: out, index };
}

interface Variant {
  /** The workbook's date system as workbookPr states it (undefined: the 1900 system). */
  date1904?: "1" | "true";
}

/**
 * The 2020 seed, totals left as formulas, with cells as other programs save them. Returns the
 * bytes and the date the serial 43,895 stands for in the workbook's date system.
 */
async function variedWorkbook({ date1904 }: Variant = {}): Promise<Buffer> {
  const { bytes } = await filledWorkbook(loadSeed(2020), { keepFormulas: true });
  const pkg = await openPackage("v.xlsx", bytes, inflateParts);
  const zip = await JSZip.loadAsync(bytes);
  const part = (sheet: string) => pkg.sheetParts.get(sheet)!;
  const read = async (path: string) => zip.file(path)!.async("string");

  let styles = await read("xl/styles.xml");
  const builtIn = addDateStyle(styles, 14);
  const custom = addDateStyle(builtIn.styles, 190, 'yyyy"年"m"月"d"日"');
  styles = custom.styles;
  zip.file("xl/styles.xml", styles);

  let strings = await read("xl/sharedStrings.xml");
  const count = [...strings.matchAll(/<si>/g)].length;
  strings = strings.replace("</sst>", "<si><t>二级_x0009_机构 &amp; 附属</t></si><si><r><t>三级</t></r><r><rPr><b/></rPr><t>机构</t></r><rPh sb=\"0\" eb=\"2\"><t>さん</t></rPh></si></sst>");
  zip.file("xl/sharedStrings.xml", strings);

  let basic = await read(part("基本概况"));
  basic = setCell(basic, "B4", ' t="inlineStr"', "<is><r><t>岳阳市</t></r><r><rPr><b/></rPr><t>科技局 &amp; 局机关</t></r></is>");
  basic = setCell(basic, "B6", ' t="s"', `<v>${count}</v>`);
  zip.file(part("基本概况"), basic);

  let income = await read(part("收入"));
  income = setCell(income, "A6", ' t="inlineStr"', "<is><t>局机关</t></is>");
  income = setCell(income, "A7", ' t="s"', `<v>${count + 1}</v>`);
  income = setCell(income, "C6", ` s="${builtIn.index}"`, "<v>43895</v>");
  income = setCell(income, "D6", ` s="${custom.index}"`, "<v>43900.75</v>");
  income = setCell(income, "E6", ' t="b"', "<v>1</v>");
  income = setCell(income, "F6", ' t="e"', "<v>#DIV/0!</v>");
  income = setCell(income, "G6", ' t="str"', "<v>1,234.50</v>");
  income = setCell(income, "C7", "", "<v>12.5</v>");
  // Totals as Excel saves them: formula and cached result (one a 0), the rest left uncalculated.
  income = income.replace(/<c r="B6"([^>]*)><f>([^<]*)<\/f><\/c>/, '<c r="B6"$1><f>$2</f><v>0</v></c>');
  income = income.replace(/<c r="B7"([^>]*)><f>([^<]*)<\/f><\/c>/, '<c r="B7"$1><f>$2</f><v>1027.81</v></c>');
  const merge = '<mergeCell ref="F7:G7"/>';
  income = /<mergeCells\b[^>]*>/.test(income) ? income.replace(/(<mergeCells\b[^>]*>)/, `$1${merge}`) : income.replace("</sheetData>", `</sheetData><mergeCells count="1">${merge}</mergeCells>`);
  zip.file(part("收入"), income);

  if (date1904) {
    let workbook = await read(pkg.workbookPath);
    workbook = /<workbookPr\b/.test(workbook)
      ? workbook.replace(/<workbookPr\b/, `<workbookPr date1904="${date1904}"`)
      : workbook.replace(/(<workbook\b[^>]*>)/, `$1<workbookPr date1904="${date1904}"/>`);
    zip.file(pkg.workbookPath, workbook);
  }
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

const values = (data: ReportData, ids: string[]) => ids.map((id) => data.values[id]);

describe("issue 18: the package reader reads what ExcelJS read", () => {
  const seeds: Array<[string, () => Promise<Buffer>]> = [
    ["the 2020 seed, every figure typed", async () => (await filledWorkbook(loadSeed(2020))).bytes],
    ["the 2025 seed, every figure typed", async () => (await filledWorkbook(loadSeed(2025))).bytes],
    ["the 2020 seed, totals as formulas without results", async () => (await filledWorkbook(loadSeed(2020), { keepFormulas: true })).bytes],
    ["a workbook with cells as other programs save them", () => variedWorkbook()],
    ["the same in the 1904 date system", () => variedWorkbook({ date1904: "1" })],
    ["a defined name over the whole sheet", async () => withDefinedName((await filledWorkbook(loadSeed(2020))).bytes, tableBodyName("income"), "收入!$A$1:$XFD$1048576")],
  ];

  for (const [what, make] of seeds) {
    it(`${what}: the same data, cells, notes and findings`, async () => {
      const bytes = await make();
      const ours = await checked(bytes, "package");
      const theirs = await checked(bytes, "exceljs");
      expect(ours).toEqual(theirs);
      expect(ours.findings.length + ours.notes.length).toBeGreaterThan(0);
    });
  }

  it("the varied workbook really carries each kind of cell, read as Excel shows it", async () => {
    const { data, addresses, findings, uncalculated } = await checked(await variedWorkbook(), "package");
    const at = (cell: string) => data.values[addresses.find(([, a]) => a === cell)![0]];
    expect(values(data, ["report.dept", "income.unit[1].carryover", "income.unit[1].fiscal", "income.unit[1].fund", "income.unit[1].nontax", "income.unit[1].other"])).toEqual([
      "岳阳市科技局 & 局机关",
      "2020-03-05",
      "2020-03-10",
      "TRUE",
      "#DIV/0!",
      "1,234.50",
    ]);
    expect(data.lists.units.map((u) => u.name)).toEqual(expect.arrayContaining(["局机关", "三级机构"]));
    expect(values(data, ["report.selfRef"])).toEqual(["二级\t机构 & 附属"]);
    // Formula results as cached (B6's 0 kept), a plain number, and the cell a merge covers.
    expect(["收入!B6", "收入!B7", "收入!C7", "收入!G7"].map(at)).toEqual(["0", "1027.81", "12.5", undefined]);
    expect(uncalculated).toContain("收入!B5");
    expect(uncalculated).not.toContain("收入!B6");
    expect(uncalculated).not.toContain("收入!B7");
    // A date where a figure belongs is reported as not a figure, naming the cell.
    expect(findings.some((f) => JSON.stringify(f).includes("2020-03-05"))).toBe(true);
  });

  it("in the 1904 date system the same serial is four years and a day later", async () => {
    const { data } = await checked(await variedWorkbook({ date1904: "1" }), "package");
    expect(values(data, ["income.unit[1].carryover", "income.unit[1].fiscal"])).toEqual(["2024-03-06", "2024-03-11"]);
  });

  it("date1904=\"true\" (an xsd:boolean, as some programs write it) is the 1904 system too — ExcelJS read it as 1900", async () => {
    const bytes = await variedWorkbook({ date1904: "true" });
    expect(values((await checked(bytes, "package")).data, ["income.unit[1].carryover"])).toEqual(["2024-03-06"]);
    expect(values((await checked(bytes, "exceljs")).data, ["income.unit[1].carryover"])).toEqual(["2020-03-05"]);
  });


  it("a cell pointing at a shared string by something not a number, or a sheet cut after its last row, is a damaged file (exit 2), not an empty cell", async () => {
    const { bytes } = await filledWorkbook(loadSeed(2020));
    const pkg = await openPackage("v.xlsx", bytes, inflateParts);
    const path = pkg.sheetParts.get("收入")!;
    const edited = async (edit: (xml: string) => string) => {
      const zip = await JSZip.loadAsync(bytes);
      zip.file(path, edit(await zip.file(path)!.async("string")));
      return zip.generateAsync({ type: "nodebuffer" });
    };
    const bad = await edited((xml) => setCell(xml, "A6", ' t="s"', "<v>局机关</v>"));
    const badIndex = await refusal("bad.xlsx", bad);
    expect(badIndex.problem).toBe("corrupt");
    expect(badIndex.message).toMatch(/^bad\.xlsx: 文件已损坏（工作表“收入”第 6 行第 1 列/);
    const cut = await refusal("cut.xlsx", await edited((xml) => xml.slice(0, xml.indexOf("</sheetData>"))));
    expect(cut.problem).toBe("corrupt");
    expect(cut.message).toMatch(/^cut\.xlsx: 文件已损坏（.*不完整）/);
  });
});
