import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Dec } from "../../src/core/money";
import { FORM_MARKER_NAME } from "../../src/core/plan/names";
import { rawText } from "../../src/core/spec";
import { openWorkbook, openWorkbookForEditing } from "../../src/hosts/xlsx/open";
import { patchWorkbook } from "../../src/hosts/xlsx/patch";
import { loadWorkbookReport } from "../../src/hosts/xlsx/report";
import { runCli } from "./run-cli";

const exportFile = join(__dirname, "../fixtures/exports/income-yuan.tsv");
const tmp = mkdtempSync(join(tmpdir(), "ziping-relayout-"));
let n = 0;

/** A fresh template made without --units, with some cells written as an officer would. */
async function template(writes: Array<{ address: string; content: string | number }> = []): Promise<string> {
  const file = join(tmp, `模板-${++n}.xlsx`);
  expect((await runCli(["template", "--out", file, "--year", "2025"])).code).toBe(0);
  if (writes.length) {
    const patched = await patchWorkbook((await openWorkbook(file, FORM_MARKER_NAME)).package, writes);
    if (!("bytes" in patched)) throw new Error(patched.cannot);
    writeFileSync(file, patched.bytes);
  }
  return file;
}

/** The export's rows: unit name → its 6 figures in 元 (收入合计 first). */
function exportRows(): Map<string, Dec[]> {
  const rows = readFileSync(exportFile, "utf8").split(/\r?\n/).map((l) => l.split("\t"));
  const out = new Map<string, Dec[]>();
  for (const r of rows) {
    const m = /^\d、(.+)$/.exec(r[0] ?? "");
    if (m) out.set(m[1], r.slice(1, 7).map((x) => new Dec(x.replace(/,/g, ""))));
  }
  return out;
}

describe("ziping import --apply into a template made without --units", () => {
  it("adds the export's units by laying the template out again, and keeps what the workbook held", async () => {
    const file = await template([{ address: "报告综述!A4", content: "我局2025年度……（已写的综述）" }]);
    const { code, stdout } = await runCli(["import", exportFile, "--into", file, "--apply"]);
    expect(code).toBe(0);
    expect(stdout).toContain("重排模板");

    const report = await loadWorkbookReport(file);
    const units = exportRows();
    expect(report.data.lists.units?.map((u) => u.name)).toEqual([...units.keys()]);
    // Each unit's 上年结转 and 公共财政拨款, converted from 元 to 万元 by the test's own arithmetic.
    [...units.values()].forEach((figures, i) => {
      for (const [column, k] of [["carryover", 1], ["fiscal", 2]] as const) {
        const written = new Dec(String(rawText(report.data.values[`income.unit[${i + 1}].${column}`])));
        expect(written.eq(figures[k].div(10000).toDecimalPlaces(2, Dec.ROUND_HALF_UP)), `${i + 1}.${column}`).toBe(true);
      }
    });
    // The year the template wrote and the officer's 综述 are still there.
    expect(String(rawText(report.data.values["report.year"]))).toBe("2025");
    const book = await openWorkbookForEditing(file, FORM_MARKER_NAME);
    expect(book.workbook.getWorksheet("基本概况")!.getCell(report.addresses.get("report.year")!.split("!")[1]).value).toBe(2025);
    expect(book.workbook.getWorksheet("报告综述")!.getCell("A4").value).toBe("我局2025年度……（已写的综述）");
  });

  it("refuses, naming the cell and writing nothing, when laying out again would lose the officer's own note", async () => {
    const file = await template([{ address: "收入!J3", content: "核对人：张三" }]);
    const before = readFileSync(file);
    const { code, stderr } = await runCli(["import", exportFile, "--into", file, "--apply"]);
    expect(code).toBe(2);
    expect(stderr).toContain("收入!J3");
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});
