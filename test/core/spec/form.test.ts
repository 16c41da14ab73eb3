import { readFileSync } from "node:fs";
import { join } from "node:path";
import { checkReport } from "../../../src/core/check";
import { defaultForm, expandFields, fieldsMarkdown, validateForm, type FormSpec, type ReportData } from "../../../src/core/spec";
import { mofBumenJuesuan } from "../../../src/core/spec/forms/mof-juesuan";

const fixture = (name: string) => JSON.parse(readFileSync(join(__dirname, "../../fixtures/forms", name), "utf8"));

describe("the built-in form", () => {
  it("is a valid form: unique ids, Excel sheet names, every relation reference resolves", () => {
    expect(validateForm(defaultForm)).toEqual([]);
  });

  it("covers every table of both seeds", () => {
    const tables = defaultForm.sheets.flatMap((s) => s.tables.map((t) => t.id));
    for (const id of ["staff", "income", "expense", "sangongByUnit", "sangong", "assets", "budget", "fiscalIncome", "budgetExec", "econ", "special", "funcBasic", "funcProject", "otherBudgets", "perfQual", "perfQuant", "score", "evaluators"]) {
      expect(tables).toContain(id);
    }
  });

  it("gives every field a stable id, unique across the form", () => {
    const ids = expandFields(defaultForm, { units: [{ name: "甲" }, { name: "乙" }] }).map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain("income.unit[2].carryover");
    expect(ids).toContain("sangong.reception.prior");
  });
});

describe("validateForm rejects a broken form with a message naming the problem", () => {
  const broken = (mutate: (f: FormSpec) => void): string[] => {
    const copy = structuredClone(defaultForm) as FormSpec;
    mutate(copy);
    return validateForm(copy);
  };
  it.each([
    ["a relation naming a field that does not exist", (f: FormSpec) => ((f.relations[0] as { target: string }).target = "income.{row}.totl"), "income.all.totl"],
    ["a duplicated table id", (f: FormSpec) => (f.sheets[1].tables[0].id = "expense"), "expense"],
    ["a sheet name Excel refuses", (f: FormSpec) => (f.sheets[1].name = "收入/支出"), "收入/支出"],
    ["a row on an unknown list", (f: FormSpec) => (f.sheets[1].tables[0].rows[1].list = "nolist"), "nolist"],
    ["an iteration over an unknown table", (f: FormSpec) => (f.relations[0].each = { table: "nosuch", rows: "*" }), "nosuch"],
  ])("%s", (_name, mutate, mentioned) => {
    const errors = broken(mutate);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join("\n")).toContain(mentioned);
  });
});

describe("a second official form added as data alone", () => {
  const form = fixture("bumen-juesuan-mini.json") as FormSpec;
  const data = fixture("bumen-juesuan-mini.data.json") as ReportData;
  it("validates", () => expect(validateForm(form)).toEqual([]));
  it("is checked by the same engine with no code change", () => {
    const { findings } = checkReport(form, data);
    const ids = findings.map((f) => f.ruleId);
    // 947.49 vs 900.00 + 47.48 = 947.48: a 0.01 tail over two rounded lines
    expect(findings.find((f) => f.ruleId === "spending.lines[total]")?.kind).toBe("tail");
    expect(findings.find((f) => f.ruleId === "sangong.overspend[vehicle]")?.difference).toBe("0.20");
    expect(ids).not.toContain("sangong.overspend[reception]");
    expect(ids).not.toContain("income.total");
  });
  it("gets its own field dictionary", () => {
    expect(fieldsMarkdown(form)).toContain("`spending.line[n].basic`");
  });
});

describe("docs/fields.md", () => {
  it("is the dictionary generated from the spec (run `npm run docs` when this fails)", () => {
    const onDisk = readFileSync(join(__dirname, "../../../docs/fields.md"), "utf8");
    expect(onDisk).toBe(fieldsMarkdown(defaultForm));
  });
  it("has the 部门决算 form's beside it, docs/fields-juesuan.md, generated the same way", () => {
    const onDisk = readFileSync(join(__dirname, "../../../docs/fields-juesuan.md"), "utf8");
    expect(onDisk).toBe(fieldsMarkdown(mofBumenJuesuan));
  });
});
