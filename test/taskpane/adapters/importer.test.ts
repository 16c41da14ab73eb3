import { readFileSync } from "node:fs";
import { join } from "node:path";
import { planImport } from "../../../src/core/importer";
import { defaultForm, type ReportData } from "../../../src/core/spec";
import { readExport } from "../../../src/cli/read-export";
import { decodeFile, gridText, listAdditions, planIsStale, planPaste, readPickedFile, writePairs } from "../../../src/taskpane/adapters/importer";
import { inflatingXlsx } from "../../hosts/xlsx/hostile-files";

const exportsDir = join(__dirname, "../../fixtures/exports");
const empty: ReportData = { form: defaultForm.id, lists: {}, values: {} };

describe("the 导入 tab's importer adapter", () => {
  it("decodes a GBK CSV from Chinese Windows software in the browser's own decoder", () => {
    const bytes = readFileSync(join(exportsDir, "expense-gbk.csv"));
    const decoded = decodeFile(new Uint8Array(bytes));
    expect(decoded.note).toMatch(/^GB18030：/);
    expect(decoded.text).toContain("支出");
    expect(decoded.text).not.toContain("\ufffd");
  });

  // The pane reads a picked spreadsheet with the browser's DecompressionStream (Node 20 has the
  // same one), the CLI with zlib: the same sheet must come out of both.
  it.each(["assets.xlsx", "budget-exec.xls"])("reads a picked %s to the cells the CLI reads, and plans them as the CLI does", async (name) => {
    const bytes = new Uint8Array(readFileSync(join(exportsDir, name)));
    const picked = await readPickedFile(name, bytes);
    const cli = await readExport(join(exportsDir, name));
    if (cli.kind !== "grid") throw new Error("the CLI read a spreadsheet as text");
    expect(picked.grid).toEqual(cli.grid);
    expect(picked.note).toContain(`工作表“${cli.sheet}”`);
    expect(picked.text).toBe(gridText(cli.grid));
    const plan = planPaste({ form: defaultForm, text: picked.text, grid: picked.grid, unit: "auto", reference: empty });
    expect(plan).toEqual(planImport(cli.grid, { form: defaultForm, reference: empty }));
    expect(plan.writes.length).toBeGreaterThan(0);
  });

  it("refuses a picked .xlsx that inflates past the limit while lying about its size, in one line naming it", async () => {
    const bomb = new Uint8Array(inflatingXlsx(300, false));
    await expect(readPickedFile("导出.xlsx", bomb)).rejects.toThrow(/^导出\.xlsx: 解压后超过 256\.0 MB（上限）/);
  });

  it("refuses an HTML table saved as .xls with what to do", async () => {
    const html = new TextEncoder().encode("<html><body><table><tr><td>收入</td></tr></table></body></html>");
    await expect(readPickedFile("导出.xls", html)).rejects.toThrow(/导出\.xls: 这是网页（HTML）格式的“Excel”文件，请在 Excel\/WPS 中另存为 \.xlsx 或 CSV/);
  });

  it("drops a UTF-8 byte-order mark", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode("收入\t1")]);
    expect(decodeFile(bytes).text).toBe("收入\t1");
  });

  it("passes the unit choice through (自动 = none given) and turns writes into session values", () => {
    const text = readFileSync(join(exportsDir, "income-yuan.tsv"), "utf8");
    const auto = planPaste({ form: defaultForm, text, unit: "auto", reference: empty });
    expect(auto).toEqual(planImport(text, { form: defaultForm, reference: empty }));
    expect(auto.unit?.how).toBe("stated");
    const given = planPaste({ form: defaultForm, text, unit: "万元", reference: empty });
    expect(given.unit).toMatchObject({ value: "万元", how: "given" });

    const pairs = writePairs(auto);
    expect(pairs.map(([id]) => id)).toEqual(auto.writes.map((w) => w.fieldId));
    for (const [i, [, value]] of pairs.entries()) {
      const raw = auto.writes[i].value;
      expect(value).toBe(raw !== null && typeof raw === "object" ? raw.value : raw);
    }
    expect(listAdditions(auto).map((a) => a.entry.name)).toEqual(["局机关", "科技信息管理办公室"]);
  });

  it("knows a plan is stale once the workbook's lists have moved", () => {
    const text = readFileSync(join(exportsDir, "income-yuan.tsv"), "utf8");
    const plan = planPaste({ form: defaultForm, text, unit: "auto", reference: empty });
    expect(planIsStale(plan, empty)).toBe(false);
    expect(planIsStale(plan, { ...empty, lists: { units: [{ name: "新单位" }] } })).toBe(true);
  });

  it("lists new entries in the plan's order, after the workbook's own", () => {
    const rows = Array.from({ length: 5 }, (_, i) => `新单位${i + 1}\t${i + 1}0,000.00\t${i + 1}0,000.00\t0.00\t0.00\t0.00\t0.00`);
    const text = ["单位：元", "机构名称\t收入合计\t年初结转和结余\t一般公共预算财政拨款\t政府性基金预算财政拨款\t纳入专户管理的非税收入拨款\t其他收入", ...rows].join("\n");
    const current: ReportData = { ...empty, lists: { units: [{ name: "局机关" }], funcBasic: [{ code: "2060101", name: "行政运行" }] } };
    const plan = planPaste({ form: defaultForm, text, unit: "auto", reference: current });
    const additions = listAdditions(plan);
    expect(additions.map((a) => a.entry.name)).toEqual(rows.map((r) => r.split("\t")[0]));
    expect(plan.listAdds.map((a) => a.index)).toEqual(rows.map((_, i) => i + 2));
  });
});
