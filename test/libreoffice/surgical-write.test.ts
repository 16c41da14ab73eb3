/**
 * Surgical writes seen by a real spreadsheet program:
 *   - an officer's workbook (chart, picture, comment, sparklines, x14 validation, custom
 *     properties, pivot table) after `import --apply` still opens in LibreOffice, shows the
 *     imported figures, and LibreOffice still finds its chart, picture and pivot table;
 *   - a workbook LibreOffice saved with an autofilter (it adds an empty drawing part), once
 *     refused, is written;
 *   - a template filled with the 2020 seed and calculated by LibreOffice (every formula with a
 *     cached result): after each seed export is imported, `ziping check` finds what it found
 *     after the old whole-workbook write.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import type { RawValue } from "../../src/core/spec";
import { loadWorkbookReport } from "../../src/hosts/xlsx/report";
import { runCli } from "../cli/run-cli";
import { loadSeed } from "../fixtures/load";
import { officerWorkbook } from "../hosts/xlsx/officer-workbook";
import { checked, writeTheOldWay } from "../hosts/xlsx/old-write";
import { convertWithLibreOffice, libreOfficeGate } from "./soffice";

const { soffice, skip } = libreOfficeGate();
const seed = loadSeed(2020);
const seedJson = join(__dirname, "../fixtures/seed-2020.json");
const exportsDir = join(__dirname, "../fixtures/exports");
const tmp = mkdtempSync(join(tmpdir(), "ziping-lo-surgical-"));
const units = seed.lists.units.map((u) => u.name).join(",");
/** UTF-8 CSV of the second sheet (收入), values as shown. */
const INCOME_CSV = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,2";

function csvRows(file: string): string[][] {
  return readFileSync(file, "utf8")
    .split(/\r?\n/)
    .map((line) => line.split(","));
}

/** LibreOffice's own .xlsx of a workbook: what it understood of it. */
async function libreOfficeParts(file: string, outDir: string): Promise<string[]> {
  const { outputs } = await convertWithLibreOffice(soffice, [file], "xlsx", outDir);
  return Object.keys((await JSZip.loadAsync(readFileSync(outputs[0]))).files);
}

(skip ? describe.skip : describe)("surgical writes in LibreOffice", () => {
  it("an officer's workbook after import --apply opens with the imported figures, its chart, picture and pivot table", async () => {
    const template = join(tmp, "template.xlsx");
    expect((await runCli(["template", "--out", template, "--units", units])).code).toBe(0);
    const book = join(tmp, "officer.xlsx");
    writeFileSync(book, await officerWorkbook(readFileSync(template)));
    const r = await runCli(["import", join(exportsDir, "income-yuan.tsv"), "--into", book, "--apply"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const report = await loadWorkbookReport(book);
    const cell = report.addresses.get("income.unit[1].carryover")!; // 收入!C6
    const [, column, row] = /!\$?([A-Z]+)\$?(\d+)$/.exec(cell)!;
    const { outputs } = await convertWithLibreOffice(soffice, [book], INCOME_CSV, join(tmp, "csv"));
    const rows = csvRows(outputs[0]);
    expect(rows[Number(row) - 1][column.charCodeAt(0) - 65]).toBe("241.49");
    const parts = await libreOfficeParts(book, join(tmp, "lo-officer"));
    for (const kind of [/^xl\/charts\/chart\d+\.xml$/, /^xl\/media\//, /^xl\/pivotTables\/pivotTable\d+\.xml$/, /^xl\/comments\d*\.xml$/]) {
      expect(parts.some((p) => kind.test(p)), String(kind)).toBe(true);
    }
  });

  it("writes into a workbook LibreOffice saved with an autofilter (an empty drawing part)", async () => {
    const template = join(tmp, "filtered-source.xlsx");
    expect((await runCli(["template", "--out", template, "--units", units])).code).toBe(0);
    const zip = await JSZip.loadAsync(readFileSync(template));
    const sheet = await zip.file("xl/worksheets/sheet2.xml")!.async("string");
    zip.file("xl/worksheets/sheet2.xml", sheet.replace("</sheetData>", `</sheetData><autoFilter ref="A4:G7"/>`));
    // Excel's name for a sheet's filter range; LibreOffice keeps the filter only with it.
    const workbookXml = await zip.file("xl/workbook.xml")!.async("string");
    zip.file("xl/workbook.xml", workbookXml.replace("<definedNames>", `<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="1" hidden="1">收入!$A$4:$G$7</definedName>`));
    writeFileSync(template, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    const { outputs } = await convertWithLibreOffice(soffice, [template], "xlsx", join(tmp, "lo-filtered"));
    const saved = outputs[0];
    const names = Object.keys((await JSZip.loadAsync(readFileSync(saved))).files);
    expect(names.some((n) => n.startsWith("xl/drawings/")), "LibreOffice wrote a drawing part").toBe(true);
    const r = await runCli(["import", join(exportsDir, "income-yuan.tsv"), "--into", saved, "--apply"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(String((await loadWorkbookReport(saved)).data.values["income.unit[1].carryover"])).toBe("241.49");
  });

  describe("a seed-filled template calculated by LibreOffice", () => {
    const EXPORTS = ["income-yuan.tsv", "expense-gbk.csv", "econ-ledger.tsv", "budget-exec.xls", "assets.xlsx", "sangong-pdf.txt"];
    let calculated: string;
    beforeAll(async () => {
      const filled = join(tmp, "seed-filled.xlsx");
      expect((await runCli(["template", "--out", filled, "--data", seedJson])).code).toBe(0);
      calculated = (await convertWithLibreOffice(soffice, [filled], "xlsx", join(tmp, "lo-calculated"))).outputs[0];
    });

    it.each(EXPORTS)(
      "%s: check after the surgical write equals check after the old whole-workbook write",
      async (name) => {
        const exported = join(exportsDir, name);
        const surgical = join(tmp, `surgical-${name}.xlsx`);
        copyFileSync(calculated, surgical);
        const plan = (JSON.parse((await runCli(["import", exported, "--into", surgical, "--json"])).stdout) as { plan: { writes: Array<{ fieldId: string; value: RawValue }> } }).plan;
        expect(plan.writes.length).toBeGreaterThan(0);
        const r = await runCli(["import", exported, "--into", surgical, "--apply"]);
        expect(r.stderr).toBe("");
        const old = join(tmp, `old-${name}.xlsx`);
        copyFileSync(calculated, old);
        await writeTheOldWay(old, plan.writes);
        // The old write left its formulas without results (and said so); the surgical one computes them.
        const [now, before] = [await checked(surgical), await checked(old)];
        expect(now.notes).toBeUndefined();
        expect(before.notes).toEqual([expect.stringMatching(/^\d+ 个公式单元格没有计算结果/)]);
        expect({ ...now, notes: undefined }).toEqual({ ...before, notes: undefined });
      },
    );

    it("the results the surgical writes computed are LibreOffice's own: recalculated, every file checks the same", async () => {
      const written = EXPORTS.map((name) => join(tmp, `surgical-${name}.xlsx`));
      const { outputs } = await convertWithLibreOffice(soffice, written, "xlsx", join(tmp, "lo-recalculated"));
      for (const [i, file] of written.entries()) expect(await checked(outputs[i]), EXPORTS[i]).toEqual(await checked(file));
    });
  });
});
