import { scoreReport } from "../../../src/core/score";
import { defaultForm, defaultScoringTable, type ReportData } from "../../../src/core/spec";
import { loadSeed } from "../../fixtures/load";
import { seedWithIndicators, withValues } from "./helpers";

const score = (data: ReportData) => scoreReport(defaultForm, data, defaultScoringTable);
const indicator = (data: ReportData, id: string) => score(data).indicators.find((i) => i.id === id)!;
const seed = loadSeed(2020);

describe("bad input gives its worded outcome, never NaN or a crash", () => {
  it.each([
    ["a missing base", { "staff.authorized": null }, "staffControl", "人员编制未填写，无法计算财政供养人员控制率"],
    ["a 0 budget", { "budget.expenseTotal": "0" }, "budgetAdjust", "支出预算合计为0，无法计算预算调整率"],
    ["a 0 prior year", { "sangong.total.prior": "0" }, "sangongChange", "上年“三公经费”为0，无法计算变动率"],
    ["a text in a number cell", { "staff.inService": "约40人" }, "staffControl", "实际在职人数填写的是「约40人」，不是数字"],
    ["a negative base", { "income.all.carryover": "-5" }, "fundBalance", "上年结转为负数"],
  ])("%s", (_name, values, id, words) => {
    const data = withValues(seed, values);
    const r = indicator(data, id);
    expect(r.status).toBe("unavailable");
    expect(r.reason).toContain(words);
    expect(r.suggested).toBeUndefined();
    // Its points go to the 评价组, not to a deduction.
    const report = score(data);
    expect(report.rollUp.explanation).not.toMatch(/NaN|Infinity|undefined/);
    expect(JSON.stringify(report)).not.toMatch(/NaN|Infinity/);
  });

  it("a reference indicator with a 0 base says so", () => {
    const r = indicator(withValues(seed, { "budgetExec.total.budget": "0" }), "executionRate");
    expect(r.status).toBe("reference");
    expect(r.reason).toBe("预算指标小计为0，无法计算预算执行率");
  });

  it("an entered score that is not a number is named, and no ceiling finding is guessed", () => {
    const report = score(withValues(seed, { "score.score": "九十七" }));
    expect(report.rollUp.explanation).toContain("综合得分填写的是「九十七」，不是分数");
    expect(report.findings.some((f) => f.ruleId === "score.ceiling")).toBe(false);
    expect(report.findings.some((f) => f.kind === "invalid" && f.fields[0] === "score.score")).toBe(true);
  });

  it.each([
    ["0", "指标值为0，无法计算完成率"],
    ["十二", "指标值填写的是「十二」，不是数字"],
    [null, "指标值未填写"],
  ])("a 定量指标 row with 指标值 %s", (target, words) => {
    const report = score(withValues(seedWithIndicators(), { "perfIndicators.item[7].target": target }));
    const row = report.quantitative.find((q) => q.n === 7)!;
    expect(row.ratio).toBeUndefined();
    expect(row.reason).toContain(words);
    // The statement about it is not checked against a figure that does not exist.
    expect(report.findings.filter((f) => f.relationId === "score.statedRate" && f.fields.includes("perfIndicators.item[7].target"))).toEqual([]);
    expect(JSON.stringify(report)).not.toMatch(/NaN|Infinity/);
  });

  it("an empty workbook scores nothing and says why for each indicator", () => {
    const report = score({ form: defaultForm.id, lists: {}, values: {} });
    for (const r of report.indicators.filter((i) => i.status !== "manual" && i.id !== "procurementRate")) {
      expect(r.reason).toMatch(/未填写/);
    }
    expect(report.rollUp.ceiling).toBe("100");
    expect(report.rollUp.explanation).toContain("综合得分未填写");
  });
});

describe("a live pass reuses what did not change, and only that", () => {
  it("an edit to an indicator's cell changes its result; going back gives the first result again", () => {
    const data = seedWithIndicators();
    const first = score(data);
    const edited = score(withValues(data, { "staff.inService": "50", "perfIndicators.item[7].actual": "21" }));
    const staff = (r: ReturnType<typeof score>) => r.indicators.find((i) => i.id === "staffControl")!;
    expect(staff(edited).value).not.toBe(staff(first).value);
    expect(staff(edited).suggested).toBe("0");
    expect(edited.quantitative.find((q) => q.n === 7)!.shown).toBe("175.00%");
    // 177% against 175%: still a finding, with the new figure.
    expect(edited.findings.find((f) => f.relationId === "score.statedRate" && f.actual === "177%")!.expected).toBe("175.00%");
    // Untouched indicators are the very same results.
    expect(edited.indicators.find((i) => i.id === "fundBalance")).toBe(first.indicators.find((i) => i.id === "fundBalance"));
    expect(score(data)).toEqual(first);
  });
});
