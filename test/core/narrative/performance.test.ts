/**
 * The 绩效 paragraph of the 岳阳 form: the scoring table's indicators ("预算调整率为53.73%，得0分"),
 * the 定量指标' 完成度 and the 评价得分, as narrative bindings. Every figure is recomputed here with
 * decimal.js from the cells the sentence names. Golden figures: the 2020 seed report
 * (test/fixtures/seeds/2020-yueyang-keji-self-evaluation.txt, the published 岳阳市科技局 2020 自评报告)
 * states 计划总投资 14.01亿元 against 12 and 研发经费投资 2.3亿元 against 2: 116.75% and 115.00%
 * exactly, where the report itself printed 177% and 173%.
 */
import Decimal from "decimal.js";
import fc from "fast-check";
import { narrate, type ComputedFact, type Fact, type Paragraph } from "../../../src/core/narrative";
import { narrativeFigures, scoreReport } from "../../../src/core/score";
import { defaultForm, defaultScoringTable, rawText, type ReportData, type ScoreTerm } from "../../../src/core/spec";
import { loadSeed } from "../../fixtures/load";

const D = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_UP });
const seed = loadSeed(2020);
const cell = (data: ReportData, id: string) => new D(String(rawText(data.values[id])));
const percent = (ratio: Decimal, places = 2) => `${ratio.times(100).toDecimalPlaces(places, D.ROUND_HALF_UP).toFixed(places)}%`;

function performance(data: ReportData, withFigures = true): Paragraph {
  const figures = withFigures ? narrativeFigures(scoreReport(defaultForm, data, defaultScoringTable)) : undefined;
  return narrate(defaultForm, data, figures ? { figures } : {}).paragraphs.find((p) => p.id === "performance")!;
}

const computedFacts = (p: Paragraph, kind: ComputedFact["kind"]): ComputedFact[] =>
  p.sentences.flatMap((s) => s.facts).filter((f: Fact): f is ComputedFact => f.kind === kind);

/** An indicator recomputed from its spec's terms with this test's own arithmetic. */
function exactIndicator(data: ReportData, id: string): Decimal {
  const c = defaultScoringTable.indicators.find((i) => i.id === id)!.computed!.computation;
  const total = (terms: ScoreTerm[]) => terms.reduce((t: Decimal, term) => (typeof term === "string" ? t.plus(cell(data, term)) : t.plus(cell(data, term.ref).times(term.sign))), new D(0));
  return c.kind === "ratio" ? total(c.numerator).div(total(c.denominator)) : total(c.current).minus(total(c.prior)).div(total(c.prior));
}

describe("the 绩效 paragraph as narrative bindings", () => {
  it("states each computed indicator and its suggested score as the scoring table gives them, every figure exact", () => {
    const p = performance(seed);
    expect(p.status).toBe("ok");
    const given = computedFacts(p, "given");
    const values = given.filter((f) => !f.label.endsWith("建议得分"));
    expect(values.map((f) => f.label)).toEqual(["财政供养人员控制率", "“三公经费”变动率", "预算调整率", "资金结余", "预算执行率", "结转结余率", "公用经费控制率"]);
    const report = scoreReport(defaultForm, seed, defaultScoringTable);
    for (const f of values) {
      const r = report.indicators.find((i) => i.name === f.label)!;
      expect([f.label, f.shown]).toEqual([f.label, percent(exactIndicator(seed, r.id))]);
      expect(p.text).toContain(f.shown);
      // Traced to the cells the indicator reads.
      expect(f.inputs.length).toBeGreaterThan(0);
      for (const input of f.inputs) expect(p.sentences.some((s) => s.fields.includes(input))).toBe(true);
    }
    // 预算执行率 = 决算 ÷ 预算 of the 预算与决算 table.
    expect(p.text).toContain(`预算执行率为${percent(cell(seed, "budgetExec.total.actual").div(cell(seed, "budgetExec.total.budget")))}`);
    // "得Y分": the scoring table's rule, e.g. 预算调整率 53.73% is above 30%, so 0 of 3.
    for (const r of report.indicators.filter((i) => i.status === "scored")) expect(p.text).toContain(`${r.value}，${r.id === "fundBalance" ? "资金结余" : ""}得${r.suggested}分`);
    expect(p.text).toContain(`预算调整率为${percent(exactIndicator(seed, "budgetAdjust"))}，得0分`);
  });

  it("states each 定量指标's 完成度 = 实际完成值 ÷ 指标值: the seed's 116.75% and 115.00% (it printed 177% and 173%)", () => {
    const p = performance(seed);
    const rates = computedFacts(p, "ratio");
    expect(rates).toHaveLength(seed.lists.perfIndicators!.length);
    rates.forEach((f, k) => {
      const exact = cell(seed, `perfIndicators.item[${k + 1}].actual`).div(cell(seed, `perfIndicators.item[${k + 1}].target`));
      expect(f.shown).toBe(percent(exact));
      expect(f.inputs).toEqual([`perfIndicators.item[${k + 1}].actual`, `perfIndicators.item[${k + 1}].target`]);
    });
    expect(p.text).toContain("计划总投资完成度116.75%，研发经费投资完成度115.00%");
    expect(p.text).toContain("根据部门整体支出绩效评价指标体系，我局2020年度评价得分97分");
  });

  it("without the scoring table's figures the indicator sentences are left out, saying why, and the rest is written", () => {
    const p = performance(seed, false);
    expect(p.status).toBe("ok");
    expect(p.text).not.toContain("控制率");
    expect(p.skipped.map((s) => s.id)).toContain("performance.budgetAdjust");
    expect(p.skipped.find((s) => s.id === "performance.budgetAdjust")!.missing[0].reason).toBe("notGiven");
    expect(p.text).toContain("计划总投资完成度116.75%");
  });

  it("a 指标值 of 0 is worded, never divided by", () => {
    const data = { ...seed, values: { ...seed.values, "perfIndicators.item[7].target": "0" } };
    expect(performance(data).text).toContain("计划总投资完成度无法计算（指标值为0）");
  });

  it("any targets and actual values: each 完成度 stated is the exact ratio, rounded half up", () => {
    const figure = fc.tuple(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 0, max: 2 })).map(([n, places]) => new D(n).div(10 ** places).toFixed(places));
    fc.assert(
      fc.property(fc.array(fc.tuple(figure, figure), { minLength: 1, maxLength: 8 }), (rows) => {
        const lists = { ...seed.lists, perfIndicators: rows.map((_, k) => ({ name: `指标${k + 1}` })) };
        const values: ReportData["values"] = { ...seed.values };
        for (const key of Object.keys(values)) if (key.startsWith("perfIndicators.")) delete values[key];
        rows.forEach(([target, actual], k) => {
          values[`perfIndicators.item[${k + 1}].target`] = target;
          values[`perfIndicators.item[${k + 1}].actual`] = actual;
        });
        const p = performance({ ...seed, lists, values });
        const stated = computedFacts(p, "ratio").map((f) => f.shown);
        expect(stated).toEqual(rows.map(([target, actual]) => percent(new D(actual).div(target))));
        // A ratio too small to show at two decimals is worded 不足0.01% (never a bare 0.00% for a non-zero figure).
        rows.forEach(([, actual], k) => expect(p.text).toContain(`指标${k + 1}完成度${stated[k] === "0.00%" && !new D(actual).isZero() ? "不足0.01%" : stated[k]}`));
      }),
      { numRuns: 60 },
    );
  });
});
