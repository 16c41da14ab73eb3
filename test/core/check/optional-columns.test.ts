import { checkReport } from "../../../src/core/check";
import { defaultForm } from "../../../src/core/spec";
import { seedWithIndicators, withValues } from "../score/helpers";

describe("columns the officer may leave empty", () => {
  it("raise no 未填写 notice for a 定量指标 row without 完成率 or 偏差原因", () => {
    const report = checkReport(defaultForm, seedWithIndicators());
    expect(report.findings.filter((f) => f.ruleId === "blank:perfIndicators")).toEqual([]);
  });

  it("while a blank 计量单位 in the same rows is still noted", () => {
    const report = checkReport(defaultForm, withValues(seedWithIndicators(), { "perfIndicators.item[2].unit": null }));
    const blank = report.findings.find((f) => f.ruleId === "blank:perfIndicators")!;
    expect(blank.fields).toEqual(["perfIndicators.item[2].unit"]);
  });
});
