import { checkReport } from "../../../src/core/check";
import { expandRules, ruleFields } from "../../../src/core/spec/rules";
import { Dec } from "../../../src/core/money";
import { defaultForm, expandFields, rawText, type ReportData } from "../../../src/core/spec";
import { loadSeed } from "../../fixtures/load";

/** A finding list as comparable text: which rules fire and with what figures. */
const fingerprint = (data: ReportData) =>
  JSON.stringify(checkReport(defaultForm, data).findings.map((f) => [f.ruleId, f.kind, f.actual, f.expected, f.difference]));

/** The smallest step a figure can move by as shown: 0.01 万元, or one whole person / vehicle. */
function step(kind: string): Dec {
  return kind === "count" || kind === "score" ? new Dec(1) : new Dec("0.01");
}

describe.each([2020, 2025] as const)("every numeric input of the %i seed that takes part in a relation", (year) => {
  const seed = loadSeed(year);
  const fields = new Map(expandFields(defaultForm, seed.lists).map((f) => [f.id, f]));
  // Range and grade rules are bands (97 and 98 are both 优秀), so a one-step move need not
  // change them; every field in an equation, same-figure or budget relation must.
  const inRelation = new Set(
    expandRules(defaultForm, seed.lists)
      .filter((r) => r.kind === "equation" || r.kind === "same" || r.kind === "budget")
      .flatMap(ruleFields),
  );
  const numeric = [...inRelation].filter((id) => {
    const text = rawText(seed.values[id]);
    return text !== null && /^-?\d+(\.\d+)?$/.test(String(text));
  });
  const before = fingerprint(seed);

  it("covers a meaningful number of fields", () => {
    expect(numeric.length).toBeGreaterThan(year === 2020 ? 100 : 10);
  });

  it.each(numeric)("%s: moving it by one step up or down changes the findings", (id) => {
    for (const sign of [1, -1]) {
      const moved = new Dec(String(rawText(seed.values[id]))).plus(step(fields.get(id)!.kind).times(sign));
      const changed = { ...seed, values: { ...seed.values, [id]: moved.toFixed() } };
      expect(fingerprint(changed), `${id} ${sign > 0 ? "+" : "-"}`).not.toBe(before);
    }
  });
});
