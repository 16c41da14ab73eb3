import { builtInForms, findForm, validateForm, defaultForm, expandFields } from "../../../../src/core/spec";
import { expandRules } from "../../../../src/core/spec/rules";
import { mofBumenJuesuan } from "../../../../src/core/spec/forms/mof-juesuan";

describe("财政部 部门决算 form", () => {
  test("is a valid built-in form beside the 岳阳 form, which stays the default", () => {
    expect(validateForm(mofBumenJuesuan)).toEqual([]);
    expect(findForm("mof-bumen-juesuan")).toBe(mofBumenJuesuan);
    expect(builtInForms.map((f) => f.id)).toEqual(["yueyang-self-eval", "mof-bumen-juesuan"]);
    expect(defaultForm.id).toBe("yueyang-self-eval");
  });

  test("every rule reads fields of the form", () => {
    const lists = { expenseFuncs: [{ code: "201", name: "一般公共服务支出" }, { code: "20101", name: "人大事务" }, { code: "2010101", name: "行政运行" }] };
    const ids = new Set(expandFields(mofBumenJuesuan, lists).map((f) => f.id));
    const rules = expandRules(mofBumenJuesuan, lists);
    const missing = rules.flatMap((r) => ("target" in r ? [r.target, ...r.terms.map((t) => t.field)] : [])).filter((id) => !ids.has(id));
    expect(missing).toEqual([]);
    // 类 = Σ款, 款 = Σ项 and 合计 = Σ类, for each of the six columns of 公开03表.
    expect(rules.filter((r) => r.id.startsWith("expenseDetail.hierarchy[")).map((r) => r.id)).toEqual(
      ["201", "20101", "all"].flatMap((at) => ["total", "basic", "project", "toSuperior", "operating", "toAffiliated"].map((c) => `expenseDetail.hierarchy[${at},${c}]`)),
    );
  });
});
