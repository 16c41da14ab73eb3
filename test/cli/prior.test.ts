/**
 * Last year's workbook carried into this year's, on a 2019 → 2020 pair built from the 2020 seed
 * (岳阳市科技局 2020年度 自评报告, test/fixtures/seed-2020.json): the 2019 workbook's 本年 figures
 * are the seed's 上年 figures (三公经费 by item, 年末累计结余 = 2020's 上年结转, 本年指标结余 =
 * 2020's 上年结余), its prose the seed report's own paragraphs. The 2020 report states no 上年
 * 收入合计, 支出合计, 固定资产 or 在职人数, so 2019's are chosen here (YEAR_2019_TOTALS) to give an
 * increase, a decrease, a 持平 and a smaller headcount; the sentences' figures are recomputed below
 * with decimal.js, not copied.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import Decimal from "decimal.js";
import { join } from "node:path";
import { PRIOR_DRAFT_MARK } from "../../src/core/prior/carry";
import { priorPairs } from "../../src/core/prior/pairs";
import { defaultForm, rawText, type RawValue, type ReportData } from "../../src/core/spec";
import { loadWorkbookReport } from "../../src/hosts/xlsx/report";
import { loadSeed } from "../fixtures/load";
import { seedReportText } from "../fixtures/report-text";
import { report2019, YEAR_2019_TOTALS } from "../fixtures/prior-pair";
import { runCli } from "./run-cli";

const seed = loadSeed(2020);
const prose = seedReportText(2020);
const pairs = priorPairs(defaultForm, seed.lists, seed.lists);
const PROSE_FIELDS = defaultForm.priorYear!.prose!.filter((f) => prose[f] !== undefined || seed.values[f] !== undefined);

const text = (v: RawValue | undefined): string => String(rawText(v ?? null) ?? "");

/** A change on the prior year as the sentence words it, from exact decimals (rates half up to 2 places). */
function changeWords(current: string, prior: string, unit: "万元" | "人"): string {
  const [a, b] = [new Decimal(current), new Decimal(prior)];
  const d = a.minus(b);
  const places = unit === "人" ? 0 : 2;
  if (d.isZero()) return "与上年持平";
  if (b.isZero()) return `上年为0，本年新增${d.abs().toFixed(places)}${unit}`;
  const rate = d.abs().div(b).times(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
  return `比上年${d.isPositive() ? "增加" : "减少"}${d.abs().toFixed(places)}${unit}，${d.isPositive() ? "增长" : "下降"}${rate}%`;
}

type Narrated = { paragraphs: Array<{ id: string; text?: string; sentences: Array<{ id: string; text: string }> }> };
const sentenceOf = (out: Narrated, id: string): string | undefined => out.paragraphs.flatMap((p) => p.sentences ?? []).find((s) => s.id === id)?.text;
const YOY_SENTENCES = ["staff.change", "exec.change.income", "exec.change.expense", "exec.change.assets"];

describe("last year's workbook (--prior)", () => {
  const dir = mkdtempSync(join(tmpdir(), "ziping-prior-"));
  const file = (name: string) => join(dir, name);
  const workbook = async (name: string, data: ReportData): Promise<string> => {
    writeFileSync(file(`${name}.json`), JSON.stringify(data));
    const made = await runCli(["template", "--data", file(`${name}.json`), "--out", file(`${name}.xlsx`)]);
    expect(made.code, made.stderr).toBe(0);
    return file(`${name}.xlsx`);
  };
  let last: string;
  let current: string;
  beforeAll(async () => {
    last = await workbook("2019", report2019());
    current = await workbook("2020", seed);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("pairs every 上年 figure of the form with last year's 本年 figure (三公 by item, 上年结转, 上年结余, the 上年数 table)", () => {
    expect(pairs.map((p) => `${p.prior}←${p.current}`)).toEqual([
      "sangong.reception.prior←sangong.reception.current",
      "sangong.vehicleOps.prior←sangong.vehicleOps.current",
      "sangong.abroad.prior←sangong.abroad.current",
      "sangong.vehiclePurchase.prior←sangong.vehiclePurchase.current",
      "sangong.total.prior←sangong.total.current",
      "income.all.carryover←expense.all.cumBalance",
      "income.unit[1].carryover←expense.unit[1].cumBalance",
      "income.unit[2].carryover←expense.unit[2].cumBalance",
      "fiscalIncome.all.priorBalance←fiscalIncome.all.yearBalance",
      "fiscalIncome.unit[1].priorBalance←fiscalIncome.unit[1].yearBalance",
      "lastYear.incomeTotal←income.all.total",
      "lastYear.expenseTotal←expense.all.total",
      "lastYear.assetsTotal←assets.all.total",
      "lastYear.inService←staff.inService",
    ]);
    // Entries pair by name: a unit listed in another order last year still finds its figure.
    const swapped = priorPairs(defaultForm, seed.lists, { ...seed.lists, units: [...seed.lists.units].reverse() });
    expect(swapped.find((p) => p.prior === "income.unit[1].carryover")?.current).toBe("expense.unit[2].cumBalance");
  });

  it("check --prior: the seed's 上年 figures equal the 2019 workbook's 本年 figures", async () => {
    const r = await runCli(["check", current, "--prior", last, "--json"]);
    const findings = (JSON.parse(r.stdout) as { findings: Array<{ kind: string }> }).findings;
    expect(findings.filter((f) => f.kind === "prior")).toEqual([]);
  });

  it("check --prior: one figure changed in last year's workbook is reported once, naming both cells", async () => {
    const changed = await workbook("2019-changed", report2019({ "sangong.reception.current": "3.54" }));
    const r = await runCli(["check", current, "--prior", changed, "--json"]);
    const out = JSON.parse(r.stdout) as { findings: Array<{ kind: string; ruleId: string; cells: string[]; message: string; severity: string }> };
    const prior = out.findings.filter((f) => f.kind === "prior");
    expect(prior).toHaveLength(1);
    const { addresses } = await loadWorkbookReport(current);
    const { addresses: lastAddresses } = await loadWorkbookReport(changed);
    expect(prior[0].cells).toEqual([addresses.get("sangong.reception.prior"), `${changed} ${lastAddresses.get("sangong.reception.current")}`]);
    expect(prior[0].message).toContain("3.44万元");
    expect(prior[0].message).toContain("3.54万元");
    expect(prior[0].message).toContain("相差0.10万元");
    expect(prior[0].severity).toBe("error");
    const plain = await runCli(["check", current, "--prior", changed]);
    expect(plain.code).toBe(1);
    expect(plain.stdout).toContain(addresses.get("sangong.reception.prior")!);
  });

  it("template --prior: units, 上年 figures, copied fields and prose drafts marked 沿用上年, for the next year", async () => {
    const out = file("2020-from-2019.xlsx");
    const r = await runCli(["template", "--prior", last, "--out", out]);
    expect(r.code, r.stderr).toBe(0);
    const { data } = await loadWorkbookReport(out);
    expect(data.lists.units).toEqual(seed.lists.units);
    expect(text(data.values["report.year"])).toBe("2020");
    expect(text(data.values["report.dept"])).toBe(text(seed.values["report.dept"]));
    for (const p of pairs) expect(text(data.values[p.prior]), p.prior).toBe(text(report2019().values[p.current]));
    expect(PROSE_FIELDS.length).toBeGreaterThanOrEqual(5);
    for (const f of PROSE_FIELDS) expect(text(data.values[f]), f).toBe(`${PRIOR_DRAFT_MARK}${text(prose[f] ?? seed.values[f])}`);
    // This year's own figures are not last year's.
    expect(data.values["sangong.reception.current"] ?? null).toBeNull();
  });

  it("import --prior --apply: fills the empty 上年 cells and prose of this year's workbook, and changes nothing typed", async () => {
    const typed = { ...seed.values };
    for (const p of pairs) delete typed[p.prior];
    typed["sangong.total.prior"] = "9.99";
    const into = await workbook("2020-blank", { ...seed, values: typed });
    const planned = await runCli(["import", last, "--prior", "--into", into]);
    expect(planned.code, planned.stderr).toBe(0);
    expect(planned.stdout).toContain("加 --apply 写入");
    expect((await loadWorkbookReport(into)).data.values["sangong.reception.prior"] ?? null).toBeNull();
    const applied = await runCli(["import", last, "--prior", "--into", into, "--apply"]);
    expect(applied.code, applied.stderr).toBe(0);
    const { data } = await loadWorkbookReport(into);
    for (const p of pairs.filter((x) => x.prior !== "sangong.total.prior")) expect(text(data.values[p.prior]), p.prior).toBe(text(report2019().values[p.current]));
    expect(text(data.values["sangong.total.prior"])).toBe("9.99");
    for (const f of PROSE_FIELDS) expect(text(data.values[f]).startsWith(PRIOR_DRAFT_MARK) || f === "basics.duties", f).toBe(true);
    // basics.duties was filled this year (the seed has it): kept as the officer wrote it.
    expect(text(data.values["basics.duties"])).toBe(text(seed.values["basics.duties"]));
    // and check --prior now finds exactly the typed-over 合计.
    const r = JSON.parse((await runCli(["check", into, "--prior", last, "--json"])).stdout) as { findings: Array<{ kind: string; ruleId: string }> };
    expect(r.findings.filter((f) => f.kind === "prior").map((f) => f.ruleId)).toEqual(["prior.sangong[total]"]);
  });

  it("import --prior --apply, then narrate: 收入, 支出, 固定资产 and 在职人数 compared with last year, every figure exact", async () => {
    const into = await workbook("2020-yoy", seed);
    const applied = await runCli(["import", last, "--prior", "--into", into, "--apply"]);
    expect(applied.code, applied.stderr).toBe(0);
    const r = await runCli(["narrate", into, "--json"]);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as Narrated;
    const v = (id: string) => text(seed.values[id]);
    const money = (label: string, id: string) => `${label}${v(id)}万元，${changeWords(v(id), YEAR_2019_TOTALS[id], "万元")}`;
    const income = money("收入合计", "income.all.total");
    const expense = money("支出合计", "expense.all.total");
    const assets = money("固定资产合计", "assets.all.total");
    // One of each wording: an increase, a decrease, 持平.
    expect([income, expense, assets].map((s) => /增加|减少|持平/.exec(s)?.[0])).toEqual(["增加", "减少", "持平"]);
    expect(sentenceOf(out, "exec.change.income")).toBe(income);
    expect(sentenceOf(out, "exec.change.expense")).toBe(expense);
    expect(sentenceOf(out, "exec.change.assets")).toBe(assets);
    expect(out.paragraphs.find((p) => p.id === "execution")?.text).toContain(`与上年比较，${income}；${expense}；${assets}。`);
    const staff = `实际在职人员${changeWords(v("staff.inService"), YEAR_2019_TOTALS["staff.inService"], "人")}`;
    expect(sentenceOf(out, "staff.change")).toBe(staff);
    expect(out.paragraphs.find((p) => p.id === "staff")?.text?.endsWith(`${staff}。`)).toBe(true);
  });

  it("without last year's figures the comparison is left out, and the empty 上年数 table raises no 未填写", async () => {
    const out = JSON.parse((await runCli(["narrate", current, "--json"])).stdout) as Narrated;
    for (const id of YOY_SENTENCES) expect(sentenceOf(out, id)).toBeUndefined();
    const all = out.paragraphs.map((p) => p.text ?? "").join("\n");
    expect(all).not.toContain("与上年比较，收入合计");
    expect(all).not.toContain("实际在职人员比上年");
    const checked = await runCli(["check", current]);
    expect(checked.stdout).not.toContain("上年数（与上年比较用）");
    expect(checked.stdout).not.toContain("上年收入合计");
  });
});
