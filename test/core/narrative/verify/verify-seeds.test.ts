/**
 * 叙述核对 over each seed report's whole text (test/fixtures/seeds/), tables pasted as text
 * included: the report's own slips and nothing else.
 */
import { verifyNarrative } from "../../../../src/core/narrative";
import { defaultForm } from "../../../../src/core/spec";
import { loadSeed, seedText } from "../../../fixtures/load";

describe("叙述核对 of the seeds' whole reports", () => {
  it("2020: 294.48, 97.02% twice and the 605.48 尾差, nothing else", () => {
    const r = verifyNarrative(defaultForm, loadSeed(2020), seedText(2020));
    expect(r.findings.map((f) => [f.severity, f.problem, f.actual])).toEqual([
      ["error", "figure", "294.48万元"],
      ["info", "tail", "605.48万元"],
      ["error", "figure", "97.02%"],
      ["error", "figure", "97.02%"],
    ]);
    expect(r.summary.agreed).toBeGreaterThanOrEqual(40);
  });

  it("2025: the doubled 其中：其中： the report really has, and 6.45万 without 元", () => {
    const text = seedText(2025);
    const r = verifyNarrative(defaultForm, loadSeed(2025), text);
    expect(r.findings.map((f) => [f.severity, f.problem, f.actual])).toEqual([
      ["warning", "doubled", "其中：其中："],
      ["info", "unitStyle", "6.45万"],
    ]);
    const doubled = r.findings[0];
    expect(text.slice(doubled.offset, doubled.offset + doubled.quote.length)).toBe("其中：其中：");
    expect(r.summary.errors).toBe(0);
  });
});
