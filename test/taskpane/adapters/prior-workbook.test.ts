/**
 * 导入上年工作簿's reading and planning, on the 2019 → 2020 pair built from the seed
 * (test/fixtures/prior-pair.ts): the pane reads last year's .xlsx as the CLI's reader does, plans
 * the cells `ziping import --prior` carries (the same core carryForward), lists what it would
 * replace, and names both cells of a 上年 figure that differs (core priorFindings).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Decimal from "decimal.js";
import { PRIOR_DRAFT_MARK } from "../../../src/core/prior/carry";
import { defaultForm, rawText, type RawValue, type ReportData } from "../../../src/core/spec";
import { loadWorkbookReport } from "../../../src/hosts/xlsx/report";
import { planPriorImport, priorWrites, readLastYear } from "../../../src/taskpane/adapters/prior-workbook";
import { runCli } from "../../cli/run-cli";
import { loadSeed } from "../../fixtures/load";
import { report2019 } from "../../fixtures/prior-pair";

const seed = loadSeed(2020);
const text = (v: RawValue | undefined): string => String(rawText(v ?? null) ?? "");
/** Two readings of one figure agree: 5.34 (a number) and "5.34" (text) alike. */
const same = (a: RawValue | undefined, b: RawValue | undefined): boolean => {
  const [x, y] = [text(a), text(b)];
  return x === y || (/^-?[\d.]+$/.test(x) && /^-?[\d.]+$/.test(y) && new Decimal(x).eq(new Decimal(y)));
};

describe("导入上年工作簿: reading last year's workbook and planning the import", () => {
  const dir = mkdtempSync(join(tmpdir(), "ziping-pane-prior-"));
  const workbook = async (name: string, data: ReportData): Promise<string> => {
    writeFileSync(join(dir, `${name}.json`), JSON.stringify(data));
    const made = await runCli(["template", "--data", join(dir, `${name}.json`), "--out", join(dir, `${name}.xlsx`)]);
    expect(made.code, made.stderr).toBe(0);
    return join(dir, `${name}.xlsx`);
  };
  const bytesOf = (file: string) => new Uint8Array(readFileSync(file));
  let last: string;
  beforeAll(async () => {
    last = await workbook("2019", report2019());
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("reads last year's values and cells as the CLI's reader does", async () => {
    const pane = await readLastYear("2019.xlsx", bytesOf(last), defaultForm);
    const cli = await loadWorkbookReport(last);
    expect(pane.data.lists).toEqual(cli.data.lists);
    const ids = Object.keys(cli.data.values);
    expect(ids.length).toBeGreaterThan(20);
    expect(ids.filter((id) => !same(pane.data.values[id], cli.data.values[id]))).toEqual([]);
    expect(new Map(pane.addresses)).toEqual(new Map(cli.addresses));
  });

  it("plans, into an empty workbook, exactly what `ziping import --prior` carries, from the same cells", async () => {
    const into = join(dir, "2020-empty.json");
    const planned = await runCli(["import", last, "--prior", "--into", into, "--json"]);
    expect(planned.code, planned.stderr).toBe(0);
    const carried = (JSON.parse(planned.stdout) as { carried: Array<{ fieldId: string; value: RawValue; from: string; why: string }> }).carried;
    const pane = await readLastYear("2019.xlsx", bytesOf(last), defaultForm);
    const plan = planPriorImport(defaultForm, { form: seed.form, lists: seed.lists, values: {} }, pane);
    expect(plan.rows.map((r) => [r.fieldId, r.from, r.why])).toEqual(carried.map((c) => [c.fieldId, c.from, c.why]));
    for (const [i, r] of plan.rows.entries()) expect(same(r.value, carried[i].value), r.fieldId).toBe(true);
    expect(plan.rows.some((r) => r.replaces !== undefined)).toBe(false);
    const drafts = plan.rows.filter((r) => r.why === "draft");
    expect(drafts.length).toBeGreaterThanOrEqual(5);
    for (const d of drafts) expect(String(d.value).startsWith(PRIOR_DRAFT_MARK)).toBe(true);
    // Each row says where it goes and where it comes from.
    const reception = plan.rows.find((r) => r.fieldId === "sangong.reception.prior")!;
    expect(reception.cell).toMatch(/三公/);
    expect(reception.fromCell).toBe(pane.addresses.get("sangong.reception.current"));
    expect(reception.label).toContain("公务接待费");
    expect(priorWrites([reception])).toEqual({ "sangong.reception.prior": text(report2019().values["sangong.reception.current"]) });
  });

  it("lists a cell the officer filled with something else as a replacement, and the differing 上年 figure naming both cells", async () => {
    const changed = await workbook("2019-changed", report2019({ "sangong.reception.current": "3.54" }));
    const pane = await readLastYear("2019-changed.xlsx", bytesOf(changed), defaultForm);
    const plan = planPriorImport(defaultForm, seed, pane);
    // The seed's other 上年 figures equal last year's: nothing to write for them; its empty 上年数
    // table is filled; the one figure it states otherwise would be replaced, if the officer says so.
    const figures = plan.rows.filter((r) => r.why === "prior" && r.replaces !== undefined);
    expect(figures.map((r) => [r.fieldId, r.replaces, text(r.value)])).toEqual([["sangong.reception.prior", text(seed.values["sangong.reception.prior"]), "3.54"]]);
    expect(plan.rows.filter((r) => r.why === "prior" && r.replaces === undefined).map((r) => r.fieldId)).toEqual([
      "lastYear.incomeTotal",
      "lastYear.expenseTotal",
      "lastYear.assetsTotal",
      "lastYear.inService",
    ]);
    expect(plan.findings).toHaveLength(1);
    const [finding] = plan.findings;
    expect(finding.cells).toEqual([figures[0].cell, `2019-changed.xlsx ${pane.addresses.get("sangong.reception.current")}`]);
    expect(finding.message).toContain("相差0.10万元");
  }, 60_000);

  it("refuses a file that is not a ZiPing workbook in one line naming it", async () => {
    const bytes = new Uint8Array(readFileSync(join(__dirname, "..", "..", "fixtures", "exports", "assets.xlsx")));
    await expect(readLastYear("资产导出.xlsx", bytes, defaultForm)).rejects.toThrow(/^资产导出\.xlsx: 不是 ZiPing 自评表模板/);
    await expect(readLastYear("记事.xlsx", new TextEncoder().encode("不是工作簿"), defaultForm)).rejects.toThrow(/^记事\.xlsx: 不是 Excel 工作簿/);
    // Another form's workbook (the 部门决算) is not last year's 自评表.
    const juesuan = join(dir, "决算.xlsx");
    expect((await runCli(["template", "--form", "juesuan", "--out", juesuan])).code).toBe(0);
    await expect(readLastYear("决算.xlsx", bytesOf(juesuan), defaultForm)).rejects.toThrow(/^决算\.xlsx: 是另一种报表（.+）的工作簿，与本工作簿的「.+」不同/);
  });
});
