import { checkReport, type Finding } from "../../../src/core/check";
import { Dec, formatAmount, sum } from "../../../src/core/money";
import { defaultForm, rawText } from "../../../src/core/spec";
import { loadSeed } from "../../fixtures/load";

const data = loadSeed(2020);
const report = checkReport(defaultForm, data);
const value = (id: string) => new Dec(String(rawText(data.values[id])));
const byRule = (ruleId: string) => report.findings.find((f) => f.ruleId === ruleId);

describe("checking the 2020 seed", () => {
  it("reports the 基本支出执行 合计 1112.80 vs Σ 1112.79 as a 尾差 notice, not an error", () => {
    const parts = ["salary", "goods", "households", "enterprises"].map((r) => value(`econ.${r}.actual`));
    const total = value("econ.total.actual");
    const f = byRule("econ.total[actual]")!;
    expect(f.kind).toBe("tail");
    expect(f.severity).toBe("info");
    expect(f.actual).toBe(formatAmount(total));
    expect(f.expected).toBe(formatAmount(sum(parts)));
    expect(new Dec(f.difference!).eq(total.minus(sum(parts)))).toBe(true);
    // four parts and the total, each ±0.005, explain a difference up to 0.025
    expect(total.minus(sum(parts)).abs().lte(new Dec("0.025"))).toBe(true);
    expect(f.cell).toBe("预算与决算!C38");
    expect(f.message).toContain("尾差");
  });

  it("finds 实有人数 39 vs 实际在职 40 as an error on the 实有人数 cell", () => {
    const f = byRule("same.headcount")!;
    expect(f.severity).toBe("error");
    expect([f.actual, f.expected]).toEqual([String(rawText(data.values["staff.actual"])), String(rawText(data.values["staff.inService"]))]);
    expect(f.fields).toEqual(["staff.actual", "staff.inService"]);
  });

  it("finds each economic-classification overspend with its amount, and 对企业补助 as 年初未作预算", () => {
    for (const row of ["salary", "goods", "households"]) {
      const f = byRule(`overspend.econ[${row}]`)!;
      expect(f.kind).toBe("overspend");
      expect(f.severity).toBe("warning");
      expect(f.difference).toBe(formatAmount(value(`econ.${row}.actual`).minus(value(`econ.${row}.budget`))));
    }
    const amounts = ["salary", "goods", "households"].map((r) => byRule(`overspend.econ[${r}]`)!.difference);
    expect(amounts).toEqual(["197.64", "104.29", "96.84"]);
    const unbudgeted = byRule("overspend.econ[enterprises]")!;
    expect(unbudgeted.kind).toBe("unbudgeted");
    expect(unbudgeted.difference).toBe(formatAmount(value("econ.enterprises.actual")));
    expect(unbudgeted.message).toContain("年初未作预算");
  });

  it("finds the 基本/项目 overspends of the 预算支出决算 table (the report's 294.48 is 273.68 by its own table)", () => {
    expect(byRule("overspend.exec[basic]")!.difference).toBe(
      formatAmount(value("budgetExec.basic.actual").minus(value("budgetExec.basic.budget"))),
    );
    expect(byRule("overspend.exec[basic]")!.difference).toBe("273.68");
    expect(byRule("overspend.exec[project]")!.difference).toBe(
      formatAmount(value("budgetExec.project.actual").minus(value("budgetExec.project.budget"))),
    );
  });

  it("flags the 经济分类 table whose 合计 is all spending (1112.80), not 基本支出 (781.00)", () => {
    const f = byRule("same.econActual")!;
    expect(f.severity).toBe("error");
    expect(new Dec(f.difference!).eq(value("econ.total.actual").minus(value("budgetExec.basic.actual")))).toBe(true);
  });

  it("finds nothing false: every other relation the report gets right passes", () => {
    const expected = new Set([
      "same.headcount",
      "same.econActual",
      "overspend.exec[basic]",
      "overspend.exec[project]",
      "overspend.econ[salary]",
      "overspend.econ[goods]",
      "overspend.econ[households]",
      "overspend.econ[enterprises]",
      "econ.total[actual]",
    ]);
    const ruleFindings = report.findings.filter((f: Finding) => f.kind !== "blank");
    expect(new Set(ruleFindings.map((f) => f.ruleId))).toEqual(expected);
    const failing = report.results.filter((r) => r.status === "fail" || r.status === "tail").map((r) => r.rule.id);
    expect(new Set(failing)).toEqual(expected);
    // the relations that hold really were evaluated, not skipped
    for (const id of ["income.rowTotal[all]", "income.unitSum[carryover]", "expense.cumBalance[unit[2]]", "fiscalIncome.balanceDecrease[all]", "same.fiscalIncome", "sangong.total[prior]", "staff.authorized", "score.grade"]) {
      expect(report.results.find((r) => r.rule.id === id)?.status, id).toBe("pass");
    }
  });

  it("says which cells are blank instead of taking them as zero", () => {
    const f = byRule("blank:expense")!;
    expect(f.severity).toBe("info");
    expect(f.fields).toContain("expense.unit[2].project");
    expect(f.fields).toContain("expense.all.yearBalance");
    const yearBalance = report.results.find((r) => r.rule.id === "expense.yearBalance[all]")!;
    expect(yearBalance.status).toBe("skipped");
    expect(yearBalance.reason).toBe("未填写");
  });

  it("orders errors before overspends before notices", () => {
    const ranks = report.findings.map((f) => ({ error: 0, warning: 1, info: 2 })[f.severity]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });
});

describe("checking the 2025 seed", () => {
  const data2025 = loadSeed(2025);
  const r = checkReport(defaultForm, data2025);
  it("passes 基本支出 1200.53 and 项目支出 585.68 against their 功能科目 lines", () => {
    for (const id of ["funcBasic.total", "funcProject.total"]) {
      expect(r.results.find((x) => x.rule.id === id)?.status, id).toBe("pass");
    }
    const basic = sum(data2025.lists.funcBasic.map((_, i) => new Dec(String(rawText(data2025.values[`funcBasic.item[${i + 1}].amount`])))));
    expect(basic.eq(new Dec("1200.53"))).toBe(true);
  });
  it("raises no error and no overspend", () => {
    expect(r.findings.filter((f) => f.severity !== "info")).toEqual([]);
  });
});
