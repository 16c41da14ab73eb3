/**
 * 完成预算的X% / 完成年初预算X% / 完成全年预算84.82万元的73.2%: the execution rate against the
 * row's 预算数 and 决算数, with the budget amount possibly written inside the rate (the amount is
 * then the 预算 figure, and the percentage after its 的 is the rate).
 */
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { verifyNarrative } from "../../../../src/core/narrative";
import type { ReportData } from "../../../../src/core/spec/data";
import type { FormSpec } from "../../../../src/core/spec/types";
import { percentOf, plain } from "../../money/exact-oracle";

/** 部门决算's 三公 table: 预算数 | 决算数 | 上年决算数. */
const form = JSON.parse(readFileSync(join(__dirname, "..", "..", "..", "fixtures", "corpus", "forms", "sangong.json"), "utf8")) as FormSpec;
const data = (budget: string, actual: string, prior = ""): ReportData => ({ form: form.id, lists: {}, values: { "report.year": "2023", "sangong.reception.budget": budget, "sangong.reception.actual": actual, ...(prior ? { "sangong.reception.prior": prior } : {}) } });
const errors = (text: string, d: ReportData) => verifyNarrative(form, d, text).findings.filter((f) => f.severity === "error");

const WORDINGS: Array<(budget: string, rate: string) => string> = [
  (b, r) => `完成预算${b}万元的${r}%`,
  (b, r) => `完成全年预算${b}万元的${r}%`,
  (b, r) => `完成年初预算${b}万元的${r}%`,
  (_b, r) => `完成年初预算${r}%`,
  (_b, r) => `完成预算的${r}%`,
  (_b, r) => `预算执行率${r}%`,
];
const cents = fc.integer({ min: 1, max: 9_999_999 }).map((n) => plain(BigInt(n), 2));

describe("the execution rate, with or without the budget written inside it", () => {
  it("a true sentence in every wording: every figure checked, no error (property)", () => {
    fc.assert(
      fc.property(cents, cents, fc.integer({ min: 0, max: WORDINGS.length - 1 }), fc.integer({ min: 0, max: 2 }), (budget, actual, w, decimals) => {
        const text = `公务接待费支出决算为${actual}万元，${WORDINGS[w](budget, percentOf(actual, budget, decimals))}。`;
        const r = verifyNarrative(form, data(budget, actual), text);
        expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
        expect(r.unchecked).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it.each(WORDINGS.map((w, i) => [i, w] as const))("wording %i with a planted wrong rate: exactly one error", (_i, wording) => {
    // 22.59 of 43.20 is 52.3%; written 53.2%.
    const found = errors(`公务接待费支出决算为22.59万元，${wording("43.2", "53.2")}。`, data("43.20", "22.59"));
    expect(found).toHaveLength(1);
    expect(found[0].expected).toBe(`执行率${percentOf("22.59", "43.20", 1)}%`);
  });

  it("a planted wrong budget amount inside the rate: exactly one error, on the amount", () => {
    const text = `公务接待费支出决算为22.59万元，完成预算42.3万元的${percentOf("22.59", "43.20", 1)}%。`;
    const found = errors(text, data("43.20", "22.59"));
    expect(found).toHaveLength(1);
    expect(found[0].actual).toBe("42.3万元");
    expect(found[0].expected).toBe("43.20万元");
  });

  it("天水市幼儿园2017: 完成年初预算100% where the table gives 103.32% is an error", () => {
    const found = errors("公务接待费支出决算为1741.75万元，与上年相比减少53.7万元，降低2.99%；完成年初预算100%。", data("1685.82", "1741.75", "1795.45"));
    expect(found.map((f) => f.expected)).toEqual([`执行率${percentOf("1741.75", "1685.82", 0)}%`]);
  });

  it("完成预算支出X万元 (what was spent) is not read as the budget", () => {
    const r = verifyNarrative(form, data("43.20", "22.59"), "公务接待费完成预算支出30.00万元。");
    expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(r.checked).toEqual([]);
  });

  it("a percentage after an ordinary amount with 的 between is not read as a rate", () => {
    const r = verifyNarrative(form, data("43.20", "22.59"), "公务接待费支出决算为22.59万元的52.3%。");
    expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(r.checked.some((c) => c.expected.startsWith("执行率"))).toBe(false);
  });

  it("a rate on a budget of 0 is one error saying there is no rate (合肥2023: 完成预算的0%)", () => {
    for (const [actual, rate, instead] of [["0", "0", "未安排预算，也未发生支出"], ["5.00", "100", "未安排预算，实际支出5.00万元"]]) {
      const found = errors(`公务接待费预算为0万元，支出决算为${actual}万元，完成预算的${rate}%。`, data("0", actual));
      expect(found.map((f) => [f.problem, f.expected])).toEqual([["zeroBase", instead]]);
    }
    // The same sentence without a rate is right.
    expect(errors("公务接待费预算为0万元，支出决算为0万元。", data("0", "0"))).toEqual([]);
  });
});
