import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { checkReport } from "../../src/core/check";
import { mofBumenJuesuan } from "../../src/core/spec/forms/mof-juesuan";
import type { ReportData } from "../../src/core/spec";
import { runCli } from "./run-cli";

const tmp = mkdtempSync(join(tmpdir(), "ziping-juesuan-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const PLANTED = join(__dirname, "../fixtures/juesuan/planted-complete-2024.json");

describe("ziping template --form juesuan: the 部门决算 workbook", () => {
  it("lays out the nine public tables from the spec and checks itself as not yet filled", async () => {
    const file = join(tmp, "决算.xlsx");
    const made = await runCli(["template", "--form", "juesuan", "--out", file, "--year", "2024", "--dept", "某局"]);
    expect(made.code).toBe(0);
    expect(made.stdout).toContain("部门决算公开表");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const names = wb.worksheets.map((w) => w.name);
    for (const sheet of mofBumenJuesuan.sheets) expect(names).toContain(sheet.name);

    const json = JSON.parse((await runCli(["check", file, "--json"])).stdout);
    expect(json.state).toBe("unfilled");
    // The form's id names it too, and the checks find the form by the workbook's own marker.
    expect((await runCli(["template", "--form", "mof-bumen-juesuan", "--out", join(tmp, "b.xlsx")])).code).toBe(0);
  });

  it("filled from a data file, `ziping check` finds in the workbook exactly what the core finds in the data", async () => {
    const file = join(tmp, "植入.xlsx");
    expect((await runCli(["template", "--data", PLANTED, "--out", file])).code).toBe(0);
    const { code, stdout } = await runCli(["check", file, "--json"]);
    const data = JSON.parse(readFileSync(PLANTED, "utf8")) as ReportData;
    const core = checkReport(mofBumenJuesuan, data);
    expect(JSON.parse(stdout).findings).toEqual(JSON.parse(JSON.stringify(core.findings)));
    expect(core.findings.filter((f) => f.severity === "error")).toHaveLength(7);
    expect(code).toBe(1);
  });

  it.each(["shanghai-putuo-shehuigongzuobu-2024", "shanghai-putuo-guihuaziyuan-2024", "shanghai-putuo-caizhengju-2024"])(
    "a real report's nine tables (%s) as a workbook: `ziping check` on the .xlsx finds exactly what the core finds in its data",
    async (name) => {
      const source = join(__dirname, `../fixtures/juesuan/${name}.json`);
      const file = join(tmp, `${name}.xlsx`);
      expect((await runCli(["template", "--data", source, "--out", file])).code).toBe(0);
      const { stdout } = await runCli(["check", file, "--json"]);
      const core = checkReport(mofBumenJuesuan, JSON.parse(readFileSync(source, "utf8")) as ReportData);
      expect(core.findings.length).toBeGreaterThan(0);
      expect(JSON.parse(stdout).findings).toEqual(JSON.parse(JSON.stringify(core.findings)));
    },
  );

  it("refuses an unknown built-in name in one line that names the forms there are", async () => {
    const { code, stdout, stderr } = await runCli(["template", "--form", "jusuan", "--out", join(tmp, "x.xlsx")]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toContain("juesuan（mof-bumen-juesuan）");
  });
});
