import { narrate } from "../../../src/core/narrative";
import { Dec } from "../../../src/core/money";
import { defaultForm, rawText, type FormSpec, type ReportData } from "../../../src/core/spec";
import { loadSeed } from "../../fixtures/load";

/** A narration with nothing remembered: a copy of the form has its own (empty) caches. */
const fresh = (data: ReportData, options = {}) => narrate(structuredClone(defaultForm) as FormSpec, data, options);

describe("live re-narration reuses clauses whose cells did not change", () => {
  it("says exactly what a fresh narration says, edit after edit, for every figure of the 2020 seed", () => {
    const seed = loadSeed(2020);
    let current = seed;
    narrate(defaultForm, current);
    const numeric = Object.keys(seed.values).filter((id) => /^-?\d+(\.\d+)?$/.test(String(rawText(seed.values[id]))));
    expect(numeric.length).toBeGreaterThan(100);
    for (const id of numeric) {
      const moved = new Dec(String(rawText(seed.values[id]))).plus("1.5").toFixed();
      current = { ...current, values: { ...current.values, [id]: moved } };
      expect(JSON.stringify(narrate(defaultForm, current)), id).toBe(JSON.stringify(fresh(current)));
    }
  });

  it("follows a change of wording options and of a blanked cell", () => {
    const seed = loadSeed(2020);
    narrate(defaultForm, seed);
    const options = { decreaseWord: "下降" as const, precision: "full" as const };
    expect(JSON.stringify(narrate(defaultForm, seed, options))).toBe(JSON.stringify(fresh(seed, options)));
    const blanked = { ...seed, values: { ...seed.values, "sangong.reception.prior": null, "report.selfRef": "我部门" } };
    const text = JSON.stringify(narrate(defaultForm, blanked));
    expect(text).toBe(JSON.stringify(fresh(blanked)));
    expect(text).toContain("我部门");
  });

  it("the grouped 无 clause follows a row that joins it (its cells were not among the clause's reads)", () => {
    const seed = loadSeed(2020);
    narrate(defaultForm, seed);
    // 公务接待费 drops to nothing in both years: it joins 因公出国费用 and 公务用车购置费 in the 无 clause.
    const none = { ...seed, values: { ...seed.values, "sangong.reception.prior": "0", "sangong.reception.current": "0" } };
    const text = JSON.stringify(narrate(defaultForm, none));
    expect(text).toBe(JSON.stringify(fresh(none)));
    expect(text).toContain("无公务接待费、因公出国费用和公务用车购置费");
  });
});
