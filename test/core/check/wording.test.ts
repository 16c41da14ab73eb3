import { checkReport, templateLocator, type Finding, type FindingKind } from "../../../src/core/check";
import { Dec, formatAmount } from "../../../src/core/money";
import { defaultForm, rawText, type ReportData } from "../../../src/core/spec";
import { loadSeed } from "../../fixtures/load";

const seeds = { 2020: loadSeed(2020), 2025: loadSeed(2025) };
const data = seeds[2020];
const value = (id: string) => new Dec(String(rawText(data.values[id])));
const findings = (d: ReportData) => checkReport(defaultForm, d).findings;
const byRule = (ruleId: string) => findings(data).find((f) => f.ruleId === ruleId)!;
const at = templateLocator(defaultForm, data);

describe("findings in the officer's words", () => {
  it("states an overspend as 预算, 决算 and 超支, and asks for the reason (never 超出预算 507.32)", () => {
    for (const [ruleId, row, subject] of [
      ["overspend.exec[basic]", "budgetExec.basic", "基本支出"],
      ["overspend.econ[salary]", "econ.salary", "工资福利支出"],
    ] as const) {
      const budget = value(`${row}.budget`);
      const actual = value(`${row}.actual`);
      const f = byRule(ruleId);
      expect(f.message).toBe(
        `${subject}：预算${formatAmount(budget)}万元，决算${formatAmount(actual)}万元，超支${formatAmount(actual.minus(budget))}万元（请在报告中说明原因）`,
      );
      expect(f.message).not.toMatch(/超出预算|应为|实为/);
    }
  });

  it("says two headcounts disagree and names both cells, without guessing which one is wrong", () => {
    const f = byRule("same.headcount");
    const [actual, inService] = [rawText(data.values["staff.actual"]), rawText(data.values["staff.inService"])];
    expect(f.message).toBe(`实有人数${actual}人与实际在职人数${inService}人不一致，请核对 ${at("staff.actual")}、${at("staff.inService")}`);
    expect(at("staff.actual")).toBe("基本概况!B28");
    expect(f.message).not.toMatch(/应为|相差/);
  });

  it("names a cell of another table with its table, and a cell of the finding's own table without it", () => {
    const f = byRule("same.econActual");
    expect(f.message).toMatch(/^合计·本年决算[\d.]+万元与年度预算支出决算情况·基本支出·决算金额[\d.]+万元不一致/);
  });

  it("writes no space between Chinese text and figures in any kind of finding", () => {
    // The seeds, plus the seeds with one slip each, so that every kind of finding is worded.
    const slips: Array<Record<string, string>> = [
      {},
      { "econ.total.actual": "1200.00" }, // a total that does not add up
      { "budgetExec.basic.actual": "约781万" }, // text in a numeric cell
      { "score.score": "101" }, // out of range
      { "score.score": "85", "score.grade": "优秀" }, // 等次 that does not match the score
      { "score.score": "95", "score.grade": "好" },
    ];
    const all: Finding[] = [];
    for (const seed of Object.values(seeds)) for (const slip of slips) all.push(...findings({ ...seed, values: { ...seed.values, ...slip } }));
    const kinds: FindingKind[] = ["sum", "tail", "same", "overspend", "unbudgeted", "range", "grade", "invalid", "blank"];
    expect([...new Set(all.map((f) => f.kind))].sort()).toEqual([...kinds].sort());
    const cjk = "\\p{Script=Han}";
    // A space before a cell reference (请核对 基本概况!B28) sets it apart on purpose; prose has none.
    const stray = new RegExp(`(${cjk}|\\d) +(?![^\\s、，。]+![A-Z]+\\d)(${cjk})|${cjk} +\\d`, "u");
    for (const f of all) expect(f.message, `${f.ruleId}: ${f.message}`).not.toMatch(stray);
  });
});
