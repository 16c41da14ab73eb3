/**
 * 叙述核对 over the 2020 report's own 评价报告综述 text (test/fixtures/narrative/2020-summary.txt,
 * copied from the seed): it must find the report's slips and nothing else.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Dec } from "../../../../src/core/money";
import { verifyNarrative } from "../../../../src/core/narrative/verify";
import { defaultForm } from "../../../../src/core/spec";
import { loadSeed, seedText } from "../../../fixtures/load";
import { percentOf } from "../../money/exact-oracle";

const text = readFileSync(join(__dirname, "../../../fixtures/narrative/2020-summary.txt"), "utf8");
const data = loadSeed(2020);
const cell = (id: string) => String(data.values[id]);
const report = verifyNarrative(defaultForm, data, text);
const errors = report.findings.filter((f) => f.severity === "error");

describe("叙述核对 of the 2020 summary", () => {
  it("the fixture is the seed's own text", () => {
    const seed = seedText(2020);
    for (const block of text.split("\n\n").filter((b) => b.trim())) expect(seed).toContain(block);
    for (const paragraph of ["“三公经费”本年实际支出", "从上表反映，我局基本支出预算超支", "支出预算中基本支出"]) expect(text).toContain(paragraph);
  });

  it("finds 97.02% twice: 4.02 → 0.12 is a fall of 97.01%", () => {
    const fall = percentOf(new Dec(cell("sangong.vehicleOps.prior")).minus(cell("sangong.vehicleOps.current")).toFixed(), cell("sangong.vehicleOps.prior"), 2);
    const slips = errors.filter((f) => f.actual === "97.02%");
    expect(slips).toHaveLength(2);
    for (const f of slips) {
      expect(f).toMatchObject({ kind: "narrative", problem: "figure", expected: `比上年降低${fall}%`, fields: ["sangong.vehicleOps.prior", "sangong.vehicleOps.current"] });
      expect(f.quote).toContain("公务用车运行维护费");
      expect(text.slice(f.offset, f.offset + f.quote.length)).toBe(f.quote);
      expect(f.cell).toMatch(/^'?[^!]+'?!\$?[A-Z]+\$?\d+$/);
    }
  });

  it("finds 基本支出预算超支294.48万元: by its own tables 781.00 − 507.32 = 273.68", () => {
    const over = new Dec(cell("budgetExec.basic.actual")).minus(cell("budgetExec.basic.budget")).toFixed(2);
    const f = errors.find((x) => x.actual === "294.48万元");
    expect(f).toMatchObject({ problem: "figure", expected: `超支${over}万元`, difference: new Dec("294.48").minus(over).toFixed(2) });
    expect(f?.message).toContain("第");
    expect(f?.quote).toBe("基本支出预算超支294.48万元");
  });

  it("raises no other error, and 605.48 is a 尾差 notice (the 合计 row's route), not an error", () => {
    expect(errors).toHaveLength(3);
    const notices = report.findings.filter((f) => f.severity !== "error");
    expect(notices.map((f) => [f.problem, f.actual])).toEqual([["tail", "605.48万元"]]);
    const rows = ["salary", "goods", "households"].map((r) => new Dec(cell(`econ.${r}.actual`)).minus(cell(`econ.${r}.budget`)));
    const sumOfRows = rows.reduce((a, b) => a.plus(b), new Dec(cell("econ.enterprises.actual"))).toFixed(2);
    expect(notices[0].expected).toBe(`超支${sumOfRows}万元`);
    expect(notices[0].message).toContain("尾差");
  });

  it("checks and agrees with the sentences that are right", () => {
    const agreed = report.checked.filter((c) => c.status === "agrees").map((c) => c.quote);
    for (const phrase of [
      "公务接待费实际支出1.90万元，比上年降低44.77%",
      "公务接待费比上年降低44.77%",
      "基本支出507.32万元，占支出预算总额的97.17%",
      "项目支出14.76万元，占支出预算的2.83%",
      "公务接待费本年人均0.049万元",
      "公车运行维护费平均每台0.06万元/台",
      "实际人数比编制人数少3人",
      "工资福利支出与超支197.64万元",
      "对企业补助超支206.70万元",
      "指标结余186.97万元",
      "科技交流与合作5.8万元",
      "结余129万元",
      "评价得分97分",
    ]) {
      expect(agreed, phrase).toContain(phrase);
    }
    expect(report.summary).toMatchObject({ errors: 3, notices: 1 });
    expect(report.summary.agreed).toBeGreaterThanOrEqual(40);
  });

  it("leaves what it cannot tie to a label alone and lists it as 未核对, quoted", () => {
    const quotes = report.unchecked.map((u) => u.quote);
    expect(quotes).toContain("科技创新与开发经费70万元");
    expect(quotes.some((q) => q.endsWith("科学技术事务管理项目经费57万元"))).toBe(true);
    expect(quotes).toContain("三公经费预算总额较上年减少");
    for (const u of report.unchecked) expect(text.slice(u.offset, u.offset + u.quote.length)).toBe(u.quote);
  });
});
