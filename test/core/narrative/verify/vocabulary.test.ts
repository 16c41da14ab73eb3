import { buildVocabulary } from "../../../../src/core/narrative/verify/vocabulary";
import { defaultForm, expandFields } from "../../../../src/core/spec";
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

  it("takes its terms from the spec's labels and synonyms", () => {
    const terms = new Set(buildVocabulary(defaultForm, {}).concepts.flatMap((c) => c.terms));
    // 公务用车运维费: a synonym in the spec's 三公经费 table; 预算可用指标: a column label.
    for (const t of ["公务用车运维费", "公车运行维护费", "预算可用指标", "本年追加专项", "行政编制"]) expect(terms.has(t), t).toBe(true);
    // Numeric synonyms (301) and generic headers (合计) are never terms.
    expect([...terms].some((t) => /\d/.test(t) || t === "合计")).toBe(false);
  });
});
