/**
 * The report after last year's workbook was carried in (the 2019 → 2020 pair of
 * test/fixtures/prior-pair.ts, `import --prior --apply`): `ziping report` and the pane's 导出报告
 * (the same function the button runs) both print the 上年数 table with last year's figures and
 * the 与上年比较 sentences, as LibreOffice reads the .docx. Without last year's figures the table
 * is left out.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Decimal from "decimal.js";
import { scoredNarrative } from "../../src/cli/scored-narrative";
import { checkReport } from "../../src/core/check";
import { defaultForm } from "../../src/core/spec";
import { loadWorkbookReport } from "../../src/hosts/xlsx/report";
import { exportReport } from "../../src/taskpane/adapters/report-docx";
import { runCli } from "../cli/run-cli";
import { loadSeed } from "../fixtures/load";
import { report2019, YEAR_2019_TOTALS } from "../fixtures/prior-pair";
import { convertWithLibreOffice, libreOfficeGate } from "./soffice";

const { soffice, skip } = libreOfficeGate();
const TITLE = "上年数（与上年比较用）";
const YOY = ["exec.change.income", "exec.change.expense", "exec.change.assets", "staff.change"];

(skip ? describe.skip : describe)("the report with last year's figures (上年数 table, 与上年比较)", () => {
  const dir = mkdtempSync(join(tmpdir(), "ziping-lo-prior-"));
  const file = (name: string) => join(dir, name);
  const lines = new Map<string, string[]>();
  let sentences: string[];
  /** Every sentence `ziping report` writes (the 绩效 ones with the scoring table's figures). */
  let every: string[];

  beforeAll(async () => {
    const seed = loadSeed(2020);
    for (const [name, data] of [["2019", report2019()], ["2020", seed]] as const) {
      writeFileSync(file(`${name}.json`), JSON.stringify(data));
      const made = await runCli(["template", "--data", file(`${name}.json`), "--out", file(`${name}.xlsx`)]);
      expect(made.code, made.stderr).toBe(0);
    }
    // The 2020 workbook as it was, then with 2019's carried in.
    expect((await runCli(["report", file("2020.xlsx"), "--out", file("without.docx"), "--date", "2021年3月10日"])).code).toBe(0);
    const applied = await runCli(["import", file("2019.xlsx"), "--prior", "--into", file("2020.xlsx"), "--apply"]);
    expect(applied.code, applied.stderr).toBe(0);
    expect((await runCli(["report", file("2020.xlsx"), "--out", file("cli.docx"), "--date", "2021年3月10日"])).code).toBe(0);
    const { data } = await loadWorkbookReport(file("2020.xlsx"));
    const pane = await exportReport(defaultForm, data, checkReport(defaultForm, data).findings, "2021年3月10日");
    writeFileSync(file("pane.docx"), new Uint8Array(await pane.blob.arrayBuffer()));
    const text = await convertWithLibreOffice(soffice, [file("without.docx"), file("cli.docx"), file("pane.docx")], "txt:Text", file("txt"));
    for (const out of text.outputs) {
      const name = /(\w+)\.txt$/.exec(out)![1];
      lines.set(name, readFileSync(out, "utf8").replace(/^\uFEFF/, "").split(/\r?\n/).map((l) => l.trim()));
    }
    const narrative = scoredNarrative(defaultForm, data);
    every = narrative.paragraphs.flatMap((p) => (p.status === "ok" ? p.sentences.map((s) => s.text) : []));
    sentences = narrative.paragraphs.flatMap((p) => p.sentences).filter((s) => YOY.includes(s.id)).map((s) => s.text);
  }, 180_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("states the change on last year for 收入, 支出, 固定资产 and 在职人数, figures recomputed exactly", () => {
    expect(sentences).toHaveLength(4);
    const seed = loadSeed(2020);
    const d = new Decimal(String(seed.values["income.all.total"])).minus(YEAR_2019_TOTALS["income.all.total"]);
    const rate = d.abs().div(YEAR_2019_TOTALS["income.all.total"]).times(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
    expect(sentences.find((s) => s.startsWith("收入合计"))).toBe(`收入合计${String(seed.values["income.all.total"])}万元，比上年增加${d.toFixed(2)}万元，增长${rate}%`);
  });

  for (const name of ["cli", "pane"]) {
    it(`${name === "cli" ? "ziping report" : "the pane's 导出报告（Word）"}: the 上年数 table with 2019's figures, in 二, and every 与上年比较 sentence verbatim`, () => {
      const text = lines.get(name)!;
      const whole = text.join("\n");
      expect(sentences.filter((s) => !whole.includes(s))).toEqual([]);
      // The pane's export is the report the command line writes: the same sentences, 绩效 included.
      expect(every.some((s) => /预算调整率为[\d.]+%，得[\d.]+分/.test(s))).toBe(true);
      expect(every.filter((s) => !whole.includes(s))).toEqual([]);
      const at = text.indexOf(TITLE);
      expect(at).toBeGreaterThan(text.indexOf("二、部门（单位）收支情况"));
      expect(at).toBeLessThan(text.indexOf("三、部门（单位）整体支出绩效自评情况"));
      let from = at;
      for (const figure of ["1188.23", "1225.66", "144.71", "41"]) {
        const found = text.indexOf(figure, from + 1);
        expect(found, figure).toBeGreaterThan(from);
        from = found;
      }
    });
  }

  it("leaves the 上年数 table and the comparison out while last year's figures are not in", () => {
    const text = lines.get("without")!;
    expect(text).not.toContain(TITLE);
    expect(text.join("\n")).not.toContain("与上年比较，收入合计");
  });
});
