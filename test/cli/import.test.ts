import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Dec } from "../../src/core/money";
import { rawText, type ReportData } from "../../src/core/spec";
import ExcelJS from "exceljs";
import { decodeText, readExport } from "../../src/cli/read-export";
import { convertWithLibreOffice, libreOfficeGate } from "../libreoffice/soffice";
import { runCli } from "./run-cli";

const exportsDir = join(__dirname, "../fixtures/exports");
const seed = JSON.parse(readFileSync(join(__dirname, "../fixtures/seed-2020.json"), "utf8")) as ReportData;
const tmp = mkdtempSync(join(tmpdir(), "ziping-import-"));
let n = 0;
const fresh = () => join(tmp, `data-${++n}.json`);
const readData = (path: string) => JSON.parse(readFileSync(path, "utf8")) as ReportData;
const same = (a: unknown, b: string) => new Dec(String(rawText(a as never))).eq(new Dec(b));

describe("ziping import", () => {
  it("prints the plan and writes nothing without --apply", async () => {
    const into = fresh();
    const { code, stdout } = await runCli(["import", join(exportsDir, "income-yuan.tsv"), "--into", into]);
    expect(code).toBe(0);
    expect(existsSync(into)).toBe(false);
    expect(stdout).toContain("表：年度收入情况（income）");
    expect(stdout).toContain("单位：元");
    expect(stdout).toMatch(/收入!C6 {2}第7行第3列 “2,414,900.00” → 2414900.00 元 → 241.49 万元/);
    expect(stdout).toContain("第3列 “年初结转和结余” → 上年结转（同义词）");
    expect(stdout).toContain("加 --apply");
  });

  it("--apply writes the data file with the seed's figures (exact, marked exact) and the 机构 list", async () => {
    const into = fresh();
    const { code, stdout } = await runCli(["import", join(exportsDir, "expense-gbk.csv"), "--into", into, "--apply"]);
    expect(code).toBe(0);
    expect(stdout).toContain("gb18030");
    const data = readData(into);
    expect(data.lists.units.map((u) => u.name)).toEqual(seed.lists.units.map((u) => u.name));
    expect(Object.keys(data.values).length).toBeGreaterThan(0);
    for (const [id, value] of Object.entries(data.values)) {
      expect(same(value, seed.values[id] as string), id).toBe(true);
      expect(value).toMatchObject({ exact: true });
    }
    // The written file is one `ziping check` accepts.
    const check = await runCli(["check", "--data", into, "--json"]);
    expect(check.code).not.toBe(2);
  });

  it("imports into an existing data file, listing what it overwrites and reusing its 机构", async () => {
    const into = fresh();
    await runCli(["import", join(exportsDir, "income-yuan.tsv"), "--into", into, "--apply"]);
    const again = await runCli(["import", join(exportsDir, "sangong-pdf.txt"), "--into", into, "--json"]);
    const plan = JSON.parse(again.stdout).plan;
    expect(plan.listAdds).toEqual([]);
    expect(plan.rows.filter((r: { role: string }) => r.role === "entry").map((r: { how: string }) => r.how)).toEqual(["exact", "exact"]);
    const overwrite = await runCli(["import", join(exportsDir, "income-yuan.tsv"), "--into", into]);
    expect(overwrite.stdout).toMatch(/覆盖原值 241\.49/);
    expect(overwrite.stdout).toContain("其中覆盖原有数值 10 格");
  });

  it("reads .xlsx and .xls exports", async () => {
    const xlsx = await runCli(["import", join(exportsDir, "assets.xlsx"), "--into", fresh(), "--json"]);
    expect(xlsx.code).toBe(0);
    expect(JSON.parse(xlsx.stdout).source).toBe("xlsx 工作表“固定资产”");
    const xls = await runCli(["import", join(exportsDir, "budget-exec.xls"), "--into", fresh(), "--json"]);
    expect(xls.code).toBe(0);
    const plan = JSON.parse(xls.stdout).plan;
    expect(plan.table.id).toBe("budgetExec");
    expect(plan.writes.map((w: { fieldId: string; converted: string }) => [w.fieldId, w.converted])).toEqual([
      ["budgetExec.basic.budget", seed.values["budgetExec.basic.budget"]],
      ["budgetExec.basic.actual", "781"],
      ["budgetExec.project.budget", seed.values["budgetExec.project.budget"]],
      ["budgetExec.project.actual", "331.8"],
    ]);
  });

  it("exits 1 when a total differs from the template's sum (the seed's own 1112.80 vs 1112.79)", async () => {
    const { code, stdout } = await runCli(["import", join(exportsDir, "econ-ledger.tsv"), "--into", fresh()]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/预算与决算!C\d+ {2}“11,128,000.00” = 1112\.80 万元，模板合计 1112\.79 — 不一致/);
    expect(stdout).toContain("明细行 16 格");
  });

  it("--unit overrides what the export states, and --table picks the table", async () => {
    const { stdout } = await runCli(["import", join(exportsDir, "sangong-pdf.txt"), "--into", fresh(), "--unit", "元", "--table", "三公经费", "--json"]);
    const plan = JSON.parse(stdout).plan;
    expect(plan.unit).toMatchObject({ value: "元", how: "given" });
    expect(plan.table).toMatchObject({ id: "sangongByUnit", how: "given" });
    const reception = plan.writes.find((w: { fieldId: string }) => w.fieldId === "sangongByUnit.unit[1].reception");
    expect(reception.converted).toBe("0.00019");
  });

  it("exits 2 for a bad unit, an unknown table, a missing file, an unrecognisable paste", async () => {
    expect((await runCli(["import", join(exportsDir, "income-yuan.tsv"), "--into", fresh(), "--unit", "千元"])).code).toBe(2);
    const table = await runCli(["import", join(exportsDir, "income-yuan.tsv"), "--into", fresh(), "--table", "nosuch"]);
    expect(table.code).toBe(2);
    expect(table.stderr).toContain("未知的表");
    expect((await runCli(["import", join(tmp, "missing.csv"), "--into", fresh()])).stderr).toContain("文件不存在");
    const junk = join(tmp, "junk.txt");
    writeFileSync(junk, "hello\tworld\nfoo\tbar\n");
    const refused = await runCli(["import", junk, "--into", fresh(), "--apply"]);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe("");
    expect(refused.stderr).toBe(`${junk}: 无法导入：无法判断这些数据属于哪张表（表头和行名都对不上），请指定表名\n`);
  });
});

describe("decodeText", () => {
  it("reads UTF-8 with and without BOM, GBK, and UTF-16LE", () => {
    const text = "机构名称,收入合计\n局机关,1075.81\n";
    const utf8 = Buffer.from(text, "utf8");
    expect(decodeText(utf8).text).toBe(text);
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8])).text).toBe(text);
    const gbk = readFileSync(join(exportsDir, "expense-gbk.csv"));
    expect(decodeText(gbk).text).toContain("部门（单位）年度支出和结余情况");
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    expect(decodeText(utf16).text).toBe(text);
  });
});

describe("reading .xls (BIFF8) written by LibreOffice", () => {
  const gate = libreOfficeGate();
  (gate.skip ? it.skip : it)("reads the same cells as the .xlsx it was converted from: long shared strings across CONTINUE records, RK/MULRK and double numbers, formula results", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("明细");
    const long = "长文本".repeat(4000) + "END";
    ws.addRow(["标题", long]);
    for (let r = 0; r < 300; r++) ws.addRow([`科目${r}`, r, r * 100 + 0.25, -r / 100, 123456789012 + r / 4, `第${r}行“引号”`]);
    ws.addRow(["合计", { formula: "SUM(B2:B301)" }, { formula: 'CONCATENATE("a","b")' }, { formula: "1>0" }]);
    const dir = mkdtempSync(join(tmpdir(), "ziping-xls-"));
    const source = join(dir, "source.xlsx");
    writeFileSync(source, Buffer.from(await wb.xlsx.writeBuffer()));
    const { outputs } = await convertWithLibreOffice(gate.soffice, [source], "xls:MS Excel 97", dir);
    const xls = await readExport(outputs[0]);
    expect(xls).toMatchObject({ kind: "grid", format: "xls", sheet: "明细" });
    if (xls.kind !== "grid") return;
    const rows = xls.grid.rows;
    expect(rows[0]).toEqual(["标题", long]);
    for (let r = 0; r < 300; r++) {
      expect(rows[r + 1], `row ${r + 2}`).toEqual([
        `科目${r}`,
        String(r),
        new Dec(r).times(100).plus("0.25").toFixed(),
        new Dec(-r).div(100).toFixed(),
        new Dec("123456789012").plus(new Dec(r).div(4)).toFixed(),
        `第${r}行“引号”`,
      ]);
    }
    expect(rows[301]).toEqual(["合计", String((299 * 300) / 2), "ab", "TRUE"]);
  }, 120_000);
});
