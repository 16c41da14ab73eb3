/**
 * `ziping import EXPORT --into 决算.xlsx --apply` with the two shapes the 决算 software prints
 * that an import must take apart: 公开01表 in two panels (收入 | 支出) and 公开07表 wide (one line
 * under 预算数 {…} | 决算数 {…}), both in 元 with thousands separators. The workbook is made by
 * `ziping template --form juesuan`; each written cell is read back and compared exactly.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { Dec } from "../../src/core/money";
import type { ImportPlan } from "../../src/core/importer";
import type { ReportData } from "../../src/core/spec";
import { sangongWideExport, summaryExport } from "../core/importer/juesuan-export-text";
import { runCli } from "./run-cli";

const tmp = mkdtempSync(join(tmpdir(), "ziping-juesuan-shapes-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const planted = JSON.parse(readFileSync(join(__dirname, "../fixtures/juesuan/planted-complete-2024.json"), "utf8")) as ReportData;

/** The value of a sheet-qualified address ('收入支出决算总表'!C5) in the workbook. */
function cellValue(wb: ExcelJS.Workbook, address: string): unknown {
  const bang = address.lastIndexOf("!");
  const sheet = address.slice(0, bang).replace(/^'|'$/g, "").replace(/''/g, "'");
  return wb.getWorksheet(sheet)!.getCell(address.slice(bang + 1)).value;
}

describe("ziping import into the 决算 workbook: panels and the wide 三公 export", () => {
  it("writes both sides of 公开01表 and the 12 三公 figures into their cells, 元 → 万元 exactly", async () => {
    const book = join(tmp, "决算.xlsx");
    expect((await runCli(["template", "--form", "juesuan", "--out", book])).code).toBe(0);

    const summary = join(tmp, "公开01表.tsv");
    writeFileSync(summary, summaryExport(planted, "元"));
    const first = await runCli(["import", summary, "--into", book, "--apply", "--json"]);
    const plan01 = JSON.parse(first.stdout).plan as ImportPlan;
    expect(first.code).toBe(0);
    expect(plan01.panels?.map((p) => p.table?.id)).toEqual(["income", "spending"]);

    const sangong = join(tmp, "公开07表.tsv");
    writeFileSync(sangong, sangongWideExport(planted));
    const second = await runCli(["import", sangong, "--into", book, "--apply", "--json"]);
    const plan07 = JSON.parse(second.stdout).plan as ImportPlan;
    // The planted 三公 slip (决算 合计 11.60 against 11.50) is what makes it exit 1.
    expect(second.code).toBe(1);
    expect(plan07.totals.filter((t) => t.status === "differs").map((t) => t.fieldId)).toEqual(["sangong.total.actual"]);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(book);
    const writes = [...plan01.writes, ...plan07.writes];
    expect(writes.length).toBeGreaterThan(10);
    for (const w of writes) {
      const expected = new Dec(planted.values[w.fieldId] as string);
      expect(new Dec(String(cellValue(wb, w.cell))).eq(expected), `${w.fieldId} at ${w.cell}`).toBe(true);
    }
    // The printed view names both tables of the panels.
    const printed = await runCli(["import", summary, "--into", book]);
    expect(printed.stdout).toContain("分2栏并排");
    // A record table's value column was matched by no name: no "（近似 undefined）" after it.
    expect(printed.stdout).not.toContain("undefined");
  });
});
