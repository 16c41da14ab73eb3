import Decimal from "decimal.js";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { checkReport, type Finding } from "../../../../src/core/check";
import type { RawValue, ReportData } from "../../../../src/core/spec";
import { mofBumenJuesuan } from "../../../../src/core/spec/forms/mof-juesuan";

/**
 * The 部门决算 form checks public reports' figures and finds exactly the slips a careful reader
 * finds by hand (test/fixtures/juesuan/*.json, each with its source address or, for the planted
 * workbook, what was planted). Every expected figure is recomputed here with decimal.js.
 */

const FIXTURES = join(__dirname, "../../../fixtures/juesuan");
const load = (name: string): ReportData & { source: { url?: string } } => JSON.parse(readFileSync(join(FIXTURES, name), "utf8"));

const figure = (data: ReportData, id: string): Decimal => {
  const raw: RawValue | undefined = data.values[id];
  if (raw === undefined || raw === null) return new Decimal(0); // a blank adds nothing
  return new Decimal(String(typeof raw === "object" ? raw.value : raw));
};

/** A total that does not add up, as a reader works it: its difference and whether 2-decimal rounding explains it. */
interface SumSlip {
  rule: string;
  target: string;
  /** The parts the reader adds (blank ones add nothing and are not counted). */
  parts: string[];
}

/** What the check must say about a sum slip: 尾差 (info) when within ±0.005 per rounded figure, else an error. */
function expectedSumFinding(data: ReportData, slip: SumSlip) {
  const filled = slip.parts.filter((p) => data.values[p] !== undefined);
  const partsSum = filled.reduce((acc, p) => acc.plus(figure(data, p)), new Decimal(0));
  const difference = figure(data, slip.target).minus(partsSum);
  const tolerance = new Decimal("0.005").times(filled.length + 1);
  return {
    ruleId: slip.rule,
    severity: difference.abs().lte(tolerance) ? "info" : "error",
    expected: partsSum.toFixed(2),
    difference: difference.toFixed(2),
  };
}

const relevant = (findings: Finding[]) =>
  findings
    .map((f) => ({ ruleId: f.ruleId, severity: f.severity, expected: f.expected, difference: f.difference }))
    .sort((a, b) => a.ruleId.localeCompare(b.ruleId));

describe("部门决算 golden fixtures", () => {
  test("乌鲁木齐市政务服务中心 2023: 收入总计 and 支出总计 each exceed their parts by 0.01, a 尾差; nothing else is reported", () => {
    const data = load("urumqi-zwfw-2023.json");
    expect(data.source.url).toMatch(/^https?:\/\//);
    const slips: SumSlip[] = [
      { rule: "income.grandTotal", target: "income.grandTotal", parts: ["income.total", "income.useNonFiscalBalance", "income.carryIn"] },
      { rule: "spending.grandTotal", target: "spending.grandTotal", parts: ["spending.total", "spending.balanceDistribution", "spending.carryOut"] },
    ];
    const expected = slips.map((s) => expectedSumFinding(data, s));
    // The reader's own figures: 434.16 + 0.00 + 0.55 = 434.71, 0.01 short of 434.72.
    expect(expected.map((e) => [e.expected, e.difference, e.severity])).toEqual([
      ["434.71", "0.01", "info"],
      ["434.71", "0.01", "info"],
    ]);
    const report = checkReport(mofBumenJuesuan, data);
    expect(relevant(report.findings)).toEqual(expected.sort((a, b) => a.ruleId.localeCompare(b.ruleId)));
    // 收入总计 = 支出总计 holds: the figures that agree are checked and pass.
    expect(report.results.find((r) => r.rule.id === "summary.balanced")?.status).toBe("pass");
  });

  test("天水市幼儿园 2017: the tables' figures agree with one another, and the check says nothing", () => {
    const data = load("tianshui-kindergarten-2017.json");
    expect(data.source.url).toMatch(/^https?:\/\//);
    // The reader's sums: sources add to 本年收入合计, 基本 + 项目 to 本年支出合计, the two 财政拨款 to their total.
    const sum = (...ids: string[]) => ids.reduce((acc, id) => acc.plus(figure(data, id)), new Decimal(0));
    expect(sum("income.general", "income.fund", "income.business", "income.operating", "income.other").eq(figure(data, "income.total"))).toBe(true);
    expect(sum("expenseDetail.all.basic", "expenseDetail.all.project", "expenseDetail.all.operating").eq(figure(data, "expenseDetail.all.total"))).toBe(true);
    expect(sum("fiscalIncome.general", "fiscalIncome.fund").eq(figure(data, "fiscalIncome.total"))).toBe(true);
    const report = checkReport(mofBumenJuesuan, data);
    expect(report.findings).toEqual([]);
    const checked = report.results.filter((r) => r.status === "pass").map((r) => r.rule.id);
    expect(checked).toEqual(expect.arrayContaining(["income.total", "expenseDetail.row[all]", "fiscalIncome.total", "summary.fiscalIncome", "summary.source.business"]));
  });

  test("a complete nine-table workbook with planted slips: exactly those are reported, and the empty 政府性基金/国有资本经营 tables say nothing", () => {
    const data = load("planted-complete-2024.json");
    const sums: SumSlip[] = [
      // 公开05表: 201 类 合计 690.02 against 基本 + 项目 and against its 款 20103.
      { rule: "generalSpending.row[line[1]]", target: "generalSpending.line[1].total", parts: ["generalSpending.line[1].basic", "generalSpending.line[1].project"] },
      { rule: "generalSpending.hierarchy[201,total]", target: "generalSpending.line[1].total", parts: ["generalSpending.line[2].total"] },
      // …and the 合计 row against Σ类, where the 0.02 is within the rounding of five figures.
      {
        rule: "generalSpending.hierarchy[all,total]",
        target: "generalSpending.all.total",
        parts: ["generalSpending.line[1].total", "generalSpending.line[5].total", "generalSpending.line[8].total", "generalSpending.line[11].total"],
      },
      // 公开03表: 合计 row's 本年支出合计 826.00.
      { rule: "expenseDetail.row[all]", target: "expenseDetail.all.total", parts: ["expenseDetail.all.basic", "expenseDetail.all.project", "expenseDetail.all.toSuperior", "expenseDetail.all.operating", "expenseDetail.all.toAffiliated"] },
      {
        rule: "expenseDetail.hierarchy[all,total]",
        target: "expenseDetail.all.total",
        parts: ["expenseDetail.line[1].total", "expenseDetail.line[5].total", "expenseDetail.line[8].total", "expenseDetail.line[11].total"],
      },
      // 公开07表: “三公” 决算 合计 11.60.
      { rule: "sangong.total[actual]", target: "sangong.total.actual", parts: ["sangong.abroad.actual", "sangong.vehicle.actual", "sangong.reception.actual"] },
    ];
    const expected = [
      ...sums.map((s) => expectedSumFinding(data, s)),
      // 总表 本年支出合计 against 公开03表 合计.
      {
        ruleId: "summary.expenseDetail",
        severity: "error",
        expected: figure(data, "expenseDetail.all.total").toFixed(2),
        difference: figure(data, "spending.total").minus(figure(data, "expenseDetail.all.total")).toFixed(2),
      },
      // 30217 公务接待费 (基本支出) above the 三公 公务接待费 决算: a warning.
      {
        ruleId: "sangong.basic.30217",
        severity: "warning",
        expected: figure(data, "sangong.reception.actual").toFixed(2),
        difference: figure(data, "basicDetail.e30217").minus(figure(data, "sangong.reception.actual")).toFixed(2),
      },
      // 公务接待费 决算 above its 预算: an overspend to explain.
      {
        ruleId: "sangong.overspend[reception]",
        severity: "warning",
        expected: figure(data, "sangong.reception.budget").toFixed(2),
        difference: figure(data, "sangong.reception.actual").minus(figure(data, "sangong.reception.budget")).toFixed(2),
      },
    ];
    expect(expected.map((e) => e.difference)).toEqual(["0.02", "0.02", "-0.02", "1.00", "1.00", "0.10", "-1.00", "0.30", "0.50"]);
    const report = checkReport(mofBumenJuesuan, data);
    expect(relevant(report.findings)).toEqual(expected.sort((a, b) => a.ruleId.localeCompare(b.ruleId)));
    // The figures that agree are checked, not skipped: 收支平衡, 人员经费 + 公用经费, each fund type's 结转结余.
    const passed = new Set(report.results.filter((r) => r.status === "pass").map((r) => r.rule.id));
    for (const id of ["summary.balanced", "fiscal.balanced", "general.basic", "basicDetail.personnel", "basicDetail.public", "fiscal.carryOut.general", "incomeDetail.hierarchy[201,total]"]) {
      expect(passed).toContain(id);
    }
  });
});
