/** 叙述核对 on short paragraphs written against the 2020 seed's cells, one problem at a time. */
import Decimal from "decimal.js";
import { verifyNarrative } from "../../../../src/core/narrative/verify";
import { defaultForm, type ReportData } from "../../../../src/core/spec";
import { loadSeed } from "../../../fixtures/load";

const seed2020 = loadSeed(2020);
const check = (text: string, data: ReportData = seed2020, options = {}) => verifyNarrative(defaultForm, data, text, options);
const problems = (text: string, data?: ReportData, options = {}) => check(text, data, options).findings.map((f) => `${f.severity}:${f.problem}`);

describe("叙述核对 problems", () => {
  it("a direction word against the sign: error, even with the right magnitude", () => {
    const r = check("公务接待费实际支出1.90万元，比上年增长44.77%。");
    expect(r.findings.map((f) => [f.problem, f.actual])).toEqual([["direction", "增长"]]);
    expect(r.findings[0].message).toContain("比上年减少");
  });

  it("a percentage without %", () => {
    expect(problems("公务接待费比上年降低44.77，控制较好。")).toEqual(["error:percentSign"]);
  });

  it("an amount in 元 where the number is the 万元 figure: wrong unit; the same amount in 元 is fine", () => {
    const wrong = check("公务接待费实际支出1.90元。");
    expect(wrong.findings.map((f) => f.problem)).toEqual(["unit"]);
    expect(wrong.findings[0].expected).toBe("1.90万元");
    expect(problems("公务接待费实际支出19000元。")).toEqual([]);
    expect(problems("公务接待费实际支出19000万元。")).toEqual(["error:unit"]);
  });

  it("a wrong plain figure names the cell and what the table holds", () => {
    const r = check("“三公经费”本年实际支出2.20万元。");
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ problem: "figure", expected: "2.02万元", actual: "2.20万元" });
    // The 本年 三公经费 total: either table that holds it (三公经费 by unit, or 与上年比较).
    expect(r.findings[0].fields).toHaveLength(1);
    expect(["sangong.total.current", "sangongByUnit.all.total"]).toContain(r.findings[0].fields[0]);
  });

  it("fewer decimals, rounded half up, agree; truncated is an error that says it was cut off", () => {
    expect(problems("公务接待费比上年降低44.8%。")).toEqual([]);
    // 1.90 against 3.44: 44.767…%, so 44.77% rounded half up; 44.76% is the calculator's digits cut
    // short, which no rounding of the two table figures explains (上海市普陀区 2024 wrote 99.86% for
    // 99.868% the same way).
    const exact = new Decimal("3.44").minus("1.90").div("3.44").times(100);
    expect(exact.toDecimalPlaces(2, Decimal.ROUND_DOWN).toFixed(2)).toBe("44.76");
    const r = check("公务接待费比上年降低44.76%。");
    expect(r.findings.map((f) => [f.severity, f.problem])).toEqual([["error", "figure"]]);
    expect(r.findings[0].expected).toContain(`${exact.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2)}%`);
    expect(r.findings[0].message).toContain("截尾");
  });

  it("a figure computed at the other precision is a 尾差 notice", () => {
    const data = { ...seed2020, values: { ...seed2020.values, "sangong.reception.prior": "3.444" } };
    // Shown cells 3.44 -> 1.90: 44.77%; every digit 3.444 -> 1.90: 44.83%.
    expect(problems("公务接待费比上年降低44.77%。", data)).toEqual([]);
    const r = check("公务接待费比上年降低44.83%。", data);
    expect(r.findings.map((f) => f.problem)).toEqual(["tail"]);
    expect(r.findings[0].message).toContain("完整精度");
    expect(problems("公务接待费比上年降低44.83%。", data, { precision: "full" })).toEqual([]);
  });

  it("少/多 against the headcounts", () => {
    expect(problems("实际人数比编制人数多3人。")).toEqual(["error:direction"]);
  });

  it("a direction word without a figure, after a comparison", () => {
    expect(problems("公务接待费比上年增长，控制较好。")).toEqual(["error:direction"]);
    expect(problems("公务接待费较上年减少。")).toEqual([]);
  });

  it("a label with several different figures and none matching is not guessed", () => {
    const r = check("本年财政拨款600.00万元。");
    expect(r.findings).toEqual([]);
    expect(r.unchecked[0].reason).toContain("多个");
  });

  it("a figure with no label it knows is listed as 未核对", () => {
    const r = check("会议费12.00万元。");
    expect(r.findings).toEqual([]);
    expect(r.unchecked).toEqual([{ offset: 0, line: 1, quote: "会议费12.00万元", reason: "未找到对应的表格栏目" }]);
  });

  it("full-width digits and ％ are read, offsets refer to the text as given", () => {
    const text = "前言。\n公务用车运行维护费比上年降低９７．０２％。";
    const r = check(text);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ line: 2, quote: "公务用车运行维护费比上年降低９７．０２％", actual: "９７．０２％" });
    expect(text.slice(r.findings[0].offset, r.findings[0].offset + r.findings[0].quote.length)).toBe(r.findings[0].quote);
  });

  it("2025: 6.45万 without 元 is a style notice; 105万元 agrees with 105.00", () => {
    const r = check("2025年度我部门项目支出585.68万元，其中：一般行政管理事务支出105万元；其他科学技术管理事务支出6.45万；", loadSeed(2025));
    expect(r.findings.map((f) => [f.severity, f.problem, f.actual])).toEqual([["info", "unitStyle", "6.45万"]]);
    expect(r.summary.checked).toBe(3);
  });
});

describe("叙述核对 and rounding by largest remainder", () => {
  it("a share rounded up at the last decimal (as largest remainder may) is a 尾差 notice; two units off is an error", () => {
    const data = { ...seed2020, values: { ...seed2020.values, "budget.basic": "1", "budget.project": "2", "budget.expenseTotal": "3", "budgetExec.total.budget": "3" } };
    // 1/3 = 33.333…%: 33.33 agrees, 33.34 is what largest remainder can give, 33.35 is wrong.
    expect(problems("支出预算中基本支出1.00万元，占支出预算总额的33.33%。", data)).toEqual([]);
    expect(problems("支出预算中基本支出1.00万元，占支出预算总额的33.34%。", data)).toEqual(["info:tail"]);
    expect(problems("支出预算中基本支出1.00万元，占支出预算总额的33.35%。", data)).toEqual(["error:figure"]);
  });

  it("words that rule out every figure the tables have: nothing asserted, listed as 未核对", () => {
    const r = check("三公经费预算3.00万元。");
    expect(r.findings).toEqual([]);
    expect(r.unchecked[0].reason).toContain("预算");
  });
});

describe("叙述核对 of 无…", () => {
  it("无A和B agrees when both are 0 this year", () => {
    const r = check("2020年度无因公出国费用和公务用车购置费。");
    expect(r.findings).toEqual([]);
    expect(r.checked.map((c) => [c.quote, c.status])).toEqual([
      ["无因公出国费用", "agrees"],
      ["无因公出国费用和公务用车购置费", "agrees"],
    ]);
  });

  it("无… for something spent this year is an error naming the figure", () => {
    const r = check("2020年度无公务接待费。");
    expect(r.findings.map((f) => [f.problem, f.actual, f.expected])).toEqual([["figure", "无", "1.90万元"]]);
    expect(problems("公务用车运行维护费本年无此项支出。")).toEqual(["error:figure"]);
    expect(problems("因公出国费用本年无此项支出。")).toEqual([]);
  });
});
