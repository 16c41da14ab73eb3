import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildVocabulary } from "../../../../src/core/narrative/verify/vocabulary";
import { defaultForm, expandFields, type FormSpec } from "../../../../src/core/spec";
import { loadSeed } from "../../../fixtures/load";

describe("the 叙述核对 vocabulary", () => {
  for (const year of [2020, 2025] as const) {
    const data = loadSeed(year);
    const { concepts } = buildVocabulary(defaultForm, data.lists);

    it(`${year}: no term names two concepts`, () => {
      const owner = new Map<string, string>();
      for (const c of concepts) {
        for (const term of c.terms) {
          expect(owner.get(term) ?? c.id, `${term} in ${c.id} and ${owner.get(term)}`).toBe(c.id);
          owner.set(term, c.id);
        }
      }
    });

    it(`${year}: every field a concept reads is a field of the form`, () => {
      const known = new Set(expandFields(defaultForm, data.lists).map((f) => f.id));
      for (const c of concepts) {
        const ids = [...c.values.map((v) => v.field), ...(c.pair ? [c.pair.prior, c.pair.current] : []), ...(c.budgetPair ? [c.budgetPair.budget, c.budgetPair.actual] : [])];
        for (const id of ids) expect(known.has(id), `${c.id} reads ${id}`).toBe(true);
      }
    });
  }

  it("2020: derived figures find their cells by label (人均 divides by 实有人数, 编制 against 实际在职)", () => {
    expect(buildVocabulary(defaultForm, {}).derived).toMatchObject({
      perCapitaDivisor: "staff.actual",
      perItemDivisor: "vehicles.inUse",
      staff: { authorized: "staff.authorized", inService: "staff.inService" },
    });
  });

  it("takes its terms from the spec's labels and synonyms", () => {
    const terms = new Set(buildVocabulary(defaultForm, {}).concepts.flatMap((c) => c.terms));
    // 公务用车运维费: a synonym in the spec's 三公经费 table; 预算可用指标: a column label.
    for (const t of ["公务用车运维费", "公车运行维护费", "预算可用指标", "本年追加专项", "行政编制"]) expect(terms.has(t), t).toBe(true);
    // Numeric synonyms (301) and generic headers (合计) are never terms.
    expect([...terms].some((t) => /\d/.test(t) || t === "合计")).toBe(false);
  });
});

describe("the vocabulary of another form, from its labels alone", () => {
  const mini = JSON.parse(readFileSync(join(__dirname, "../../../fixtures/forms/bumen-juesuan-mini.json"), "utf8")) as FormSpec;
  const lists = { funcs: [{ code: "2060101", name: "行政运行" }] };
  const { concepts, derived } = buildVocabulary(mini, lists);
  const byTerm = (t: string) => concepts.find((c) => c.terms.includes(t));

  it("a grid's rows over its 预算数/决算数 columns, with the pair for execution rates", () => {
    expect(byTerm("公务接待费")).toMatchObject({
      values: [
        { field: "sangong.reception.budget", role: "budget" },
        { field: "sangong.reception.actual", role: "actual" },
      ],
      budgetPair: { budget: "sangong.reception.budget", actual: "sangong.reception.actual" },
    });
  });

  it("a record table's rows, a grid's subject columns at its 合计 row, a list's entries, the title of a table whose 合计 has no name", () => {
    expect(byTerm("本年收入合计")?.values.map((v) => v.field)).toEqual(["income.total"]);
    expect(byTerm("基本支出")?.values.map((v) => v.field)).toEqual(["spending.all.basic"]);
    expect(byTerm("行政运行")?.values.map((v) => v.field)).toEqual(["spending.line[1].total"]);
    expect(byTerm("三公经费")?.values.map((v) => v.field)).toEqual(["sangong.total.budget", "sangong.total.actual"]);
  });

  it("a row of a table of last year's figures is last year's even when its label says 本年 (上年决算数 · 本年收入合计)", () => {
    const sheet = mini.sheets[0];
    const priorTable = { id: "prior", title: "上年决算数", layout: "record", unit: "万元", rows: [{ id: "incomeTotal", label: "本年收入合计" }] };
    const withPrior = { ...mini, sheets: [{ ...sheet, tables: [...sheet.tables, priorTable] }, ...mini.sheets.slice(1)] } as FormSpec;
    const concept = buildVocabulary(withPrior, lists).concepts.find((c) => c.terms.includes("本年收入合计"));
    expect(concept?.values.map((v) => [v.field, v.role])).toEqual([
      ["income.total", "actual"],
      ["prior.incomeTotal", "prior"],
    ]);
    // Never a "change" from one prior-year cell to another.
    for (const p of [...(concept?.pair ? [concept.pair] : []), ...(concept?.pairs ?? [])]) expect(p.current.startsWith("prior.")).toBe(false);
  });

  it("finds no 编制, 公车 or 经济分类 table where the form has none", () => {
    expect(derived).toEqual({});
    expect(concepts.some((c) => c.derived)).toBe(false);
  });
});
