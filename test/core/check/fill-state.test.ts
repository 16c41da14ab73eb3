import { checkReport } from "../../../src/core/check";
import { buildLayoutPlan } from "../../../src/core/plan";
import { defaultForm, type ReportData } from "../../../src/core/spec";
import { loadSeed } from "../../fixtures/load";

const seed = loadSeed(2020);
const withValues = (values: ReportData["values"]): ReportData => ({ form: seed.form, lists: seed.lists, values });

describe("an empty or fresh workbook is 尚未填写, not 全部通过", () => {
  it("calls a workbook with nothing filled unfilled, though it has no findings", () => {
    const report = checkReport(defaultForm, withValues({}));
    expect(report.findings).toEqual([]);
    expect(report.state).toBe("unfilled");
  });

  it("stays unfilled with only the header the template prefilled (year, department)", () => {
    const report = checkReport(defaultForm, withValues({ "report.year": 2025, "report.dept": "某局" }));
    expect(report.results.every((r) => r.status === "skipped")).toBe(true);
    expect(report.state).toBe("unfilled");
  });

  it("is not unfilled once a rule has figures to check, or a typed value is wrong", () => {
    expect(checkReport(defaultForm, seed).state).toBe("findings");
    expect(checkReport(defaultForm, withValues({ "staff.actual": "40", "staff.inService": "40" })).state).not.toBe("unfilled");
    expect(checkReport(defaultForm, withValues({ "staff.actual": "约40" })).state).toBe("findings");
  });
});

describe("the template writes the year as a number", () => {
  it("turns a year typed as text into a number in the numeric 评价年度 cell, and leaves text fields as typed", () => {
    const plan = buildLayoutPlan(defaultForm, {}, { prefill: { "report.year": "2025", "report.dept": "2025" } });
    const cell = (id: string) => plan.sheets.flatMap((s) => s.cells).find((c) => c.fieldId === id)!;
    expect(cell("report.year").value).toBe(2025);
    expect(cell("report.dept").value).toBe("2025");
  });
});
