/**
 * `ziping import EXPORT --into FILE.xlsx --apply` into an officer's workbook edits only the
 * parts it must (the sheet it writes into) and copies every other zip entry as it was, so what
 * the officer added in Excel — chart, picture, comment, sparklines, x14 validations, custom
 * properties, pivot table — survives; and `ziping check` afterwards finds what it found after
 * the old whole-workbook (ExcelJS) write.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { type RawValue, type ReportData } from "../../src/core/spec";
import { loadWorkbookReport } from "../../src/hosts/xlsx/report";
import { dropFormulaResults } from "../../src/hosts/xlsx/sheet-xml";
import { loadSeed } from "../fixtures/load";
import { OFFICER_PARTS, officerWorkbook } from "../hosts/xlsx/officer-workbook";
import { checked, writeTheOldWay } from "../hosts/xlsx/old-write";
import { sameValue } from "../hosts/xlsx/seed-workbook";
import { runCli } from "./run-cli";

const seed = loadSeed(2020);
const seedJson = join(__dirname, "../fixtures/seed-2020.json");
const exportsDir = join(__dirname, "../fixtures/exports");
const tmp = mkdtempSync(join(tmpdir(), "ziping-surgical-"));
let n = 0;
const fresh = (ext = "xlsx") => join(tmp, `book-${++n}.${ext}`);
const units = seed.lists.units.map((u) => u.name).join(",");
const INCOME_SHEET = "xl/worksheets/sheet2.xml";

/** Entry name → its uncompressed bytes and its stored (compressed) bytes. */
async function entries(file: string): Promise<Map<string, { content: Buffer; stored: Buffer | undefined }>> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const out = new Map<string, { content: Buffer; stored: Buffer | undefined }>();
  for (const [name, entry] of Object.entries(zip.files)) {
    const data = (entry as unknown as { _data?: { compressedContent?: Uint8Array } })._data;
    out.set(name, { content: await entry.async("nodebuffer"), stored: data?.compressedContent ? Buffer.from(data.compressedContent) : undefined });
  }
  return out;
}

/** A worksheet's XML with its cells taken out: everything a cell write must leave alone. */
const outsideCells = (xml: string) => xml.replace(/<sheetData>[\s\S]*<\/sheetData>/, "<sheetData/>").replace(/<dimension [^>]*\/>/, "");

describe("import --apply into an officer's workbook (chart, picture, comment, sparklines, x14 validation, custom properties, pivot table)", () => {
  let book: string;
  let before: Map<string, { content: Buffer; stored: Buffer | undefined }>;
  let applied: Awaited<ReturnType<typeof runCli>>;
  beforeAll(async () => {
    const template = fresh();
    expect((await runCli(["template", "--out", template, "--units", units])).code).toBe(0);
    book = fresh();
    writeFileSync(book, await officerWorkbook(readFileSync(template)));
    before = await entries(book);
    applied = await runCli(["import", join(exportsDir, "income-yuan.tsv"), "--into", book, "--apply"]);
  });

  it("writes instead of refusing", () => {
    expect(applied.stderr).toBe("");
    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain(`已写入 ${book}`);
  });

  it("copies every entry but the 收入 sheet byte for byte (content and stored bytes), in the same order; other sheets change only in their formulas' cached results", async () => {
    const after = await entries(book);
    expect([...after.keys()]).toEqual([...before.keys()]);
    const files = [...after.keys()].filter((name) => !name.endsWith("/"));
    expect(files.filter((name) => after.get(name)!.stored).length).toBe(files.length);
    const changed = [...after].filter(([name, entry]) => !entry.content.equals(before.get(name)!.content)).map(([name]) => name);
    expect(changed).toContain(INCOME_SHEET);
    // The template stores its formulas' results; once a figure changes the write computes them
    // again (or drops them when it cannot). That is the only change elsewhere.
    const resultsChanged = changed.filter((name) => name !== INCOME_SHEET);
    const otherwise = resultsChanged.filter(
      (name) => dropFormulaResults(before.get(name)!.content.toString("utf8")) !== dropFormulaResults(after.get(name)!.content.toString("utf8")),
    );
    expect(otherwise).toEqual([]);
    const restored = [...after].filter(([name, entry]) => !changed.includes(name) && entry.stored && !entry.stored.equals(before.get(name)!.stored!)).map(([name]) => name);
    expect(restored, "entries whose compressed bytes were recompressed").toEqual([]);
    for (const part of OFFICER_PARTS) expect(after.get(part)?.content.equals(before.get(part)!.content), part).toBe(true);
  });

  it("leaves everything in the 收入 sheet outside its cells as it was: validations (no duplicates), drawing, comment anchor, sparklines, x14 validation", async () => {
    const after = (await entries(book)).get(INCOME_SHEET)!.content.toString("utf8");
    const was = before.get(INCOME_SHEET)!.content.toString("utf8");
    expect(outsideCells(after)).toBe(outsideCells(was));
    expect(after.match(/<dataValidation /g)).toHaveLength(1);
    expect(after).toContain("<x14:sparkline><xm:f>收入!C6:G6</xm:f>");
    expect(after).toContain("<xm:f>列表!$A$2:$A$4</xm:f>");
  });

  it("holds the values a .json import gets, in cells that keep their style", async () => {
    const asJson = fresh("json");
    expect((await runCli(["import", join(exportsDir, "income-yuan.tsv"), "--into", asJson, "--apply"])).code).toBe(0);
    const expected = JSON.parse(readFileSync(asJson, "utf8")) as ReportData;
    const report = await loadWorkbookReport(book);
    const written = Object.keys(expected.values);
    expect(written.length).toBeGreaterThan(5);
    for (const id of written) expect(sameValue(report.data.values[id], expected.values[id]), id).toBe(true);
    const styleOf = (xml: string, ref: string) => new RegExp(`<c r="${ref}"[^>]*?\\ss="(\\d+)"`).exec(xml)?.[1];
    const after = (await entries(book)).get(INCOME_SHEET)!.content.toString("utf8");
    const was = before.get(INCOME_SHEET)!.content.toString("utf8");
    const at = report.addresses.get("income.unit[1].carryover")!.replace(/^.*!/, "").replace(/\$/g, "");
    expect(styleOf(after, at)).toBeDefined();
    expect(styleOf(after, at)).toBe(styleOf(was, at));
    expect(after).toMatch(new RegExp(`<c r="${at}" s="\\d+"><v>241.49</v></c>`));
  });
});

describe("import --apply into a workbook with validations, sparklines and custom properties only (which the old write lost)", () => {
  it("keeps the custom properties, the x14 list validation and the sparklines, and does not duplicate the validation", async () => {
    const template = fresh();
    expect((await runCli(["template", "--out", template, "--units", units])).code).toBe(0);
    const book = fresh();
    writeFileSync(book, await officerWorkbook(readFileSync(template), { graphics: false }));
    const before = await entries(book);
    expect(before.has("xl/drawings/drawing1.xml")).toBe(false);
    const r = await runCli(["import", join(exportsDir, "income-yuan.tsv"), "--into", book, "--apply"]);
    expect(r.code).toBe(0);
    const after = await entries(book);
    expect(after.get("docProps/custom.xml")?.content.equals(before.get("docProps/custom.xml")!.content)).toBe(true);
    const sheet = after.get(INCOME_SHEET)!.content.toString("utf8");
    expect(outsideCells(sheet)).toBe(outsideCells(before.get(INCOME_SHEET)!.content.toString("utf8")));
    expect(sheet.match(/<dataValidation /g)).toHaveLength(1);
    expect(sheet).toContain("<xm:f>列表!$A$2:$A$4</xm:f>");
    expect(sheet).toContain("<x14:sparkline><xm:f>收入!C7:G7</xm:f>");
  });
});

describe("a cell that cannot be edited in place (the first cell of a shared formula)", () => {
  /** A template whose 收入!C6 (an input cell) the officer made the head of a shared formula over C6:D6. */
  async function withSharedFormula(graphics: boolean): Promise<string> {
    const template = fresh();
    expect((await runCli(["template", "--out", template, "--units", units])).code).toBe(0);
    const zip = await JSZip.loadAsync(graphics ? await officerWorkbook(readFileSync(template)) : readFileSync(template));
    const sheet = await zip.file(INCOME_SHEET)!.async("string");
    const shared = sheet.replace(/<c r="C6" s="(\d+)"\/><c r="D6" s="\1"\/>/, (_, style: string) => `<c r="C6" s="${style}"><f t="shared" ref="C6:D6" si="0">1+1</f></c><c r="D6" s="${style}"><f t="shared" si="0"/></c>`);
    expect(shared).not.toBe(sheet);
    zip.file(INCOME_SHEET, shared);
    const book = fresh();
    writeFileSync(book, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    return book;
  }

  it("is written by rewriting the whole workbook when nothing in it would be lost", async () => {
    const book = await withSharedFormula(false);
    const r = await runCli(["import", join(exportsDir, "income-yuan.tsv"), "--into", book, "--apply"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(String((await loadWorkbookReport(book)).data.values["income.unit[1].carryover"])).toBe("241.49");
  });

  it("is refused, naming what would be lost and why, when the workbook has a chart, a comment or a pivot table", async () => {
    const book = await withSharedFormula(true);
    const original = readFileSync(book);
    const r = await runCli(["import", join(exportsDir, "income-yuan.tsv"), "--into", book, "--apply"]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(new RegExp(`^${book}: 工作簿含有图表、批注、图片或图形、图片、数据透视表，.*（收入!C6 是共享公式 C6:D6 的首格）$`));
    expect(readFileSync(book).equals(original)).toBe(true);
  });
});

describe("`ziping check` after a surgical write finds what it found after the old whole-workbook write", () => {
  const exportFiles = ["income-yuan.tsv", "expense-gbk.csv", "econ-ledger.tsv", "budget-exec.xls", "assets.xlsx", "sangong-pdf.txt"];
  let filled: string;
  beforeAll(async () => {
    filled = fresh();
    expect((await runCli(["template", "--out", filled, "--data", seedJson])).code).toBe(0);
  });

  it.each(exportFiles)("%s into the template filled with the 2020 seed", async (name) => {
    const exported = join(exportsDir, name);
    const surgical = fresh();
    copyFileSync(filled, surgical);
    const planned = await runCli(["import", exported, "--into", surgical, "--json"]);
    const plan = (JSON.parse(planned.stdout) as { plan: { writes: Array<{ fieldId: string; value: RawValue }>; listAdds: unknown[] } }).plan;
    expect(plan.writes.length, name).toBeGreaterThan(0);
    expect(plan.listAdds).toEqual([]);
    const result = await runCli(["import", exported, "--into", surgical, "--apply"]);
    expect(result.stderr).toBe("");
    const old = fresh();
    copyFileSync(filled, old);
    await writeTheOldWay(old, plan.writes);
    // The old write left its formulas without results (and said so); the surgical one computes them.
    const [now, before] = [await checked(surgical), await checked(old)];
    expect(now.notes).toBeUndefined();
    expect(before.notes).toEqual([expect.stringMatching(/^\d+ 个公式单元格没有计算结果/)]);
    expect({ ...now, notes: undefined }).toEqual({ ...before, notes: undefined });
    expect((await loadWorkbookReport(surgical)).data).toEqual((await loadWorkbookReport(old)).data);
  });
});
