import Decimal from "decimal.js";
import { checkReport } from "../../../src/core/check";
import { scoreReport, type IndicatorResult } from "../../../src/core/score";
import { defaultForm, defaultScoringTable, rawText, type ReportData } from "../../../src/core/spec";
import { loadSeed } from "../../fixtures/load";
import { seedWithIndicators } from "./helpers";

/** The test's own arithmetic: decimal.js at its defaults, rounding half up explicitly. */
const D = Decimal.clone({ precision: 50, rounding: Decimal.ROUND_HALF_UP });
const seed = loadSeed(2020);
const figure = (data: ReportData, id: string) => new D(String(rawText(data.values[id])));
const percent = (ratio: Decimal) => `${ratio.times(100).toDecimalPlaces(2, D.ROUND_HALF_UP).toFixed(2)}%`;

const report = scoreReport(defaultForm, seed, defaultScoringTable);
const byId = (id: string): IndicatorResult => {
  const r = report.indicators.find((i) => i.id === id);
  if (!r) throw new Error(`no indicator ${id}`);
  return r;
};

describe("the 2020 seed's indicators, each recomputed here from the seed's own figures", () => {
  const v = (id: string) => figure(seed, id);
  const cases: Array<[string, Decimal, string[]]> = [
    ["staffControl", v("staff.inService").div(v("staff.authorized")), ["staff.inService", "staff.authorized"]],
    [
      "sangongChange",
      v("sangong.total.current").minus(v("sangong.total.prior")).div(v("sangong.total.prior")),
      ["sangong.total.current", "sangong.total.prior"],
    ],
    ["budgetAdjust", v("special.added").div(v("budget.expenseTotal")), ["special.added", "budget.expenseTotal"]],
    ["fundBalance", v("expense.all.cumBalance").div(v("income.all.carryover")), ["expense.all.cumBalance", "income.all.carryover"]],
    ["executionRate", v("budgetExec.total.actual").div(v("budgetExec.total.budget")), ["budgetExec.total.actual", "budgetExec.total.budget"]],
    ["carryoverRate", v("expense.all.cumBalance").div(v("expense.all.total")), ["expense.all.cumBalance", "expense.all.total"]],
    ["publicControl", v("expense.all.public").div(v("econ.goods.budget")), ["expense.all.public", "econ.goods.budget"]],
  ];

  it.each(cases)("%s", (id, exact, inputs) => {
    const r = byId(id);
    expect(r.value).toBe(percent(exact));
    expect(r.working).toContain(`= ${percent(exact)}`);
    expect(r.formula).toBeTruthy();
    // Traceable: the cells it read, as written.
    expect(r.inputs!.map((i) => i.field)).toEqual(inputs);
    for (const input of r.inputs!) expect(input.written).toBe(String(rawText(seed.values[input.field])));
  });

  it("names what is not computable from the tables instead of guessing", () => {
    expect(byId("procurementRate").value).toBeUndefined();
    expect(byId("procurementRate").reason).toContain("政府采购");
    expect(byId("keySpending").status).toBe("manual");
  });
});

describe("suggested scores, their rules and the roll-up on the 2020 seed", () => {
  const v = (id: string) => figure(seed, id);
  // The rules of the 岳阳 评分表 applied by hand to the rounded percentages.
  const staff = v("staff.inService").div(v("staff.authorized"));
  const adjust = v("special.added").div(v("budget.expenseTotal"));
  const balance = v("expense.all.cumBalance").div(v("income.all.carryover"));
  const expected: Record<string, string> = {
    staffControl: staff.lte(1) ? "5" : "?",
    sangongChange: v("sangong.total.current").lte(v("sangong.total.prior")) ? "5" : "?",
    budgetAdjust: adjust.gt("0.3") ? "0" : "?",
    fundBalance: balance.gt(0) && balance.lte(1) ? "2" : "?",
  };

  it.each(Object.entries(expected))("%s is scored %s with the rule that gave it", (id, score) => {
    const r = byId(id);
    expect(r.status).toBe("scored");
    expect(r.suggested).toBe(score);
    expect(r.rule).toContain(r.value!);
    expect(r.rule).toContain(`得${score === "5" ? "满分5" : score}分`);
  });

  it("rolls up to a ceiling of 100 less the deductions, and flags the entered 97 above it", () => {
    const deducted = Object.entries(expected).reduce(
      (t, [id, s]) => t.plus(new D(defaultScoringTable.indicators.find((i) => i.id === id)!.points).minus(s)),
      new D(0),
    );
    const ceiling = new D(100).minus(deducted);
    expect(report.rollUp.deducted).toBe(deducted.toString());
    expect(report.rollUp.ceiling).toBe(ceiling.toString());
    expect(report.rollUp.ceilingGrade).toBe("优秀");
    expect(report.rollUp.enteredScore).toBe(String(rawText(seed.values["score.score"])));
    const f = report.findings.find((x) => x.ruleId === "score.ceiling")!;
    expect(f.severity).toBe("warning");
    expect(f.actual).toBe("97");
    expect(f.difference).toBe(new D(97).minus(ceiling).toString());
    expect(f.message).toContain("预算调整率扣3分");
    expect(f.cell).toMatch(/^绩效目标!B\d+$/);
  });

  it("explains an entered score at or below the ceiling as the panel's deductions, with no finding", () => {
    const r = scoreReport(defaultForm, { ...seed, values: { ...seed.values, "score.score": "90" } }, defaultScoringTable);
    expect(r.findings.some((f) => f.ruleId === "score.ceiling")).toBe(false);
    expect(r.rollUp.explanation).toContain(`评价组评分的指标共扣 ${new D(r.rollUp.ceiling).minus(90).toString()} 分`);
  });

  it("reports a 等次 that does not match the entered score through the form's own grade rule", () => {
    const r = scoreReport(defaultForm, { ...seed, values: { ...seed.values, "score.grade": "良好" } }, defaultScoringTable);
    const f = r.findings.find((x) => x.kind === "grade")!;
    expect(f.severity).toBe("error");
    expect(f.relationId).toBe("score.grade");
    expect(f.message).toContain("优秀");
  });
});

describe("定量指标 rows and the 完成度 the seed states", () => {
  const data = seedWithIndicators();
  const scored = scoreReport(defaultForm, data, defaultScoringTable);
  const row = (name: string) => scored.quantitative.find((q) => q.name === name)!;
  const ratioOf = (n: number) => figure(data, `perfIndicators.item[${n}].actual`).div(figure(data, `perfIndicators.item[${n}].target`));

  it("computes each row's 完成率 as 实际完成值 ÷ 指标值", () => {
    scored.quantitative.forEach((q) => expect(q.shown).toBe(percent(ratioOf(q.n))));
    expect(row("计划总投资").shown).toBe(percent(new D("14.01").div(12)));
  });

  it("reports the seed's 177% and 173% against 116.75% and 115%, in each cell that states them", () => {
    const stated = scored.findings.filter((f) => f.relationId === "score.statedRate");
    const pairs = stated.map((f) => [f.fields[0], f.actual, f.expected]);
    const invest = percent(ratioOf(7));
    const rnd = percent(ratioOf(8));
    expect(invest).toBe("116.75%");
    expect(rnd).toBe("115.00%");
    for (const field of ["perfQuant.economic.achieved", "basics.overall"]) {
      expect(pairs).toContainEqual([field, "177%", invest]);
      expect(pairs).toContainEqual([field, "173%", rnd]);
    }
    expect(stated).toHaveLength(4);
    for (const f of stated) {
      expect(f.severity).toBe("error");
      expect(f.message).toContain("完成度分别为177%、173%");
    }
  });

  it("checks a typed 完成率 cell at the decimals it was typed with: the form's ratio relation, one finding per slip", () => {
    const withRate = (text: string): ReportData => ({ ...data, values: { ...data.values, "perfIndicators.item[7].rate": text } });
    // Everything said about the 完成率 cell, by the live check and by scoring.
    const about = (text: string) => {
      const at = (f: { fields: string[] }) => f.fields[0] === "perfIndicators.item[7].rate";
      return { check: checkReport(defaultForm, withRate(text)).findings.filter(at), score: scoreReport(defaultForm, withRate(text), defaultScoringTable).findings.filter(at) };
    };
    const wrong = about("177%");
    expect(wrong.check).toHaveLength(1);
    expect(wrong.score).toEqual(wrong.check);
    expect(wrong.check[0]).toMatchObject({ kind: "ratio", severity: "error", relationId: "perfIndicators.rate" });
    expect(wrong.check[0].expected).toBe(percent(ratioOf(7)).replace("%", ""));
    expect(wrong.check[0].cell).toMatch(/^绩效目标!F\d+$/);
    for (const right of ["116.75%", "117%", "1.1675", "116.8%"]) expect([right, about(right).check]).toEqual([right, []]);
    expect(about("116.7%").check).toHaveLength(1);
    // Without "%", a percentage cell holds a ratio (as Excel stores it): 116.75 is 11675%, and the message says how to write it.
    const bare = about("116.75");
    expect(bare.check).toHaveLength(1);
    expect(bare.check[0].message).toContain("“116.75%”或 1.1675");
  });

  it("notes a row short of its target with no 偏差原因", () => {
    const short = scored.findings.filter((f) => f.relationId === "score.deviation");
    expect(short.map((f) => f.fields[0])).toEqual(
      scored.quantitative.filter((q) => ratioOf(q.n).lt(1)).map((q) => `perfIndicators.item[${q.n}].reason`),
    );
    expect(short[0].severity).toBe("info");
  });
});
