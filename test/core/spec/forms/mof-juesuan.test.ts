import { readFileSync } from "node:fs";
import { join } from "node:path";
import { checkReport } from "../../../../src/core/check";
import type { FormSpec } from "../../../../src/core/spec";
import { validateForm, defaultForm, expandFields, builtInFormHeadings } from "../../../../src/core/spec";
import { builtInForms, findForm } from "../../../../src/core/spec/built-in";
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

describe("what the 决算 form added to the spec language", () => {
  const mini = (): FormSpec => JSON.parse(readFileSync(join(__dirname, "../../../fixtures/forms/bumen-juesuan-mini.json"), "utf8"));
  const partlyFilled = { form: "mof-bumen-juesuan", lists: {}, values: { "sangong.total.actual": "5.00" } };

  test("a table that allows blanks raises no 未填写 notice for them; one that does not, does", () => {
    const plain = mini();
    expect(checkReport(plain, partlyFilled).findings.map((f) => f.kind)).toEqual(["blank"]);
    const allowing = mini();
    allowing.sheets[1].tables[0].emptyAllowed = true;
    expect(checkReport(allowing, partlyFilled).findings).toEqual([]);
  });

  test("a hierarchy's total row equals the sum of the top-level entries, column by column", () => {
    const form = mini();
    form.relations = [{ kind: "hierarchy", id: "h", label: "合计 = Σ类", table: "spending", row: "line", levels: [3, 5, 7], total: "all", columns: ["total"] }];
    const lists = { funcs: [{ code: "206", name: "科学技术支出" }, { code: "20601", name: "科学技术管理事务" }, { code: "208", name: "社会保障和就业支出" }] };
    const values = { "spending.line[1].total": "10.00", "spending.line[2].total": "10.00", "spending.line[3].total": "5.00", "spending.all.total": "15.10" };
    const report = checkReport(form, { form: form.id, lists, values });
    expect(report.findings.filter((f) => f.kind !== "blank").map((f) => [f.ruleId, f.expected, f.difference])).toEqual([["h[all,total]", "15.00", "0.10"]]);
  });

  test("a coded list's entry is named by its 科目编码: compared when the list has it, not checked when it has not", () => {
    const form = mini();
    form.relations = [{ kind: "same", id: "s", label: "同一科目", a: "income.general", b: "spending.line[code=2080505].total" }];
    const lists = { funcs: [{ code: "2060101", name: "行政运行" }, { code: "2080505", name: "机关事业单位基本养老保险缴费支出" }] };
    const values = { "income.general": "47.48", "spending.line[2].total": "47.50" };
    const report = checkReport(form, { form: form.id, lists, values });
    expect(report.findings.filter((f) => f.kind !== "blank").map((f) => [f.ruleId, f.fields])).toEqual([["s", ["income.general", "spending.line[2].total"]]]);
    expect(checkReport(form, { form: form.id, lists: { funcs: [lists.funcs[0]] }, values: {} }).results).toEqual([]);
    form.relations.push({ kind: "same", id: "t", label: "错", a: "income.general", b: "income.other[code=1].x" });
    expect(validateForm(form)).toEqual(["relations[1]：引用 income.other[code=1].x 应为“表.列表行[code=科目编码].列”，且该列表有科目编码（coded）"]);
  });

  test("validateForm names a total row that is not a fixed row, and 行次/栏次 that repeat or are not short numbers", () => {
    const form = mini();
    form.sheets[0].tables[0].rows[0].lineNo = "1";
    form.sheets[0].tables[0].rows[1].lineNo = "1";
    (form.sheets[0].tables[1].columns![0] as { colNo?: unknown }).colNo = 1;
    (form.sheets[1].tables[0] as { emptyAllowed?: unknown }).emptyAllowed = "yes";
    expect(validateForm(form)).toEqual([
      "sheets[0].tables[0].rows[1].lineNo：行次「1」在表 income 中重复",
      "sheets[0].tables[1].columns[0].colNo：栏次应为简短的编号文字，例如 \"1\"",
      "sheets[1].tables[0].emptyAllowed：应为 true 或 false",
    ]);
    const wrongTotal = mini();
    wrongTotal.relations.push({ kind: "hierarchy", id: "h", label: "合计", table: "spending", row: "line", levels: [3, 5], total: "line" });
    expect(validateForm(wrongTotal)).toEqual(["relations[5].total：表 spending 没有名为「line」的固定行（合计行）"]);
  });
});

test("the picker's headings name every built-in form as its data does (id, short name, title), in order", () => {
  expect(builtInFormHeadings).toEqual(builtInForms.map((f) => ({ id: f.id, title: f.title, ...(f.alias ? { alias: f.alias } : {}) })));
});
