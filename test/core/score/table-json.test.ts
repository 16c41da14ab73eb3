import Decimal from "decimal.js";
import { scoreReport } from "../../../src/core/score";
import { defaultForm, defaultScoringTable, rawText, validateScoringTable } from "../../../src/core/spec";
import { loadSeed } from "../../fixtures/load";
import { hunanTable, hunanTableJson } from "./helpers";

const D = Decimal.clone({ precision: 50, rounding: Decimal.ROUND_HALF_UP });
const seed = loadSeed(2020);
const v = (id: string) => new D(String(rawText(seed.values[id])));
const percent = (ratio: Decimal) => ratio.times(100).toDecimalPlaces(2, D.ROUND_HALF_UP);

describe("a scoring table given as JSON (test/fixtures/scoring/hunan-dept-overall.json)", () => {
  const table = hunanTable();
  const report = scoreReport(defaultForm, seed, table);
  const byId = (id: string) => report.indicators.find((i) => i.id === id)!;

  it("is valid, as the built-in table is", () => {
    expect(validateScoringTable(hunanTableJson(), defaultForm)).toEqual([]);
    expect(validateScoringTable(JSON.parse(JSON.stringify(defaultScoringTable)), defaultForm)).toEqual([]);
  });

  it("computes its own formula: 预算完成率 over a sum with a subtracted term", () => {
    const available = v("income.all.carryover").plus(v("budget.expenseTotal")).plus(v("special.added"));
    const ratio = available.minus(v("expense.all.cumBalance")).div(available);
    expect(byId("completionRate").value).toBe(`${percent(ratio).toFixed(2)}%`);
    // "每低于5%扣2分", whole steps, never below 0.
    const steps = new D(100).minus(percent(ratio)).div(5).floor();
    const score = D.max(0, new D(5).minus(steps.times(2)));
    expect(byId("completionRate").suggested).toBe(score.toString());
    expect(byId("completionRate").rule).toContain(`计${steps.toString()}档`);
  });

  it("rolls up with its own 分值 and its own 等次 names", () => {
    const deducted = report.indicators
      .filter((r) => r.status === "scored")
      .reduce((t, r) => t.plus(new D(r.points).minus(r.suggested!)), new D(0));
    expect(report.rollUp.ceiling).toBe(new D(100).minus(deducted).toString());
    const ceiling = new D(report.rollUp.ceiling);
    const grade = table.grades.find((g) => ceiling.gte(g.min))!.grade;
    expect(report.rollUp.ceilingGrade).toBe(grade);
    expect(["优", "良", "中", "差"]).toContain(report.rollUp.ceilingGrade);
    expect(report.rollUp.enteredScoreGrade).toBe("优");
    expect(report.table.source).toBe(table.source);
  });
});

describe("validateScoringTable names the JSON path of each problem", () => {
  /** Sets one value at a dotted path ("indicators.2.rule.per") of a fresh copy of the fixture. */
  const broken = (at: string, value: unknown) => {
    const table = hunanTableJson() as Record<string, unknown>;
    const keys = at.split(".");
    let node = table as Record<string, unknown>;
    for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
    node[keys[keys.length - 1]] = value;
    return validateScoringTable(table, defaultForm);
  };
  const grades = (hunanTableJson() as { grades: unknown[] }).grades;

  it.each([
    ["a per-step deduction that is not a number", "indicators.2.rule.per", "两分", "indicators[2].rule.per", "两分"],
    ["a field the form does not have", "indicators.0.computed.computation.numerator.0", "staff.onDuty", "indicators[0].computed.computation.numerator[0]", "staff.onDuty"],
    ["a text field in a formula", "indicators.0.computed.computation.denominator.0", "report.dept", "indicators[0].computed.computation.denominator[0]", "文字栏"],
    ["a bad sign", "indicators.2.computed.computation.numerator.3.sign", 2, "indicators[2].computed.computation.numerator[3].sign", "1 或 -1"],
    ["indicators that do not add up to their group", "indicators.0.points", "6", "groups[1].points", "合计"],
    ["groups that do not add up to the total", "total", "120", "total", "120"],
    ["bands out of order", "indicators.3.rule.bands.2.bound", "5%", "indicators[3].rule.bands[2].bound", "从小到大"],
    ["a closed last band", "indicators.3.rule.bands.4.bound", "100%", "indicators[3].rule.bands[4]", "最后一档"],
    ["an unknown rule kind", "indicators.0.rule.kind", "linear", "indicators[0].rule.kind", "linear"],
    ["a rule with no formula", "indicators.4.rule", { kind: "ceiling", limit: "100%", per: "2", step: "5%", count: "whole" }, "indicators[4].rule", "computed"],
    ["a duplicate id", "indicators.1.id", "staffControl", "indicators[1].id", "重复"],
    ["grades that leave low scores without a 等次", "grades", grades.slice(0, -1), "grades", "0分"],
    ["a table for another form", "form", "mof-bumen-juesuan", "form", "mof-bumen-juesuan"],
  ])("%s", (_name, at, value, path, mentioned) => {
    const problems = broken(at, value);
    expect(problems.map((p) => p.path)).toContain(path);
    expect(problems.find((p) => p.path === path)!.message).toContain(mentioned);
  });

  it("a table that is not an object at all", () => {
    expect(validateScoringTable([], defaultForm)).toEqual([{ path: "$", message: expect.stringContaining("对象") }]);
  });
});
