import Decimal from "decimal.js";
import { checkReport } from "../../../src/core/check";
import { scoreReport } from "../../../src/core/score";
import { defaultForm, defaultScoringTable, type ReportData } from "../../../src/core/spec";
import { loadSeed } from "../../fixtures/load";
import { withValues } from "./helpers";

const D = Decimal.clone({ precision: 50 });
const seed = loadSeed(2020);
const scoredIndicators = defaultScoringTable.indicators.filter((i) => i.points !== "0");
const field = (id: string) => `perfScores.${id}.entered`;

/** The officer's scores: full marks everywhere except where given. */
function officerScores(except: Record<string, string> = {}): Record<string, string> {
  return Object.fromEntries(scoredIndicators.map((i) => [field(i.id), except[i.id] ?? i.points]));
}
const total = (scores: Record<string, string>) => Object.values(scores).reduce((t, s) => t.plus(s), new D(0));

describe("the officer's score of each indicator (绩效评分 table) beside the suggestion", () => {
  it("the form has one score cell per indicator with points, and a 合计 laid out as their sum", () => {
    const check = checkReport(defaultForm, withValues(seed, { ...officerScores(), "perfScores.total.entered": "99" }));
    const sum = check.findings.find((f) => f.ruleId === "perfScores.total")!;
    expect(sum.kind).toBe("sum");
    expect(sum.expected).toBe(total(officerScores()).toString());
  });

  it("keeps the officer's score, shows the suggestion beside it and explains the difference", () => {
    // The officer gives 预算调整率 its full 3 points; the rule gives 0 for 53.73%.
    const scores = officerScores({ keySpending: "4" });
    const data: ReportData = withValues(seed, { ...scores, "score.score": total(scores).toString() });
    const report = scoreReport(defaultForm, data, defaultScoringTable);
    const adjust = report.indicators.find((i) => i.id === "budgetAdjust")!;
    expect(adjust.entered).toBe("3");
    expect(adjust.suggested).toBe("0");
    expect(adjust.difference).toBe("自评 3 分，按评分标准建议 0 分（多 3 分）");
    const notice = report.findings.find((f) => f.ruleId === "score.indicator[budgetAdjust]")!;
    expect(notice.severity).toBe("info");
    expect(notice.message).toContain(adjust.rule!);
    expect(notice.cell).toMatch(/^绩效评分!B\d+$/);
    // The suggestion: ZiPing's scores for the computed indicators, the officer's for the rest.
    const suggested = scoredIndicators.reduce(
      (t, i) => t.plus(report.indicators.find((r) => r.id === i.id)!.status === "scored" ? report.indicators.find((r) => r.id === i.id)!.suggested! : scores[field(i.id)]),
      new D(0),
    );
    expect(report.rollUp.suggested).toBe(suggested.toString());
    expect(report.rollUp.enteredSum).toBe(total(scores).toString());
    const warning = report.findings.find((f) => f.ruleId === "score.suggested")!;
    expect(warning.severity).toBe("warning");
    expect(warning.difference).toBe(total(scores).minus(suggested).toString());
    expect(report.rollUp.explanation).toContain("预算调整率自评 3 分");
  });

  it("an entered 综合得分 that is not the sum of the indicator scores is an error", () => {
    const scores = officerScores({ budgetAdjust: "0", fundBalance: "2" });
    const report = scoreReport(defaultForm, withValues(seed, scores), defaultScoringTable);
    const f = report.findings.find((x) => x.ruleId === "score.sum")!;
    expect(f.severity).toBe("error");
    expect(f.expected).toBe(total(scores).toString());
    expect(f.actual).toBe("97");
  });

  it("an indicator score above its 分值 is an error, and the roll-up falls back to the ceiling", () => {
    const report = scoreReport(defaultForm, withValues(seed, officerScores({ staffControl: "6" })), defaultScoringTable);
    const f = report.findings.find((x) => x.ruleId === "score.indicatorRange[staffControl]")!;
    expect(f.severity).toBe("error");
    expect(f.message).toContain("5 分");
    expect(report.rollUp.suggested).toBeUndefined();
    expect(report.findings.some((x) => x.ruleId === "score.ceiling")).toBe(true);
  });

  it("agreeing scores give no notice and a suggestion equal to the entered 综合得分", () => {
    const scores = officerScores({ budgetAdjust: "0", fundBalance: "2", keySpending: "4" });
    const data = withValues(seed, { ...scores, "score.score": total(scores).toString(), "score.grade": "优秀" });
    const report = scoreReport(defaultForm, data, defaultScoringTable);
    // Nothing about the scores (the seed's 177% and its row short of target are other findings).
    expect(report.findings.filter((f) => f.kind === "score" || f.kind === "grade" || f.kind === "range")).toEqual([]);
    expect(report.findings.every((f) => f.kind === "rate")).toBe(true);
    expect(report.rollUp.suggested).toBe(total(scores).toString());
    expect(report.rollUp.explanation).toContain("与建议一致");
  });
});
