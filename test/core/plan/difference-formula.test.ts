import { checkReport } from "../../../src/core/check";
import type { Rule } from "../../../src/core/spec/rules";
import { totalFormula } from "../../../src/core/plan/formulas";
import type { FormSpec } from "../../../src/core/spec";
import { Workbook } from "./formula-engine";

/** A difference laid out as a formula (the built-in form has none; another form may). */
const form: FormSpec = {
  id: "diff",
  title: "差额",
  version: 1,
  lists: [],
  sheets: [{ id: "s", name: "表", tables: [{ id: "t", title: "结余", layout: "record", kind: "amount", unit: "万元", rows: [{ id: "income", label: "收入" }, { id: "spent", label: "支出" }, { id: "balance", label: "结余" }] }] }],
  relations: [{ id: "balance", label: "结余 = 收入 − 支出", kind: "equation", formula: true, target: "t.balance", terms: ["t.income", { ref: "t.spent", sign: -1 }] }],
};
const rule: Extract<Rule, { kind: "equation" }> = {
  kind: "equation",
  id: "balance",
  relation: form.relations[0] as Extract<Rule, { kind: "equation" }>["relation"],
  target: "t.balance",
  terms: [
    { field: "t.income", sign: 1 },
    { field: "t.spent", sign: -1 },
  ],
};
const at = { "t.income": { sheet: "表", row: 1, column: 2 }, "t.spent": { sheet: "表", row: 2, column: 2 }, "t.balance": { sheet: "表", row: 3, column: 2 } } as const;
const locate = (id: string) => at[id as keyof typeof at];

describe("a difference total", () => {
  const formula = totalFormula(rule, locate);
  it.each([
    ["10.5", "无"],
    ["—", "3.2"],
    ["10.5", "3.2"],
  ])("%s − %s shows what the core computes (a no-figure word is 0, never #VALUE!)", (income, spent) => {
    const wb = new Workbook();
    const num = (t: string) => (/^\d/.test(t) ? Number(t) : t);
    wb.set("表", 1, 2, { value: num(income) });
    wb.set("表", 2, 2, { value: num(spent) });
    wb.set("表", 3, 2, { formula });
    const shown = wb.value("表", 3, 2);
    expect(typeof shown).toBe("number");
    const core = checkReport(form, { form: "diff", lists: {}, values: { "t.income": income, "t.spent": spent, "t.balance": String(shown) } });
    expect(core.results[0].status).toBe("pass");
  });
});
