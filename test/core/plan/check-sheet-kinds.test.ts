/**
 * The 校验 sheet's formulas for the newer relation kinds (inequality, ratio, and the sums a
 * 科目编码 hierarchy expands into) give the core's verdicts, on a form given as data: the mini
 * 决算 form with those relations added, evaluated by the test formula engine.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { checkReport } from "../../../src/core/check";
import { CHECK_COLUMNS, CHECK_FIRST_ROW, CHECK_SHEET_NAME } from "../../../src/core/plan/check-sheet";
import { buildLayoutPlan } from "../../../src/core/plan/layout";
import type { FormSpec, ReportData } from "../../../src/core/spec";
import { expectedVerdict, workbookFromPlan } from "./plan-workbook";

const fixture = <T>(name: string): T => JSON.parse(readFileSync(join(__dirname, "../../fixtures/forms", name), "utf8")) as T;

function formWithKinds(): FormSpec {
  const form = fixture<FormSpec>("bumen-juesuan-mini.json");
  form.sheets[1].tables[0].columns!.push({ id: "rate", label: "执行率", kind: "percent", unit: "%" });
  form.relations.push(
    { id: "reception.withinOwn", label: "公务接待费预算不超过其决算", kind: "inequality", a: "sangong.reception.budget", b: "sangong.reception.actual" },
    { id: "vehicle.withinTotal", label: "公务用车费决算不超过三公决算", kind: "inequality", a: "sangong.vehicle.actual", b: "sangong.total.actual" },
    { id: "sangong.rate", label: "执行率 = 决算 ÷ 预算", kind: "ratio", each: { table: "sangong", rows: ["vehicle", "reception", "total"] }, field: "sangong.{row}.rate", numerator: "sangong.{row}.actual", denominator: "sangong.{row}.budget" },
    { id: "funcs.levels", label: "类 = Σ款 = Σ项", kind: "hierarchy", table: "spending", row: "line", levels: [3, 5, 7], columns: ["total"] },
  );
  form.relations = form.relations.filter((r) => r.id !== "sangong.total");
  return form;
}

function data(): ReportData {
  const base = fixture<ReportData>("bumen-juesuan-mini.data.json");
  const lists = { funcs: [{ code: "206", name: "科学技术支出" }, { code: "20601", name: "科学技术管理事务" }, { code: "2060101", name: "行政运行" }, { code: "2060102", name: "一般行政管理事务" }] };
  const values = {
    ...base.values,
    "spending.line[1].total": "130.00", "spending.line[2].total": "100.00", "spending.line[3].total": "60.00", "spending.line[4].total": "40.01",
    "sangong.vehicle.rate": "1.0667", "sangong.reception.rate": "0.95", "sangong.total.rate": "1.0201",
  };
  return { ...base, lists, values };
}

function compare(form: FormSpec, report: ReportData) {
  const plan = buildLayoutPlan(form, report.lists);
  const wb = workbookFromPlan(form, plan, report);
  const sheet = plan.sheets.find((s) => s.id === "checks")!;
  const rows = sheet.cells.filter((c) => c.column === CHECK_COLUMNS.ruleId && typeof c.value === "string" && c.row >= CHECK_FIRST_ROW);
  const onSheet = Object.fromEntries(rows.map((c) => [c.value as string, String(wb.value(CHECK_SHEET_NAME, c.row, CHECK_COLUMNS.verdict))]));
  const core = Object.fromEntries(checkReport(form, report).results.map((r) => [r.rule.id, expectedVerdict(r)]));
  return { onSheet, core };
}

describe("the 校验 sheet for inequality, ratio and hierarchy relations", () => {
  it("gives the core's verdict, rule by rule, with passes and failures of each kind", () => {
    const { onSheet, core } = compare(formWithKinds(), data());
    expect(onSheet).toEqual(core);
    expect(core).toMatchObject({
      "reception.withinOwn": "不通过",
      "vehicle.withinTotal": "通过",
      "sangong.rate[vehicle]": "通过",
      "sangong.rate[reception]": "通过",
      "sangong.rate[total]": "不通过",
      "funcs.levels[206,total]": "不通过",
      "funcs.levels[20601,total]": "尾差",
    });
  });

  it("keeps agreeing when the figures change", () => {
    const report = data();
    const changed = { ...report, values: { ...report.values, "sangong.reception.budget": "1.00", "sangong.total.rate": "1.02", "spending.line[1].total": "100.01", "sangong.vehicle.rate": "" } };
    const { onSheet, core } = compare(formWithKinds(), changed);
    expect(onSheet).toEqual(core);
    expect(core).toMatchObject({ "reception.withinOwn": "通过", "sangong.rate[total]": "通过", "sangong.rate[vehicle]": "未填" });
  });
});
