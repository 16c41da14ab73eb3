/**
 * "增加0万元" / "增长0%" where the two years are equal: published 三公 说明 write this (寻甸,
 * 涪陵 in the corpus). The figure is right, so 叙述核对 must not call the sentence wrong
 * (precision first); it suggests 与上年持平 as a notice. A direction word on a real change, or
 * a non-zero figure on a flat one, is still an error.
 */
import { verifyNarrative } from "../../../../src/core/narrative";
import { defaultForm, type RawValue, type ReportData } from "../../../../src/core/spec";
import { loadSeed } from "../../../fixtures/load";

const seed = loadSeed(2020);
const withValues = (values: Record<string, RawValue>): ReportData => ({ ...seed, values: { ...seed.values, ...values } });
// 公务接待费 the same in both years: the seed's current figure, copied into the prior year.
const flat = withValues({ "sangong.reception.prior": seed.values["sangong.reception.current"] });
const current = String(seed.values["sangong.reception.current"]);

describe("a zero change worded as 增加/减少/增长", () => {
  it.each(["比上年增加0万元", "比上年减少0万元", "比上年增长0%", "比上年降低0.00%"])("公务接待费…%s: a notice, never an error", (phrase) => {
    const r = verifyNarrative(defaultForm, flat, `公务接待费实际支出${current}万元，${phrase}。`);
    expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
    const notices = r.findings.filter((f) => f.problem === "flatWording");
    expect(notices).toHaveLength(1);
    expect(notices[0].severity).toBe("info");
    expect(notices[0].message).toContain("与上年持平");
  });

  it("a non-zero change on two equal years is still an error", () => {
    const r = verifyNarrative(defaultForm, flat, `公务接待费实际支出${current}万元，比上年增加0.50万元。`);
    expect(r.findings.some((f) => f.severity === "error")).toBe(true);
    expect(r.findings.some((f) => f.problem === "flatWording")).toBe(false);
  });

  it("增加 on a real decrease is still an error", () => {
    // The seed's 公务接待费 fell from 3.44 to 1.90.
    const r = verifyNarrative(defaultForm, seed, `公务接待费实际支出${current}万元，比上年增长44.77%。`);
    expect(r.findings.filter((f) => f.severity === "error").map((f) => f.problem)).toContain("direction");
  });
});
