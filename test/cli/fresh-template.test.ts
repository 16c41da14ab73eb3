import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { cellIndex } from "../../src/core/spec/placement";
import { defaultForm } from "../../src/core/spec";
import { runCli } from "./run-cli";

const tmp = mkdtempSync(join(tmpdir(), "ziping-fresh-"));

describe("ziping check on a fresh ziping template", () => {
  it("says 尚未填写 instead of counting zero errors, and finds nothing wrong with the year it wrote", async () => {
    const file = join(tmp, "模板.xlsx");
    expect((await runCli(["template", "--out", file, "--year", "2025", "--dept", "某局"])).code).toBe(0);

    const { code, stdout } = await runCli(["check", file]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/模板\.xlsx: 尚未填写（\d+ 条规则都还没有可校验的数字）/);
    expect(stdout).not.toMatch(/个错误|规则通过/);
    const json = JSON.parse((await runCli(["check", file, "--json"])).stdout);
    expect(json.state).toBe("unfilled");

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const at = cellIndex(defaultForm, {}).get("report.year")!;
    expect(wb.getWorksheet(at.sheet)!.getCell(at.row, at.column).value).toBe(2025);
  });
});
